import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import type { WorkbookHost } from "../src/hosts/workbook";
import { sha256Hex } from "../src/app/hash";
import { consolidateWorkbook } from "../src/app/consolidate";
const dir = "/tmp/ocop-proto";
const mem = (l: string) => {
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
class Lazy implements WorkbookHost {
  readonly kind = "xlsx" as const;
  private h: XlsxHost | null = null;
  constructor(private bytes: Uint8Array) {}
  private async host() {
    return (this.h ??= await XlsxHost.fromBuffer(this.bytes));
  }
  async listSheets() {
    return (await this.host()).listSheets();
  }
  async readSheets(n: string[]) {
    const r = await (await this.host()).readSheets(n);
    this.h = null;
    return r;
  }
  async apply(): Promise<void> {
    throw new Error("read only");
  }
}
(async () => {
  mem("start");
  const council = await XlsxHost.fromBuffer(new Uint8Array(readFileSync(join(dir, "council-400.xlsx"))));
  mem("council");
  const books = [];
  for (let i = 1; i <= 15; i++) {
    const b = new Uint8Array(readFileSync(join(dir, `book-400-TV${String(i).padStart(2, "0")}.xlsx`)));
    books.push({ host: new Lazy(b), file: `b${i}`, sha256: await sha256Hex(b) });
  }
  const r = await consolidateWorkbook(council, {
    books,
    onProgress: (d) => {
      if (d % 5 == 0) mem("progress " + d);
    },
  });
  mem("consolidated " + r.written);
  const out = await council.toBuffer();
  mem("toBuffer " + out.length);
})();
