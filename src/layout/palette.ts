/**
 * The one palette: how each named style of a plan looks, host-neutral. The Excel host (office-js) and the file
 * host (styles.xml) both map from this table, so a sheet looks the same wherever it is written; a contract
 * test writes a cell of every style on every host and reads the fill and the weight back.
 *
 * Colours are RRGGBB without "#". The fills follow Excel's own "Good / Neutral / Bad" cell styles where they
 * say the same thing (ok, warning, error); text colours keep at least 4.5:1 contrast on white or on their fill.
 */
import type { StyleName } from "./plan";

export interface CellLook {
  /** Font name (the workbook's default font, Calibri, when absent). */
  font?: string;
  /** Solid fill colour. */
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font colour. */
  color?: string;
  /** Font size in points (11 when absent). */
  size?: number;
  /** A thin grey line on every side of every cell. */
  border?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Number format when the cell gives none (Excel's en-US code). */
  numberFormat?: string;
}

/** The font of Vietnamese administrative documents (Nghị định 30/2020, TCVN 6909:2001 Unicode). */
export const DOC_FONT = "Times New Roman";

/** The colour of the thin cell borders. */
export const BORDER_COLOR = "9E9E9E";

export const PALETTE: Record<StyleName, CellLook> = {
  title: { bold: true, size: 14, horizontal: "center", vertical: "center" },
  subtitle: { bold: true, size: 12 },
  header: { bold: true, fill: "DDEBF7", border: true, horizontal: "center", vertical: "center", wrap: true },
  section: { bold: true, fill: "EDEDED", border: true, vertical: "top", wrap: true },
  text: { border: true, vertical: "top" },
  wrap: { border: true, vertical: "top", wrap: true },
  number: { border: true, horizontal: "right", vertical: "top" },
  // A cell to score (yellow), and a value someone entered (green).
  score: { fill: "FFF2CC", border: true, horizontal: "center", vertical: "top" },
  scoreEntered: { fill: "E2EFDA", border: true, vertical: "top", wrap: true },
  subtotal: { bold: true, fill: "F2F2F2", border: true, horizontal: "center", vertical: "top", wrap: true },
  total: { bold: true, fill: "D9D9D9", border: true, horizontal: "center", vertical: "top" },
  muted: { italic: true, color: "595959", vertical: "top" },
  anchor: { color: "808080", size: 8 },
  signature: { bold: true, horizontal: "center" },
  warning: { fill: "FFEB9C", color: "9C5700", border: true, vertical: "top", wrap: true },
  error: { fill: "FFC7CE", color: "9C0006", border: true, vertical: "top", wrap: true },
  ok: { fill: "C6EFCE", color: "006100", border: true, vertical: "top", wrap: true },
  // The printed documents (see plan.ts StyleName): Times New Roman 13, no borders but on fields to fill in.
  docHead: { font: DOC_FONT, size: 13, bold: true, horizontal: "center", vertical: "top", wrap: true },
  docTitle: { font: DOC_FONT, size: 14, bold: true, horizontal: "center", vertical: "center", wrap: true },
  docItalic: { font: DOC_FONT, size: 13, italic: true, horizontal: "center", vertical: "top", wrap: true },
  docCenter: { font: DOC_FONT, size: 13, horizontal: "center", vertical: "top", wrap: true },
  docBody: { font: DOC_FONT, size: 13, horizontal: "left", vertical: "top", wrap: true },
  docField: {
    font: DOC_FONT,
    size: 13,
    fill: "FFF9DB",
    border: true,
    horizontal: "left",
    vertical: "top",
    wrap: true,
  },
};

/** The built-in style of the tables the add-in plans (light banding that leaves the cells' own fills visible). */
export const TABLE_STYLE = "TableStyleLight9";

/** Every style name, for code (and tests) that go through them all. */
export const STYLE_NAMES = Object.keys(PALETTE) as StyleName[];
