/** What consolidation computes per product and for the session; the results sheets are planned from it. */
import type { PartId } from "./criteria/types";
import type { Finding } from "./findings";
import type { CouncilSettings } from "./session";

export type PartScores = Record<PartId, number>;

export interface MemberTotal {
  member: string;
  parts: PartScores;
  total: number;
  /** The product's spread is flagged and this total lies more than half the threshold from the mean. */
  deviating: boolean;
  /** Left out of the mean because the council drops the highest and lowest total (`dropExtremes`). */
  dropped?: boolean;
}

export type ProductFlag =
  | { code: "spread"; range: number; threshold: number; members: string[] }
  | { code: "quorum"; scored: number; required: number; council: number }
  | { code: "excluded"; reason: string }
  | { code: "incomplete"; missingMembers: string[] };

/** A star minimum that held a product below its band. */
export interface MinimumShortfall {
  criterion: string;
  criterionText: string;
  /** The class whose minimum was not met. */
  stars: 3 | 4 | 5;
  requiredPoints: number;
  /** The combined value under the council's rule (mean of members' points, or the share of members). */
  actual: number;
}

export interface ProductResult {
  product: string;
  form: string;
  members: MemberTotal[];
  /** Members who scored the product. */
  count: number;
  /** Exact mean of members' totals (after dropping extremes when the council chose to). */
  mean: number | null;
  partMeans: PartScores | null;
  min: number | null;
  max: number | null;
  range: number | null;
  stdev: number | null;
  flags: ProductFlag[];
  /** The band the mean reaches, before minimum levels. */
  bandStars: 1 | 2 | 3 | 4 | 5 | null;
  /** The class: band capped by minimum levels; null when withheld (excluded, quorum). */
  stars: 1 | 2 | 3 | 4 | 5 | null;
  shortfalls: MinimumShortfall[];
  withheld: "excluded" | "quorum" | "incomplete" | null;
  /** Official rank, equal for true ties; null for withheld products. */
  rank: number | null;
}

export interface Consolidation {
  sessionId: string;
  edition: string;
  settings: CouncilSettings;
  products: ProductResult[];
  findings: Finding[];
  /** Counts of products per class (0 = withheld). */
  starCounts: Record<0 | 1 | 2 | 3 | 4 | 5, number>;
}
