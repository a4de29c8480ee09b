/**
 * A worksheet part read straight from its XML into the port's SheetGrid, values only, by the contract in
 * docs/sheetgrid.md (ECMA-376 Part 1, 18.3 and 18.17.4). One indexOf scan over <sheetData>, no DOM and no
 * object per cell; a province score sheet (~600 KB, ~17,000 cells) reads in a few milliseconds. This module is
 * the tokenizer and the grid's assembly; values are decoded in cellValues.ts, shared formulas moved in
 * sharedFormulas.ts, list validations read in sheetValidations.ts.
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
import type { CellRange, CellValue, Visibility } from "../../../layout/plan";
import type { CellProblem, SheetGrid } from "../../workbook";
import {
  attr,
  boolText,
  childText,
  COLS,
  endsName,
  flag,
  isoText,
  ROWS,
  runsText,
  serialDate,
  xmlText,
} from "./cellValues";
import { slideFormula } from "./sharedFormulas";
import { readValidations, type Source } from "./sheetValidations";
import { attribute, badCharRef, element, elements, startTag } from "./xml";

export interface SheetReadContext {
  /** Sheet name (from workbook.xml). */
  name: string;
  /** From workbook.xml <sheet state>. */
  visibility: Visibility;
  sharedStrings: readonly string[];
  /** cellXfs indexes whose number format is a date (ExcelJS turns such numbers into Dates). */
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
  /**
   * Values of another sheet (by name, as written in a validation formula; ExcelJS matches it exactly) for
   * list validations that refer to a range there; null when there is no such sheet. Its SheetGrid.values
   * will do. Not called for this sheet's own name, nor when no list refers to another sheet.
   */
  otherSheet: (name: string) => CellValue[][] | null;
  /** Shared string indexes whose text has a character reference XML does not allow (see sharedStringProblems). */
  badStrings?: ReadonlySet<number>;
  /** Throw (call onTooManyCells) when the sheet has more <c> elements than this. */
  maxCells?: number;
  onTooManyCells?: (cells: number) => Error;
}

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
/** Problems kept per sheet; a sheet with more is broken throughout and the first ones say so. */
const MAX_PROBLEMS = 100;
const NO_STRINGS: ReadonlySet<number> = new Set();
/** The cell types SpreadsheetML has (t absent is "n"). */
const CELL_TYPES = new Set(["", "n", "s", "str", "inlineStr", "b", "e", "d"]);

// ------------------------------------------------------------------------------------------ the sheet

/** The row columnAt read after the letters, 0-based; -1 when the reference has no digits. */
let refRowRead = -1;

/**
 * Column of an A1 reference in xml[from, to), 0-based; -1 when it has no letters. The row that follows
 * is read in the same pass into refRowRead (one scan per cell: this runs for every cell of the sheet).
 */
const columnAt = (xml: string, from: number, to: number): number => {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    let ch = xml.charCodeAt(i);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    n = n * 26 + (ch - 64);
  }
  const col = i === from ? -1 : Math.min(n, 1e9) - 1; // 1e9: far beyond XFD either way, and finite
  let r = 0;
  const digits = i;
  for (; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    r = r * 10 + (ch - 48);
  }
  refRowRead = i === digits ? -1 : r - 1;
  return col;
};

/** parseInt of xml[from, to) for plain digits; 0 when there are none (ExcelJS: NaN, i.e. no style). */
const intAt = (xml: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    n = n * 10 + (ch - 48);
  }
  return n;
};

