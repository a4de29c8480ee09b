/**
 * The official order of the ranking table: stars, then the exact mean, then the council's tie-break;
 * products that are still equal share a rank ("1, 2, 2, 4"). Products whose class is withheld get no
 * rank and follow the ranked ones.
 */
import type { CouncilSettings } from "./session";
import type { ProductResult } from "./results";
import { EPSILON } from "./criteria/catalogue";

/** Compares codes as people read them: "SP-2" before "SP-10". Deterministic, locale-free. */
export const compareCodes = (a: string, b: string): number => {
  const chunks = /(\d+|\D+)/gu;
  const xs = a.match(chunks) ?? [];
  const ys = b.match(chunks) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x === y) continue;
    const nx = /^\d/u.test(x) ? Number(x) : NaN;
    const ny = /^\d/u.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return xs.length - ys.length || (a < b ? -1 : a > b ? 1 : 0);
};

const desc = (a: number, b: number): number => (Math.abs(a - b) <= EPSILON ? 0 : b - a);

/**
 * Negative when `a` ranks before `b`, 0 for a true tie (same rank). Both must be classified.
 */
export const compareOfficial = (
  a: ProductResult,
  b: ProductResult,
  tieBreak: CouncilSettings["tieBreak"]
): number => {
  const byStars = (b.stars ?? 0) - (a.stars ?? 0);
  if (byStars !== 0) return byStars;
  const byMean = desc(a.mean ?? 0, b.mean ?? 0);
  if (byMean !== 0) return byMean;
  switch (tieBreak) {
    case "partC":
      return desc(a.partMeans?.C ?? 0, b.partMeans?.C ?? 0);
    case "partA":
      return desc(a.partMeans?.A ?? 0, b.partMeans?.A ?? 0);
    case "code":
      return compareCodes(a.product, b.product);
    case "none":
      return 0;
  }
};

const WITHHELD_ORDER = { incomplete: 0, quorum: 1, chair: 2, decision: 3, knockout: 4, excluded: 5 } as const;

/**
 * Ranks classified products and returns every product in the official order: ranked ones first
 * (true ties listed by code), then withheld ones (incomplete, quorum, excluded), each by code.
 */
export const rank = (
  results: readonly ProductResult[],
  settings: Pick<CouncilSettings, "tieBreak">
): ProductResult[] => {
  const ranked = results.filter((r) => r.withheld === null && r.stars !== null);
  const withheld = results.filter((r) => !(r.withheld === null && r.stars !== null));
  ranked.sort((a, b) => compareOfficial(a, b, settings.tieBreak) || compareCodes(a.product, b.product));
  const out: ProductResult[] = [];
  ranked.forEach((r, i) => {
    const prev = out[i - 1];
    const tied = prev !== undefined && compareOfficial(ranked[i - 1]!, r, settings.tieBreak) === 0;
    out.push({ ...r, rank: tied ? prev.rank : i + 1 });
  });
  withheld.sort(
    (a, b) =>
      WITHHELD_ORDER[a.withheld ?? "quorum"] - WITHHELD_ORDER[b.withheld ?? "quorum"] ||
      compareCodes(a.product, b.product)
  );
  for (const r of withheld) out.push({ ...r, rank: null });
  return out;
};
