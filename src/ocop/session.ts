/** A council session: who scores what, on which edition of the criteria, with which council settings. */
import type { EditionId, Form } from "./criteria/types";
import type { CouncilLevel } from "./process";
import type { Dossier } from "./dossier";
import type { MemberRole } from "./roles";
import type { CouncilSettings } from "./settings";

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

export type { MemberRole } from "./roles";

export interface Member {
  code: string;
  name: string;
  title: string;
  role: MemberRole;
}

// The council's settings are one table (settings.ts); these names are kept for the many modules using them.
export type { CouncilSettings, MinimumLevelRule, TieBreak } from "./settings";
export { DEFAULT_SETTINGS } from "./settings";

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
  entries: ScoreEntry[];
  /** The scoring round the sheet belongs to (1 when absent). */
  round?: number;
}