const tooMany = (ctx: SheetReadContext, cells: number): Error =>
  ctx.onTooManyCells?.(cells) ?? new Error(`The sheet "${ctx.name}" has more than ${ctx.maxCells} cells.`);

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

  const { sharedStrings, dateStyles: dates, date1904 } = ctx;
  const badStrings = ctx.badStrings ?? NO_STRINGS;
  // Numeric character references are rare in sheets ("&" is): look for bad ones only if there are any.
  const charRefs = xml.indexOf("&#") >= 0;
  const maxCells = ctx.maxCells ?? Infinity;
  // Used cells (a value or a formula) by row; undefined where a row has none.
  const vals: ((CellValue | undefined)[] | undefined)[] = [];
  const fmls: ((string | null | undefined)[] | undefined)[] = [];
  const hiddenRows: number[] = [];
  // ExcelJS's worksheet.columnCount: the longest row that has a value, counting its style-only cells.
  let columnCount = 0;
  // Rows whose cells count towards it only if the row has a value after all (e.g. a merge follower).
  const extents: { row: number; cols: number }[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const problems: CellProblem[] = [];
  // Rows holding a used cell, as they come (for the far-away check).
  const usedRows: number[] = [];
  let width = 0;
  let height = 0;
  let cells = 0;
  let row = -1;
  let inRow = false;
  let prevCol = -1;
  let rowCols = 0;
  let rowUsed = false;
  const endRow = (): void => {
    if (!inRow) return;
    inRow = false;
    if (rowUsed) columnCount = Math.max(columnCount, rowCols);
    else if (rowCols > 0) extents.push({ row, cols: rowCols });
  };

  let pos = bodyStart;
  while (pos < bodyEnd) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= bodyEnd) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 99 /* c */ && endsName(xml.charCodeAt(lt + 2))) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) break;
      if (++cells > maxCells) throw tooMany(ctx, cells);
      // Attributes r, s, t, read in place.
      let colAttr = -1;
      let refRow = -1;
      let refFrom = 0;
      let refTo = 0;
      let style = 0;
      let type = "";
      for (let p = lt + 2; p < gt;) {
        const ch = xml.charCodeAt(p);
        if (endsName(ch)) {
          p++;
          continue;
        }
        const nameStart = p;
        while (p < gt && xml.charCodeAt(p) !== 61 && !endsName(xml.charCodeAt(p))) p++;
        const nameLen = p - nameStart;
        while (p < gt && xml.charCodeAt(p) !== 34 && xml.charCodeAt(p) !== 39) p++;
        if (p >= gt) break;
        const valueEnd = xml.indexOf(xml.charCodeAt(p) === 34 ? '"' : "'", p + 1);
        if (valueEnd < 0 || valueEnd > gt) break;
        if (nameLen === 1) {
          const n = xml.charCodeAt(nameStart);
          if (n === 114 /* r */) {
            colAttr = columnAt(xml, p + 1, valueEnd);
            refRow = refRowRead;
            refFrom = p + 1;
            refTo = valueEnd;
          } else if (n === 115 /* s */) style = intAt(xml, p + 1, valueEnd);
          else if (n === 116 /* t */) type = xml.slice(p + 1, valueEnd);
        }
        p = valueEnd + 1;
      }
      const col = colAttr >= 0 ? colAttr : prevCol + 1;
      prevCol = col;
      // Children: <v>, <f>, <is>; text pieces are kept raw and decoded once.
      let raw: string | undefined;
      let rich: string | undefined;
      let fText: string | undefined;
      let fTag: string | undefined;
      let badRef: string | null = null;
      if (xml.charCodeAt(gt - 1) !== 47) {
        let end = xml.indexOf("</c>", gt);
        if (end < 0) end = bodyEnd;
        for (let p = gt + 1; p < end;) {
          const a = xml.indexOf("<", p);
          if (a < 0 || a >= end) break;
          const te = xml.indexOf(">", a);
          if (te < 0) break;
          const selfClosed = xml.charCodeAt(te - 1) === 47;
          const ch = xml.charCodeAt(a + 1);
          p = te + 1;
          if (ch === 118 /* v */ && endsName(xml.charCodeAt(a + 2))) {
            if (selfClosed) continue;
            const close = xml.indexOf("</v>", te);
            if (close < 0) break;
            if (close > te + 1) raw = (raw ?? "") + xml.slice(te + 1, close);
            p = close + 4;
          } else if (ch === 102 /* f */ && endsName(xml.charCodeAt(a + 2))) {
            fTag = xml.slice(a, te + 1);
            if (selfClosed) continue;
            const close = xml.indexOf("</f>", te);
            if (close < 0) break;
            if (close > te + 1) fText = (fText ?? "") + xml.slice(te + 1, close);
            p = close + 4;
          } else if (ch === 105 /* i */ && xml.charCodeAt(a + 2) === 115 && endsName(xml.charCodeAt(a + 3))) {
            if (selfClosed) continue;
            const close = xml.indexOf("</is>", te);
            if (close < 0) break;
            const body = xml.slice(te + 1, close);
            if (charRefs && body.indexOf("&#") >= 0) badRef = badCharRef(body) ?? badRef;
            rich = body.indexOf("<r") < 0 ? undefined : runsText(body);
            if (rich === undefined) {
              const phonetic = body.indexOf("<rPh");
              const t = childText(body, "t", 0, phonetic < 0 ? body.length : phonetic);
              if (t) raw = (raw ?? "") + t;
            }
            p = close + 5;
          }
        }
        pos = end + 4;
      } else pos = gt + 1;
      if (!inRow) continue; // a cell outside any <row>
      // What a spreadsheet would read otherwise, or not at all: reported at the cell, never guessed. The
      // common case costs a few comparisons; the rest is in cellTrouble, out of this hot loop.
      if (
        col >= COLS ||
        row >= ROWS ||
        (refRow >= 0 && refRow !== row) ||
        badRef !== null ||
        !(
          type === "" ||
          type === "s" ||
          type === "n" ||
          type === "str" ||
          type === "inlineStr" ||
          type === "b"
        ) ||
        (charRefs && raw !== undefined && raw.indexOf("&#") >= 0) ||
        (type === "s" && badStrings.size > 0)
      ) {
        const content = raw !== undefined || rich !== undefined || fText !== undefined;
        const trouble = cellTrouble(
          xml,
          refFrom,
          refTo,
          row,
          col,
          refRow,
          type,
          raw,
          badRef,
          badStrings,
          content
        );
        if (trouble !== null) {
          if (trouble !== "skip" && problems.length < MAX_PROBLEMS) problems.push(trouble);
          continue;
        }
      }

      const fType = fTag === undefined ? undefined : attr(fTag, "t");
      const isDate = style !== 0 && dates.has(style); // s="0" is no style to ExcelJS
      let value: CellValue = null;
      let formula: string | null = null;
      let used = true;
      if (fText !== undefined || fType) {
        // A formula: the value is its cached result as the file holds it (0 and FALSE included); an empty
        // text result shows nothing, so it is null as in an empty cell.
        if (raw !== undefined) {
          if (type === "str") value = xmlText(raw) || null;
          else if (type === "b") value = boolText(raw);
          else if (type === "e") value = xmlText(raw);
          else {
            const n = parseFloat(raw);
            value = Number.isNaN(n) ? null : isDate ? (serialDate(n, date1904) ?? n) : n;
          }
        }
        if (fText !== undefined) formula = xmlText(fText);
        else if (fType === "shared" && !attr(fTag!, "ref")) {
          const master = shared.get(attr(fTag!, "si") ?? "");
          formula = master ? slideFormula(master.formula, row - master.row, col - master.col) : "?";
        } else formula = "?";
        if (fType === "shared" && fText !== undefined && attr(fTag!, "ref"))
          shared.set(attr(fTag!, "si") ?? "", { formula, row, col });
      } else if (type === "inlineStr" && rich !== undefined) value = rich;
      else if (raw === undefined) used = false;
      else if (type === "s") {
        const s = sharedStrings[parseInt(raw, 10)];
        if (s === undefined) used = false;
        else value = s;
      } else if (type === "str" || type === "inlineStr" || type === "e") value = xmlText(raw);
      else if (type === "b") value = boolText(raw);
      else if (type === "d") value = isoText(xmlText(raw));
      else {
        const n = parseFloat(raw);
        value = isDate ? (serialDate(n, date1904) ?? n) : n;
      }

      if (used) {
        let vr = vals[row];
        if (!vr) {
          vals[row] = vr = [];
          usedRows.push(row);
        }
        vr[col] = value;
        if (formula !== null) (fmls[row] ??= [])[col] = formula;
        rowUsed = true;
        if (col >= width) width = col + 1;
        if (row >= height) height = row + 1;
      }
      if (used || style !== 0) rowCols = Math.max(rowCols, col + 1);
      continue;
    }
    if (c1 === 114 /* r */ && xml.startsWith("row", lt + 1) && endsName(xml.charCodeAt(lt + 4))) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) break;
      endRow();
      const tag = xml.slice(lt, gt + 1);
      const r = parseInt(attr(tag, "r") ?? "", 10);
      row = r >= 1 ? r - 1 : row + 1;
      if (flag(attr(tag, "hidden")) && row < ROWS) hiddenRows.push(row);
      inRow = true;
      prevCol = -1;
      rowCols = 0;
      rowUsed = false;
      if (xml.charCodeAt(gt - 1) === 47) endRow();
      pos = gt + 1;
      continue;
    }
    if (c1 === 47 /* / */ && xml.startsWith("/row>", lt + 1)) {
      endRow();
      pos = lt + 6;
      continue;
    }
    pos = lt + 1;
  }
  endRow();

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

