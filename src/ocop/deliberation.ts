/**
 * The council's deliberation rules (issue 14): scoring rounds, recusals, the chair's presence and the
 * chair's decisions. Provincial council rules (Tây Ninh, Đồng Tháp; docs/rules.md) say a product whose
 * members differ by more than the threshold is discussed and scored again; this module says which
 * products still need that, takes each product's scores from its latest round, leaves recused members
 * out of the product (and of its quorum), and withholds a product the chair did not score when the
 * council keeps that rule.
 */
import type { Form } from "./criteria/types";
import { EPSILON } from "./criteria/catalogue";
import type { Finding } from "./findings";
import type { ChairDecision, Deliberation, Recusal, Round } from "./history";
import type { MemberScores, Session, CouncilSettings } from "./session";
import type { ProductResult } from "./results";
import type { ProductPoints } from "./scoreIndex";
import { minimaOf } from "./classify";
import { normaliseCode } from "./text";
import { CODES } from "./codes";

/** Why a product needs the council's discussion. */
export type DiscussionReason = "spread" | "minimumSplit";

/** A product awaiting discussion: another round or the chair's decision. */
export interface DiscussionItem {
  product: string;
  /** The round whose scores raised it. */
  round: number;
  reasons: DiscussionReason[];
  /** Spread of the members' totals in that round. */
  range: number | null;
}

const pairKey = (member: string, product: string): string =>
  `${normaliseCode(member)}\u0000${normaliseCode(product)}`;

/** Rounds in number order; round 1 (every product) is implicit when the workbook has not stored it. */
export const roundsOf = (d: Deliberation, session: Pick<Session, "products">): Round[] => {
  const stored = [...d.rounds].sort((a, b) => a.number - b.number);
  if (stored[0]?.number === 1) return stored;
  return [
    { number: 1, products: session.products.map((p) => p.code), reason: "", openedAt: "", closedAt: null },
    ...stored,
  ];
};

/** The number of the last round opened (1 when none was). */
export const currentRound = (d: Deliberation): number => Math.max(1, ...d.rounds.map((r) => r.number));

/** Each product's latest round: the highest round that lists it (round 1 lists every product). */
export const latestRounds = (d: Deliberation): Map<string, number> => {
  const out = new Map<string, number>();
  for (const r of d.rounds) {
    if (r.number <= 1) continue;
    for (const p of r.products) {
      const key = normaliseCode(p);
      if ((out.get(key) ?? 1) < r.number) out.set(key, r.number);
    }
  }
  return out;
};

export const latestRoundOf = (latest: ReadonlyMap<string, number>, product: string): number =>
  latest.get(normaliseCode(product)) ?? 1;

/** Product key → member keys who abstain on it, with the reason. */
export const recusalIndex = (d: Deliberation): Map<string, Map<string, Recusal>> => {
  const out = new Map<string, Map<string, Recusal>>();
  for (const r of d.recusals) {
    const product = normaliseCode(r.product);
    const members = out.get(product) ?? new Map<string, Recusal>();
    members.set(normaliseCode(r.member), r);
    out.set(product, members);
  }
  return out;
};

export const isRecused = (d: Deliberation, member: string, product: string): boolean =>
  d.recusals.some((r) => pairKey(r.member, r.product) === pairKey(member, product));

