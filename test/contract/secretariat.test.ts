/**
 * The secretariat's day, run through its use cases (src/app/secretariat) on both hosts: ExcelHost over the
 * fake Excel and ExcelJsHost. Each step must give the same outcome on both: set up, member books, collect
 * (check before writing, SHA-256 in the log, duplicates flagged), check all, consolidate (refused while errors
 * stand), publish, and run again.
 */
import { readWorkbook } from "../../src/app/readWorkbook";
import { parseSheets } from "../../src/app/scores";
import { createSecretariat } from "../../src/app/secretariat/secretariat";
import type { PickedFile, SecretariatApi } from "../../src/app/secretariat/types";
import type { WorkbookHost } from "../../src/hosts/workbook";
import { ExcelJsHost } from "../reference/exceljsHost";
import { parseAddress } from "../../src/layout/a1";
import { parseAuditSheet } from "../../src/layout/audit";
import { SHEETS } from "../../src/layout/names";
import { emptyPlan } from "../../src/layout/plan";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import { describeFinding } from "../../src/ocop/messages";
import "../../src/layout/messages";
import type { Catalogue } from "../../src/ocop/criteria/types";
import type { MemberScores, Session } from "../../src/ocop/session";
import { generateScores, generateSession } from "../../src/sim/generate";
import type { FakeExcel } from "../fakes/fakeExcel";
import { HOSTS } from "./hosts";
import { testWorkbooks } from "../helpers/workbooks";

const NOW = new Date("2026-06-15T08:00:00Z");

let catalogue: Catalogue;
let draft: Session;
let scores: MemberScores[];

beforeAll(async () => {
  catalogue = await loadEdition("qd26-2026");
  draft = {
    ...generateSession({ products: 8, members: 5, catalogue, seed: 11, forms: ["01", "11"] }),
    id: "",
  };
  scores = generateScores({ ...draft }, catalogue, { seed: 5 });
});

const api = (host: WorkbookHost): SecretariatApi =>
  createSecretariat(host, {
    tool: "contract",
    workbooks: testWorkbooks,
    now: () => NOW,
    newId: () => "sess-contract-1",
  });

/** Writes a member's generated scores into their book (outside the add-in, as a member's Excel would). */
const fillBook = async (
  book: PickedFile,
  session: Session,
  member: string,
  edit?: (cells: Map<string, number | null>) => void
): Promise<PickedFile> => {
  const host = await ExcelJsHost.fromBuffer(book.bytes);
  const read = await readWorkbook(host);
  const [sheet] = parseSheets(read.scoreSheets, session, catalogue);
  const own = scores.find((s) => s.member === member)!;
  const wanted = new Map(own.entries.map((e) => [`${e.product}|${e.criterion}`, e.raw.value as number]));
  const cells = new Map<string, number | null>();
  for (const e of sheet!.parsed.scores!.entries)
    cells.set(e.cell!, wanted.get(`${e.product}|${e.criterion}`) ?? null);
  edit?.(cells);
  await host.apply({
    plans: [],
    cellWrites: [...cells].map(([cell, value]) => ({
      sheet: sheet!.grid.name,
      ...parseAddress(cell)!,
      value,
    })),
  });
  return { name: book.name, bytes: await host.toBuffer() };
};

interface DayOutcome {
  ranking: {
    product: string;
    stars: number | null;
    mean: number | null;
    rank: number | null;
    outcome: string;
  }[];
  starCounts: Record<number, number>;
  rankingSheet: (string | number | boolean | null)[][];
  proposed: string[];
  published: string[];
  imports: number;
  auditEntries: number;
}

