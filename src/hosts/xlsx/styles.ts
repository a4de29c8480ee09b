/** The plan's closed palette as ExcelJS styles. Each cell gets its own copy (ExcelJS mutates styles in place). */
import type ExcelJS from "exceljs";
import type { StyleName } from "../../layout/plan";

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FF9E9E9E" } },
  left: { style: "thin", color: { argb: "FF9E9E9E" } },
  bottom: { style: "thin", color: { argb: "FF9E9E9E" } },
  right: { style: "thin", color: { argb: "FF9E9E9E" } },
};
/** The font of Vietnamese administrative documents (Nghị định 30/2020). */
const DOC_FONT = "Times New Roman";
const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

const STYLES: Record<StyleName, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14 }, alignment: { vertical: "middle" } },
  subtitle: { font: { bold: true, size: 11 } },
  header: {
    font: { bold: true },
    fill: fill("FFDDEBF7"),
    border: thin,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  },
  section: {
    font: { bold: true },
    fill: fill("FFE2EFDA"),
    border: thin,
    alignment: { vertical: "top", wrapText: true },
  },
  text: { border: thin, alignment: { vertical: "top" } },
  wrap: { border: thin, alignment: { vertical: "top", wrapText: true } },
  number: { border: thin, alignment: { horizontal: "right", vertical: "top" } },
  score: { border: thin, fill: fill("FFFFF9DB"), alignment: { horizontal: "center", vertical: "top" } },
  scoreEntered: { border: thin, fill: fill("FFFFF9DB"), alignment: { vertical: "top", wrapText: true } },
  subtotal: {
    font: { bold: true, italic: true },
    fill: fill("FFF2F2F2"),
    border: thin,
    alignment: { vertical: "top", wrapText: true },
  },
  total: { font: { bold: true }, fill: fill("FFD9D9D9"), border: thin, alignment: { vertical: "top" } },
  muted: {
    font: { italic: true, color: { argb: "FF595959" } },
    alignment: { vertical: "top", wrapText: false },
  },
  anchor: { font: { size: 8, color: { argb: "FF808080" } } },
  signature: { font: { bold: true }, alignment: { horizontal: "center" } },
  warning: { fill: fill("FFFFE699"), border: thin, alignment: { vertical: "top", wrapText: true } },
  error: {
    fill: fill("FFF8CBAD"),
    font: { color: { argb: "FF9C0006" } },
    border: thin,
    alignment: { vertical: "top", wrapText: true },
  },
  ok: { fill: fill("FFC6EFCE"), border: thin, alignment: { vertical: "top", wrapText: true } },
  docHead: {
    font: { name: DOC_FONT, size: 13, bold: true },
    alignment: { horizontal: "center", vertical: "top", wrapText: true },
  },
  docTitle: {
    font: { name: DOC_FONT, size: 14, bold: true },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  },
  docItalic: {
    font: { name: DOC_FONT, size: 13, italic: true },
    alignment: { horizontal: "center", vertical: "top", wrapText: true },
  },
  docCenter: {
    font: { name: DOC_FONT, size: 13 },
    alignment: { horizontal: "center", vertical: "top", wrapText: true },
  },
  docBody: {
    font: { name: DOC_FONT, size: 13 },
    alignment: { horizontal: "left", vertical: "top", wrapText: true },
  },
  docField: {
    font: { name: DOC_FONT, size: 13 },
    fill: fill("FFFFF9DB"),
    border: thin,
    alignment: { horizontal: "left", vertical: "top", wrapText: true },
  },
};

export const styleFor = (name: StyleName): Partial<ExcelJS.Style> => structuredClone(STYLES[name]);