/** Entries by product key, in sheet order; `codes` caches the normalised codes across sheets. */
const groupByProduct = (
  entries: MemberScores["entries"],
  codes: Map<string, string>
): Map<string, MemberScores["entries"]> => {
  const out = new Map<string, MemberScores["entries"]>();
  for (const e of entries) {
    let key = codes.get(e.product);
    if (key === undefined) {
      key = normaliseCode(e.product);
      codes.set(e.product, key);
    }
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return out;
};

export interface EffectiveScores {
  /** One MemberScores per member (plus any duplicate sheet, so validation still reports it). */
  sheets: MemberScores[];
  /** member × product pairs that are not asked (recused, or no sheet in the product's latest round). */
  exempt: Set<string>;
  /** member × product → the sheet of the product's latest round (where a whole product left blank is). */
  sheetOf: Map<string, string>;
  findings: Finding[];
}

/**
 * The scores the consolidation uses: for each member and product, the entries of the sheet of the
 * product's latest round; a recused member's entries for the product are dropped (with a warning when
 * there were values). A member without a sheet in a product's latest round has not scored it again:
 * they are left out of the product, as a member without any sheet is.
 */
export const effectiveScores = (
  session: Pick<Session, "products">,
  d: Deliberation,
  all: readonly MemberScores[]
): EffectiveScores => {
  const latest = latestRounds(d);
  const recusals = recusalIndex(d);
  const findings: Finding[] = [];
  const exempt = new Set<string>();
  const sheetOf = new Map<string, string>();
  // member → round → first sheet; later sheets of the same member and round pass through as duplicates.
  const byMember = new Map<string, Map<number, MemberScores>>();
  const duplicates: MemberScores[] = [];
  for (const s of all) {
    const member = normaliseCode(s.member);
    const rounds = byMember.get(member) ?? new Map<number, MemberScores>();
    const round = s.round ?? 1;
    if (rounds.has(round)) duplicates.push(s);
    else rounds.set(round, s);
    byMember.set(member, rounds);
  }
  const known = new Set(session.products.map((p) => normaliseCode(p.code)));
  const codes = new Map<string, string>();
  const sheets: MemberScores[] = [];
  for (const [member, rounds] of byMember) {
    const base = rounds.get(1) ?? rounds.values().next().value!;
    const entries = [];
    // Each sheet's entries grouped by product key once: the loop below asks per product.
    const grouped = new Map<MemberScores, Map<string, MemberScores["entries"]>>();
    for (const sheet of rounds.values()) grouped.set(sheet, groupByProduct(sheet.entries, codes));
    for (const p of session.products) {
      const key = normaliseCode(p.code);
      const round = latestRoundOf(latest, key);
      const sheet = rounds.get(round);
      const recusal = recusals.get(key)?.get(member);
      const own = sheet ? (grouped.get(sheet)!.get(key) ?? []) : [];
      if (recusal) {
        exempt.add(pairKey(member, key));
        if (own.some((e) => e.raw.value !== null && e.raw.value !== ""))
          findings.push({
            code: CODES.recusalScored,
            severity: "warning",
            where: { member: base.member, product: p.code, sheet: sheet?.sheet ?? base.sheet },
            params: { member: base.member, product: p.code, reason: recusal.reason },
          });
        continue;
      }
      if (!sheet) {
        exempt.add(pairKey(member, key));
        continue;
      }
      if (sheet.sheet !== undefined) sheetOf.set(pairKey(member, key), sheet.sheet);
      for (const e of own)
        entries.push(e.sheet === undefined && sheet.sheet ? { ...e, sheet: sheet.sheet } : e);
    }
    // Entries of products the session does not hold stay, so validation reports them.
    for (const sheet of rounds.values())
      for (const [key, list] of grouped.get(sheet)!)
        if (!known.has(key))
          for (const e of list)
            entries.push(e.sheet === undefined && sheet.sheet ? { ...e, sheet: sheet.sheet } : e);
    const merged: MemberScores = { member: base.member, entries };
    if (base.file !== undefined) merged.file = base.file;
    if (base.sheet !== undefined) merged.sheet = base.sheet;
    sheets.push(merged);
  }
  return { sheets: [...sheets, ...duplicates], exempt, sheetOf, findings };
};

/**
 * Missing-score findings for a pair that is not asked are not findings; a product left blank is placed on
 * the sheet of its latest round.
 */
export const dropExempt = (
  findings: readonly Finding[],
  exempt: ReadonlySet<string>,
  sheetOf: ReadonlyMap<string, string> = new Map()
): Finding[] =>
  placeBlank(findings, sheetOf).filter(
    (f) =>
      !(
        (f.code === CODES.scoreMissing || f.code === CODES.scoreProductMissing) &&
        f.where.member !== undefined &&
        f.where.product !== undefined &&
        exempt.has(pairKey(f.where.member, f.where.product))
      )
  );

const placeBlank = (findings: readonly Finding[], sheetOf: ReadonlyMap<string, string>): Finding[] =>
  sheetOf.size === 0
    ? [...findings]
    : findings.map((f) => {
        if (f.code !== CODES.scoreProductMissing || !f.where.member || !f.where.product) return f;
        const sheet = sheetOf.get(pairKey(f.where.member, f.where.product));
        return sheet && sheet !== f.where.sheet ? { ...f, where: { ...f.where, sheet } } : f;
      });

/** Recusals, rounds and decisions that name a product or member the session does not hold. */
export const deliberationFindings = (session: Session, d: Deliberation): Finding[] => {
  const products = new Set(session.products.map((p) => normaliseCode(p.code)));
  const members = new Set(session.members.map((m) => normaliseCode(m.code)));
  const out: Finding[] = [];
  for (const r of d.recusals) {
    if (!members.has(normaliseCode(r.member)))
      out.push({
        code: CODES.recusalUnknownMember,
        severity: "error",
        where: { member: r.member, product: r.product },
        params: { member: r.member, product: r.product },
      });
    if (!products.has(normaliseCode(r.product)))
      out.push({
        code: CODES.deliberationUnknownProduct,
        severity: "error",
        where: { product: r.product },
        params: { product: r.product, what: "recusal" },
      });
  }
  for (const round of d.rounds)
    for (const p of round.products)
      if (round.number > 1 && !products.has(normaliseCode(p)))
        out.push({
          code: CODES.deliberationUnknownProduct,
          severity: "error",
          where: { product: p },
          params: { product: p, what: `round ${round.number}` },
        });
  for (const c of d.decisions)
    if (!products.has(normaliseCode(c.product)))
      out.push({
        code: CODES.deliberationUnknownProduct,
        severity: "error",
        where: { product: c.product },
        params: { product: c.product, what: "decision" },
      });
  return out;
};

/**
 * True when the members' points split on a starred minimum the product's band depends on: some members
 * reach the level, others do not (the council may choose to discuss such products too).
 */
export const minimumSplit = (
  result: Pick<ProductResult, "bandStars" | "members">,
  points: ProductPoints | undefined
): boolean => {
  if (!points || result.bandStars === null) return false;
  const rows = result.members
    .filter((m) => !m.dropped)
    .map((m) => points.byMember.get(normaliseCode(m.member)))
    .filter((r): r is Float64Array => r !== undefined);
  if (rows.length < 2) return false;
  return minimaOf(points.form as Form).some((minimum) => {
    if (minimum.stars > result.bandStars!) return false;
    const reaching = rows.filter((r) => r[minimum.index]! + EPSILON >= minimum.points).length;
    return reaching > 0 && reaching < rows.length;
  });
};

/** The chair, and the vice-chair the chair delegates (when recorded): member keys. */
const chairKeys = (session: Session, d: Deliberation): string[] => {
  const keys = session.members.filter((m) => m.role === "chair").map((m) => normaliseCode(m.code));
  if (d.delegate) keys.push(normaliseCode(d.delegate));
  return keys;
};

/** A warning when the rule is on but the council names no chair: the rule cannot be checked. */
export const chairFindings = (session: Session, d: Deliberation, settings: CouncilSettings): Finding[] =>
  settings.chairMustScore && chairKeys(session, d).length === 0
    ? [{ code: CODES.chairNotNamed, severity: "warning", where: {}, params: {} }]
    : [];

export interface DeliberationContext {
  session: Session;
  deliberation: Deliberation;
  settings: CouncilSettings;
  latest: ReadonlyMap<string, number>;
  /** The chair's and the delegate's member keys. */
  chairs: readonly string[];
  /** Product key → member key → recusal. */
  recusals: ReadonlyMap<string, ReadonlyMap<string, Recusal>>;
  /** Product key → the chair's decisions on it, in the order recorded. */
  decisions: ReadonlyMap<string, readonly ChairDecision[]>;
}

/** What `deliberate` looks up for every product, indexed once per consolidation rather than per product. */
export const deliberationContext = (
  session: Session,
  deliberation: Deliberation,
  settings: CouncilSettings
): DeliberationContext => {
  const decisions = new Map<string, ChairDecision[]>();
  for (const c of deliberation.decisions) {
    const key = normaliseCode(c.product);
    const list = decisions.get(key);
    if (list) list.push(c);
    else decisions.set(key, [c]);
  }
  return {
    session,
    deliberation,
    settings,
    latest: latestRounds(deliberation),
    chairs: chairKeys(session, deliberation),
    recusals: recusalIndex(deliberation),
    decisions,
  };
};

const latestDecision = (
  decisions: readonly ChairDecision[] | undefined,
  round: number
): ChairDecision | null => {
  let found: ChairDecision | null = null;
  for (const c of decisions ?? []) if (c.round >= round) found = c;
  return found;
};

/**
 * Applies the deliberation to a classified product (before ranking): the round its scores come from,
 * its recusals, the chair's presence, the chair's decision and whether it still needs discussion.
 */
export const deliberate = (
  result: ProductResult,
  points: ProductPoints | undefined,
  ctx: DeliberationContext
): ProductResult => {
  const { settings, chairs } = ctx;
  const key = normaliseCode(result.product);
  const round = ctx.latest.get(key) ?? 1;
  const recused = [...(ctx.recusals.get(key)?.values() ?? [])].map((r) => ({
    member: r.member,
    reason: r.reason,
  }));
  let out: ProductResult = { ...result, round, recused, decision: null, needsDiscussion: false };
  if (result.flags.some((f) => f.code === "excluded")) return out;

  if (settings.chairMustScore && chairs.length > 0 && result.count > 0) {
    const scored = new Set(result.members.map((m) => normaliseCode(m.member)));
    if (!chairs.some((c) => scored.has(c))) {
      out = {
        ...out,
        flags: [...out.flags, { code: "chair" }],
        withheld: out.withheld ?? "chair",
        stars: out.withheld ? out.stars : null,
        shortfalls: out.withheld ? out.shortfalls : [],
      };
    }
  }

  const reasons: DiscussionReason[] = [];
  if (result.flags.some((f) => f.code === "spread")) reasons.push("spread");
  if (settings.discussMinimumSplit && minimumSplit(result, points)) reasons.push("minimumSplit");
  if (reasons.length === 0) return out;
  const decision = latestDecision(ctx.decisions.get(key), round);
  if (!decision) return { ...out, needsDiscussion: true, discussion: reasons };
  if (decision.decision === "withhold" && out.withheld === null)
    return { ...out, decision, discussion: reasons, withheld: "decision", stars: null, shortfalls: [] };
  return { ...out, decision, discussion: reasons };
};

/** The products awaiting discussion, in the given (official) order. */
export const discussionList = (results: readonly ProductResult[]): DiscussionItem[] =>
  results
    .filter((r) => r.needsDiscussion)
    .map((r) => ({ product: r.product, round: r.round ?? 1, reasons: r.discussion ?? [], range: r.range }));

/** Quorum against the members who did not abstain on the product. */
export const askedCount = (councilSize: number, recusedCount: number): number =>
  Math.max(0, councilSize - recusedCount);

/**
 * Publishing (the proposal lists, the ranking as final) is refused while a product awaits discussion:
 * the finding lists them and says what to do.
 */
export const publishRefusal = (c: { needsDiscussion?: readonly DiscussionItem[] }): Finding | null => {
  const waiting = c.needsDiscussion ?? [];
  if (waiting.length === 0) return null;
  return {
    code: CODES.needsDiscussion,
    severity: "error",
    where: {},
    params: { products: waiting.map((w) => w.product).join(", "), count: waiting.length },
  };
};