/** Why a cell is left out of the grid (see the top of this file), or null when it is not. */
const cellTrouble = (
  xml: string,
  refFrom: number,
  refTo: number,
  row: number,
  col: number,
  refRow: number,
  type: string,
  raw: string | undefined,
  badRef: string | null,
  badStrings: ReadonlySet<number>,
  content: boolean
): CellProblem | "skip" | null => {
  const at = (r: number): string => `${colLetter(Math.min(col, COLS))}${r + 1}`;
  // A cell with nothing in it is only left out when it lies beyond the sheet, and nothing is said of it.
  if (!content) return col >= COLS || row >= ROWS ? "skip" : null;
  if (col >= COLS || row >= ROWS || refRow >= ROWS) {
    const written = refTo > refFrom ? xml.slice(refFrom, Math.min(refTo, refFrom + 24)) : "";
    const cell = written || at(Math.min(row, ROWS));
    return { kind: "outsideSheet", cell, detail: cell };
  }
  if (refRow >= 0 && refRow !== row)
    return { kind: "rowMismatch", cell: at(refRow), detail: String(row + 1) };
  if (!CELL_TYPES.has(type)) return { kind: "unknownType", cell: at(row), detail: type };
  let bad = badRef;
  if (raw !== undefined && raw.indexOf("&#") >= 0) bad = badCharRef(raw) ?? bad;
  if (type === "s" && raw !== undefined && badStrings.has(parseInt(raw, 10))) bad ??= "&#…;";
  return bad === null ? null : { kind: "badCharacter", cell: at(row), detail: bad };
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
