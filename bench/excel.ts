/**
 * Round trips in Excel, counted on the fake Excel (test/fakes/fakeExcel.ts): every use case on a council
 * workbook at a district's size and at a province's, with the largest request each one sends.
 */
import { ExcelHost } from "../src/hosts/excel/excelHost";
import { PartsHost } from "../src/hosts/xlsx/parts/partsHost";
import { checkSheets } from "../src/app/checkSheets";
import { injectScoreSheet } from "../src/app/injectScoreSheet";
import { planMemberBook } from "../src/app/memberBook";
import { createSecretariat } from "../src/app/secretariat/secretariat";
import { setUpSession } from "../src/app/setUpSession";
import { checkMemberSheet, insertMemberSheet } from "../src/app/member/actions";
import { openMemberContext } from "../src/app/member/context";
import { hasErrors } from "../src/ocop/findings";
import { paperKey } from "../src/ocop/paperEntry";
import { enteredValues, planScoreSheet } from "../src/layout/scoreSheet";
import { FakeExcel } from "../test/fakes/fakeExcel";
import { DISTRICT, LARGE, PROVINCE, makeCouncil, sizeLabel, type CouncilSize } from "./council";
import { kib, type Report } from "./report";
import { partsFiles } from "../src/hosts/xlsx/parts/partsFiles";

export interface Count {
  syncs: number;
  maxRequestBytes: number;
  maxRequestCells: number;
  maxResponseBytes: number;
}

export const USE_CASES = [
  "insert a member sheet (secretariat)",
  "insert a member sheet (member pane)",
  "check a sheet (member pane)",
  "check all",
  "import a book: check the file",
  "import a book: import",
  "consolidate and write the results",
  "open a round",
  "record a recusal",
  "close a round",
  "reopen a round",
  "record a chair's decision",
  "record score changes",
  "enter a paper form (both entries agree)",
  "publish (refused while products await discussion)",
] as const;
export type UseCase = (typeof USE_CASES)[number];

const SYNC_LIMIT = 5;
const BYTES_LIMIT = 4 * 1024 * 1024;
const CELLS_LIMIT = 500_000;

/** Runs every use case once on a fresh fake Excel holding a council workbook of the given size. */
export const countUseCases = async (size: CouncilSize): Promise<Map<UseCase, Count>> => {
  const { session, catalogue, scores } = await makeCouncil(size);
  const load = async () => catalogue;
  const fake = new FakeExcel({ maxApi: "1.17" });
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  const counts = new Map<UseCase, Count>();
  const measure = async <T>(name: UseCase, fn: () => Promise<T>): Promise<T> => {
    fake.resetStats();
    const result = await fn();
    const { syncs, maxRequestBytes, maxRequestCells, maxResponseBytes } = fake.stats;
    counts.set(name, { syncs, maxRequestBytes, maxRequestCells, maxResponseBytes });
    return result;
  };
  const expect = (ok: boolean, what: string): void => {
    if (!ok) throw new Error(`${sizeLabel(size)}: ${what}`);
  };

  // The workbook as the secretariat hands it over, then every member's scores typed in (not counted).
  expect(!hasErrors((await setUpSession(host, { session, catalogue })).findings), "set up failed");
  const plans = session.members.map((member, i) =>
    planScoreSheet({ session, catalogue, member, existing: enteredValues(scores[i]!) })
  );
  await host.apply({ plans });

  const inject = await measure("insert a member sheet (secretariat)", () =>
    injectScoreSheet(host, session.members[0]!.code, { load })
  );
  expect(inject.written, "injectScoreSheet wrote nothing");

  const context = await openMemberContext(host, load);
  if (!context.ok) throw new Error(`${sizeLabel(size)}: no member context`);
  const member = session.members[1]!;
  const inserted = await measure("insert a member sheet (member pane)", () =>
    insertMemberSheet(host, context.context, member)
  );
  expect(inserted.ok, "insertMemberSheet refused");
  const own = await measure("check a sheet (member pane)", () =>
    checkMemberSheet(host, context.context, member)
  );
  expect(!hasErrors(own), "the member's sheet has errors");

  const all = await measure("check all", () => checkSheets(host, { load }));
  expect(!hasErrors(all.findings), "checkSheets found errors");

  // A member's book holding the same scores as the council's sheet: imported without conflict.
  const m = session.members.length - 1;
  // Made and read as the task pane makes and reads a book: through the parts host.
  const book = PartsHost.createEmpty();
  await book.apply({
    plans: planMemberBook({
      session,
      catalogue,
      member: session.members[m]!,
      existing: enteredValues(scores[m]!),
    }),
  });
  // The secretariat's collect step: the files are checked when picked, then imported with the button.
  const secretariat = createSecretariat(host, { tool: "bench", load, workbooks: partsFiles() });
  const files = [{ name: "book.xlsx", bytes: await book.toBuffer() }];
  const reports = await measure("import a book: check the file", () => secretariat.inspectBooks(files));
  expect(reports[0]?.status === "ready", `the book is ${reports[0]?.status}, not ready to import`);
  const imported = await measure("import a book: import", () => secretariat.importBooks(files, reports));
  expect(imported[0]?.status === "imported", "the book was not imported");

  // The secretariat's "Tổng hợp" button itself (consolidateWorkbook and nothing more since session 3).
  const consolidated = await measure("consolidate and write the results", () => secretariat.consolidate());
  expect(consolidated.written, "the secretariat's consolidation wrote nothing");
  await countDeliberation(secretariat, session, measure, expect);
  return counts;
};

