/** `ocop check`: the findings of council workbooks and member books; exit 1 on errors, 2 on an unreadable file. */
import { basename } from "node:path";
import type { Finding } from "../../ocop/findings";
import { hasErrors } from "../../ocop/findings";
import { checkSheets } from "../../app/checkSheets";
import type { CliIO } from "../io";
import { withCall } from "../call";
import { Unreadable, WrongCall, unreadableFindings } from "../failures";
import { openXlsx } from "../openBook";
import { progress } from "../progress";
import { findingJson, findingLines } from "../report";

export const check = (args: string[], io: CliIO): Promise<number> =>
  withCall("check", args, io, async (c) => {
    const { values: v, positionals, lang } = c;
    c.allow(["json"]);
    if (!positionals.length) throw new WrongCall("ocop check FILE.xlsx...");
    const all: Finding[] = [];
    let unreadableInput = false;
    const bar = progress(io);
    for (const [i, file] of positionals.entries()) {
      if (positionals.length > 2) bar.step(i + 1, positionals.length, file);
      try {
        const { host } = await openXlsx(file);
        const r = await checkSheets(host, { file: basename(file) });
        all.push(...r.findings);
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        unreadableInput = true;
        all.push(...unreadableFindings(e));
      }
    }
    bar.end();
    io.stdout(
      v.json
        ? JSON.stringify(
            all.map((f) => findingJson(f, lang)),
            null,
            2
          ) + "\n"
        : findingLines(all, lang)
    );
    return unreadableInput ? 2 : hasErrors(all) ? 1 : 0;
  });
