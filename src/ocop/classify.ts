/**
 * The star class. Decision 26/2026 Điều 3 khoản 3 sets the bands on the council's mean ("tổng điểm
 * trung bình"); each form's footnote makes a starred level the minimum for that class ("Dấu sao là yêu
 * cầu tối thiểu phải đạt theo các cấp độ sao"). So the class is the highest N★ whose band the exact
 * mean reaches and whose minima, and those of every lower class, the product meets.
 */
import type { Catalogue, Form, StarBand } from "./criteria/types";
import type { CouncilSettings } from "./session";
import type { MinimumShortfall, ProductResult } from "./results";
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

  // Only members counted in the result (complete scores) take part in the minima.
  const rows = result.members
    .map((m) => points.byMember.get(normaliseCode(m.member)))
    .filter((r): r is Float64Array => r !== undefined);
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
  return { ...result, bandStars, stars, shortfalls, withheld: null };
};
