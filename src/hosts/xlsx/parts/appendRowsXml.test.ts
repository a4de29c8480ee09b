/**
 * Appending rows to a sheet part as files written by other tools lay it out: rows without `r` (numbered after the
 * row before), formatting-only rows below the last value, an empty sheet. The appended values must land right
 * below the last value, whatever reads them back.
 */
import { emptyPlan, type PlannedCell } from "../../../layout/plan";
import { appendRowsXml } from "./appendRowsXml";
import { readSheetXml, type SheetReadContext } from "./readSheetXml";
import { EMPTY_STYLES, StyleBook } from "./stylesXml";

const SHEET = (rows: string, dimension = "A1:B3"): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<dimension ref="${dimension}"/><sheetData${rows === "" ? "/>" : `>${rows}</sheetData>`}` +
  `<sheetProtection sheet="1"/></worksheet>`;

const ctx: SheetReadContext = {
  name: "Log",
  visibility: "visible",
  sharedStrings: [],
  dateStyles: new Set<number>(),
  date1904: false,
  otherSheet: () => null,
};

const log = (rows: string[]) => {
  const cells: PlannedCell[] = [{ row: 0, col: 0, value: "NHẬT KÝ", style: "title" }];
  rows.forEach((r, i) =>
    cells.push({ row: 2 + i, col: 0, value: r, style: "text" }, { row: 2 + i, col: 2, value: i })
  );
  return { plan: { ...emptyPlan("Log", "history"), cells, protection: {} }, firstRow: 2 };
};

const column = (xml: string, col: number) => readSheetXml(xml, ctx).values.map((r) => r[col] ?? null);

describe("appendRowsXml", () => {
  it("numbers rows without r after the row before, and writes below the last value", () => {
    const xml = SHEET(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>NHẬT KÝ</t></is></c></row>` +
        // no r: row 2, then row 3
        `<row><c r="A2" t="inlineStr"><is><t>một</t></is></c></row>` +
        `<row><c r="A3" t="inlineStr"><is><t>hai</t></is></c></row>` +
        // formatting only, below the last value: gives way to the new rows
        `<row r="5" ht="30" customHeight="1"><c r="A5" s="0"/></row>`
    );
    const out = appendRowsXml(xml, log(["ba", "bốn"]), new StyleBook(EMPTY_STYLES));
    expect(column(out, 0)).toEqual(["NHẬT KÝ", "một", "hai", "ba", "bốn"]);
    expect(column(out, 2)).toEqual([null, null, null, 0, 1]);
    expect(out).toContain('<dimension ref="A1:C5"/>');
    // The rest of the part is untouched.
    expect(out).toContain('<sheetProtection sheet="1"/>');
  });

  it("appends to an empty sheet from its first row", () => {
    const out = appendRowsXml(SHEET("", "A1"), log(["một"]), new StyleBook(EMPTY_STYLES));
    expect(column(out, 0)).toEqual(["một"]);
  });
});
