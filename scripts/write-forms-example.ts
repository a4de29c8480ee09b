/** Writes examples/forms-qd1048.xlsx (see forms-example.ts): `npx tsx scripts/write-forms-example.ts`. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FORMS_EXAMPLE, writeFormsExample } from "./forms-example";

const target = join(__dirname, "..", "examples", FORMS_EXAMPLE);
void writeFormsExample().then(async (bytes) => {
  await writeFile(target, bytes);
  process.stdout.write(`Wrote ${target}\n`);
});
