/**
 * Every plan the layout produces in the council's day respects Excel's own rules (src/layout/planLint.ts): set
 * up, score sheets, a member sheet inserted, a member's book, check, collect and consolidate. Each plan a use
 * case hands to the host is linted on its way.
 */
import { checkSheets } from "../../src/app/checkSheets";
import { injectScoreSheet } from "../../src/app/injectScoreSheet";
import { planMemberBook } from "../../src/app/memberBook";
import { createSecretariat } from "../../src/app/secretariat/secretariat";
import { setUpSession } from "../../src/app/setUpSession";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import type { ApplyRequest, WorkbookHost } from "../../src/hosts/workbook";
import type { SheetPlan } from "../../src/layout/plan";
import { lintPlan } from "../helpers/planLint";
import { enteredValues, planScoreSheet } from "../../src/layout/scoreSheet";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import { generateScores, generateSession } from "../../src/sim/generate";
import { FakeExcel } from "../fakes/fakeExcel";
import { testWorkbooks } from "../helpers/workbooks";

/** The host, with every plan it is asked to write kept for the lint. */
function linted<H extends WorkbookHost>(host: H, seen: SheetPlan[]): H {
  const apply = host.apply.bind(host);
  host.apply = (request: ApplyRequest) => {
    seen.push(...request.plans);
    return apply(request);
  };
  return host;
}

test("no plan of the council's day breaks Excel's rules", async () => {
  const catalogue = await loadEdition("qd26-2026");
  const session = generateSession({ products: 8, members: 4, catalogue, seed: 7, forms: ["01", "06", "11"] });
  const scores = generateScores(session, catalogue, { seed: 8 });
  const load = async () => catalogue;
  const seen: SheetPlan[] = [];
  const fake = new FakeExcel();
  const host = linted(new ExcelHost({ run: fake.excelRun, requirements: fake.requirements }), seen);

  await setUpSession(host, { session, catalogue });
  await host.apply({
    plans: session.members.map((member, i) =>
      planScoreSheet({ session, catalogue, member, existing: enteredValues(scores[i]!) })
    ),
  });
  await injectScoreSheet(host, session.members[0]!.code, { load });
  await checkSheets(host, { load });
  const last = session.members.length - 1;
  const book = linted(PartsHost.createEmpty(), seen);
  await book.apply({
    plans: planMemberBook({
      session,
      catalogue,
      member: session.members[last]!,
      existing: enteredValues(scores[last]!),
    }),
  });
  const secretariat = createSecretariat(host, { tool: "contract", load, workbooks: testWorkbooks });
  const files = [{ name: "book.xlsx", bytes: await book.toBuffer() }];
  await secretariat.importBooks(files, await secretariat.inspectBooks(files));
  const consolidated = await secretariat.consolidate();
  expect(consolidated.written).toBe(true);

  const kinds = new Set(seen.map((p) => p.kind));
  expect([...kinds]).toEqual(expect.arrayContaining(["meta", "score", "results", "ranking"]));
  expect(seen.flatMap(lintPlan)).toEqual([]);
});
