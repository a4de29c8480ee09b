/**
 * A worksheet part read straight from its XML into the port's SheetGrid, values only, by the contract in
 * docs/sheetgrid.md (ECMA-376 Part 1, 18.3 and 18.17.4). One indexOf scan over <sheetData>, no DOM and no
 * object per cell; a province score sheet (~600 KB, ~17,000 cells) reads in a few milliseconds.
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
import { colIndex, colLetter, parseRange } from "../../../layout/a1";
import type { CellRange, CellValue, ListValidation, Visibility } from "../../../layout/plan";
import type { CellProblem, SheetGrid } from "../../workbook";
import { attribute, badCharRef, decodeXml, element, elements, startTag } from "./xml";

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

/** Rows of one validation rule with the same columns taller than this stay one range (see above). */
export const TALL_BAND = 64;
/** Overlapping validation rules are resolved cell by cell up to this many cells. */
const EXACT_CELLS = 100_000;
/** Columns in a sheet: a cell's key is row * COLS + col. */
const COLS = 16384;
/** Rows in a sheet (Excel's and LibreOffice's grid); a cell beyond is no cell. */
const ROWS = 1_048_576;
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

// ------------------------------------------------------------------------------------------ text

/** ExcelJS's boolean attributes (utils.parseBoolean): only "1" and "true". */
const flag = (v: string | undefined): boolean => v === "1" || v === "true";

/** Element text as an XML parser hands it over: line ends normalised, entities decoded. */
const xmlText = (raw: string): string => decodeXml(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));

const X_ESCAPE = /_x([0-9A-F]{4})_/g;
/** ExcelJS's TextXform decodes `_xHHHH_` (upper-case hex only) in shared strings and rich runs. */
const unescapeX = (s: string): string =>
  s.indexOf("_x") < 0 ? s : s.replace(X_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** attribute(), without building a regular expression when the tag plainly lacks the attribute. */
const attr = (tag: string, name: string): string | undefined =>
  tag.indexOf(`${name}=`) < 0 ? undefined : attribute(tag, name);

/** Whether a character ends a tag name (so "<c" is not "<col", "<r" not "<rPr"). */
const endsName = (code: number): boolean =>
  code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** Raw text of the first `<name>` element in s[from, to): "" when self-closed, undefined when absent. */
const childText = (s: string, name: string, from = 0, to = s.length): string | undefined => {
  const open = `<${name}`;
  for (let at = from; ;) {
    const i = s.indexOf(open, at);
    if (i < 0 || i >= to) return undefined;
    if (!endsName(s.charCodeAt(i + open.length))) {
      at = i + open.length;
      continue;
    }
    const gt = s.indexOf(">", i);
    if (gt < 0) return undefined;
    if (s.charCodeAt(gt - 1) === 47) return "";
    const close = s.indexOf(`</${name}>`, gt);
    return close < 0 ? undefined : s.slice(gt + 1, close);
  }
};

/** The runs of a rich string (<r>…<t>…</t></r>…), joined; undefined when it has none. */
const runsText = (body: string): string | undefined => {
  let out: string | undefined;
  for (let at = 0; ;) {
    const i = body.indexOf("<r", at);
    if (i < 0) return out;
    if (!endsName(body.charCodeAt(i + 2))) {
      at = i + 2; // <rPr>, <rPh>
      continue;
    }
    const gt = body.indexOf(">", i);
    if (gt < 0) return out;
    if (body.charCodeAt(gt - 1) === 47) {
      out ??= "";
      at = gt + 1;
      continue;
    }
    const close = body.indexOf("</r>", gt);
    const end = close < 0 ? body.length : close;
    const t = childText(body, "t", gt + 1, end);
    out = (out ?? "") + (t === undefined ? "" : unescapeX(xmlText(t)));
    at = end + 4;
  }
};

/** A shared string item's (or inline string's) text; phonetic runs (<rPh>) are not part of it. */
const stringItem = (body: string, unescape: boolean): string => {
  const runs = body.indexOf("<r") < 0 ? undefined : runsText(body);
  if (runs !== undefined) return runs;
  const phonetic = body.indexOf("<rPh");
  const t = childText(body, "t", 0, phonetic < 0 ? body.length : phonetic);
  if (t === undefined) return "";
  return unescape ? unescapeX(xmlText(t)) : xmlText(t);
};

/** The <si> items of sharedStrings.xml, rich text runs joined. */
export const parseSharedStrings = (xml: string | undefined): string[] => {
  const out: string[] = [];
  if (!xml) return out;
  for (let at = 0; ;) {
    const i = xml.indexOf("<si", at);
    if (i < 0) return out;
    if (!endsName(xml.charCodeAt(i + 3))) {
      at = i + 3;
      continue;
    }
    const gt = xml.indexOf(">", i);
    if (gt < 0) return out;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      at = gt + 1;
      continue;
    }
    const close = xml.indexOf("</si>", gt);
    if (close < 0) return out;
    out.push(stringItem(xml.slice(gt + 1, close), true));
    at = close + 5;
  }
};

