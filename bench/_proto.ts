import { mkdirSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { loadEdition } from "../src/ocop/criteria/builtin";
import { generateScores, generateSession } from "../src/sim/generate";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { setUpSession } from "../src/app/setUpSession";
import { planMemberBook } from "../src/app/memberBook";
import { enteredValues } from "../src/layout/scoreSheet";
import { run } from "../src/cli/main";

const dir = "/tmp/ocop-proto";
(async () => {
  const P = Number(process.argv[2] ?? 400),
    M = 15;
  const catalogue = await loadEdition("qd26-2026");
  const session = generateSession({
    products: P,
    members: M,
    catalogue,
    seed: 1,
    forms: ["01", "06", "07", "11", "14", "21"],
  });
  const scores = generateScores(session, catalogue, { seed: 2, pattern: ["typical", "harsh", "lenient"] });
  mkdirSync(dir, { recursive: true });
  let t = performance.now();
  if (!existsSync(join(dir, `council-${P}.xlsx`))) {
    const council = XlsxHost.createEmpty();
    await setUpSession(council, { session, catalogue, now: new Date("2026-06-15") });
    writeFileSync(join(dir, `council-${P}.xlsx`), await council.toBuffer());
    console.log("council", performance.now() - t);
    t = performance.now();
    for (const [i, m] of session.members.entries()) {
      const h = XlsxHost.createEmpty();
      await h.apply({
        plans: planMemberBook({
          session,
          catalogue,
          member: m,
          existing: enteredValues(scores[i]!),
          now: new Date("2026-06-15"),
        }),
      });
      writeFileSync(join(dir, `book-${P}-${m.code}.xlsx`), await h.toBuffer());
    }
    console.log("books", performance.now() - t);
  }
  const books = session.members.map((m) => join(dir, `book-${P}-${m.code}.xlsx`));
  t = performance.now();
  for (const b of books) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(b));
  }
  const load = performance.now() - t;
  console.log("bare load", load);
  t = performance.now();
  const code = await run(
    ["consolidate", join(dir, `council-${P}.xlsx`), ...books, "--out", join(dir, "out.xlsx")],
    { stdout: () => {}, stderr: () => {} }
  );
  const cons = performance.now() - t;
  console.log("consolidate", code, cons, cons / load);
  t = performance.now();
  const c2 = await run(["check", books[0]!], { stdout: () => {}, stderr: () => {} });
  console.log("check", c2, performance.now() - t);
})();