const runDay = async (host: WorkbookHost, fake?: FakeExcel): Promise<DayOutcome> => {
  const s = api(host);
  const opened = await s.open();
  expect(opened.session).toBeNull();
  expect(opened.findings).toEqual([]);

  const setUp = await s.setUp(draft);
  expect(setUp.findings).toEqual([]);
  expect(setUp.written).toBe(true);
  const { session } = await s.open();
  expect(session?.id).toBe("sess-contract-1");
  expect(session?.products).toHaveLength(8);
  expect(session?.members).toHaveLength(5);

  // Setting up twice changes the session in place (same id, books stay valid).
  const renamed = await s.setUp({
    ...session!,
    council: { ...session!.council, name: "Hội đồng OCOP tỉnh Thử" },
  });
  expect(renamed.written).toBe(true);
  expect(renamed.session.id).toBe("sess-contract-1");
  expect(renamed.session.council.name).toBe("Hội đồng OCOP tỉnh Thử");

  // Books: one per member, filled outside the add-in.
  const files: PickedFile[] = [];
  for (const m of session!.members) {
    const book = await s.memberBook(m.code);
    expect(book.fileName).toMatch(/^Phieu-cham_TV0\d_2026\.xlsx$/);
    files.push(await fillBook({ name: book.fileName, bytes: book.bytes }, renamed.session, m.code));
  }
  const zip = await s.allMemberBooks();
  expect(Buffer.from(zip.bytes.slice(0, 2)).toString()).toBe("PK");

  // Collect: read and checked before anything is written.
  const before = await host.listSheets();
  const reports = await s.inspectBooks(files);
  expect(reports.map((r) => r.status)).toEqual(["ready", "ready", "ready", "ready", "ready"]);
  expect(reports.map((r) => r.member)).toEqual(["TV01", "TV02", "TV03", "TV04", "TV05"]);
  expect(reports.every((r) => r.filled === r.total && r.total > 0)).toBe(true);
  expect(reports[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(await host.listSheets()).toEqual(before);

  const syncsBefore = fake?.stats.syncs ?? 0;
  const imported = await s.importBooks(files, reports);
  // One read of the council workbook and one apply for the whole batch, whatever its size.
  if (fake) expect(fake.stats.syncs - syncsBefore).toBeLessThanOrEqual(8);
  expect(imported.map((r) => r.status)).toEqual(["imported", "imported", "imported", "imported", "imported"]);
  const afterImport = await s.open();
  expect(afterImport.imports.map((i) => i.sha256)).toEqual(reports.map((r) => r.sha256));

  // The same file again is recognised; a second, different book of TV01 is flagged, not merged.
  const other = await fillBook(files[0]!, renamed.session, "TV02");
  const again = await s.inspectBooks([files[0]!, { name: "TV01-lan-2.xlsx", bytes: other.bytes }]);
  expect(again.map((r) => r.status)).toEqual(["alreadyImported", "duplicate"]);
  expect(again[1]!.replaces).not.toBeNull();
  const refused = await s.importBooks([files[0]!, { name: "TV01-lan-2.xlsx", bytes: other.bytes }], again);
  expect(refused.map((r) => r.status)).toEqual(["alreadyImported", "duplicate"]);
  expect((await s.open()).imports).toHaveLength(5);

  // Re-creating the members' sheets in the workbook keeps every score entered.
  const rewritten = await s.writeScoreSheets();
  expect(rewritten).toEqual({ sheets: ["TV01", "TV02", "TV03", "TV04", "TV05"], findings: [] });

  const check = await s.checkAll();
  expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(check.progress?.ratio).toBe(1);
  expect(Object.keys(check.sheets).sort()).toEqual(["TV01", "TV02", "TV03", "TV04", "TV05"]);

  const run = await s.consolidate();
  expect(run.written).toBe(true);
  const members = ["TV01", "TV02", "TV03", "TV04", "TV05"];
  // In Excel a member's forms are some 50 KB of requests each: they are written on demand there, member by
  // member; in a file, with every run (a council of this size).
  const inExcel = host.kind === "excel";
  expect(run.sheets).toEqual([
    SHEETS.results,
    SHEETS.ranking,
    SHEETS.summary,
    "Đề nghị Bộ đánh giá 5 sao",
    "Đề nghị công nhận 4 sao",
    "Đề nghị công nhận 3 sao",
    // The printed documents (layout/documents): each member's forms, then the council's paperwork.
    ...(inExcel ? [] : members.map((m) => `Phiếu đánh giá ${m}`)),
    "Bảng tổng hợp điểm",
    "Báo cáo kết quả",
    "Biên bản họp",
    "Thông báo kết quả",
    SHEETS.audit,
  ]);
  if (inExcel) {
    expect(run.formsDeferred).toEqual(
      expect.objectContaining({ limit: 0, written: [], notWritten: members })
    );
    const tv02 = await s.writeForms(["TV02"]);
    expect(tv02.written).toBe(true);
    expect(tv02.sheets).toContain("Phiếu đánh giá TV02");
    expect(tv02.formsDeferred?.written).toEqual(["TV02"]);
  } else expect(run.formsDeferred).toBeUndefined();
  const published = await s.publish();
  expect(published.written).toBe(true);

  // Run again: the results are replaced whole, the history keeps every run.
  const rerun = await s.consolidate();
  expect(rerun.consolidation?.products).toEqual(run.consolidation?.products);
  const { sheets } = await host.readSheets([SHEETS.ranking, SHEETS.audit]);
  const log = sheets.find((g) => g.name === SHEETS.audit)!;
  return {
    ranking: run.consolidation!.products.map((p) => ({
      product: p.product,
      stars: p.stars,
      mean: p.mean,
      rank: p.rank,
      outcome: p.outcome,
    })),
    starCounts: run.consolidation!.starCounts,
    rankingSheet: sheets.find((g) => g.name === SHEETS.ranking)!.values,
    proposed: published.proposed,
    // The members' forms differ by design (above); the rest is the same on every host.
    published: published.published.filter((n) => !n.startsWith("Phiếu đánh giá ")),
    imports: (await s.open()).imports.length,
    auditEntries: parseAuditSheet(log.values).length,
  };
};

const outcomes = new Map<string, DayOutcome>();

describe.each(HOSTS)("the secretariat's day on the %s host", (kind, make) => {
  test("set up, books, collect, check, consolidate, publish, run again", async () => {
    const { host, fake } = await make();
    const day = await runDay(host, fake);
    expect(day.ranking).toHaveLength(8);
    expect(day.ranking.every((r) => r.stars !== null && r.rank !== null)).toBe(true);
    // A province council proposes 3★ and 4★ to the provincial chairman and sends 5★ results up as potential.
    const expected = (r: DayOutcome["ranking"][number]) =>
      r.stars === 5
        ? "potential-5"
        : r.stars === 4
          ? "propose-4"
          : r.stars === 3
            ? "propose-3"
            : "not-recognised";
    expect(day.ranking.map((r) => r.outcome)).toEqual(day.ranking.map(expected));
    expect(day.proposed).toEqual(day.ranking.filter((r) => (r.stars ?? 0) >= 3).map((r) => r.product));
    expect(day.published).toEqual(
      expect.arrayContaining([
        SHEETS.ranking,
        SHEETS.summary,
        "Đề nghị công nhận 3 sao",
        "Đề nghị công nhận 4 sao",
      ])
    );
    expect(day.published.some((n) => n.startsWith("GCN "))).toBe(false);
    expect(day.imports).toBe(5);
    // Three runs: consolidate, publish (which consolidates), consolidate again; in Excel a fourth wrote TV02's
    // forms.
    expect(day.auditEntries).toBe(kind === "excel" ? 4 : 3);
    outcomes.set(kind, day);
  });

  test("consolidation refuses while errors stand, saying whose", async () => {
    const { host } = await make();
    const s = api(host);
    await s.setUp(draft);
    const { session } = await s.open();
    const book = await s.memberBook("TV02");
    const filled = await fillBook({ name: book.fileName, bytes: book.bytes }, session!, "TV02", (cells) => {
      const first = [...cells.keys()][0]!;
      cells.set(first, null);
    });
    const [report] = await s.inspectBooks([filled]);
    expect(report!.status).toBe("ready");
    expect(report!.findings.map((f) => f.code)).toContain("score.missing");
    await s.importBooks([filled], [report!]);
    const run = await s.consolidate();
    expect(run.written).toBe(false);
    expect(run.findings.some((f) => f.severity === "error" && f.where.member === "TV02")).toBe(true);
    const names = (await host.listSheets()).map((x) => x.name);
    expect(names).not.toContain(SHEETS.ranking);
  });

  test("a book that would replace a member's scores is imported only once the secretariat confirms it", async () => {
    const { host } = await make();
    const s = api(host);
    await s.setUp(draft);
    const { session } = await s.open();
    const book = await s.memberBook("TV01");
    const first = await fillBook({ name: "TV01.xlsx", bytes: book.bytes }, session!, "TV01");
    await s.importBooks([first], await s.inspectBooks([first]));
    const second = await fillBook({ name: "TV01-sua.xlsx", bytes: book.bytes }, session!, "TV03");
    const [report] = await s.inspectBooks([second]);
    expect(report).toMatchObject({ status: "duplicate", replaces: "TV01.xlsx" });
    expect((await s.importBooks([second], [report!]))[0]!.status).toBe("duplicate");
    expect((await s.importBooks([second], [report!], new Set([report!.id])))[0]!.status).toBe("imported");
    const { imports } = await s.open();
    expect(imports.map((i) => [i.file, i.member])).toEqual([
      ["TV01.xlsx", "TV01"],
      ["TV01-sua.xlsx", "TV01"],
    ]);
  });

  test("re-creating the sheets refuses when a sheet is damaged in a way that could lose scores", async () => {
    const { host } = await make();
    const s = api(host);
    await s.setUp(draft);
    const { sheets } = await host.readSheets(["Phiếu TV02"]);
    const rows = sheets[0]!.values
      .map((r, i) => [i, r[0]] as const)
      .filter(([, a]) => typeof a === "string" && a.startsWith("c:"));
    // The second criterion row now claims the first one's id: a duplicated row (written as a whole sheet, as
    // a copy-paste over the unprotected sheet would leave it).
    const damaged = emptyPlan("Phiếu TV02", "score");
    sheets[0]!.values.forEach((row, r) =>
      row.forEach((value, col) => {
        if (value === null) return;
        const v = r === rows[1]![0] && col === 0 ? (rows[0]![1] as string) : value;
        damaged.cells.push({ row: r, col, value: v, asText: typeof v === "string" });
      })
    );
    await host.apply({ plans: [damaged] });
    const r = await s.writeScoreSheets();
    expect(r.sheets).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.where.member])).toEqual([
      ["layout.criterionRowDuplicated", "TV02"],
    ]);
  });

  test("a file that is not a workbook is unreadable; a book of another session is refused", async () => {
    const { host } = await make();
    const s = api(host);
    await s.setUp(draft);
    const foreign = ExcelJsHost.createEmpty();
    await createSecretariat(foreign, {
      tool: "contract",
      workbooks: testWorkbooks,
      newId: () => "other-session",
    }).setUp(draft);
    const reports = await s.inspectBooks([
      { name: "notes.xlsx", bytes: new TextEncoder().encode("not a zip") },
      { name: "foreign.xlsx", bytes: await foreign.toBuffer() },
    ]);
    expect(reports.map((r) => r.status)).toEqual(["unreadable", "invalid"]);
    expect(reports[1]!.findings.map((f) => f.code)).toContain("book.otherSession");
    // A member's book of that other session: the message names both sessions by their titles and whose book it is.
    const foreignTv02 = await createSecretariat(foreign, {
      tool: "contract",
      workbooks: testWorkbooks,
    }).memberBook("TV02");
    const [own] = await s.inspectBooks([{ name: "tv02-other.xlsx", bytes: foreignTv02.bytes }]);
    const finding = own!.findings.find((f) => f.code === "book.otherSession")!;
    const tv02 = draft.members.find((m) => m.code === "TV02")!;
    const title = `«${draft.council.name} — năm ${draft.council.year}»`;
    expect(describeFinding(finding, "vi").message).toBe(
      `Phiếu này của ${title}, không phải của Hội đồng này (${title}). ` +
        `Tệp có vẻ là phiếu của ${tv02.name} (TV02) trong phiên đó.`
    );
    expect(describeFinding(finding, "en").message).toContain(
      `the book of ${tv02.name} (TV02) in that session`
    );
    // A member's book opened as if it were the council workbook says so.
    const bytes = (await s.memberBook("TV01")).bytes;
    const opened = await createSecretariat(await ExcelJsHost.fromBuffer(bytes), {
      tool: "contract",
      workbooks: testWorkbooks,
    }).open();
    expect(opened.session).toBeNull();
    expect(opened.findings.map((f) => [f.code, f.params.member])).toEqual([
      ["collect.memberBookOpen", "TV01"],
    ]);
  });
});

test("both hosts give the same ranking, counts and published sheets", () => {
  const kinds = [...outcomes.keys()];
  expect(kinds.length).toBe(HOSTS.length);
  const [first, ...rest] = kinds.map((k) => outcomes.get(k)!);
  for (const other of rest) {
    expect(other.ranking).toEqual(first!.ranking);
    expect(other.starCounts).toEqual(first!.starCounts);
    expect(other.proposed).toEqual(first!.proposed);
    expect(other.published).toEqual(first!.published);
    expect(other.rankingSheet).toEqual(first!.rankingSheet);
  }
});
