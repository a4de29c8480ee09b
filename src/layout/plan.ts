/**
 * A SheetPlan describes a whole sheet the add-in writes: values, formulas, styles, merges, validation,
 * protection and print setup. Layout functions build plans from the model; hosts carry them out.
 * Rows and columns are 0-based here; hosts convert to A1 where they need to.
 */

export type CellValue = string | number | boolean | null;

/** A small closed palette, so both hosts render the same sheet and tests can compare plans. */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "section"
  | "text"
  | "wrap"
  | "number"
  | "score"
  | "scoreEntered"
  | "subtotal"
  | "total"
  | "muted"
  | "anchor"
  | "signature"
  | "warning"
  | "error"
  | "ok"
  /**
   * The printed documents' looks (Nghị định 30/2020): Times New Roman 13, no borders. docHead: bold, centred
   * (issuing body, national name, motto, signature titles and names); docTitle: bold 14, centred; docItalic:
   * italic, centred (place and date, "(Ký, ghi rõ họ tên)"); docCenter: plain, centred ("Số: …"); docBody: the text, left; docField: a field the
   * secretariat fills in (tinted, so it shows as editable).
   */
  | "docHead"
  | "docTitle"
  | "docItalic"
  | "docCenter"
  | "docBody"
  | "docField";

export interface PlannedCell {
  row: number;
  col: number;
  value?: CellValue;
  /** A formula without the leading "=" (en-US function names and commas). */
  formula?: string;
  style?: StyleName;
  /** Excel number format code (en-US), e.g. "0.00" or "#,##0". */
  numberFormat?: string;
  /**
   * Write `value` as literal text even if it starts with = + - @ (user text is never a formula).
   * Hosts set the text format "@" for such cells.
   */
  asText?: boolean;
}

export interface CellRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface ListValidation {
  range: CellRange;
  /** Allowed values; hosts write them as an inline list or, if longer than Excel's 255 chars, via a range. */
  list: (number | string)[];
  prompt?: { title: string; message: string };
  error?: { title: string; message: string };
}

export interface SheetProtection {
  /** Optional password; a deterrent, not security (tampering is detected by anchors). */
  password?: string;
  /** What people may still do on the protected sheet: use a table's filter buttons, sort. */
  allow?: ("autoFilter" | "sort")[];
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  paper: "A4";
  fitToWidth: boolean;
  /** Rows repeated on every printed page (inclusive, 0-based). */
  repeatRows?: { first: number; last: number };
  /** Footer text; "&P" and "&N" are page number and count. */
  footer?: string;
  header?: string;
  /** Columns repeated at the left of every printed page (inclusive, 0-based), e.g. a product's code and name. */
  repeatCols?: { first: number; last: number };
  /** Columns (0-based) that start a new printed page: a wide table printed in sections side by side. */
  colBreaksBefore?: number[];
  /** Print scale in per cent when not fitting to width (100 when absent). */
  scale?: number;
  /** Rows (0-based) that start a new printed page, e.g. each form's block on a score sheet. */
  breaksBefore?: number[];
  /** Page margins in millimetres (hosts' defaults when absent). */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre the printed area between the side margins. */
  centerHorizontally?: boolean;
}

/** An Excel table: its first row is the header row, each header a column name; filter buttons on. */
export interface PlannedTable {
  /** Unique in the workbook (Excel's rule): one name per table the add-in plans. */
  name: string;
  /** Header row included. */
  range: CellRange;
  /** A built-in table style; TABLE_STYLE (layout/palette.ts) when absent. */
  style?: string;
}

export interface PlannedChart {
  kind: "bar" | "column" | "pie";
  title: string;
  /** Category labels and values ranges on this sheet. */
  categories: CellRange;
  values: CellRange;
  anchor: CellRange;
}

export type SheetKind =
  | "meta"
  | "session"
  | "products"
  | "members"
  | "criteria"
  | "score"
  | "results"
  | "ranking"
  | "summary"
  | "proposals"
  | "document"
  | "audit"
  | "history"
  | "deliberation";

export type Visibility = "visible" | "hidden" | "veryHidden";

export interface SheetPlan {
  name: string;
  kind: SheetKind;
  visibility: Visibility;
  cells: PlannedCell[];
  merges: CellRange[];
  columns: { index: number; width?: number; hidden?: boolean }[];
  rows: { index: number; height?: number; hidden?: boolean }[];
  validations: ListValidation[];
  /** Cells a user may edit once the sheet is protected. */
  unlocked: CellRange[];
  protection: SheetProtection | null;
  freeze: { rows: number; cols: number } | null;
  print: PrintSetup | null;
  tables: PlannedTable[];
  charts: PlannedChart[];
  tabColor?: string;
}

export const emptyPlan = (name: string, kind: SheetKind, visibility: Visibility = "visible"): SheetPlan => ({
  name,
  kind,
  visibility,
  cells: [],
  merges: [],
  columns: [],
  rows: [],
  validations: [],
  unlocked: [],
  protection: null,
  freeze: null,
  print: null,
  tables: [],
  charts: [],
});