/** Indexes of the <si> items whose text has a character reference XML does not allow (none in most parts). */
export const sharedStringProblems = (xml: string | undefined): Set<number> => {
  const out = new Set<number>();
  if (!xml || xml.indexOf("&#") < 0) return out;
  let i = 0;
  for (const item of elements(xml, "si")) {
    if (badCharRef(item)) out.add(i);
    i++;
  }
  return out;
};

// ------------------------------------------------------------------------------------------ dates

/** ExcelJS's utils.isDateFmt: a date if, outside [..] and "..", it has a date or time letter. */
const isDateFormat = (fmt: string | undefined): boolean =>
  !!fmt && /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** Built-in formats ExcelJS knows with a code that isDateFormat calls a date (14–22, 45–47). */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** cellXfs indexes whose number format is a date, judged as ExcelJS does. */
export const dateStyles = (stylesXml: string | undefined): Set<number> => {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  const numFmts = element(stylesXml, "numFmts");
  if (numFmts)
    for (const el of elements(numFmts.text, "numFmt")) {
      const tag = startTag(el);
      const id = parseInt(attribute(tag, "numFmtId") ?? "", 10);
      // ExcelJS drops the backslash of escaped characters before judging the code.
      custom.set(id, (attribute(tag, "formatCode") ?? "").replace(/[\\](.)/g, "$1"));
    }
  const cellXfs = element(stylesXml, "cellXfs");
  if (!cellXfs) return out;
  elements(cellXfs.text, "xf").forEach((el, i) => {
    const id = parseInt(attribute(startTag(el), "numFmtId") ?? "", 10);
    if (!id) return; // 0 or NaN: General
    const code = custom.get(id);
    if (code ? isDateFormat(code) : BUILTIN_DATE.has(id)) out.add(i);
  });
  return out;
};

/** Same as readGrid's: a date at midnight UTC is "YYYY-MM-DD", anything else full ISO. */
const toIsoDate = (d: Date): string => {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
};

const DAY_MS = 24 * 3600 * 1000;
/** 1899-12-30 and 1904-01-01 in days since 1970-01-01 (the epochs the serials count from). */
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;
/** 9999-12-31, the last day either date system has (ECMA-376 Part 1, 18.17.4.1). */
const LAST_1900 = 2958465;
const LAST_1904 = 2957003;

/**
 * A serial date as an ISO string, by ECMA-376 Part 1, 18.17.4.1; null when it names no day of the calendar,
 * and the cell then keeps its number. 1900 system: serial 1 is 1900-01-01, and serial 60 is 1900-02-29, a
 * day that never was (kept for compatibility with Lotus 1-2-3), so 1–59 count from 1899-12-31, 61 on from
 * 1899-12-30, and 0 and 60 are no date. 1904 system: serial 0 is 1904-01-01. The fraction is the time of day.
 */
const serialDate = (v: number, date1904: boolean): string | null => {
  if (!Number.isFinite(v) || v < 0) return null;
  const day = Math.floor(v);
  if (date1904) {
    if (day > LAST_1904) return null;
    return toIsoDate(new Date(Math.round((v + EPOCH_1904) * DAY_MS)));
  }
  if (day === 0 || day === 60 || day > LAST_1900) return null;
  return toIsoDate(new Date(Math.round((v + EPOCH_1900 + (day < 60 ? 1 : 0)) * DAY_MS)));
};

/** A t="d" cell's ISO 8601 text; without a zone it is taken as UTC (Excel stores no zone). */
const isoText = (text: string): string => {
  const s = text.trim();
  const t = s.indexOf("T");
  const local = t >= 0 && !/(?:Z|[+-]\d\d(?::?\d\d)?)$/i.test(s.slice(t));
  const d = new Date(local ? `${s}Z` : s);
  return Number.isNaN(d.getTime()) ? text : toIsoDate(d);
};