/** Issue 14's use cases, each measured once on the same workbook. */
const countDeliberation = async (
  secretariat: ReturnType<typeof createSecretariat>,
  session: Awaited<ReturnType<typeof makeCouncil>>["session"],
  measure: <T>(name: UseCase, fn: () => Promise<T>) => Promise<T>,
  expect: (ok: boolean, what: string) => void
): Promise<void> => {
  const product = session.products.find((p) => !p.excluded)!.code;
  const member = session.members[session.members.length - 1]!.code;
  const published = await measure("publish (refused while products await discussion)", () =>
    secretariat.publish()
  );
  expect(!published.written && Boolean(published.refusal), "publish was not refused");
  const opened = await measure("open a round", () =>
    secretariat.openRound([product], "Chênh lệch quá 10 điểm")
  );
  expect(opened.written, "openRound wrote nothing");
  const recused = await measure("record a recusal", () =>
    secretariat.recordRecusal({ member, product: session.products.at(-1)!.code, reason: "Người thân" })
  );
  expect(recused.written, `recordRecusal refused: ${recused.findings.map((f) => f.code).join(", ")}`);
  const changes = await measure("record score changes", () =>
    secretariat.recordScoreChanges([
      {
        at: "2026-06-15T09:00:00Z",
        member,
        product,
        criterion: "1.1",
        round: 2,
        old: null,
        new: 1,
        source: { kind: "pane" },
        by: "bench",
      },
    ])
  );
  expect(changes.written, "recordScoreChanges refused");
  // A member's paper form for the product asked again, typed twice alike by two people.
  const form = await secretariat.paperForm({ member, products: [product] });
  expect(form.findings.length === 0 && form.cells.length > 0, "paperForm refused");
  const values = Object.fromEntries(
    form.cells.map((c) => [paperKey(c.product, c.criterion), String(c.allowed.at(-1) ?? "")])
  );
  const paper = await measure("enter a paper form (both entries agree)", () =>
    secretariat.acceptPaperForm({
      member,
      products: [product],
      first: { by: "Thư ký 1", values },
      second: { by: "Thư ký 2", values },
    })
  );
  expect(paper.accepted, `acceptPaperForm refused: ${paper.findings.map((f) => f.code).join(", ")}`);
  const closed = await measure("close a round", () => secretariat.closeRound());
  expect(closed.written, "closeRound refused");
  const reopened = await measure("reopen a round", () => secretariat.reopenRound("bench"));
  expect(reopened.written, "reopenRound refused");
  // Refused (round 2 has no scores yet), but it reads and decides like the real one.
  await measure("record a chair's decision", () =>
    secretariat.recordChairDecision({ product, decision: "accept", reason: "bench" })
  );
};

