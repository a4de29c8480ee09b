/**
 * Members' scores arranged for adding up: per product, per member, the points of each criterion in the
 * form's order. Only values a member could have given count; anything else (text, formula, a number
 * that is not a level) is left as a gap, so a product with a faulty cell can never be classified from
 * it silently. One pass over the cells, with memoised code lookups: this runs on every consolidation.
 */
import type { Form } from "./criteria/types";
import type { MemberScores } from "./session";
import { criteriaOf, criterionIndex, isAllowedPoint, type FlatCriterion } from "./criteria/catalogue";
import type { SessionIndex } from "./sessionIndex";
import { normaliseCode } from "./text";

export interface ProductPoints {
  form: Form;
  criteria: FlatCriterion[];
  /** Member key → points per criterion index; NaN where the member gave no usable value. */
  byMember: Map<string, Float64Array>;
}

/** Product key → its points. Products nobody scored are absent. */
export type ScoreIndex = Map<string, ProductPoints>;

const memo = (cache: Map<string, string>, raw: string): string => {
  let key = cache.get(raw);
  if (key === undefined) {
    key = normaliseCode(raw);
    cache.set(raw, key);
  }
  return key;
};

/**
 * Indexes the sheets of session members. A sheet of an unknown member, a second sheet of the same
 * member, an unknown product or criterion, an excluded product: all ignored here (validation reports
 * them). For a criterion given twice the first usable value counts.
 */
export const indexScores = (index: SessionIndex, all: readonly MemberScores[]): ScoreIndex => {
  const out: ScoreIndex = new Map();
  const codes = new Map<string, string>();
  const criterionKeys = new Map<Form, Map<string, FlatCriterion | null>>();
  const done = new Set<string>();
  for (const sheet of all) {
    const member = memo(codes, sheet.member);
    if (!index.members.has(member) || done.has(member)) continue;
    done.add(member);
    let lastProduct: string | undefined;
    let row: Float64Array | undefined;
    let lookup: Map<string, FlatCriterion | null> | undefined;
    let form: Form | undefined;
    let flats: FlatCriterion[] = [];
    let next = 0;
    for (const entry of sheet.entries) {
      if (entry.product !== lastProduct) {
        // Entries come product by product, so this branch runs once per product, not per cell.
        lastProduct = entry.product;
        row = undefined;
        const p = index.products.get(memo(codes, entry.product));
        if (!p || !p.form || p.product.excluded) continue;
        form = p.form;
        let points = out.get(p.key);
        if (!points) {
          points = { form, criteria: criteriaOf(form), byMember: new Map() };
          out.set(p.key, points);
        }
        flats = points.criteria;
        next = 0;
        row = points.byMember.get(member);
        if (!row) {
          row = new Float64Array(points.criteria.length).fill(NaN);
          points.byMember.set(member, row);
        }
        lookup = criterionKeys.get(form);
        if (!lookup) {
          lookup = new Map();
          criterionKeys.set(form, lookup);
        }
      }
      if (!row || !lookup || !form) continue;
      // Sheets list a product's criteria in the form's order: try the next one before the lookup.
      let flat: FlatCriterion | null | undefined = flats[next];
      if (flat === undefined || flat.criterion.id !== entry.criterion) {
        flat = lookup.get(entry.criterion);
        if (flat === undefined) {
          flat = criterionIndex(form).get(normaliseCode(entry.criterion)) ?? null;
          lookup.set(entry.criterion, flat);
        }
      }
      if (flat === null) continue;
      next = flat.index + 1;
      if (!Number.isNaN(row[flat.index]!)) continue;
      const { value, formula } = entry.raw;
      if (formula !== undefined && formula !== "") continue;
      if (typeof value === "number" && Number.isFinite(value) && isAllowedPoint(flat.allowed, value))
        row[flat.index] = value;
    }
  }
  return out;
};
