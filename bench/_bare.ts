import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
(async () => {
  const t = performance.now();
  for (const f of process.argv.slice(2)) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer); }
  console.log("bare", (performance.now() - t).toFixed(0));
})();
