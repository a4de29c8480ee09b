/**
 * The palette (layout/palette.ts) as ExcelJS styles, for the ExcelJS writer. Each cell gets its own copy
 * (ExcelJS mutates styles in place).
 */
import type ExcelJS from "exceljs";
import type { StyleName } from "../../src/layout/plan";
import { BORDER_COLOR, PALETTE, type CellLook } from "../../src/layout/palette";

const argb = (rgb: string): string => `FF${rgb}`;
const line: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };

const toExcelJs = (look: CellLook): Partial<ExcelJS.Style> => {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (look.font) font.name = look.font;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size !== undefined) font.size = look.size;
  if (look.color) font.color = { argb: argb(look.color) };
  if (Object.keys(font).length) style.font = font;
  if (look.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  if (look.border) style.border = { top: line, left: line, bottom: line, right: line };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (look.horizontal) alignment.horizontal = look.horizontal;
  if (look.vertical) alignment.vertical = look.vertical === "center" ? "middle" : look.vertical;
  if (look.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (look.numberFormat) style.numFmt = look.numberFormat;
  return style;
};

export const styleFor = (name: StyleName): Partial<ExcelJS.Style> => toExcelJs(PALETTE[name]);
