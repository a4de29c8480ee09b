/**
 * The star class. Decision 26/2026 Điều 3 khoản 3 sets the bands on the council's mean ("tổng điểm
 * trung bình"); each form's footnote makes a starred level the minimum for that class ("Dấu sao là yêu
 * cầu tối thiểu phải đạt theo các cấp độ sao"). So the class is the highest N★ whose band the exact
 * mean reaches and whose minima, and those of every lower class, the product meets.
 */
import type { Catalogue, Form, StarBand } from "./criteria/types";
import type { CouncilSettings } from "./session";
import type { KnockoutHit, MinimumShortfall, ProductResult } from "./results";
import { EPSILON, criteriaOf } from "./criteria/catalogue";
import type { ProductPoints } from "./scoreIndex";
import { normaliseCode } from "./text";

type Stars = 1 | 2 | 3 | 4 | 5;

/**
 * The band the mean falls in: half-open [min, max), the top band including 100. The tolerance only
 * absorbs float noise (a mean that is 70 in exact arithmetic); 69.99 stays in 3★.
 */
export const bandOf = (mean: number, bands: readonly StarBand[]): Stars => {
  let best: StarBand | undefined;
  for (const band of bands) if (mean + EPSILON >= band.min && (!best || band.min > best.min)) best = band;
  if (best) return best.stars;
  const lowest = [...bands].sort((a, b) => a.min - b.min)[0];
  return lowest ? lowest.stars : 1;
};

export interface Minimum {
  /** Index of the criterion in the form's flattened order. */
  index: number;
  stars: 3 | 4 | 5;
  points: number;
}

const minimaCache = new WeakMap<Form, Minimum[]>();

/**
 * The starred levels of a form, one per criterion and class (where a class is starred twice on one
 * criterion, the lower level is its minimum). A class's requirements are its own marks plus those of
 * every lower class, which is how the marks read on the form (*** at 1, **** at 3: 4★ needs 3).
 */
export const minimaOf = (form: Form): Minimum[] => {
  const cached = minimaCache.get(form);
  if (cached) return cached;
  const out: Minimum[] = [];
  for (const flat of criteriaOf(form)) {
    const byClass = new Map<3 | 4 | 5, number>();
    for (const level of flat.criterion.levels)
      if (level.minStars !== null)
        byClass.set(level.minStars, Math.min(level.points, byClass.get(level.minStars) ?? Infinity));
    for (const [stars, points] of [...byClass].sort((a, b) => a[0] - b[0]))
      out.push({ index: flat.index, stars, points });
  }
  minimaCache.set(form, out);
  return out;
};

/**
 * Whether the members meet one minimum, and the combined value reported when they do not: the mean of
 * their points ("mean"), or the share of members at or above the level ("all", "majority").
 */
const testMinimum = (
  rule: CouncilSettings["minimumLevelRule"],
  values: readonly number[],
  required: number
): { met: boolean; actual: number } => {
  if (rule === "mean") {
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    return { met: mean + EPSILON >= required, actual: Math.round(mean * 1e9) / 1e9 };
  }
  const reaching = values.filter((v) => v + EPSILON >= required).length;
  const share = reaching / values.length;
  return { met: rule === "all" ? reaching === values.length : reaching * 2 > values.length, actual: share };
};

export interface KnockoutLevel {
  index: number;
  /** Points of the knock-out level, and the lowest points above it: reaching those clears the knock-out. */
  points: number;
  clear: number;
  note: string;
}

const knockoutCache = new WeakMap<Form, KnockoutLevel[]>();

/** The knock-out levels of a form (catalogue `knockout`), each with the level that clears it. */
export const knockoutsOf = (form: Form): KnockoutLevel[] => {
  const cached = knockoutCache.get(form);
  if (cached) return cached;
  const out: KnockoutLevel[] = [];
  for (const flat of criteriaOf(form)) {
    for (const level of flat.criterion.levels) {
      if (!level.knockout) continue;
      const above = flat.criterion.levels.map((l) => l.points).filter((p) => p > level.points + EPSILON);
      // A knock-out on the top level could never be cleared; no form has one, and it is ignored.
      if (!above.length) continue;
      out.push({ index: flat.index, points: level.points, clear: Math.min(...above), note: level.knockout });
    }
  }
  knockoutCache.set(form, out);
  return out;
};

/**
 * The first knock-out the council's members put the product at. The council's choice combines the members'
 * points the way minimum levels do (`minimumLevelRule`): the product clears a knock-out when the combined
 * value reaches the next level above it — the mean reaches it ("mean"), every member does ("all"), or more
 * than half do ("majority").
 */
const knockoutOf = (
  points: ProductPoints,
  rows: readonly Float64Array[],
  rule: CouncilSettings["minimumLevelRule"]
): KnockoutHit | null => {
  if (!rows.length) return null;
  for (const k of knockoutsOf(points.form)) {
    const { met, actual } = testMinimum(
      rule,
      rows.map((r) => r[k.index]!),
      k.clear
    );
    if (met) continue;
    const criterion = points.criteria[k.index]!.criterion;
    return { criterion: criterion.id, criterionText: criterion.text, note: k.note, points: k.points, actual };
  }
  return null;
};

/**
 * Fills bandStars, stars, shortfalls and withheld on an aggregated product. An excluded dossier, a
 * member's incomplete scores or a missing quorum withhold the class (the band is still shown when
 * there is a mean). `points` are the members' per-criterion points, needed for the minima.
 */
export const classify = (
  result: ProductResult,
  settings: CouncilSettings,
  catalogue: Catalogue,
  points: ProductPoints | undefined
): ProductResult => {
  const flag = (code: string): boolean => result.flags.some((f) => f.code === code);
  const bandStars = result.mean === null ? null : bandOf(result.mean, catalogue.edition.bands);
  const withheld = flag("excluded")
    ? "excluded"
    : flag("incomplete")
      ? "incomplete"
      : flag("quorum") || result.mean === null
        ? "quorum"
        : null;
  if (withheld !== null || bandStars === null || !points)
    return { ...result, bandStars, stars: null, shortfalls: [], withheld: withheld ?? "quorum" };

  // Only members counted in the mean take part in the minima and knock-outs: complete scores, and not a
  // total the council dropped as an extreme (a dropped member alone must not cap or knock out a product).
  const rows = result.members
    .filter((m) => !m.dropped)
    .map((m) => points.byMember.get(normaliseCode(m.member)))
    .filter((r): r is Float64Array => r !== undefined);

  const knockout = knockoutOf(points, rows, settings.minimumLevelRule);
  if (knockout) return { ...result, bandStars, stars: null, shortfalls: [], withheld: "knockout", knockout };
  const shortfalls: MinimumShortfall[] = [];
  let stars: Stars = bandStars;
  for (const minimum of minimaOf(points.form)) {
    if (minimum.stars > bandStars) continue;
    const { met, actual } = testMinimum(
      settings.minimumLevelRule,
      rows.map((r) => r[minimum.index]!),
      minimum.points
    );
    if (met) continue;
    const criterion = points.criteria[minimum.index]!.criterion;
    shortfalls.push({
      criterion: criterion.id,
      criterionText: criterion.text,
      stars: minimum.stars,
      requiredPoints: minimum.points,
      actual,
    });
    stars = Math.min(stars, minimum.stars - 1) as Stars;
  }
  shortfalls.sort((a, b) => a.stars - b.stars);
  return { ...result, bandStars, stars, shortfalls, withheld: null, knockout: null };
};
