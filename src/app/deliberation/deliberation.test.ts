/**
 * The council's deliberation on a real workbook (the parts host): a flagged product, publishing refused
 * while it waits, round 2 for it, publishing accepted after; closing, a change after closing reported
 * with the cell and both values, reopening; a recusal; the chair's decision refused for a product not
 * flagged; and the results computed again from the history alone.
 */
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import type { ApplyRequest, WorkbookHost } from "../../hosts/workbook";
import { parseAddress } from "../../layout/a1";
import { SHEETS, roundSheetName } from "../../layout/names";
import { isDraft } from "../../layout/draft";
import { consolidate } from "../../ocop/consolidate";
import { replayHistory } from "../../ocop/history";
import type { MemberScores } from "../../ocop/session";
import { miniCatalogue, miniSession } from "../../../test/helpers/miniCatalogue";
import { checkSheets } from "../checkSheets";
import { consolidateWorkbook } from "../consolidate";
import { readWorkbook } from "../readWorkbook";
import { parseSheets } from "../scores";
import { createSecretariat } from "../secretariat/secretariat";
import { setUpSession } from "../setUpSession";
import { closeRound, openRound, recordChairDecision, recordRecusal, reopenRound } from "./index";
import { testWorkbooks } from "../../../test/helpers/workbooks";

const session = miniSession();
const catalogue = miniCatalogue();
const load = async () => catalogue;
const at = (iso: string) => ({ load, now: new Date(iso), by: "Thư ký" });

type Points = Record<"1.1" | "1.2" | "2.1" | "3.1", number>;
const P100: Points = { "1.1": 20, "1.2": 20, "2.1": 25, "3.1": 35 };
const P85: Points = { "1.1": 20, "1.2": 20, "2.1": 25, "3.1": 20 };
const P55: Points = { "1.1": 10, "1.2": 10, "2.1": 15, "3.1": 20 };

/** Types a member's points for a product on the sheet of a round, at the cells its anchors give. */
const fill = async (host: WorkbookHost, member: string, round: number, product: string, points: Points) => {
  const read = await readWorkbook(host);
  const sheet = parseSheets(read.scoreSheets, read.session!, catalogue).find(
    (s) => s.grid.name === roundSheetName(member, round)
  )!;
  const cellWrites = sheet.parsed
    .scores!.entries.filter((e) => e.product === product)
    .map((e) => ({
      sheet: sheet.grid.name,
      ...parseAddress(e.cell!)!,
      value: points[e.criterion as keyof Points],
    }));
  await host.apply({ plans: [], cellWrites });
};

/**
 * The workbook as it reads after someone unprotected a sheet and typed into it (the parts host, like
 * Excel, refuses a write to a locked cell): one cell of one sheet reads differently.
 */
const editedAnyway = (
  host: WorkbookHost,
  sheet: string,
  row: number,
  col: number,
  value: number
): WorkbookHost => ({
  kind: host.kind,
  listSheets: () => host.listSheets(),
  apply: (r) => host.apply(r),
  readSheets: async (names) => {
    const read = await host.readSheets(names);
    return {
      ...read,
      sheets: read.sheets.map((g) =>
        g.name !== sheet
          ? g
          : {
              ...g,
              values: g.values.map((r, i) => (i === row ? r.map((v, j) => (j === col ? value : v)) : r)),
            }
      ),
    };
  },
});

const firstCell = async (host: WorkbookHost, name: string) =>
  (await host.readSheets([name])).sheets[0]?.values[0]?.[0];

/** The results as the rules compute them from the history sheet and the deliberation sheet alone. */
const fromHistory = async (host: WorkbookHost) => {
  const read = await readWorkbook(host);
  const sheets: MemberScores[] = replayHistory(read.history).flatMap((r) =>
    r.sheets.map((s) => ({ ...s, round: r.round }))
  );
  return consolidate(read.session!, catalogue, sheets, read.deliberation);
};

const summary = (
  products: {
    product: string;
    mean: number | null;
    stars: number | null;
    rank: number | null;
    round?: number;
  }[]
) => products.map((p) => [p.product, p.mean, p.stars, p.rank, p.round]);

