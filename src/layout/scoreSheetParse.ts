/**
 * Parsing a member's score sheet back (layout/scoreSheet.ts) by its anchors only: each tag in column A is read
 * where it is, so inserted, hidden or moved rows and columns still parse; what cannot be read is a finding.
 */
import { allowedPoints, criteriaOf, criterionIndex, formFor } from "../ocop/criteria/catalogue";
import type { Catalogue, Criterion, Form } from "../ocop/criteria/types";
import type { Finding, Where } from "../ocop/findings";
import type { MemberScores, RawValue, ScoreEntry, Session } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import { cellAddress, colLetter, inRange, rangeAddress } from "./a1";
import { cellText } from "./build";
import { LAYOUT_CODES } from "./codes";
import { LAYOUT_VERSION } from "./meta";
import { cellProblemFindings } from "./cellProblems";
import type { CellRange, ListValidation } from "./plan";
import type { GridLike as SheetGrid } from "./grid";
import { A, findAnchor, scoreKey, type SheetAnchor } from "./scoreSheetAnchors";
import { PREVIOUS_TAG } from "./scoreSheetPlan";

export interface ParsedBlock {
  form: string;
  products: string[];
}

export interface ParsedScoreSheet {
  /** Null when the sheet is not a score sheet at all. */
  anchor: SheetAnchor | null;
  scores: MemberScores | null;
  blocks: ParsedBlock[];
  findings: Finding[];
}

/** The numbers a validation allows, or null when it is not a plain list. */
const listNumbers = (v: ListValidation): number[] | null => {
  const out: number[] = [];
  for (const item of v.list) {
    const n = typeof item === "number" ? item : Number(String(item).trim().replace(",", "."));
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return [...new Set(out)].sort((a, b) => a - b);
};

const sameList = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);

export interface ParseContext {
  session: Session;
  catalogue: Catalogue;
  file?: string;
}

