/**
 * Looking things up in a loaded catalogue, and opening it to a council's own forms: a form typed into
 * the criteria sheet replaces the built-in form of the same code once it passes the same checks.
 */
import type { Catalogue, Criterion, Form, PartId, Section } from "./types";
import type { Finding } from "../findings";
import { hasErrors } from "../findings";
import { CODES } from "../codes";
import { normaliseCode } from "../text";
import { parseForm } from "./schema";
import { checkForm } from "./integrity";

/**
 * Form codes are two digits in the data ("01"); people type "1" or " 01 ". Numeric codes are padded,
 * other codes (a council's own, e.g. "27A") only normalised.
 */
export const normaliseFormCode = (code: string): string => {
  const c = normaliseCode(code);
  return /^\d+$/u.test(c) ? c.replace(/^0+(?=\d)/u, "").padStart(2, "0") : c;
};

/** The form with this code in the catalogue, or undefined. */
export const formFor = (catalogue: Catalogue, code: string): Form | undefined =>
  catalogue.forms.get(code) ?? catalogue.forms.get(normaliseFormCode(code));

const allowedCache = new WeakMap<Criterion, number[]>();

/**
 * The points a member may give on a criterion, ascending: the points of its levels, and 0, which is
 * what the paper form scores when no box is ticked (several criteria print no 0 level, e.g. "Nguồn gốc
 * sản phẩm" starts at 1). A criterion printed without levels is all-or-nothing: 0 or its maximum.
 */
export const allowedPoints = (criterion: Criterion): number[] => {
  const cached = allowedCache.get(criterion);
  if (cached) return cached;
  const values = criterion.levelsImplicit
    ? [0, criterion.max]
    : [0, ...criterion.levels.map((l) => l.points)];
  const allowed = [...new Set(values)].sort((a, b) => a - b);
  allowedCache.set(criterion, allowed);
  return allowed;
};

export interface FlatCriterion {
  criterion: Criterion;
  part: PartId;
  section: Section;
  /** Position in the form, 0-based, in the printed order. */
  index: number;
  /** `allowedPoints(criterion)`, kept here for the per-cell loops. */
  allowed: readonly number[];
}

const flatCache = new WeakMap<Form, FlatCriterion[]>();

/** Every criterion of the form in printed order, with its part. Cached: forms are not mutated after load. */
export const criteriaOf = (form: Form): FlatCriterion[] => {
  const cached = flatCache.get(form);
  if (cached) return cached;
  const flat: FlatCriterion[] = [];
  for (const part of form.parts)
    for (const section of part.sections)
      for (const criterion of section.criteria)
        flat.push({
          criterion,
          part: part.id,
          section,
          index: flat.length,
          allowed: allowedPoints(criterion),
        });
  flatCache.set(form, flat);
  return flat;
};

/** Points are compared with a tolerance so 0.1 + 0.2 style noise never rejects a value typed exactly. */
export const EPSILON = 1e-9;

/** True when `value` is one of the allowed points; takes the list itself in per-cell loops. */
export const isAllowed = (criterion: Criterion | readonly number[], value: number): boolean =>
  isAllowedPoint("levels" in criterion ? allowedPoints(criterion) : criterion, value);

/** `isAllowed` on a criterion's allowed points already looked up: the per-cell loops call this one. */
export const isAllowedPoint = (allowed: readonly number[], value: number): boolean => {
  for (let i = 0; i < allowed.length; i++) if (Math.abs(allowed[i]! - value) <= EPSILON) return true;
  return false;
};

export interface CustomFormsResult {
  catalogue: Catalogue;
  findings: Finding[];
}

/**
 * Adds a council's forms (as read from criteria sheets) to a catalogue. Each goes through the schema and
 * the integrity check; a form with an error is left out, with the reasons, and the built-in form (if any)
 * stays in use. The input catalogue is not changed.
 */
export const withCustomForms = (catalogue: Catalogue, forms: readonly unknown[]): CustomFormsResult => {
  const merged = new Map(catalogue.forms);
  const findings: Finding[] = [];
  for (const input of forms) {
    const parsed = parseForm(input);
    findings.push(...parsed.findings);
    if (parsed.value === null) {
      const code = parsed.findings[0]?.where.form ?? "";
      findings.push({
        code: CODES.customFormRejected,
        severity: "error",
        where: { form: code },
        params: { code },
      });
      continue;
    }
    const form: Form = { ...parsed.value, code: normaliseFormCode(parsed.value.code) };
    const checked = checkForm(form, catalogue.edition);
    findings.push(...checked);
    const where = { form: form.code };
    if (hasErrors(checked)) {
      findings.push({
        code: CODES.customFormRejected,
        severity: "error",
        where,
        params: { code: form.code },
      });
      continue;
    }
    const replaces = merged.has(form.code);
    findings.push({
      code: replaces ? CODES.customFormReplaces : CODES.customFormAdded,
      severity: "warning",
      where,
      params: { code: form.code, title: form.title },
    });
    merged.set(form.code, form);
  }
  return { catalogue: { edition: catalogue.edition, forms: merged }, findings };
};

const byIdCache = new WeakMap<Form, Map<string, FlatCriterion>>();

/** The form's criteria by normalised id ("1.1", "1.A"), for reading members' cells. First id wins. */
export const criterionIndex = (form: Form): Map<string, FlatCriterion> => {
  const cached = byIdCache.get(form);
  if (cached) return cached;
  const index = new Map<string, FlatCriterion>();
  for (const flat of criteriaOf(form)) {
    const key = normaliseCode(flat.criterion.id);
    if (!index.has(key)) index.set(key, flat);
  }
  byIdCache.set(form, index);
  return index;
};

/**
 * The catalogue a session scores against: the edition's forms with the council's own forms
 * (`session.customForms`) put in their place. Validation and consolidation both go through here, so a
 * corrected form typed on the criteria sheet is used everywhere or nowhere.
 */
export const sessionCatalogue = (
  session: { customForms: readonly unknown[] },
  catalogue: Catalogue
): CustomFormsResult =>
  session.customForms.length === 0
    ? { catalogue, findings: [] }
    : withCustomForms(catalogue, session.customForms);
