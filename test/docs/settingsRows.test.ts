/**
 * docs/rules.md cites the source of every council setting: adding an entry to the settings table
 * (src/ocop/settings.ts) without its row in both the Vietnamese and the English table fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SETTING_KEYS } from "../../src/ocop/settings";

test("every setting of the table has its row in docs/rules.md, in Vietnamese and in English", () => {
  const lines = readFileSync(join(__dirname, "../../docs/rules.md"), "utf8").split("\n");
  for (const key of SETTING_KEYS)
    expect({ key, rows: lines.filter((line) => line.startsWith(`| \`${key}\``)).length }).toEqual({
      key,
      rows: 2,
    });
});