describe("the council's deliberation on a workbook", () => {
  let host: PartsHost;
  beforeAll(async () => {
    host = PartsHost.createEmpty();
    expect((await setUpSession(host, { session, catalogue })).findings).toEqual([]);
    await fill(host, "TV01", 1, "SP01", P100);
    await fill(host, "TV02", 1, "SP01", P55); // spread 45
    for (const m of ["TV01", "TV02"]) {
      await fill(host, m, 1, "SP02", P85);
      await fill(host, m, 1, "SP03", P85);
    }
  });

  it("lists the flagged product, writes drafts and refuses publishing", async () => {
    const r = await consolidateWorkbook(host, { load, now: new Date("2026-06-15T08:00:00Z") });
    expect(r.written).toBe(true);
    expect(r.consolidation!.needsDiscussion!.map((n) => n.product)).toEqual(["SP01"]);
    expect(String(await firstCell(host, SHEETS.ranking))).toMatch(
      /^DỰ THẢO .*SP01 \(vòng 1: chênh lệch 45 điểm\)/u
    );
    const api = createSecretariat(host, {
      tool: "test",
      workbooks: testWorkbooks,
      load,
      now: () => new Date("2026-06-15T08:10:00Z"),
    });
    const published = await api.publish();
    expect(published.published).toEqual([]);
    expect(published.refusal).toEqual(
      expect.objectContaining({
        code: "deliberation.needsDiscussion",
        params: expect.objectContaining({ products: "SP01" }),
      })
    );
  });

  it("refuses a chair's decision on a product that is not flagged", async () => {
    const r = await recordChairDecision(
      host,
      { product: "SP02", decision: "accept", reason: "x" },
      at("2026-06-15T08:20:00Z")
    );
    expect(r.written).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual(["decision.notFlagged"]);
  });

  it("opens round 2 for the flagged product only; publishing is accepted once it is re-scored", async () => {
    const opened = await openRound(
      host,
      { products: ["sp01"], reason: "Chênh lệch quá 10 điểm" },
      at("2026-06-15T09:00:00Z")
    );
    expect(opened.findings).toEqual([]);
    expect(opened.round).toBe(2);
    const names = (await host.listSheets()).map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["Phiếu TV01 vòng 2", "Phiếu TV02 vòng 2", SHEETS.deliberation])
    );
    await fill(host, "TV01", 2, "SP01", P85);
    await fill(host, "TV02", 2, "SP01", P85);
    const r = await consolidateWorkbook(host, { load, now: new Date("2026-06-15T10:00:00Z") });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.consolidation!.needsDiscussion).toEqual([]);
    const sp01 = r.consolidation!.products.find((p) => p.product === "SP01")!;
    expect([sp01.round, sp01.mean]).toEqual([2, 85]);
    expect(isDraft(await firstCell(host, SHEETS.ranking))).toBe(false);
    // Round-1 totals stay in the audit log.
    const audit = (await host.readSheets([SHEETS.audit])).sheets[0]!.values.flat().map(String);
    expect(audit).toContain("Điểm vòng 1: SP01");
    expect(audit).toContain("TV01 100; TV02 55");
    const api = createSecretariat(host, {
      tool: "test",
      workbooks: testWorkbooks,
      load,
      now: () => new Date("2026-06-15T10:10:00Z"),
    });
    const published = await api.publish();
    expect(published.refusal ?? null).toBeNull();
    expect(published.published.length).toBeGreaterThan(0);
  });

  it("gives the same results from the history sheet alone", async () => {
    const r = await consolidateWorkbook(host, { load, now: new Date("2026-06-15T10:20:00Z") });
    const replayed = await fromHistory(host);
    expect(replayed.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(summary(replayed.products)).toEqual(summary(r.consolidation!.products));
    expect(replayed.needsDiscussion).toEqual(r.consolidation!.needsDiscussion);
  });

  it("adds history rows below the others and never writes an earlier row again", async () => {
    const historyRows = async () => (await host.readSheets([SHEETS.history])).sheets[0]!.values;
    const before = await historyRows();
    const requests: ApplyRequest[] = [];
    const spy: WorkbookHost = {
      kind: host.kind,
      listSheets: () => host.listSheets(),
      readSheets: (names, options) => host.readSheets(names, options),
      apply: (r) => {
        requests.push(r);
        return host.apply(r);
      },
    };
    await fill(host, "TV01", 1, "SP02", { ...P85, "1.1": 10 });
    const r = await consolidateWorkbook(spy, { load, now: new Date("2026-06-15T10:30:00Z") });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    const apply = requests.at(-1)!;
    expect(apply.plans.map((p) => p.name)).not.toContain(SHEETS.history);
    expect(apply.appends?.map((a) => a.plan.name)).toEqual([SHEETS.history]);
    const after = await historyRows();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((row) => [row[2], row[3], row[4], row[5], row[6]])).toEqual([
      ["TV01", "SP02", "1.1", 20, 10],
    ]);
    await fill(host, "TV01", 1, "SP02", P85); // as the later cases expect it
  });

  it("closes a round, reports a cell changed afterwards with both values, and reopens explicitly", async () => {
    const closed = await closeRound(host, { round: 2 }, at("2026-06-15T11:00:00Z"));
    expect(closed.findings).toEqual([]);
    const grid = (await host.readSheets([roundSheetName("TV02", 2)])).sheets[0]!;
    expect(grid.protected).toBe(true);
    const read2 = await readWorkbook(host);
    const cell = parseSheets(read2.scoreSheets, read2.session!, catalogue)
      .find((s) => s.grid.name === roundSheetName("TV02", 2))!
      .parsed.scores!.entries.find((e) => e.product === "SP01" && e.criterion === "3.1")!.cell!;
    const { row, col } = parseAddress(cell)!;
    const tampered = editedAnyway(host, roundSheetName("TV02", 2), row, col, 35);
    const check = await checkSheets(tampered, { load });
    const changed = check.findings.filter((f) => f.code === "round.changedAfterClose");
    expect(changed).toHaveLength(1);
    expect(changed[0]!.params).toEqual(
      expect.objectContaining({
        member: "TV02",
        product: "SP01",
        criterion: "3.1",
        old: "20",
        new: "35",
        round: 2,
      })
    );
    expect(changed[0]!.where.cell).toBe(cell);
    const refused = await consolidateWorkbook(tampered, { load });
    expect(refused.written).toBe(false);
    const again = await closeRound(host, { round: 2 }, at("2026-06-15T11:05:00Z"));
    expect(again.findings.map((f) => f.code)).toEqual(["round.alreadyClosed"]);
    const reopened = await reopenRound(
      host,
      { round: 2, reason: "Sửa điểm nhập nhầm" },
      at("2026-06-15T11:10:00Z")
    );
    expect(reopened.written).toBe(true);
    const read = await readWorkbook(host);
    expect(read.deliberation.reopenings).toEqual([
      { round: 2, reason: "Sửa điểm nhập nhầm", at: "2026-06-15T11:10:00.000Z", by: "Thư ký" },
    ]);
    await fill(host, "TV02", 2, "SP01", { ...P85, "3.1": 35 });
    const r = await consolidateWorkbook(host, { load, now: new Date("2026-06-15T11:20:00Z") });
    expect(r.written).toBe(true);
    // The change is in the history now, typed on the sheet, with the old and the new value.
    const last = (await readWorkbook(host)).history.at(-1)!;
    expect([last.member, last.criterion, last.old, last.new, last.source.kind]).toEqual([
      "TV02",
      "3.1",
      20,
      35,
      "sheet",
    ]);
  });

  it("records a recusal: the member is not asked and their cells are locked", async () => {
    const r = await recordRecusal(
      host,
      { member: "TV02", product: "SP03", reason: "Người thân của chủ thể" },
      at("2026-06-15T12:00:00Z")
    );
    expect(r.findings).toEqual([]);
    const dup = await recordRecusal(
      host,
      { member: "TV02", product: "SP03", reason: "x" },
      at("2026-06-15T12:01:00Z")
    );
    expect(dup.findings.map((f) => f.code)).toEqual(["recusal.duplicate"]);
    const c = await consolidateWorkbook(host, { load, now: new Date("2026-06-15T12:10:00Z") });
    const sp03 = c.consolidation!.products.find((p) => p.product === "SP03")!;
    expect(sp03.count).toBe(1);
    expect(sp03.recused).toEqual([{ member: "TV02", reason: "Người thân của chủ thể" }]);
    // TV02 had typed SP03 before abstaining: kept on the sheet, not counted, with a warning.
    expect(c.findings.map((f) => f.code)).toContain("recusal.scored");
    const results = (await host.readSheets([SHEETS.results])).sheets[0]!.values.flat().map(String);
    expect(
      results.some((v) => v.includes("Không chấm (xung đột lợi ích): TV02 (Người thân của chủ thể)"))
    ).toBe(true);
    expect(summary((await fromHistory(host)).products)).toEqual(summary(c.consolidation!.products));
  });
});
