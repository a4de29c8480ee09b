/**
 * An append in a sheet part's XML: the new rows, written by the same writer as a whole plan (so their cells get
 * the same styles), spliced in below the sheet's last row holding a value. Every other element of the part
 * (columns, merges, protection, validations, print setup) stays as it is.
 */
import { cellAddress, parseAddress } from "../../../layout/a1";
import { appendedRows } from "../../appendRows";
import type { AppendRows } from "../../workbook";
import type { StyleBook } from "./stylesXml";
import { writeSheetXml } from "./writeSheetXml";
import { attribute } from "./xml";

const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const HOLDS_VALUE = /<(?:v|is|f)[\s>/]/;

const rowNumber = (rowXml: string): number => Number(attribute(/^<row\b[^>]*>/.exec(rowXml)?.[0] ?? "", "r"));

/** Each row element with its 1-based number: its `r`, or the one after the previous row's when it has none. */
const numbered = (rows: string[]): { xml: string; n: number }[] => {
  let previous = 0;
  return rows.map((xml) => {
    const r = rowNumber(xml);
    previous = Number.isInteger(r) && r > previous ? r : previous + 1;
    return { xml, n: previous };
  });
};

export const appendRowsXml = (xml: string, append: AppendRows, styles: StyleBook): string => {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Error(`The sheet "${append.plan.name}" has no cell data to append to.`);
  const start = open.index + open[0].length;
  const end = open[1] ? start : xml.indexOf("</sheetData>", start);
  const existing = numbered(xml.slice(start, end).match(ROW) ?? []);
  // 1-based number of the last row with a value; rows below it hold formatting at most and give way.
  const last = existing.reduce((n, r) => (HOLDS_VALUE.test(r.xml) ? Math.max(n, r.n) : n), 0);
  const kept = existing.filter((r) => r.n <= last).map((r) => r.xml);
  const written = writeSheetXml(appendedRows(append, last), styles, { tables: { nextId: () => 1 } });
  const added = written.xml.match(ROW)?.filter((r) => rowNumber(r) > last) ?? [];
  const data = `<sheetData>${kept.join("")}${added.join("")}</sheetData>`;
  const after = open[1] ? start : end + "</sheetData>".length;
  let out = xml.slice(0, open.index) + data + xml.slice(after);
  // The dimension grows to take the new rows in.
  const newLast = added.length ? rowNumber(added[added.length - 1]!) : last;
  out = out.replace(/<dimension ref="([^"]*)"\s*\/>/, (whole, ref: string) => {
    const corner = ref.split(":").pop() ?? "A1";
    const at = parseAddress(corner);
    if (!at) return whole;
    const widest = added.reduce((n, r) => Math.max(n, widestColumn(r)), at.col);
    return `<dimension ref="A1:${cellAddress(Math.max(at.row, newLast - 1), widest)}"/>`;
  });
  return out;
};

/** The last column (0-based) a row element has a cell in. */
const widestColumn = (rowXml: string): number => {
  let widest = 0;
  for (const m of rowXml.matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"/g)) {
    const at = parseAddress(`${m[1]}1`);
    if (at) widest = Math.max(widest, at.col);
  }
  return widest;
};
