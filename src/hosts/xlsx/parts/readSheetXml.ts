/**
 * A worksheet part read straight from its XML into the port's SheetGrid, values only, by the contract in
 * docs/sheetgrid.md (ECMA-376 Part 1, 18.3 and 18.17.4). One indexOf scan over <sheetData>, no DOM and no
 * object per cell; a province score sheet (~600 KB, ~17,000 cells) reads in a few milliseconds. This module is
 * the grid's assembly (merges, far-away cells, hidden columns, protection); the tokenizer is sheetData.ts,
 * values are decoded in cellValues.ts, shared formulas moved in sharedFormulas.ts, list validations read in
 * sheetValidations.ts.
 *
 * ExcelJS (test/reference/) is the comparison reader. Where it agrees with the standard this reader gives the
 * same grid; where it departs from the standard this reader follows the standard: a formula's cached result of
 * 0 or FALSE is that value (ExcelJS: empty); serials in a date format count from 1900-01-01 = 1 with serial 60
 * the 1900-02-29 that never was (ExcelJS is a day early before March 1900); only numbers become dates (ExcelJS
 * turns a cached TRUE or text into one); t="str" text is decoded once, as XML is (ExcelJS twice). Still as
 * ExcelJS: which number formats count as dates, `_xHHHH_` escapes decoded in shared strings and rich runs
 * only (our writer writes plain inline strings without escaping them), shared formulas moved by its rules.
 *
 * Where it also differs from ExcelJS (input Excel does not write, or where ExcelJS throws or makes garbage):
 * - list validations: rows of a rule that cover the same columns for more than TALL_BAND rows come back
 *   as one tall range per column run (readGrid: one range per row), so a validation on A2:A1048576 is not
 *   expanded cell by cell; rules overlapping other rules are resolved cell by cell like ExcelJS up to
 *   EXACT_CELLS cells, beyond that each rule keeps its own ranges;
 * - a validation range that is not an A1 range (e.g. "A:A") is skipped (ExcelJS turns it into A1);
 * - a `<c>` without `r` is the column after the previous `<c>`, the first one column A, and a `<row>`
 *   without `r` the row after the previous one (ExcelJS throws on both, and does not count empty unstyled
 *   cells when it places a following cell without `r`);
 * - t="d" cells give their ISO date (ExcelJS: parseFloat of the text, e.g. 2024); t="b" "false" is false;
 * - a date-styled value that is not a valid date stays as it is (ExcelJS makes an Invalid Date, which
 *   readGrid throws on); a shared formula sliding a reference off the sheet gives #REF! there (ExcelJS
 *   throws); a shared follower without its master, or a formula element with no text, gives formula "?";
 * - `<si/>` is "" (readGrid: "[object Object]"); a shared string index out of range is an empty cell;
 *   phonetic runs (<rPh>) are left out of inline strings too; hyperlinks do not change values (ExcelJS
 *   turns a linked number into "[object Object]" and drops a linked formula); a second <row> with the
 *   same number adds its cells to the first (ExcelJS keeps only the last);
 * - cells a spreadsheet would read differently or not at all are left out of the grid and listed in
 *   `problems` (SheetGrid): `r` naming another row than its <row>, an unknown type (t="zz"), a character
 *   reference XML does not allow, a cell beyond XFD or row 1,048,576 (ExcelJS throws or guesses), and
 *   cells far from all others (see DENSE_MIN); comments, CDATA and prefixes are settled before (xmlCanon.ts);
 * - list items from a range on another sheet take ctx.otherSheet's values, where merged followers are null
 *   (ExcelJS echoes the master's value there; on this sheet it is echoed like ExcelJS does).
 */
import { colLetter, parseRange } from "../../../layout/a1";
import type { CellRange, CellValue } from "../../../layout/plan";
import type { SheetGrid } from "../../workbook";
import { endsName, flag } from "./cellValues";
import { MAX_PROBLEMS, scanSheetData, type SheetReadContext } from "./sheetData";
import { readValidations, type Source } from "./sheetValidations";
import { attribute, element, elements, startTag } from "./xml";

export type { SheetReadContext } from "./sheetData";