// ------------------------------------------------------------------------------------------ formulas

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** ExcelJS's slideFormula: a shared formula's text moved by (rows, cols), relative references only. */
const slideFormula = (formula: string, rows: number, cols: number): string =>
  formula.replace(
    CANDIDATE,
    (match: string, sheet: string | undefined, _name: string, addr: string, paren: string | undefined) => {
      if (paren) return match;
      const m = CELL_REF.exec(addr);
      if (!m) return match;
      const letters = m[2]!.toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match; // a name
      let col = colIndex(letters) + 1;
      let row = parseInt(m[4]!, 10);
      if (!m[1]) col += cols;
      if (!m[3]) row += rows;
      if (col < 1 || col > COLS) return "#REF!";
      return `${sheet ?? ""}${m[1] ?? ""}${colLetter(col - 1)}${m[3] ?? ""}${row}`;
    }
  );

/** t="b": ExcelJS takes parseInt(text) !== 0, which reads "false" as true; here it is false. */
const boolText = (raw: string): boolean => (raw.trim() === "false" ? false : parseInt(raw, 10) !== 0);

// ------------------------------------------------------------------------------------------ validations

interface Rule {
  list: boolean;
  formula: string;
  rects: CellRange[];
}

const FORMULA = /<formula([12])(?:\s[^>]*)?>([\s\S]*?)<\/formula\1>/;

