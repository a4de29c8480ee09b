/**
 * A member's score sheet as the scoring assistant sees it: every score cell with its product, criterion and
 * value, in the order a member scores (product by product, down the form), and progress per product with the
 * member's own total and star band as a preview. Built from the layout's parser, so the sheet is read by its
 * anchors: inserted rows, moved columns and re-sorted products still map to the right cell.
 */
import type { SheetGrid } from "../../hosts/workbook";
import { parseAddress } from "../../layout/a1";
import { roundSheetName } from "../../layout/names";
import { memberRound, type MemberContext } from "./context";
import { parseScoreSheet, PREVIOUS_TAG } from "../../layout/scoreSheet";
import {
  criteriaOf,
  criterionIndex,
  formFor,
  isAllowed,
  type FlatCriterion,
} from "../../ocop/criteria/catalogue";
import type { Catalogue, Form, PartId } from "../../ocop/criteria/types";
import { bandOf, minimaOf } from "../../ocop/classify";
import type { Finding } from "../../ocop/findings";
import type { Member, Product, RawValue, Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";

export type Stars = 1 | 2 | 3 | 4 | 5;

/** "empty": not scored yet; "valid": an allowed number; "invalid": anything else (text, formula, not a level). */
export type CellState = "empty" | "valid" | "invalid";

export interface ScoreCell {
  sheet: string;
  row: number;
  col: number;
  /** A1 address, e.g. "E12". */
  address: string;
  product: Product;
  form: Form;
  flat: FlatCriterion;
  value: RawValue;
  formula: string | null;
  state: CellState;
  /** The points when the cell holds an allowed number, else null. */
  points: number | null;
  /** Position in the scoring order (0-based). */
  order: number;
  /** On a later round's sheet: what the member gave in the earlier round (shown beside, read-only). */
  previous?: RawValue;
}

export interface ProductProgress {
  product: Product;
  form: Form;
  /** Cells holding an allowed number. */
  scored: number;
  /** Cells holding something that is not an allowed number. */
  invalid: number;
  /** Criteria on the form. */
  total: number;
  /** The member's subtotals and total from allowed numbers only. */
  parts: Record<PartId, number>;
  sum: number;
  complete: boolean;
  /** Band of the member's total (preview; the council's mean decides). Null until every criterion is scored. */
  band: Stars | null;
  /** The band capped by the form's minimum levels on this member's own points; null until complete. */
  stars: Stars | null;
  /** Criteria whose minimum level this member's points miss (criterion number, class held back). */
  shortfalls: { criterion: string; stars: 3 | 4 | 5; required: number }[];
}

export interface MemberSheet {
  sheet: string;
  member: Member;
  /** Score cells in scoring order. */
  cells: ScoreCell[];
  products: ProductProgress[];
  scored: number;
  invalid: number;
  total: number;
  /** Findings the parser made about the sheet's structure (a deleted row, another session…). */
  structure: Finding[];
}

const posKey = (row: number, col: number): string => `${row}:${col}`;

const clean = (n: number): number => Math.round(n * 1e9) / 1e9;

const stateOf = (
  value: RawValue,
  formula: string | null,
  flat: FlatCriterion
): { state: CellState; points: number | null } => {
  if (formula) return { state: "invalid", points: null };
  if (value === null || (typeof value === "string" && value.trim() === ""))
    return { state: "empty", points: null };
  if (typeof value === "number" && Number.isFinite(value) && isAllowed(flat.criterion, value))
    return { state: "valid", points: value };
  return { state: "invalid", points: null };
};

/** Reads a member's sheet grid into the assistant's model; null when the grid is not this session's score sheet. */
export const buildMemberSheet = (
  grid: SheetGrid,
  session: Session,
  catalogue: Catalogue,
  member: Member
): MemberSheet | null => {
  const parsed = parseScoreSheet(grid, { session, catalogue });
  if (!parsed.scores || !parsed.anchor) return null;
  const products = new Map<string, Product>();
  for (const p of session.products) if (!p.excluded) products.set(normaliseCode(p.code), p);

  // A later round's sheet shows the earlier scores in columns tagged (hidden row) with the product's code.
  const previousCol = new Map<string, number>();
  grid.values.forEach((row) =>
    row.forEach((v, col) => {
      if (typeof v === "string" && v.startsWith(PREVIOUS_TAG))
        previousCol.set(normaliseCode(v.slice(PREVIOUS_TAG.length)), col);
    })
  );
  // Entries come row by row; the member scores column by column, so regroup by product in column order.
  const byProduct = new Map<string, ScoreCell[]>();
  for (const e of parsed.scores.entries) {
    const product = products.get(normaliseCode(e.product));
    const pos = e.cell ? parseAddress(e.cell) : null;
    if (!product || !pos) continue;
    const form = formFor(catalogue, product.form);
    const flat = form ? criterionIndex(form).get(normaliseCode(e.criterion)) : undefined;
    if (!form || !flat) continue;
    const formula = e.raw.formula ?? null;
    const list = byProduct.get(product.code) ?? [];
    list.push({
      sheet: grid.name,
      row: pos.row,
      col: pos.col,
      address: e.cell!,
      product,
      form,
      flat,
      value: e.raw.value,
      formula,
      ...stateOf(e.raw.value, formula, flat),
      order: 0,
      ...(previousCol.has(normaliseCode(product.code))
        ? { previous: grid.values[pos.row]?.[previousCol.get(normaliseCode(product.code))!] ?? null }
        : {}),
    });
    byProduct.set(product.code, list);
  }

  const cells: ScoreCell[] = [];
  const progress: ProductProgress[] = [];
  for (const block of parsed.blocks) {
    const columnOf = (code: string): number => byProduct.get(products.get(code)?.code ?? "")?.[0]?.col ?? 0;
    const codes = [...block.products].sort((a, b) => columnOf(a) - columnOf(b));
    for (const code of codes) {
      const product = products.get(code);
      if (!product) continue;
      const list = (byProduct.get(product.code) ?? []).sort((a, b) => a.row - b.row);
      for (const cell of list) {
        cell.order = cells.length;
        cells.push(cell);
      }
      const form = list[0]?.form ?? formFor(catalogue, product.form);
      if (form) progress.push(productProgress(product, form, list, catalogue));
    }
  }
  return {
    sheet: grid.name,
    member,
    cells,
    products: progress,
    scored: progress.reduce((s, p) => s + p.scored, 0),
    invalid: progress.reduce((s, p) => s + p.invalid, 0),
    total: progress.reduce((s, p) => s + p.total, 0),
    structure: parsed.findings,
  };
};

const productProgress = (
  product: Product,
  form: Form,
  list: ScoreCell[],
  catalogue: Catalogue
): ProductProgress => {
  const criteria = criteriaOf(form);
  const parts: Record<PartId, number> = { A: 0, B: 0, C: 0 };
  const points = new Array<number | null>(criteria.length).fill(null);
  let scored = 0;
  let invalid = 0;
  for (const cell of list) {
    if (cell.state === "valid") {
      scored++;
      parts[cell.flat.part] += cell.points!;
      points[cell.flat.index] = cell.points;
    } else if (cell.state === "invalid") invalid++;
  }
  for (const id of ["A", "B", "C"] as const) parts[id] = clean(parts[id]);
  const sum = clean(parts.A + parts.B + parts.C);
  const complete = scored === criteria.length;
  let band: Stars | null = null;
  let stars: Stars | null = null;
  const shortfalls: ProductProgress["shortfalls"] = [];
  if (complete) {
    band = bandOf(sum, catalogue.edition.bands);
    stars = band;
    for (const m of minimaOf(form)) {
      if (m.stars > band) continue;
      const got = points[m.index] ?? 0;
      if (got + 1e-9 >= m.points) continue;
      shortfalls.push({ criterion: criteria[m.index]!.criterion.number, stars: m.stars, required: m.points });
      stars = Math.min(stars, m.stars - 1) as Stars;
    }
  }
  return {
    product,
    form,
    scored,
    invalid,
    total: criteria.length,
    parts,
    sum,
    complete,
    band,
    stars,
    shortfalls,
  };
};

/** The score cell at a position, if any. */
export const cellAt = (
  sheet: MemberSheet,
  at: { sheet: string; row: number; col: number }
): ScoreCell | undefined => {
  if (at.sheet.normalize("NFC").toLowerCase() !== sheet.sheet.normalize("NFC").toLowerCase())
    return undefined;
  return indexOf(sheet).get(posKey(at.row, at.col));
};

const indexes = new WeakMap<MemberSheet, Map<string, ScoreCell>>();
const indexOf = (sheet: MemberSheet): Map<string, ScoreCell> => {
  let index = indexes.get(sheet);
  if (!index) {
    index = new Map(sheet.cells.map((c) => [posKey(c.row, c.col), c]));
    indexes.set(sheet, index);
  }
  return index;
};

/** The next (+1) or previous (−1) score cell in scoring order; the first cell when there is no current one. */
export const stepCell = (
  sheet: MemberSheet,
  from: ScoreCell | undefined,
  direction: 1 | -1
): ScoreCell | undefined => {
  if (!sheet.cells.length) return undefined;
  if (!from) return direction === 1 ? sheet.cells[0] : sheet.cells[sheet.cells.length - 1];
  return sheet.cells[from.order + direction];
};

/** The next cell after `from` (wrapping round) that is empty or invalid; undefined when everything is scored. */
export const nextUnscored = (sheet: MemberSheet, from: ScoreCell | undefined): ScoreCell | undefined => {
  const n = sheet.cells.length;
  const start = from ? from.order + 1 : 0;
  for (let i = 0; i < n; i++) {
    const cell = sheet.cells[(start + i) % n]!;
    if (cell.state !== "valid") return cell;
  }
  return undefined;
};

/** The member's sheet to fill: the latest round's the workbook holds ("Phiếu TV01 vòng 2"), else round 1's. */
export const memberSheetName = (member: Member, context?: MemberContext): string =>
  context ? memberRound(context, member).sheet : roundSheetName(member.code, 1);
