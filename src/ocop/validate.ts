/**
 * Checks members' scores before anything is added up. Every value must be one a member can give on the
 * paper form (the points of a level, or 0 for no box ticked), typed as a number, once. Each finding
 * says who, which product, which criterion and which cell, what is wrong and (via messages.ts) how to
 * fix it. Errors block consolidation; warnings do not.
 */
import type { Catalogue, Form } from "./criteria/types";
import type { Finding, Where } from "./findings";
import type { MemberScores, RawScore, ScoreEntry, Session } from "./session";
import { CODES } from "./codes";
import {
  allowedPoints,
  criteriaOf,
  criterionIndex,
  isAllowed,
  sessionCatalogue,
  type FlatCriterion,
} from "./criteria/catalogue";
import { checkForm } from "./criteria/integrity";
import { indexSession, type SessionIndex } from "./sessionIndex";
import { normaliseCode, parseNumberText } from "./text";
import { isLevelAllowed, levelsOf, processOf } from "./process";
import { dossierFindings } from "./dossier";

const isEmpty = (raw: RawScore): boolean =>
  (raw.formula === undefined || raw.formula === "") &&
  (raw.value === null || (typeof raw.value === "string" && raw.value.trim() === ""));

/**
 * What is wrong with one cell, or null when it holds an allowed number. A formula is refused even when
 * its result is allowed: the sheet must hold what the member decided, not a calculation.
 */
export const checkValue = (raw: RawScore, c: FlatCriterion): Omit<Finding, "where"> | null => {
  const { criterion } = c;
  const noFormula = raw.formula === undefined || raw.formula === "";
  if (noFormula && typeof raw.value === "number" && isAllowed(c.allowed, raw.value)) return null;
  const allowed = allowedPoints(criterion);
  const base = { severity: "error" as const, allowed };
  const common = { max: criterion.max, allowed };
  const { value } = raw;
  if (raw.formula !== undefined && raw.formula !== "")
    return { ...base, code: CODES.scoreFormula, params: { ...common, formula: raw.formula } };
  if (value === null || (typeof value === "string" && value.trim() === ""))
    return { ...base, code: CODES.scoreMissing, params: common };
  if (typeof value === "boolean")
    return { ...base, code: CODES.scoreNotANumber, params: { ...common, value } };
  if (typeof value === "string") {
    const n = parseNumberText(value);
    return n === null
      ? { ...base, code: CODES.scoreNotANumber, params: { ...common, value } }
      : {
          ...base,
          code: CODES.scoreText,
          params: { ...common, value, number: n, numberAllowed: isAllowed(criterion, n) },
        };
  }
  if (!Number.isFinite(value))
    return { ...base, code: CODES.scoreNotANumber, params: { ...common, value: String(value) } };
  if (value < 0) return { ...base, code: CODES.scoreNegative, params: { ...common, value } };
  if (value > criterion.max) return { ...base, code: CODES.scoreAboveMax, params: { ...common, value } };
  if (!isAllowed(criterion, value))
    return { ...base, code: CODES.scoreNotAllowed, params: { ...common, value } };
  return null;
};

const whereOf = (scores: MemberScores, entry?: ScoreEntry): Where => {
  const where: Where = { member: scores.member };
  if (scores.file !== undefined) where.file = scores.file;
  const sheet = entry?.sheet ?? scores.sheet;
  if (sheet !== undefined) where.sheet = sheet;
  if (entry?.cell !== undefined) where.cell = entry.cell;
  return where;
};

interface ProductTally {
  form: Form;
  filled: number;
  /** 1 where the member's sheet has a row for the criterion (by index in the form). */
  seen: Uint8Array;
  missing: Finding[];
}

