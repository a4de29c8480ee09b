import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { assertWorkbookPackage } from "../src/hosts/xlsx/packageGuard";
import { normalisePackage } from "../src/hosts/xlsx/package";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
const lap = (() => {
  let t = performance.now();
  return (l: string) => {
    const n = performance.now();
    console.log(l.padEnd(24), (n - t).toFixed(0));
    t = n;
  };
})();
(async () => {
  const b = new Uint8Array(readFileSync(process.argv[2]!));
  lap("start");
  await assertWorkbookPackage(b);
  lap("guard");
  await normalisePackage(b);
  lap("normalise");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  lap("exceljs");
  await XlsxHost.fromBuffer(b);
  lap("fromBuffer (2nd)");
})();
