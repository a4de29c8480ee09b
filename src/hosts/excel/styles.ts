/** How the plan's named styles look in Excel (the xlsx host should render the same palette). */
import type { StyleName } from "../../layout/plan";

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
}

/** The font of Vietnamese administrative documents (Nghị định 30/2020, TCVN 6909:2001 Unicode). */
export const DOC_FONT = "Times New Roman";

export const EXCEL_STYLES: Record<StyleName, ExcelCellStyle> = {
  title: { bold: true, size: 14, horizontal: "Center", vertical: "Center" },
  subtitle: { bold: true, size: 12, horizontal: "Center" },
  header: { bold: true, fill: "#D9E1F2", wrap: true, horizontal: "Center", vertical: "Center" },
  section: { bold: true, fill: "#EDEDED" },
  text: { vertical: "Top" },
  wrap: { wrap: true, vertical: "Top" },
  number: { horizontal: "Right" },
  score: { horizontal: "Center", fill: "#FFF2CC" },
  scoreEntered: { horizontal: "Center", fill: "#E2EFDA" },
  subtotal: { bold: true, horizontal: "Center", fill: "#F2F2F2" },
  total: { bold: true, horizontal: "Center", fill: "#D9D9D9" },
  muted: { italic: true, color: "#7F7F7F" },
  anchor: { color: "#A6A6A6", size: 8 },
  signature: { italic: true, horizontal: "Center" },
  warning: { fill: "#FFEB9C", color: "#9C5700" },
  error: { fill: "#FFC7CE", color: "#9C0006" },
  ok: { fill: "#C6EFCE", color: "#006100" },
  docHead: { font: DOC_FONT, size: 13, bold: true, wrap: true, horizontal: "Center", vertical: "Top" },
  docTitle: { font: DOC_FONT, size: 14, bold: true, wrap: true, horizontal: "Center", vertical: "Center" },
  docItalic: { font: DOC_FONT, size: 13, italic: true, wrap: true, horizontal: "Center", vertical: "Top" },
  docCenter: { font: DOC_FONT, size: 13, wrap: true, horizontal: "Center", vertical: "Top" },
  docBody: { font: DOC_FONT, size: 13, wrap: true, horizontal: "Left", vertical: "Top" },
  docField: { font: DOC_FONT, size: 13, wrap: true, fill: "#FFF9DB", horizontal: "Left", vertical: "Top" },
};
