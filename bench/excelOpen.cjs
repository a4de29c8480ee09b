// A whole-process reference for `ocop consolidate`: plain node (no tsx) loads ExcelJS and opens each book
// given, and does nothing else. bench/files.ts times this process from spawn to exit.
const { readFileSync } = require("node:fs");
const ExcelJS = require("exceljs");

(async () => {
  for (const file of process.argv.slice(2)) await new ExcelJS.Workbook().xlsx.load(readFileSync(file));
})().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
