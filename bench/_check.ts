import { readFileSync } from "node:fs";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { checkSheets } from "../src/app/checkSheets";
import { readWorkbook } from "../src/app/readWorkbook";
import { loadEdition } from "../src/ocop/criteria/builtin";
const lap = (() => {
  let t = performance.now();
  return (l: string) => {
    const n = performance.now();
    console.log(l.padEnd(24), (n - t).toFixed(0));
    t = n;
  };
})();
(async () => {
  const f = process.argv[2]!;
  lap("start");
  const b = new Uint8Array(readFileSync(f));
  const h = await XlsxHost.fromBuffer(b);
  lap("open");
  await loadEdition("qd26-2026");
  lap("loadEdition");
  await readWorkbook(h);
  lap("readWorkbook");
  const r = await checkSheets(h, {});
  lap("checkSheets " + r.findings.length);
  const r2 = await checkSheets(h, {});
  lap("checkSheets again " + r2.findings.length);
})();
