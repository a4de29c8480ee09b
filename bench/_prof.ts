import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { consolidateWorkbook } from "../src/app/consolidate";
import { sha256Hex } from "../src/app/hash";
import { assertWorkbookPackage } from "../src/hosts/xlsx/packageGuard";
import { normalisePackage } from "../src/hosts/xlsx/package";
import { readWorkbook } from "../src/app/readWorkbook";
import ExcelJS from "exceljs";

const dir = "/tmp/ocop-proto";
const lap = (() => {
  let t = performance.now();
  return (l: string) => {
    const n = performance.now();
    console.log(l.padEnd(20), (n - t).toFixed(0));
    t = n;
  };
})();
(async () => {
  const P = 400;
  const files = [
    join(dir, `council-${P}.xlsx`),
    ...Array.from({ length: 15 }, (_, i) => join(dir, `book-${P}-TV${String(i + 1).padStart(2, "0")}.xlsx`)),
  ];
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  console.log(bytes.map((b) => b.length));
  lap("start");
  for (const b of bytes.slice(1)) await assertWorkbookPackage(b);
  lap("guard books");
  for (const b of bytes.slice(1)) await normalisePackage(b);
  lap("normalise books");
  for (const b of bytes.slice(1)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
  }
  lap("exceljs load books");
  const council = await XlsxHost.fromBuffer(bytes[0]!);
  lap("open council");
  const books = [];
  for (const [i, b] of bytes.slice(1).entries())
    books.push({ host: await XlsxHost.fromBuffer(b), file: `b${i}`, sha256: await sha256Hex(b) });
  lap("open books");
  await readWorkbook(council);
  lap("readWorkbook council");
  for (const b of books) await readWorkbook(b.host);
  lap("readWorkbook books");
  const r = await consolidateWorkbook(council, { books, file: "c", sha256: "" });
  lap("consolidateWorkbook " + r.written);
  const out = await council.toBuffer();
  lap("toBuffer " + out.length);
})();