export const parseScoreSheet = (grid: SheetGrid, ctx: ParseContext): ParsedScoreSheet => {
  const { session, catalogue, file } = ctx;
  const findings: Finding[] = [];
  const base: Where = { file, sheet: grid.name };
  const at = (row: number, col: number, extra: Partial<Where> = {}): Where => ({
    ...base,
    cell: cellAddress(row, col),
    ...extra,
  });
  const found = findAnchor(grid.values);
  if (!found) {
    findings.push({
      code: LAYOUT_CODES.notScoreSheet,
      severity: "error",
      where: { ...base, cell: "A1" },
      params: {},
    });
    return { anchor: null, scores: null, blocks: [], findings };
  }
  const { anchor } = found;
  const ac = found.col;
  const member = normaliseCode(anchor.member);
  const whereM = (row: number, col: number, extra: Partial<Where> = {}): Where =>
    at(row, col, { member, ...extra });
  if (anchor.v > LAYOUT_VERSION) {
    findings.push({
      code: LAYOUT_CODES.newerLayout,
      severity: "error",
      where: whereM(found.row, ac),
      params: { found: anchor.v, supported: LAYOUT_VERSION },
    });
    return { anchor, scores: null, blocks: [], findings };
  }
  if (anchor.session !== session.id) {
    findings.push({
      code: LAYOUT_CODES.otherSession,
      severity: "error",
      where: whereM(found.row, ac),
      params: { found: anchor.session, expected: session.id },
    });
    return { anchor, scores: null, blocks: [], findings };
  }

  findings.push(...cellProblemFindings(grid, { ...base, member }));

  const productForm = new Map<string, string>();
  for (const p of session.products) if (!p.excluded) productForm.set(normaliseCode(p.code), p.form);
  // A later round's sheet holds only the products it asks for again.
  const roundProducts = anchor.products ? new Set(anchor.products.map(normaliseCode)) : null;
  const checkLists = grid.validations.length > 0;
  const validationAt = checkLists ? validationLookup(grid.validations) : null;
  const entries: ScoreEntry[] = [];
  const blocks: ParsedBlock[] = [];
  const seenForms = new Map<string, string>();
  const seenProducts = new Map<string, string>();
  const values = grid.values;
  const merges = grid.merges ?? []; // the sheet's own (titles) are on rows without a criterion
  const reportedMerges = new Set<CellRange>();

  let form: Form | undefined;
  let formCode = "";
  let columns: { col: number; product: string }[] = [];
  let seenCriteria = new Map<string, string>();
  let blockCell = "";

  const closeBlock = (): void => {
    if (!form) return;
    for (const flat of criteriaOf(form)) {
      const id = normaliseCode(flat.criterion.id);
      if (!seenCriteria.has(id)) {
        findings.push({
          code: LAYOUT_CODES.criterionRowDeleted,
          severity: "error",
          where: { ...base, cell: blockCell, member, criterion: flat.criterion.id, form: form.code },
          params: { criterion: flat.criterion.number, text: flat.criterion.text, form: form.code },
        });
      }
    }
    form = undefined;
  };

  for (let r = 0; r < values.length; r++) {
    const tag = values[r]?.[ac];
    if (typeof tag !== "string" || tag === "" || r === found.row) continue;
    if (tag.startsWith(A.block)) {
      closeBlock();
      formCode = tag.slice(A.block.length);
      blockCell = cellAddress(r, ac);
      form = formFor(catalogue, formCode);
      columns = [];
      seenCriteria = new Map();
      if (!form) {
        findings.push({
          code: LAYOUT_CODES.blockUnknownForm,
          severity: "error",
          where: whereM(r, ac, { form: formCode }),
          params: { form: formCode },
        });
        continue;
      }
      const first = seenForms.get(form.code);
      if (first) {
        findings.push({
          code: LAYOUT_CODES.blockDuplicate,
          severity: "error",
          where: whereM(r, ac, { form: form.code }),
          params: { form: form.code, first },
        });
        form = undefined;
        continue;
      }
      seenForms.set(form.code, blockCell);
      blocks.push({ form: form.code, products: [] });
    } else if (tag === A.cols && form) {
      const row = values[r] ?? [];
      const block = blocks[blocks.length - 1]!;
      for (let c = 0; c < row.length; c++) {
        if (c === ac) continue;
        const code = normaliseCode(cellText(row[c]));
        if (!code || code.startsWith(PREVIOUS_TAG)) continue; // an earlier round's scores, shown only
        const where = whereM(r, c, { product: code, form: form.code });
        const expectedForm = productForm.get(code);
        if (expectedForm === undefined) {
          findings.push({
            code: LAYOUT_CODES.productColumnUnknown,
            severity: "error",
            where,
            params: { product: code, column: colLetter(c) },
          });
          continue;
        }
        if (formFor(catalogue, expectedForm)?.code !== form.code) {
          findings.push({
            code: LAYOUT_CODES.productWrongForm,
            severity: "error",
            where,
            params: { product: code, form: form.code, expected: expectedForm },
          });
          continue;
        }
        const first = seenProducts.get(code);
        if (first) {
          findings.push({
            code: LAYOUT_CODES.productColumnDuplicate,
            severity: "error",
            where,
            params: { product: code, first },
          });
          continue;
        }
        seenProducts.set(code, cellAddress(r, c));
        columns.push({ col: c, product: code });
        block.products.push(code);
      }
    } else if (tag.startsWith(A.criterion) && form) {
      const id = normaliseCode(tag.slice(A.criterion.length));
      const flat = criterionIndex(form).get(id);
      if (!flat) {
        findings.push({
          code: LAYOUT_CODES.criterionRowUnknown,
          severity: "error",
          where: whereM(r, ac, { criterion: id, form: form.code }),
          params: { criterion: id, form: form.code },
        });
        continue;
      }
      const first = seenCriteria.get(id);
      if (first) {
        findings.push({
          code: LAYOUT_CODES.criterionRowDuplicated,
          severity: "error",
          where: whereM(r, ac, { criterion: flat.criterion.id, form: form.code }),
          params: { criterion: flat.criterion.number, first, row: r + 1 },
        });
        continue;
      }
      seenCriteria.set(id, cellAddress(r, ac));
      if (!columns.length) {
        findings.push({
          code: LAYOUT_CODES.blockNoProducts,
          severity: "error",
          where: whereM(r, ac, { form: form.code }),
          params: { form: form.code },
        });
        continue;
      }
      if (validationAt)
        checkValidation(validationAt, r, columns, flat.criterion, form.code, whereM, findings);
      if (merges.length)
        checkMerges(merges, reportedMerges, r, columns, flat.criterion, form.code, whereM, findings);
      for (const { col, product } of columns) {
        const value = values[r]?.[col] ?? null;
        const formula = grid.formulas[r]?.[col] ?? null;
        entries.push({
          product,
          criterion: flat.criterion.id,
          raw: formula ? { value, formula } : { value },
          sheet: grid.name,
          cell: cellAddress(r, col),
        });
      }
    }
  }
  closeBlock();

  // Products of the session that have no column anywhere on the sheet.
  const firstCell = cellAddress(found.row, ac);
  for (const [code, formOf] of productForm) {
    if (seenProducts.has(code) || (roundProducts && !roundProducts.has(code))) continue;
    const f = formFor(catalogue, formOf);
    if (!f) continue;
    if (!seenForms.has(f.code)) {
      if (!findings.some((x) => x.code === LAYOUT_CODES.blockMissing && x.where.form === f.code)) {
        findings.push({
          code: LAYOUT_CODES.blockMissing,
          severity: "error",
          where: { ...base, cell: firstCell, member, form: f.code },
          params: { form: f.code },
        });
      }
      continue;
    }
    findings.push({
      code: LAYOUT_CODES.productColumnMissing,
      severity: "error",
      where: { ...base, cell: seenForms.get(f.code), member, product: code, form: f.code },
      params: { product: code, form: f.code },
    });
  }
  const scores: MemberScores = { member, file, sheet: grid.name, entries };
  if (anchor.round) scores.round = anchor.round;
  return { anchor, scores, blocks, findings };
};

