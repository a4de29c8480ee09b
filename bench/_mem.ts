import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { sha256Hex } from "../src/app/hash";
import { consolidateWorkbook } from "../src/app/consolidate";
const dir = "/tmp/ocop-proto";
const mem = (l: string) => {
  global.gc?.();
  const m = process.memoryUsage();
  console.log(
    l.padEnd(20),
    "heap",
    (m.heapUsed / 1e6).toFixed(0),
    "rss",
    (m.rss / 1e6).toFixed(0),
    "maxrss",
    (process.resourceUsage().maxRSS / 1e3).toFixed(0)
  );
};
(async () => {
  mem("start");
  const council = await XlsxHost.fromBuffer(new Uint8Array(readFileSync(join(dir, "council-400.xlsx"))));
  mem("council");
  const books = [];
  for (let i = 1; i <= 15; i++) {
    const b = new Uint8Array(readFileSync(join(dir, `book-400-TV${String(i).padStart(2, "0")}.xlsx`)));
    books.push({ host: await XlsxHost.fromBuffer(b), file: `b${i}`, sha256: await sha256Hex(b) });
    if (i % 5 == 0) mem("books " + i);
  }
  const r = await consolidateWorkbook(council, { books });
  mem("consolidated " + r.written);
  const out = await council.toBuffer();
  mem("toBuffer " + out.length);
})();
