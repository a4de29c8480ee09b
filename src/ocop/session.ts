/** A council session: who scores what, on which edition of the criteria, with which council settings. */
import type { EditionId, Form } from "./criteria/types";
import type { CouncilLevel } from "./process";
import type { Dossier } from "./dossier";

export type { CouncilLevel } from "./process";

export interface Product {
  code: string;
  name: string;
  owner: string;
  commune: string;
  /** Product group (nhóm) and set (bộ sản phẩm) as the secretariat typed them or picked from the edition. */
  group: string;
  set: string;
  /** Code of the scoring form in the session's edition, e.g. "01". */
  form: string;
  /** "Hồ sơ bị loại": the secretariat excluded the dossier; the reason is printed in the ranking. */
  excluded: { reason: string } | null;
  /** First evaluation (absent), upgrade or re-evaluation, with the producer's and the commune's reports. */
  dossier?: Dossier;
}

export type MemberRole = "chair" | "viceChair" | "member" | "secretary";

export interface Member {
  code: string;
  name: string;
  title: string;
  role: MemberRole;
}

/** How members' points on a criterion with a star minimum are combined before the minimum is tested. */
export type MinimumLevelRule = "mean" | "all" | "majority";

/** How products with equal stars and equal mean are ordered. */
export type TieBreak = "partC" | "partA" | "code" | "none";

export interface CouncilSettings {
  /** Members' totals for one product may differ by at most this many points before the product is flagged. */
  spreadThreshold: number;
  /** Share of the council that must have scored a product for it to be classified (3/4 by default). */
  quorum: number;
  /** Decimals shown for means; classification always uses the exact mean. */
  displayDecimals: number;
  tieBreak: TieBreak;
  minimumLevelRule: MinimumLevelRule;
  /** Drop each product's highest and lowest member total before averaging (no decision asks for it; off). */
  dropExtremes: boolean;
  /**
   * The chair (or the vice-chair the chair delegates) must be among the members who scored a product,
   * or the product is withheld (Tây Ninh council rules: the chair among those present). On by default.
   */
  chairMustScore: boolean;
  /** Also list for discussion a product whose members split on a starred minimum (off by default). */
  discussMinimumSplit: boolean;
}

export const DEFAULT_SETTINGS: CouncilSettings = {
  spreadThreshold: 10,
  quorum: 0.75,
  displayDecimals: 2,
  tieBreak: "partC",
  minimumLevelRule: "mean",
  dropExtremes: false,
  chairMustScore: true,
  discussMinimumSplit: false,
};

export interface Council {
  name: string;
  level: CouncilLevel;
  year: number;
  /** Place and date of the meeting as printed on the ranking table (ISO date). */
  place: string;
  date: string;
}

export interface Session {
  /** Random id written into every sheet the add-in makes, so books of another session are recognised. */
  id: string;
  council: Council;
  edition: EditionId;
  settings: CouncilSettings;
  products: Product[];
  members: Member[];
  /** Forms the council added or corrected through the criteria sheet; they replace built-in forms of the same code. */
  customForms: Form[];
}

/** A cell value as read from a sheet, before any interpretation. */
export type RawValue = string | number | boolean | null;

export interface RawScore {
  value: RawValue;
  /** Present when the cell holds a formula (the rules never trust a formula's result). */
  formula?: string;
}

export interface ScoreEntry {
  product: string;
  criterion: string;
  raw: RawScore;
  /** Where it came from, for findings. */
  sheet?: string;
  cell?: string;
}

/** One member's scores, as parsed from one sheet (or typed in tests). */
export interface MemberScores {
  member: string;
  file?: string;
  sheet?: string;
  /** The scoring round the sheet belongs to (1 when absent). */
  round?: number;
  entries: ScoreEntry[];
}
