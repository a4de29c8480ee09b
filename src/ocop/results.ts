/** What consolidation computes per product and for the session; the results sheets are planned from it. */
import type { PartId } from "./criteria/types";
import type { Finding } from "./findings";
import type { CouncilLevel, CouncilSettings } from "./session";
import type { Outcome } from "./process";
import type { ChairDecision } from "./history";
import type { DiscussionItem, DiscussionReason } from "./deliberation";

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
  | { code: "incomplete"; missingMembers: string[] }
  /** Neither the chair nor the delegated vice-chair scored the product (setting `chairMustScore`). */
  | { code: "chair" };

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

export interface KnockoutHit {
  criterion: string;
  criterionText: string;
  /** The form's note, quoted. */
  note: string;
  /** Points of the knock-out level, and the combined value under the council's rule. */
  points: number;
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
  /**
   * Why no class: the secretariat excluded the dossier, a member's scores are incomplete, too few members
   * scored, or the council put the product at a level the form makes a knock-out.
   */
  withheld: "excluded" | "quorum" | "incomplete" | "knockout" | "chair" | "decision" | null;
  /** The knock-out level that withheld the product, with the form's note quoted. */
  knockout: KnockoutHit | null;
  /** What the council does with the product at its level (26/2026 Điều 4, 7): see process.ts. */
  outcome: Outcome;
  /** Official rank, equal for true ties; null for withheld products. */
  rank: number | null;
  /** The scoring round the product's scores come from (its latest round; 1 when none was reopened). */
  round?: number;
  /** Members who abstained on the product (conflict of interest), with their reasons. */
  recused?: { member: string; reason: string }[];
  /** The chair's decision on the product after its last round, when one applies. */
  decision?: ChairDecision | null;
  /** Flagged in its latest round with neither a newer round nor the chair's decision: not publishable. */
  needsDiscussion?: boolean;
  /** Why the product was (or is) up for discussion. */
  discussion?: DiscussionReason[];
}

export interface Consolidation {
  sessionId: string;
  edition: string;
  /** The council's level, which decides the outcome words. */
  level: CouncilLevel;
  settings: CouncilSettings;
  products: ProductResult[];
  findings: Finding[];
  /**
   * Products awaiting discussion (another round or the chair's decision). While any is listed, every
   * document is a draft ("DỰ THẢO") and publishing is refused.
   */
  needsDiscussion?: DiscussionItem[];
  /** Counts of products per class (0 = withheld). */
  starCounts: Record<0 | 1 | 2 | 3 | 4 | 5, number>;
}
