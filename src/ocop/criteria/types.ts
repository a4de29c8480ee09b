/**
 * The criteria catalogue as the rules see it. The JSON files under `data/` have this shape
 * (see docs/catalogue-format.md); `schema.ts` checks them on load.
 */

export type EditionId = string; // "qd26-2026" | "qd148-2023" | "qd1048-2019" | a council's own

export type PartId = "A" | "B" | "C";

export interface Level {
  text: string;
  points: number;
  /** The decision marks this level as the minimum for 3★, 4★ or 5★ (`***`, `****`, `*****`). */
  minStars: 3 | 4 | 5 | null;
  /**
   * The form's own note that makes this level a knock-out ("không đánh giá các bước tiếp theo"), quoted: a
   * product the council puts at this level is not classified. Only where the note names the level itself.
   */
  knockout?: string;
}

export interface Criterion {
  /** Unique within the form, e.g. "1.1" (26/2026) or "1.a" (148/2023). */
  id: string;
  /** As printed in the decision. */
  number: string;
  text: string;
  max: number;
  /** "Yêu cầu: …" precondition printed under the criterion, without the prefix. */
  requirement: string | null;
  notes: string[];
  /** True where the decision prints no □ levels (all-or-nothing, 0 or max). */
  levelsImplicit: boolean;
  levels: Level[];
}

export interface Section {
  number: string;
  title: string;
  max: number | null;
  criteria: Criterion[];
}

export interface FormPart {
  id: PartId;
  title: string;
  max: number;
  sections: Section[];
}

export interface Citation {
  decision: string;
  annex: string;
  form: string;
  source: string;
}

export interface Form {
  edition: EditionId;
  code: string;
  title: string;
  productType: string | null;
  group: string | null;
  citation: Citation;
  status: "complete" | "incomplete";
  statusNote: string | null;
  exclusion: string | null;
  notes: string[];
  parts: FormPart[];
}

export interface StarBand {
  stars: 1 | 2 | 3 | 4 | 5;
  /** Inclusive lower bound. */
  min: number;
  /** Exclusive upper bound, except that the top band includes 100. */
  max: number;
}

export interface ProductSet {
  code: string;
  title: string;
  form: string | null;
}

export interface ProductGroup {
  code: string;
  title: string;
  form?: string | null;
  sets: ProductSet[];
}

export interface ProductType {
  code: string;
  title: string;
  groups: ProductGroup[];
}

export interface SourceRef {
  title: string;
  address: string;
  note?: string;
}

export interface Edition {
  id: EditionId;
  decision: string;
  date: string;
  title: string;
  sources: SourceRef[];
  parts: { id: PartId; title: string; max: number }[];
  bands: StarBand[];
  bandsSource: string;
  classification: ProductType[];
  forms: string[];
}

/** An edition with its forms loaded and checked. */
export interface Catalogue {
  edition: Edition;
  forms: Map<string, Form>;
}