const count = (c: Count): string =>
  `${kib(c.maxRequestBytes)}/${kib(c.maxResponseBytes)}, ${c.maxRequestCells.toLocaleString("en")} cells`;

/** Up to a province the sync count must not grow; above it, chunked reads and writes may add syncs (docs/excel-limits.md). */
const atMostProvince = (s: CouncilSize): boolean =>
  s.members <= PROVINCE.members && s.products <= PROVINCE.products;

/**
 * Targets printed but not yet in the CI gate. At 5 × 10 the consolidation (and publishing, which is one) is within
 * 5 syncs; at 15 × 400 it takes 7: it reads in one request since the history and the setup sheets are read for
 * their values (session 7), but it writes the results, the printed documents and the score history whole, some
 * 9 MB of requests that Excel on the web takes in 3. Fewer needs writes limited to what changed (an append-only
 * history, documents rewritten only when their content changes). The deliberation's use cases joined the gate in
 * session 7. Gate these once they pass.
 */
const NOT_GATED_YET = new Set<UseCase>([
  "consolidate and write the results",
  "publish (refused while products await discussion)",
]);

export const excelBench = async (report: Report, opts: { quick: boolean }): Promise<void> => {
  const section = "Excel host";
  // Both dimensions apart as well in a full run: products alone, then members alone; then above a province.
  const sizes: CouncilSize[] = opts.quick
    ? [DISTRICT, PROVINCE]
    : [
        DISTRICT,
        { products: PROVINCE.products, members: DISTRICT.members },
        { products: DISTRICT.products, members: PROVINCE.members },
        PROVINCE,
        LARGE,
      ];
  const label = (s: CouncilSize) => `${s.members}×${s.products}`;
  report.section(
    `${section} (fake Excel): context.sync calls at ${sizes.map(label).join(", ")} (members × products); largest request/response at each size`
  );
  report.info(
    `targets: the same number of syncs at every size up to ${label(PROVINCE)} and ≤ ${SYNC_LIMIT}; every request and response ≤ 4 MB and ≤ 500,000 cells at every size`
  );
  const results: Map<UseCase, Count>[] = [];
  for (const size of sizes) results.push(await countUseCases(size));
  const width = Math.max(...USE_CASES.map((n) => n.length));
  for (const name of USE_CASES) {
    const all = results.map((r) => r.get(name)!);
    const syncs = all.map((c) => c.syncs);
    const flat = syncs.filter((_, i) => atMostProvince(sizes[i]!));
    const same = flat.every((n) => n === flat[0]);
    const bytes = Math.max(...all.map((c) => Math.max(c.maxRequestBytes, c.maxResponseBytes)));
    const cells = Math.max(...all.map((c) => c.maxRequestCells));
    const pass = same && Math.max(...flat) <= SYNC_LIMIT && bytes <= BYTES_LIMIT && cells <= CELLS_LIMIT;
    report.check(
      section,
      name,
      `syncs ${syncs.join("/")}, largest request or response ${kib(bytes)}, ${cells} cells`,
      `same up to ${label(PROVINCE)}, ≤ ${SYNC_LIMIT}; ≤ 4 MB, ≤ 500,000 cells`,
      pass,
      `${name.padEnd(width)}  syncs ${syncs.join(" ")}   request/response ${all.map(count).join(" → ")}`,
      { gated: !NOT_GATED_YET.has(name) }
    );
  }
};
