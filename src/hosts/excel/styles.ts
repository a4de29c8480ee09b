/** The palette (layout/palette.ts) in office-js terms: what the Excel host sets on a range's format. */
import type { StyleName } from "../../layout/plan";
import { BORDER_COLOR, PALETTE, type CellLook } from "../../layout/palette";

export interface ExcelCellStyle {
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "Left" | "Center" | "Right";
  vertical?: "Top" | "Center" | "Bottom";
  /** Colour of a thin continuous line on every edge and between the cells. */
  border?: string;
}

const hex = (rgb: string | undefined): string | undefined => (rgb === undefined ? undefined : `#${rgb}`);
const capital = <T extends string>(s: T | undefined): Capitalize<T> | undefined =>
  s === undefined ? undefined : ((s[0]!.toUpperCase() + s.slice(1)) as Capitalize<T>);

const toExcel = (look: CellLook): ExcelCellStyle => {
  const st: ExcelCellStyle = {
    font: look.font,
    bold: look.bold,
    italic: look.italic,
    size: look.size,
    color: hex(look.color),
    fill: hex(look.fill),
    wrap: look.wrap,
    horizontal: capital(look.horizontal),
    vertical: capital(look.vertical),
    border: look.border ? hex(BORDER_COLOR) : undefined,
  };
  // Only what the palette sets: each property is a write, and Excel keeps the rest at its defaults.
  for (const k of Object.keys(st) as (keyof ExcelCellStyle)[]) if (st[k] === undefined) delete st[k];
  return st;
};

export const EXCEL_STYLES: Record<StyleName, ExcelCellStyle> = Object.fromEntries(
  Object.entries(PALETTE).map(([name, look]) => [name, toExcel(look)])
) as Record<StyleName, ExcelCellStyle>;
