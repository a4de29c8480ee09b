/**
 * Issue 14's property: whatever rounds, recusals, chair's decisions, closings and edits the secretariat
 * applies to a council workbook (the parts host, real .xlsx parts), the results computed from the
 * "Lịch sử điểm" sheet alone (replayed per round, with the workbook's deliberation state) are the
 * results the workbook's consolidation wrote, product by product.
 */
import fc from "fast-check";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import type { WorkbookHost } from "../../hosts/workbook";
import { parseAddress } from "../../layout/a1";
import { parseHistorySheet } from "../../layout/history";
import { SHEETS, roundSheetName } from "../../layout/names";
import { consolidate } from "../../ocop/consolidate";
import { latestRoundOf, latestRounds } from "../../ocop/deliberation";
import { replayHistory } from "../../ocop/history";
import type { ProductResult } from "../../ocop/results";
import type { MemberScores, Session } from "../../ocop/session";
import { miniCatalogue, miniSession } from "../../../test/helpers/miniCatalogue";
import { consolidateWorkbook } from "../consolidate";
import { readWorkbook } from "../readWorkbook";
import { parseSheets } from "../scores";
import { setUpSession } from "../setUpSession";
import { closeRound, openRound, recordChairDecision, recordRecusal, reopenRound } from "./index";

const catalogue = miniCatalogue();
const load = async () => catalogue;

/** Three members (the chair, a vice-chair, a member), so a recusal still leaves a product scored. */
const base = miniSession();
const session: Session = {
  ...base,
  members: [...base.members, { code: "TV03", name: "Lê Văn Cường", title: "Chuyên viên", role: "member" }],
};
const MEMBERS = session.members.map((m) => m.code);
const PRODUCTS = session.products.map((p) => p.code);

/** The mini form's allowed levels, per criterion. */
const LEVELS = { "1.1": [0, 10, 20], "1.2": [5, 10, 15, 20], "2.1": [0, 5, 15, 25], "3.1": [0, 10, 20, 35] };
type Points = Record<keyof typeof LEVELS, number>;
const pointsArb: fc.Arbitrary<Points> = fc.record({
  "1.1": fc.constantFrom(...LEVELS["1.1"]),
  "1.2": fc.constantFrom(...LEVELS["1.2"]),
  "2.1": fc.constantFrom(...LEVELS["2.1"]),
  "3.1": fc.constantFrom(...LEVELS["3.1"]),
});

/** Every member's points for every product. */
const scoresArb = fc.array(fc.array(pointsArb, { minLength: PRODUCTS.length, maxLength: PRODUCTS.length }), {
  minLength: MEMBERS.length,
  maxLength: MEMBERS.length,
});

type Op =
  /** `earlier`: on the round-1 sheet, even when the product has a later round (the value then counts for nothing). */
  | { kind: "edit"; member: string; product: string; points: Points; earlier: boolean }
  /** Opens the next round for the products; the members then re-score them (`rescores[member][product]`). */
  | { kind: "open"; products: string[]; rescores: Points[][] }
  | { kind: "recuse"; member: string; product: string }
  | { kind: "decide"; product: string; decision: "accept" | "withhold" }
  | { kind: "close" }
  | { kind: "reopen" };

const memberArb = fc.constantFrom(...MEMBERS);
const productArb = fc.constantFrom(...PRODUCTS);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      member: memberArb,
      product: productArb,
      points: pointsArb,
      earlier: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("open" as const),
      products: fc.subarray(PRODUCTS, { minLength: 1 }),
      rescores: scoresArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("recuse" as const), member: memberArb, product: productArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("decide" as const),
      product: productArb,
      decision: fc.constantFrom("accept" as const, "withhold" as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "close" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "reopen" as const }) }
);

/**
 * Types a member's points for a product on the sheet of the product's latest round (or of round 1), as a member would:
 * not into a closed round nor into a product they abstain on (those cells are locked). False when skipped.
 */