/** Index of the ">" ending the tag at `from`, past quoted values (a prompt may hold a raw ">"); -1 if none. */
const tagEnd = (xml: string, from: number): number => {
  for (let i = from; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      i = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
};

/** Every <dataValidation> in document order (Excel 2010's <x14:dataValidation> are not read, as in ExcelJS). */
const parseRules = (tail: string): Rule[] => {
  const rules: Rule[] = [];
  const open = "<dataValidation";
  for (let at = tail.indexOf("<dataValidations"); at >= 0;) {
    const i = tail.indexOf(open, at);
    if (i < 0) break;
    const gt = tagEnd(tail, i);
    if (gt < 0) break;
    at = gt + 1;
    if (!endsName(tail.charCodeAt(i + open.length))) continue; // <dataValidations>
    const tag = tail.slice(i, gt + 1);
    let body = "";
    if (tail.charCodeAt(gt - 1) !== 47) {
      const close = tail.indexOf("</dataValidation>", gt);
      if (close < 0) break;
      body = tail.slice(gt + 1, close);
      at = close + open.length + 2; // past "</dataValidation>"
    }
    const rects: CellRange[] = [];
    for (const part of (attribute(tag, "sqref") ?? "").split(/\s+/)) {
      const r = parseRange(part);
      if (r) rects.push(r);
    }
    const f = FORMULA.exec(body);
    rules.push({ list: attribute(tag, "type") === "list", formula: f ? xmlText(f[2]!) : "", rects });
  }
  return rules;
};

/** Whether a list rule shares a cell with another rule (then ExcelJS's last-rule-wins matters). */
const overlapping = (rules: Rule[]): boolean => {
  const all: { r: CellRange; i: number }[] = [];
  rules.forEach((rule, i) => rule.rects.forEach((r) => all.push({ r, i })));
  all.sort((a, b) => a.r.row - b.r.row);
  for (let a = 0; a < all.length; a++) {
    const A = all[a]!;
    const bottom = A.r.row + A.r.rowCount;
    for (let b = a + 1; b < all.length && all[b]!.r.row < bottom; b++) {
      const B = all[b]!;
      if (B.i === A.i || !(rules[A.i]!.list || rules[B.i]!.list)) continue;
      if (B.r.col < A.r.col + A.r.colCount && A.r.col < B.r.col + B.r.colCount) return true;
    }
  }
  return false;
};

/** readGrid's row runs of one rule's cells, computed by bands of rows instead of cell by cell. */
const bandRuns = (rects: CellRange[]): CellRange[] => {
  const out: CellRange[] = [];
  const emit = (top: number, height: number, spans: [number, number][]): void => {
    if (height > TALL_BAND) {
      for (const [from, to] of spans)
        out.push({ row: top, col: from, rowCount: height, colCount: to - from + 1 });
      return;
    }
    for (let r = top; r < top + height; r++)
      for (const [from, to] of spans) out.push({ row: r, col: from, rowCount: 1, colCount: to - from + 1 });
  };
  if (rects.length === 1) {
    const r = rects[0]!;
    emit(r.row, r.rowCount, [[r.col, r.col + r.colCount - 1]]);
    return out;
  }
  const edges = [...new Set(rects.flatMap((r) => [r.row, r.row + r.rowCount]))].sort((a, b) => a - b);
  for (let e = 0; e + 1 < edges.length; e++) {
    const top = edges[e]!;
    const spans: [number, number][] = rects
      .filter((r) => r.row <= top && top < r.row + r.rowCount)
      .map((r): [number, number] => [r.col, r.col + r.colCount - 1])
      .sort((a, b) => a[0] - b[0]);
    if (!spans.length) continue;
    // Consecutive cells of a row are one run in readGrid: join spans that touch or overlap.
    const joined: [number, number][] = [spans[0]!];
    for (const s of spans.slice(1)) {
      const last = joined[joined.length - 1]!;
      if (s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
      else joined.push(s);
    }
    emit(top, edges[e + 1]! - top, joined);
  }
  return out;
};

/**
 * ExcelJS's model cell by cell: each rule claims its cells in order (a later rule takes a cell over but
 * the cell keeps its place), rules come out in the order of their first cell, cells in row runs.
 */
const exactRuns = (rules: Rule[]): { rule: number; ranges: CellRange[] }[] | null => {
  let total = 0;
  for (const rule of rules) for (const r of rule.rects) total += r.rowCount * r.colCount;
  if (total > EXACT_CELLS) return null;
  const owner = new Map<number, number>();
  rules.forEach((rule, i) => {
    for (const r of rule.rects)
      for (let c = r.col; c < r.col + r.colCount; c++)
        // column by column, as Range.forEachAddress
        for (let row = r.row; row < r.row + r.rowCount; row++) owner.set(row * COLS + c, i);
  });
  const byRule = new Map<number, number[]>();
  for (const [key, i] of owner) {
    if (!rules[i]!.list) continue;
    const keys = byRule.get(i);
    if (keys) keys.push(key);
    else byRule.set(i, [key]);
  }
  const out: { rule: number; ranges: CellRange[] }[] = [];
  for (const [rule, keys] of byRule) {
    keys.sort((a, b) => a - b);
    const ranges: CellRange[] = [];
    let run: CellRange | null = null;
    for (const key of keys) {
      const row = Math.floor(key / COLS);
      const col = key % COLS;
      if (run && run.row === row && run.col + run.colCount === col) run.colCount++;
      else {
        if (run) ranges.push(run);
        run = { row, col, rowCount: 1, colCount: 1 };
      }
    }
    if (run) ranges.push(run);
    out.push({ rule, ranges });
  }
  return out;
};

/** Cells a list can take its items from. */
interface Source {
  rows: number;
  cols: number;
  at(row: number, col: number): CellValue;
}

const gridSource = (values: CellValue[][] | null): Source | null =>
  values && {
    rows: values.length,
    cols: values.reduce((n, r) => Math.max(n, r.length), 0),
    at: (row, col) => values[row]?.[col] ?? null,
  };

const unquote = (s: string): string =>
  s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;

/** readGrid's listItems: an inline "a,b,c" list, or a range on this or another sheet. */
const listItems = (formula: string, own: Source, ctx: SheetReadContext): (string | number)[] => {
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"')) {
    return unquote(f)
      .split(",")
      .map((s) => s.trim())
      .map((s) => (s !== "" && Number.isFinite(Number(s)) ? Number(s) : s));
  }
  const bang = f.lastIndexOf("!");
  const sheetName = bang >= 0 ? f.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
  const source = !sheetName || sheetName === ctx.name ? own : gridSource(ctx.otherSheet(sheetName));
  const r = parseRange(bang >= 0 ? f.slice(bang + 1) : f);
  if (!source || !r) return [];
  const out: (string | number)[] = [];
  // Cells beyond the source's extent are empty; not visiting them keeps A1:A1048576 cheap.
  const rowEnd = Math.min(r.row + r.rowCount, source.rows);
  const colEnd = Math.min(r.col + r.colCount, source.cols);
  for (let i = r.row; i < rowEnd; i++)
    for (let j = r.col; j < colEnd; j++) {
      const value = source.at(i, j);
      if (value !== null && value !== "") out.push(typeof value === "number" ? value : String(value));
    }
  return out;
};

const readValidations = (tail: string, own: Source, ctx: SheetReadContext): ListValidation[] => {
  const rules = parseRules(tail);
  if (!rules.some((r) => r.list && r.rects.length)) return [];
  const runs =
    (overlapping(rules) ? exactRuns(rules) : null) ??
    rules.flatMap((rule, i) =>
      rule.list && rule.rects.length ? [{ rule: i, ranges: bandRuns(rule.rects) }] : []
    );
  const out: ListValidation[] = [];
  // Province sheets repeat the same few lists over hundreds of rules: read each once.
  const lists = new Map<string, (string | number)[]>();
  for (const { rule, ranges } of runs) {
    const formula = rules[rule]!.formula;
    let list = lists.get(formula);
    if (!list) lists.set(formula, (list = listItems(formula, own, ctx)));
    for (const range of ranges) out.push({ range, list });
  }
  return out;
};

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
