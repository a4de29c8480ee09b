/**
 * The tokenizer of a worksheet part: one indexOf scan over <sheetData>, attributes read in place, no DOM and
 * no object per cell. It gives each used cell's value and formula by row, the hidden rows, and the cells a
 * spreadsheet would read differently or not at all (reported as problems, never guessed); readSheetXml.ts
 * lays the result out as a grid. Values are decoded in cellValues.ts, shared formulas in sharedFormulas.ts.
 */
import { colLetter } from "../../../layout/a1";
import type { CellValue, Visibility } from "../../../layout/plan";
import type { CellProblem } from "../../workbook";
import { attr, cachedResult, cellValue, childText, COLS, endsName, flag, ROWS, runsText } from "./cellValues";
import { cellFormula, type SharedMasters } from "./sharedFormulas";
import { badCharRef } from "./xml";

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

/** Problems kept per sheet; a sheet with more is broken throughout and the first ones say so. */
export const MAX_PROBLEMS = 100;
const NO_STRINGS: ReadonlySet<number> = new Set();
/** The cell types SpreadsheetML has (t absent is "n"). */
const CELL_TYPES = new Set(["", "n", "s", "str", "inlineStr", "b", "e", "d"]);

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

/** What the scan found; the grid is laid out from it (readSheetXml). */
export interface ScannedCells {
  /** Used cells (a value or a formula) by row; undefined where a row has none. */
  vals: ((CellValue | undefined)[] | undefined)[];
  fmls: ((string | null | undefined)[] | undefined)[];
  hiddenRows: number[];
  /** ExcelJS's worksheet.columnCount so far (merges may extend it). */
  columnCount: number;
  /** Rows whose cells count towards columnCount only if the row has a value after all. */
  extents: { row: number; cols: number }[];
  problems: CellProblem[];
  /** Rows holding a used cell, as they come (for the far-away check). */
  usedRows: number[];
  width: number;
  height: number;
  /** <c> elements seen. */
  cells: number;
}

/** Scans the cells of xml[bodyStart, bodyEnd), the body of <sheetData>. */
export const scanSheetData = (
  xml: string,
  bodyStart: number,
  bodyEnd: number,
  ctx: SheetReadContext
): ScannedCells => {
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
  const shared: SharedMasters = new Map();
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
      const isFormula = fText !== undefined || Boolean(fType);
      // undefined: the cell holds no value (no <v>, or a shared string index out of range).
      const value: CellValue | undefined = isFormula
        ? cachedResult(type, raw, isDate, date1904)
        : cellValue(type, raw, rich, isDate, date1904, sharedStrings);
      const formula = isFormula ? cellFormula(fTag!, fType, fText, row, col, shared) : null;
      const used = value !== undefined;

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
  return { vals, fmls, hiddenRows, columnCount, extents, problems, usedRows, width, height, cells };
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