const edit = async (
  host: WorkbookHost,
  member: string,
  product: string,
  points: Points,
  earlier = false
): Promise<boolean> => {
  const read = await readWorkbook(host);
  const d = read.deliberation;
  const round = earlier ? 1 : latestRoundOf(latestRounds(d), product);
  if (d.rounds.some((r) => r.number === round && r.closedAt !== null)) return false;
  if (d.recusals.some((r) => r.member === member && r.product === product)) return false;
  const sheet = parseSheets(read.scoreSheets, read.session!, catalogue).find(
    (s) => s.grid.name === roundSheetName(member, round)
  );
  const cellWrites = (sheet?.parsed.scores?.entries ?? [])
    .filter((e) => e.product === product && e.cell !== undefined)
    .map((e) => ({
      sheet: sheet!.grid.name,
      ...parseAddress(e.cell!)!,
      value: points[e.criterion as keyof Points],
    }));
  if (cellWrites.length === 0) return false;
  await host.apply({ plans: [], cellWrites });

  return true;
};

let clock = Date.parse("2026-06-15T08:00:00Z");
const tick = () => {
  clock += 60_000;
  return new Date(clock);
};
const opts = () => ({ load, now: tick(), by: "Thư ký" });

const apply = async (host: WorkbookHost, op: Op): Promise<void> => {
  const read = await readWorkbook(host);
  const current = Math.max(1, ...read.deliberation.rounds.map((r) => r.number));
  switch (op.kind) {
    case "edit":
      if (await edit(host, op.member, op.product, op.points, op.earlier))
        await consolidateWorkbook(host, { load, now: tick() });
      return;
    case "open": {
      const opened = await openRound(
        host,
        { products: op.products, reason: "Chênh lệch quá 10 điểm" },
        opts()
      );
      if (!opened.written) return;
      for (const [i, member] of MEMBERS.entries())
        for (const [j, product] of PRODUCTS.entries())
          if (op.products.includes(product)) await edit(host, member, product, op.rescores[i]![j]!);
      await consolidateWorkbook(host, { load, now: tick() });
      return;
    }
    case "recuse":
      await recordRecusal(host, { member: op.member, product: op.product, reason: "Người thân" }, opts());
      return;
    case "decide":
      await recordChairDecision(
        host,
        { product: op.product, decision: op.decision, reason: "Đã thảo luận" },
        opts()
      );
      return;
    case "close":
      await closeRound(host, { round: current }, opts());
      return;
    case "reopen":
      await reopenRound(host, { round: current, reason: "Sửa điểm" }, opts());
      return;
  }
};

/** What a user reads of a product in the results. */
const summary = (products: readonly ProductResult[]) =>
  products.map((p) => ({
    product: p.product,
    round: p.round,
    count: p.count,
    mean: p.mean,
    stars: p.stars,
    outcome: p.outcome,
    withheld: p.withheld,
    needsDiscussion: p.needsDiscussion,
  }));

/** The results from the history sheet alone, with the workbook's deliberation state. */
const fromHistorySheet = async (host: WorkbookHost) => {
  const grid = (await host.readSheets([SHEETS.history])).sheets[0];
  const { changes } = parseHistorySheet(grid?.values ?? null);
  const sheets: MemberScores[] = replayHistory(changes).flatMap((r) =>
    r.sheets.map((s) => ({ ...s, round: r.round }))
  );
  const { deliberation } = await readWorkbook(host);
  return consolidate(session, catalogue, sheets, deliberation);
};

describe("replaying the history sheet", () => {
  it("gives the workbook's results after any rounds, recusals, decisions, closings and edits", async () => {
    await fc.assert(
      fc.asyncProperty(scoresArb, fc.array(opArb, { minLength: 1, maxLength: 6 }), async (first, ops) => {
        const host = PartsHost.createEmpty();
        expect((await setUpSession(host, { session, catalogue })).findings).toEqual([]);
        for (const [i, member] of MEMBERS.entries())
          for (const [j, product] of PRODUCTS.entries()) await edit(host, member, product, first[i]![j]!);
        await consolidateWorkbook(host, { load, now: tick() });
        for (const op of ops) await apply(host, op);

        const wrote = await consolidateWorkbook(host, { load, now: tick() });
        expect(wrote.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(wrote.written).toBe(true);
        const replayed = await fromHistorySheet(host);
        expect(replayed.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(summary(replayed.products)).toEqual(summary(wrote.consolidation!.products));
        expect(replayed.needsDiscussion).toEqual(wrote.consolidation!.needsDiscussion);
      }),
      { numRuns: 20 }
    );
  }, 120_000);
});
