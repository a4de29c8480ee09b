import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { sha256Hex } from "../src/app/hash";
import { readWorkbook } from "../src/app/readWorkbook";
import { parseSheets } from "../src/app/scores";
import { loadEdition } from "../src/ocop/criteria/builtin";
import { consolidate } from "../src/ocop/consolidate";
import { planScoreSheet, enteredValues } from "../src/layout/scoreSheet";
import { planResultsSheet } from "../src/layout/results";
import { planRankingSheet } from "../src/layout/ranking";
import { planSummarySheet } from "../src/layout/summary";
import ExcelJS from "exceljs";

const dir = "/tmp/ocop-proto";
const lap = (() => {
  let t = performance.now();
  return (l: string) => {
    const n = performance.now();
    console.log(l.padEnd(24), (n - t).toFixed(0));
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
  for (let k = 0; k < 2; k++) {
    lap("start");
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
    const rc = await readWorkbook(council);
    lap("readWorkbook council");
    const rb = [];
    for (const b of books) rb.push(await readWorkbook(b.host));
    lap("readWorkbook books");
    const catalogue = await loadEdition(rc.session!.edition);
    const own = parseSheets(rc.scoreSheets, rc.session!, catalogue);
    lap("parse council");
    const bs = rb.map((r) => parseSheets(r.scoreSheets, rc.session!, catalogue)[0]!);
    lap("parse books");
    const scores = bs.map((b) => b.parsed.scores!);
    const cons = consolidate(rc.session!, catalogue, scores);
    lap("rules " + cons.findings.length);
    const plans = [
      planResultsSheet(rc.session!, cons),
      planRankingSheet(rc.session!, cons, "2026-06-15"),
      planSummarySheet(rc.session!, cons),
    ];
    lap("plan results");
    for (const [i, m] of rc.session!.members.entries())
      plans.push(
        planScoreSheet({ session: rc.session!, catalogue, member: m, existing: enteredValues(scores[i]!) })
      );
    lap("plan score sheets");
    console.log(plans.map((p) => `${p.name}:${p.cells.length}`).join(" "));
    await council.apply({ plans });
    lap("apply");
    const out = await council.toBuffer();
    lap("toBuffer " + out.length);
  }
})();