/** Checks one member's sheet against the session: the member, every product and criterion, every value. */
export const validateMemberScores = (
  session: Session,
  catalogue: Catalogue,
  scores: MemberScores,
  index: SessionIndex = indexSession(session, sessionCatalogue(session, catalogue).catalogue)
): Finding[] => {
  const out: Finding[] = [];
  if (!index.members.has(normaliseCode(scores.member)))
    out.push({
      code: CODES.memberUnknown,
      severity: "error",
      where: whereOf(scores),
      params: { member: scores.member },
    });

  const tallies = new Map<string, ProductTally>();
  for (const p of index.products.values())
    if (p.form && !p.product.excluded)
      tallies.set(p.key, {
        form: p.form,
        filled: 0,
        seen: new Uint8Array(criteriaOf(p.form).length),
        missing: [],
      });

  // This loop runs once per score cell: lookups are memoised and the common case (an allowed number)
  // allocates nothing.
  const unknownProducts = new Set<string>();
  const lookups = new Map<Form, Map<string, FlatCriterion | null>>();
  let lastProduct: string | undefined;
  let productKey = "";
  let known = false;
  let tally: ProductTally | undefined;
  let lookup: Map<string, FlatCriterion | null> | undefined;
  const at = (entry: ScoreEntry, criterion: string): Where => ({
    ...whereOf(scores, entry),
    product: entry.product,
    criterion,
  });
  for (const entry of scores.entries) {
    if (entry.product !== lastProduct) {
      lastProduct = entry.product;
      productKey = normaliseCode(entry.product);
      known = index.products.has(productKey);
      tally = tallies.get(productKey);
      lookup = undefined;
      if (tally) {
        lookup = lookups.get(tally.form);
        if (!lookup) lookups.set(tally.form, (lookup = new Map()));
      }
    }
    if (!known) {
      // One finding per unknown product, not one per criterion row.
      if (!unknownProducts.has(productKey))
        out.push({
          code: CODES.scoreUnknownProduct,
          severity: "error",
          where: at(entry, entry.criterion),
          params: { product: entry.product },
        });
      unknownProducts.add(productKey);
      continue;
    }
    if (!tally || !lookup) continue; // excluded product, or a form the session check already reports
    let flat = lookup.get(entry.criterion);
    if (flat === undefined) {
      flat = criterionIndex(tally.form).get(normaliseCode(entry.criterion)) ?? null;
      lookup.set(entry.criterion, flat);
    }
    if (flat === null) {
      out.push({
        code: CODES.scoreUnknownCriterion,
        severity: "error",
        where: at(entry, entry.criterion),
        params: { criterion: entry.criterion, form: tally.form.code },
      });
      continue;
    }
    if (tally.seen[flat.index] === 1) {
      out.push({
        code: CODES.scoreDuplicate,
        severity: "error",
        where: at(entry, flat.criterion.id),
        params: { criterion: flat.criterion.id },
      });
      continue;
    }
    tally.seen[flat.index] = 1;
    const { raw } = entry;
    if (!isEmpty(raw)) tally.filled++;
    const fault = checkValue(raw, flat);
    if (fault === null) continue;
    if (fault.code === CODES.scoreMissing)
      tally.missing.push({ ...fault, where: at(entry, flat.criterion.id) });
    else out.push({ ...fault, where: at(entry, flat.criterion.id) });
  }

  for (const [key, t] of tallies) {
    const product = index.products.get(key)!.product;
    if (t.filled === 0) {
      // A member who left a whole product blank gets one finding, not one per criterion.
      out.push({
        code: CODES.scoreProductMissing,
        severity: "error",
        where: { ...whereOf(scores), product: product.code },
        params: { product: product.code, name: product.name, count: t.seen.length },
        // One readable message, and every blank cell for the --json contract (cell, criterion, allowed).
        cells: t.missing.flatMap((m) =>
          m.where.cell
            ? [{ cell: m.where.cell, criterion: m.where.criterion ?? "", allowed: m.allowed ?? [] }]
            : []
        ),
      });
      continue;
    }
    out.push(...t.missing);
    for (const flat of criteriaOf(t.form))
      if (t.seen[flat.index] !== 1)
        out.push({
          code: CODES.scoreMissing,
          severity: "error",
          where: { ...whereOf(scores), product: product.code, criterion: flat.criterion.id },
          params: { max: flat.criterion.max, allowed: allowedPoints(flat.criterion) },
          allowed: allowedPoints(flat.criterion),
        });
  }
  return out;
};

