/**
 * Adds up each product: every member's part subtotals and total, then the council's figures (mean,
 * part means, min, max, range, standard deviation) and the flags the secretariat must see (spread
 * beyond the threshold, too few members, excluded dossier, a member's incomplete scores). No stars:
 * classify.ts decides those.
 */
import type { Catalogue, Form, PartId } from "./criteria/types";
import type { MemberScores, Session, CouncilSettings } from "./session";
import type { MemberTotal, PartScores, ProductFlag, ProductResult } from "./results";
import { indexSession, type IndexedMember, type IndexedProduct, type SessionIndex } from "./sessionIndex";
import { indexScores, type ProductPoints, type ScoreIndex } from "./scoreIndex";
import { EPSILON, criteriaOf } from "./criteria/catalogue";
import { compareCodes } from "./rank";

const PART_IDS: readonly PartId[] = ["A", "B", "C"];
const partIndexCache = new WeakMap<Form, Uint8Array>();

/** Each criterion's part as 0, 1, 2 (A, B, C), in the form's flattened order. */
const partIndexOf = (form: Form): Uint8Array => {
  let parts = partIndexCache.get(form);
  if (!parts) {
    parts = Uint8Array.from(criteriaOf(form), (c) => PART_IDS.indexOf(c.part));
    partIndexCache.set(form, parts);
  }
  return parts;
};

/** Sums of printed points carry float noise (0.1 + 0.2); nine decimals is far below any printed point. */
export const clean = (n: number): number => Math.round(n * 1e9) / 1e9;

/** Members needed for a product to be classified: the quorum share of the whole council, rounded up. */
export const quorumRequired = (settings: CouncilSettings, councilSize: number): number =>
  Math.ceil(settings.quorum * councilSize - EPSILON);

const emptyResult = (ip: IndexedProduct, flags: ProductFlag[]): ProductResult => ({
  product: ip.product.code,
  form: ip.form?.code ?? ip.product.form,
  members: [],
  count: 0,
  mean: null,
  partMeans: null,
  min: null,
  max: null,
  range: null,
  stdev: null,
  flags,
  bandStars: null,
  stars: null,
  shortfalls: [],
  withheld: null,
  knockout: null,
  outcome: "withheld",
  rank: null,
});

const meanOf = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * One product's figures. Members are taken in council order, so the result does not depend on the
 * order the sheets were read in. A member who left some criteria without a usable value is not
 * counted and the product is flagged incomplete. Members who abstained on the product (`recused`, member
 * keys) are not counted and the quorum is taken over the others.
 */
export const aggregateProduct = (
  ip: IndexedProduct,
  points: ProductPoints | undefined,
  members: readonly IndexedMember[],
  settings: CouncilSettings,
  recused: ReadonlySet<string> = new Set()
): ProductResult => {
  if (ip.product.excluded) return emptyResult(ip, [{ code: "excluded", reason: ip.product.excluded.reason }]);

  const totals: MemberTotal[] = [];
  const incomplete: string[] = [];
  if (points) {
    const partOf = partIndexOf(points.form);
    for (const m of members) {
      const row = points.byMember.get(m.key);
      if (!row || recused.has(m.key)) continue;
      // Three running sums rather than an object keyed by part: this is the innermost loop.
      let a = 0;
      let b = 0;
      let c = 0;
      let gaps = 0;
      for (let i = 0; i < row.length; i++) {
        const v = row[i]!;
        if (v !== v)
          gaps++; // NaN: no usable value
        else if (partOf[i] === 0) a += v;
        else if (partOf[i] === 1) b += v;
        else c += v;
      }
      if (gaps === row.length) continue; // nothing usable: the member did not score this product
      if (gaps > 0) {
        incomplete.push(m.member.code);
        continue;
      }
      const parts: PartScores = { A: clean(a), B: clean(b), C: clean(c) };
      totals.push({ member: m.member.code, parts, total: clean(a + b + c), deviating: false });
    }
  }

  const flags: ProductFlag[] = [];
  if (incomplete.length > 0) flags.push({ code: "incomplete", missingMembers: incomplete });
  const asked = members.filter((m) => !recused.has(m.key)).length;
  const required = quorumRequired(settings, asked);
  if (totals.length < required)
    flags.push({ code: "quorum", scored: totals.length, required, council: asked });
  if (totals.length === 0) return emptyResult(ip, flags);

  const values = totals.map((t) => t.total);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = clean(max - min);
  const all = meanOf(values);
  const stdev = clean(Math.sqrt(meanOf(values.map((v) => (v - all) ** 2))));

  // Dropping extremes keeps at least one member: only with three or more totals.
  let kept = totals;
  if (settings.dropExtremes && totals.length >= 3) {
    // Equal totals are split by member code, so the dropped member never depends on sheet order.
    const order = totals
      .map((_t, i) => i)
      .sort((a, b) => values[a]! - values[b]! || compareCodes(totals[a]!.member, totals[b]!.member));
    const low = order[0]!;
    const high = order[order.length - 1]!;
    totals[low]!.dropped = true;
    totals[high]!.dropped = true;
    kept = totals.filter((t) => !t.dropped);
  }
  const mean = clean(meanOf(kept.map((t) => t.total)));
  const partMeans: PartScores = {
    A: clean(meanOf(kept.map((t) => t.parts.A))),
    B: clean(meanOf(kept.map((t) => t.parts.B))),
    C: clean(meanOf(kept.map((t) => t.parts.C))),
  };

  if (range > settings.spreadThreshold + EPSILON) {
    // The members furthest from the council: more than half the threshold away from the mean.
    for (const t of totals) t.deviating = Math.abs(t.total - mean) > settings.spreadThreshold / 2 + EPSILON;
    flags.unshift({
      code: "spread",
      range,
      threshold: settings.spreadThreshold,
      members: totals.filter((t) => t.deviating).map((t) => t.member),
    });
  }

  return {
    ...emptyResult(ip, flags),
    members: totals,
    count: totals.length,
    mean,
    partMeans,
    min,
    max,
    range,
    stdev,
  };
};

/** Every product of the session, in session order, without stars. */
export const aggregateIndexed = (
  index: SessionIndex,
  scores: ScoreIndex,
  settings: CouncilSettings
): ProductResult[] => {
  const members = [...index.members.values()];
  return [...index.products.values()].map((ip) =>
    aggregateProduct(ip, scores.get(ip.key), members, settings)
  );
};

/** Adds up every product of the session from the members' sheets (no stars, no ranks). */
export const aggregate = (
  session: Session,
  catalogue: Catalogue,
  scores: readonly MemberScores[]
): ProductResult[] => {
  const index = indexSession(session, catalogue);
  return aggregateIndexed(index, indexScores(index, scores), session.settings);
};