/**
 * The first list validation (in the grid's order) covering a cell, found through an index by row: a linear
 * search per score cell was quadratic (a province sheet has ~12,000 score cells and ~200 validations).
 */
const validationLookup = (
  validations: readonly ListValidation[]
): ((row: number, col: number) => ListValidation | undefined) => {
  const byRow = new Map<number, number[]>();
  const tall: number[] = []; // whole-column rules and the like are checked on every row
  validations.forEach((v, i) => {
    if (v.range.rowCount > 64) {
      tall.push(i);
      return;
    }
    for (let r = v.range.row; r < v.range.row + v.range.rowCount; r++) {
      const list = byRow.get(r);
      if (list) list.push(i);
      else byRow.set(r, [i]);
    }
  });
  return (row, col) => {
    let best = -1;
    for (const i of byRow.get(row) ?? [])
      if (inRange(validations[i]!.range, row, col)) {
        best = i;
        break;
      }
    for (const i of tall) {
      if (best >= 0 && i > best) break;
      if (inRange(validations[i]!.range, row, col)) {
        best = i;
        break;
      }
    }
    return best < 0 ? undefined : validations[best];
  };
};

/**
 * A merge over score cells hides all but its first cell (Excel keeps one value): one error per merge, at its
 * top-left cell, naming the first score cell it covers.
 */
const checkMerges = (
  merges: readonly CellRange[],
  reported: Set<CellRange>,
  row: number,
  columns: { col: number; product: string }[],
  criterion: Criterion,
  form: string,
  whereM: (row: number, col: number, extra?: Partial<Where>) => Where,
  findings: Finding[]
): void => {
  for (const m of merges) {
    if (reported.has(m) || row < m.row || row >= m.row + m.rowCount) continue;
    const covered = columns.find(({ col }) => inRange(m, row, col));
    if (!covered) continue;
    reported.add(m);
    findings.push({
      code: LAYOUT_CODES.scoreCellsMerged,
      severity: "error",
      where: whereM(m.row, m.col, { criterion: criterion.id, product: covered.product, form }),
      params: { range: rangeAddress(m), criterion: criterion.number, product: covered.product },
    });
  }
};

const checkValidation = (
  validationAt: (row: number, col: number) => ListValidation | undefined,
  row: number,
  columns: { col: number; product: string }[],
  criterion: Criterion,
  form: string,
  whereM: (row: number, col: number, extra?: Partial<Where>) => Where,
  findings: Finding[]
): void => {
  const allowed = allowedPoints(criterion);
  // The cell's place is only built for a finding, and a rule already found right is not compared again
  // (one rule usually covers the whole row).
  let checked: ListValidation | undefined;
  for (const { col, product } of columns) {
    const v = validationAt(row, col);
    if (v && v === checked) continue;
    const where = (): Where => whereM(row, col, { criterion: criterion.id, product, form });
    if (!v) {
      findings.push({
        code: LAYOUT_CODES.validationRemoved,
        severity: "warning",
        where: where(),
        params: { criterion: criterion.number, allowed },
      });
      return;
    }
    const list = listNumbers(v);
    if (!list || !sameList(list, allowed)) {
      findings.push({
        code: LAYOUT_CODES.allowedListChanged,
        severity: "error",
        where: where(),
        params: { criterion: criterion.number, found: v.list.map(String), allowed },
        allowed,
      });
      return;
    }
    checked = v;
  }
};

/** Values entered on a parsed sheet, keyed for `planScoreSheet({ existing })`. */
export const enteredValues = (scores: MemberScores | null): Map<string, RawValue> => {
  const map = new Map<string, RawValue>();
  for (const e of scores?.entries ?? []) {
    if (e.raw.value !== null && e.raw.value !== "") map.set(scoreKey(e.product, e.criterion), e.raw.value);
  }
  return map;
};