/** Checks the session itself: edition, codes, forms. Errors here block consolidation like score errors. */
/** The council level must exist under the session's edition (26/2026 Điều 4.1: province and central only). */
export const validateLevel = (session: Pick<Session, "edition" | "council">): Finding[] => {
  const { edition, council } = session;
  if (isLevelAllowed(edition, council.level)) return [];
  return [
    {
      code: CODES.levelNotInEdition,
      severity: "error",
      where: {},
      params: {
        edition,
        level: council.level,
        allowed: levelsOf(edition).join(","),
        cite: processOf(edition).levelsCite,
      },
    },
  ];
};

export const validateSession = (session: Session, catalogue: Catalogue, index: SessionIndex): Finding[] => {
  const out: Finding[] = [];
  if (session.edition !== catalogue.edition.id)
    out.push({
      code: CODES.editionMismatch,
      severity: "error",
      where: {},
      params: { session: session.edition, catalogue: catalogue.edition.id },
    });
  out.push(...validateLevel(session));
  if (session.members.length === 0)
    out.push({ code: CODES.noMembers, severity: "error", where: {}, params: {} });
  if (session.products.length === 0)
    out.push({ code: CODES.noProducts, severity: "error", where: {}, params: {} });
  if (index.products.size < session.products.length) {
    const seen = new Set<string>();
    for (const p of session.products) {
      const key = normaliseCode(p.code);
      if (seen.has(key))
        out.push({
          code: CODES.productDuplicate,
          severity: "error",
          where: { product: p.code },
          params: { product: p.code },
        });
      seen.add(key);
    }
  }
  if (index.members.size < session.members.length) {
    const seen = new Set<string>();
    for (const m of session.members) {
      const key = normaliseCode(m.code);
      if (seen.has(key))
        out.push({
          code: CODES.memberDuplicate,
          severity: "error",
          where: { member: m.code },
          params: { member: m.code },
        });
      seen.add(key);
    }
  }
  for (const p of session.products) if (p.dossier) out.push(...dossierFindings(p.code, p.dossier));
  const usedForms = new Set<Form>();
  for (const p of index.products.values()) {
    if (p.form) usedForms.add(p.form);
    else
      out.push({
        code: CODES.formUnknown,
        severity: "error",
        where: { product: p.product.code, form: p.product.form },
        params: { product: p.product.code, form: p.product.form, edition: catalogue.edition.id },
      });
  }
  // A form in use must be sound; its warnings (e.g. two levels with equal points) are the data's, not the council's.
  for (const form of usedForms)
    out.push(
      ...checkForm(form, catalogue.edition).filter(
        (f) => f.severity === "error" || f.code === CODES.formIncomplete
      )
    );
  return out;
};

/**
 * Checks the session and every member's sheet: no member twice, no stranger, every value allowed. A
 * council member without a sheet is a warning, not an error: the quorum rule decides whether the
 * products can still be classified.
 */
export const validateAll = (
  session: Session,
  builtIn: Catalogue,
  all: readonly MemberScores[]
): Finding[] => {
  const { catalogue, findings: customFindings } = sessionCatalogue(session, builtIn);
  const index = indexSession(session, catalogue);
  const out = [...customFindings, ...validateSession(session, catalogue, index)];
  const sheets = new Map<string, MemberScores>();
  for (const scores of all) {
    const key = normaliseCode(scores.member);
    const first = sheets.get(key);
    if (first)
      out.push({
        code: CODES.memberSheetDuplicate,
        severity: "error",
        where: whereOf(scores),
        params: { member: scores.member, firstFile: first.file ?? "", firstSheet: first.sheet ?? "" },
      });
    else sheets.set(key, scores);
    out.push(...validateMemberScores(session, catalogue, scores, index));
  }
  for (const m of index.members.values())
    if (!sheets.has(m.key))
      out.push({
        code: CODES.memberSheetMissing,
        severity: "warning",
        where: { member: m.member.code },
        params: { member: m.member.code, name: m.member.name },
      });
  return out;
};