/**
 * Far-away cells. The grid is laid out densely from A1, so one stray cell at XFD1048576 would cost a
 * grid of the whole sheet. When the used area holds more than DENSE_MIN cells and more than DENSE_RATIO
 * times the cells present, the rows stop before the first gap of more than ROW_GAP empty rows, the columns
 * before the first gap of more than COL_GAP empty columns, and, if that is still too large, the rows are
 * cut to fit; the cells beyond are reported (`farAway`), not laid out. The add-in's own sheets have no gaps.
 */
const DENSE_MIN = 250_000;
const DENSE_RATIO = 8;
const ROW_GAP = 1000;
const COL_GAP = 200;

export const readSheetXml = (xml: string, ctx: SheetReadContext): SheetGrid => {
  // <cols> comes before <sheetData>; merges, protection and validations after it.
  let open = xml.indexOf("<sheetData");
  while (open >= 0 && !endsName(xml.charCodeAt(open + 10))) open = xml.indexOf("<sheetData", open + 10);
  let bodyStart = xml.length;
  let bodyEnd = xml.length;
  let after = xml.length;
  if (open >= 0) {
    const gt = xml.indexOf(">", open);
    bodyStart = gt + 1;
    if (xml.charCodeAt(gt - 1) === 47) bodyEnd = after = gt + 1;
    else {
      const close = xml.indexOf("</sheetData>", gt);
      bodyEnd = close < 0 ? xml.length : close;
      after = close < 0 ? xml.length : close + 12;
    }
  }
  const head = open >= 0 ? xml.slice(0, open) : xml;
  const tail = open >= 0 ? xml.slice(after) : xml;

  const scan = scanSheetData(xml, bodyStart, bodyEnd, ctx);
  const { vals, fmls, hiddenRows, extents, problems, usedRows, cells } = scan;
  let { columnCount, width, height } = scan;

  // Merged cells: only the master keeps its value (ExcelJS's followers echo it; the sheet shows it once).
  const merges: CellRange[] = [];
  const mergeCells = element(tail, "mergeCells");
  if (mergeCells)
    for (const el of elements(mergeCells.text, "mergeCell")) {
      const r = parseRange(attribute(startTag(el), "ref") ?? "");
      if (r) merges.push(r);
    }
  let removed = false;
  let mergeRows = 0;
  let mergeCols = 0;
  for (const m of merges) {
    mergeRows = Math.max(mergeRows, m.row + m.rowCount);
    mergeCols = Math.max(mergeCols, m.col + m.colCount);
    // ExcelJS creates every cell of a merge (followers count as values); a lone master only extends its row.
    if (m.rowCount > 1 || m.colCount > 1) columnCount = Math.max(columnCount, m.col + m.colCount);
    else extents.push({ row: m.row, cols: m.col + 1 });
    const lastRow = Math.min(m.row + m.rowCount, vals.length);
    for (let r = m.row; r < lastRow; r++) {
      const vr = vals[r];
      if (!vr) continue;
      const lastCol = Math.min(m.col + m.colCount, vr.length);
      for (let c = m.col; c < lastCol; c++) {
        if ((r === m.row && c === m.col) || vr[c] === undefined) continue;
        vr[c] = undefined;
        const fr = fmls[r];
        if (fr) fr[c] = undefined;
        removed = true;
      }
    }
  }
  for (const e of extents)
    if (
      vals[e.row] ||
      merges.some((m) => e.row >= m.row && e.row < m.row + m.rowCount && (e.row > m.row || m.colCount > 1))
    )
      columnCount = Math.max(columnCount, e.cols);
  if (removed) {
    width = 0;
    height = 0;
    for (let r = 0; r < vals.length; r++) {
      const vr = vals[r];
      if (!vr) continue;
      let last = vr.length - 1;
      while (last >= 0 && vr[last] === undefined) last--;
      if (last < 0) continue;
      height = r + 1;
      width = Math.max(width, last + 1);
    }
  }

  if (height * width > Math.max(DENSE_MIN, DENSE_RATIO * cells)) {
    const cut = farCut(vals, usedRows, Math.max(DENSE_MIN, DENSE_RATIO * cells));
    height = 0;
    width = 0;
    for (const r of usedRows) {
      const vr = vals[r]!;
      let keep = false;
      vr.forEach((v, c) => {
        if (v === undefined) return;
        if (r < cut.rows && c < cut.cols) {
          keep = true;
          if (c >= width) width = c + 1;
          return;
        }
        if (problems.length < MAX_PROBLEMS)
          problems.push({
            kind: "farAway",
            cell: `${colLetter(c)}${r + 1}`,
            detail: typeof v === "string" ? v.slice(0, 40) : v === null ? "" : String(v),
          });
        vr[c] = undefined;
      });
      if (keep) height = Math.max(height, r + 1);
      if (r >= cut.rows) vals[r] = undefined;
    }
  }

  const values: CellValue[][] = new Array<CellValue[]>(height);
  const formulas: (string | null)[][] = new Array<(string | null)[]>(height);
  for (let r = 0; r < height; r++) {
    const vr = vals[r];
    const fr = fmls[r];
    const vrow = new Array<CellValue>(width);
    const frow = new Array<string | null>(width);
    for (let c = 0; c < width; c++) {
      const v = vr ? vr[c] : undefined;
      vrow[c] = v === undefined ? null : v;
      const f = fr ? fr[c] : undefined;
      frow[c] = f === undefined ? null : f;
    }
    values[r] = vrow;
    formulas[r] = frow;
  }

  let sortedRows = hiddenRows;
  for (let i = 1; i < hiddenRows.length; i++)
    if (hiddenRows[i]! <= hiddenRows[i - 1]!) {
      sortedRows = [...new Set(hiddenRows)].sort((a, b) => a - b);
      break;
    }

  // Hidden columns as ExcelJS's Column.fromModel lays <col> out (sorted by min, first one wins), up to
  // max(width, columnCount) as readGrid asks; a <col max="16384"> is never expanded past that.
  const hiddenCols: number[] = [];
  const colLimit = Math.max(width, columnCount);
  const cols = element(head, "cols");
  if (cols && colLimit > 0) {
    const defs = elements(cols.text, "col").map((el) => {
      const tag = startTag(el);
      return {
        min: parseInt(attribute(tag, "min") || "0", 10),
        max: parseInt(attribute(tag, "max") || "0", 10),
        hidden: flag(attribute(tag, "hidden")),
      };
    });
    defs.sort((a, b) => a.min - b.min);
    let count = 1;
    for (const d of defs) {
      if (count < d.min) count = d.min;
      for (; count <= d.max && count <= colLimit; count++) if (d.hidden) hiddenCols.push(count - 1);
      if (count <= d.max) count = d.max + 1;
    }
  }

  const protection = element(tail, "sheetProtection");
  // On this sheet a merged follower reads as its master, as ExcelJS's getCell gives it to listItems.
  const own: Source = {
    rows: Math.max(height, mergeRows),
    cols: Math.max(width, mergeCols),
    at: (r, c) => {
      for (const m of merges)
        if (r >= m.row && r < m.row + m.rowCount && c >= m.col && c < m.col + m.colCount) {
          r = m.row;
          c = m.col;
          break;
        }
      return values[r]?.[c] ?? null;
    },
  };
  return {
    name: ctx.name,
    visibility: ctx.visibility,
    protected: protection ? flag(attribute(startTag(protection.text), "sheet")) : false,
    values,
    formulas,
    hiddenRows: sortedRows,
    hiddenCols,
    merges,
    validations: readValidations(tail, own, ctx),
    ...(problems.length ? { problems } : {}),
  };
};

/** Where the dense grid stops (exclusive), by the gap rule above; cells beyond are far away. */
const farCut = (
  vals: ((CellValue | undefined)[] | undefined)[],
  usedRows: number[],
  budget: number
): { rows: number; cols: number } => {
  const rows = [...new Set(usedRows)].sort((a, b) => a - b);
  let lastRow = rows[0]!;
  for (const r of rows) {
    if (r - lastRow > ROW_GAP) break;
    lastRow = r;
  }
  const colSet = new Set<number>();
  for (const r of rows) {
    if (r > lastRow) break;
    vals[r]!.forEach((v, c) => {
      if (v !== undefined) colSet.add(c);
    });
  }
  const cols = [...colSet].sort((a, b) => a - b);
  let lastCol = cols[0] ?? 0;
  for (const c of cols) {
    if (c - lastCol > COL_GAP) break;
    lastCol = c;
  }
  const colCount = lastCol + 1;
  // Still too large (cells spread evenly below the gaps): keep as many rows as the budget allows.
  return { rows: Math.min(lastRow + 1, Math.max(1, Math.floor(budget / colCount))), cols: colCount };
};
