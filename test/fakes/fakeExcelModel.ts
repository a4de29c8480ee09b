/**
 * The in-memory workbook behind the fake Excel (see fakeExcel.ts): sheets, cells and the rules Excel applies
 * when the JavaScript API changes them. Written from the office-js reference and docs, independently of the
 * Excel host, so a host bug is not mirrored here.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** An error shaped like OfficeExtension.Error ("RichApi.Error"): a stable `code`, a message and debugInfo. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const officeError = (code: string, message: string, where?: string): FakeOfficeError =>
  new FakeOfficeError(code, message, where);

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export type Scalar = string | number | boolean;

export interface CellState {
  /** Constant value; undefined when the cell is empty or holds a formula. */
  value?: Scalar;
  /** Formula text including the leading "=". */
  formula?: string;
  /** The value is an error literal Excel made of written text ("#N/A"), not text. */
  error?: boolean;
  numberFormat?: string;
  /** Excel cells are locked by default. */
  locked?: boolean;
  format?: Record<string, unknown>;
}

export interface ValidationState {
  rect: Rect;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface TableState {
  id: number;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  /** Table.style; Excel gives a new table "TableStyleMedium2". */
  style?: string;
}

export interface ChartState {
  type: string;
  source: Rect;
  seriesBy?: string;
  title?: string;
  xValues?: Rect;
  position?: { start: Rect; end?: Rect };
}

export interface ProtectionState {
  protected: boolean;
  password?: string;
  options?: Record<string, unknown>;
}

export class SheetState {
  readonly cells = new Map<number, CellState>();
  merges: Rect[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly colWidths = new Map<number, number>();
  validations: ValidationState[] = [];
  protection: ProtectionState = { protected: false };
  freeze: { rows: number; cols: number } | null = null;
  pageLayout: Record<string, unknown> = {};
  tables: TableState[] = [];
  charts: ChartState[] = [];
  tabColor = "";
  constructor(
    readonly id: string,
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible"
  ) {}

  key(row: number, col: number): number {
    return row * MAX_COLS + col;
  }
  cell(row: number, col: number): CellState | undefined {
    return this.cells.get(this.key(row, col));
  }
  cellForWrite(row: number, col: number): CellState {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = {};
      this.cells.set(k, c);
    }
    return c;
  }
  isLocked(row: number, col: number): boolean {
    return this.cell(row, col)?.locked ?? true;
  }
  hasContent(c: CellState): boolean {
    return c.value !== undefined || c.formula !== undefined;
  }
  /** Bounding box of cells with content (valuesOnly) or also with formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      const used =
        this.hasContent(c) || (!valuesOnly && (c.numberFormat !== undefined || c.format !== undefined));
      if (!used) continue;
      const row = Math.floor(k / MAX_COLS);
      const col = k % MAX_COLS;
      r0 = Math.min(r0, row);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, row);
      c1 = Math.max(c1, col);
    }
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
}

export interface WorkbookState {
  sheets: SheetState[];
  activeSheetId: string | null;
  selection: { sheetId: string; rect: Rect } | null;
  protection: { protected: boolean };
  nextSheetId: number;
  nextTableId: number;
}

// ---------------------------------------------------------------- names

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe first or last, not "History". */
export function checkSheetName(name: unknown): void {
  if (typeof name !== "string" || name.length === 0)
    throw officeError("InvalidArgument", "The sheet name is empty.");
  if (name.length > 31)
    throw officeError("InvalidArgument", `The sheet name "${name}" is longer than 31 characters.`);
  if (FORBIDDEN_SHEET_CHARS.test(name))
    throw officeError("InvalidArgument", `The sheet name "${name}" contains a character that isn't allowed.`);
  if (name.startsWith("'") || name.endsWith("'"))
    throw officeError("InvalidArgument", `The sheet name "${name}" begins or ends with an apostrophe.`);
  if (name.toUpperCase() === "HISTORY")
    throw officeError("InvalidArgument", `"History" is a reserved sheet name.`);
}

/** Excel compares sheet names case-insensitively. */
export const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

const CELL_REF_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

/** Table names: a letter, "_" or "\" first, then letters, digits, "_" or "."; no cell-reference look-alikes. */
export function checkTableName(name: unknown): void {
  if (typeof name !== "string" || name.length === 0 || name.length > 255)
    throw officeError("InvalidArgument", "The table name is invalid.");
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || CELL_REF_LIKE.test(name))
    throw officeError("InvalidArgument", `The table name "${name}" is invalid.`);
}

// ---------------------------------------------------------------- A1

export function colLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseColLetters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet name as Excel prints it in an address: quoted unless plain ASCII letters/digits/underscore. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL_REF_LIKE.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectA1(r: Rect): string {
  if (r.cols === MAX_COLS) return `${r.row + 1}:${r.row + r.rows}`;
  if (r.rows === MAX_ROWS) return `${colLetters(r.col)}:${colLetters(r.col + r.cols - 1)}`;
  const a = `${colLetters(r.col)}${r.row + 1}`;
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${colLetters(r.col + r.cols - 1)}${r.row + r.rows}`;
}

export const addressOf = (sheet: SheetState, r: Rect): string => `${quoteSheetName(sheet.name)}!${rectA1(r)}`;

/** Parses "B2", "B2:D5", "2:4", "C:E" (no sheet prefix). */
export function parseA1(address: string): Rect {
  const s = address.trim().replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(s);
  if (m) {
    const c0 = parseColLetters(m[1]!);
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? parseColLetters(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    return norm(r0, c0, r1, c1);
  }
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) return { row: Number(m[1]) - 1, col: 0, rows: Number(m[2]) - Number(m[1]) + 1, cols: MAX_COLS };
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(s);
  if (m) {
    const c0 = parseColLetters(m[1]!);
    return { row: 0, col: c0, rows: MAX_ROWS, cols: parseColLetters(m[2]!) - c0 + 1 };
  }
  throw officeError("InvalidArgument", `The address "${address}" is not valid.`);
}

function norm(r0: number, c0: number, r1: number, c1: number): Rect {
  const row = Math.min(r0, r1);
  const col = Math.min(c0, c1);
  return { row, col, rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
}

export function checkRect(r: Rect): void {
  if (
    !Number.isInteger(r.row) ||
    !Number.isInteger(r.col) ||
    !Number.isInteger(r.rows) ||
    !Number.isInteger(r.cols) ||
    r.row < 0 ||
    r.col < 0 ||
    r.rows < 1 ||
    r.cols < 1 ||
    r.row + r.rows > MAX_ROWS ||
    r.col + r.cols > MAX_COLS
  )
    throw officeError("InvalidArgument", `The range ${JSON.stringify(r)} is outside the grid.`);
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

export const containsRect = (outer: Rect, inner: Rect): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

// ---------------------------------------------------------------- formulas referring to sheets

/**
 * Calls `fn` for each sheet reference ("Name!" or "'Na''me'!") outside string literals and returns the
 * formula with the references replaced by what `fn` returns (a new prefix including "!", or the same text).
 */
export function mapSheetRefs(formula: string, fn: (sheetName: string, text: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      const end = skipString(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j] === "'" && formula[j + 1] === "!") {
        const text = formula.slice(i, j + 2);
        out += fn(name, text);
        i = j + 2;
        continue;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[\p{L}_][\p{L}\p{N}_.]*!/u.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1]! : "";
    if (m && !/[\p{L}\p{N}_.]/u.test(prev)) {
      const text = m[0];
      out += fn(text.slice(0, -1), text);
      i += text.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function skipString(s: string, start: number): number {
  let j = start + 1;
  while (j < s.length) {
    if (s[j] === '"' && s[j + 1] === '"') j += 2;
    else if (s[j] === '"') return j + 1;
    else j++;
  }
  return j;
}

// ---------------------------------------------------------------- input coercion (what Excel does with typed-in text)

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const THOUSANDS = /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/;
const PERCENT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*%\s*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

export type Coerced =
  | { kind: "empty" }
  | { kind: "value"; value: Scalar }
  | { kind: "formula"; formula: string }
  | { kind: "error"; value: string };

/** Error literals Excel turns into error values when typed or written to a General cell. */
const ERROR_LITERAL =
  /^\s*#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)\s*$/i;
const TIME = /^\s*(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}(?:\.\d+)?))?\s*([ap]m?)?\s*$/i;
const CURRENCY = /^\s*[-(]?\s*[$€£¥₫]\s*\d[\d,]*(\.\d+)?\s*\)?\s*$|^\s*-?\d[\d,]*(\.\d+)?\s*[$€£¥₫]\s*$/;
const PAREN_NEGATIVE = /^\s*\(\s*\d[\d,]*(\.\d+)?\s*\)\s*$/;
const MIXED_FRACTION = /^\s*-?\d+\s+\d+\/\d+\s*$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
const SLASH_DATE = /^\s*(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2,4}))?\s*$/;
const DAY_MONTH = new RegExp(`^\\s*(\\d{1,2})[\\s\\-/.]*${MONTH}\\.?(?:[\\s\\-/.,]*(\\d{2,4}))?\\s*$`, "i");
const MONTH_DAY = new RegExp(`^\\s*${MONTH}\\.?[\\s\\-/.,]*(\\d{1,4})(?:[\\s\\-/.,]+(\\d{2,4}))?\\s*$`, "i");

/** A time of day as Excel reads it ("13:45", "1:30 PM", "9 am"), or null. */
function timeOf(v: string): number | null {
  const m = TIME.exec(v);
  if (!m || (m[2] === undefined && !m[4])) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const sec = Number(m[3] ?? 0);
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/^p/i.test(m[4]) ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec >= 60) return null;
  return (h * 3600 + min * 60 + sec) / 86400;
}

/** A date as an en-US Excel reads it ("12/5/2024", "5-Jan", "Jan 5, 2024"), or null. */
function dateOf(v: string): number | null {
  const year = (y: string | undefined) =>
    y === undefined ? 2026 : y.length === 2 ? 2000 + Number(y) : Number(y);
  const valid = (y: number, m: number, d: number) =>
    m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() ? dateSerial(y, m, d) : null;
  let m = SLASH_DATE.exec(v);
  if (m) return valid(year(m[3]), Number(m[1]), Number(m[2]));
  m = DAY_MONTH.exec(v);
  if (m) return valid(year(m[3]), MONTHS.indexOf(m[2]!.toLowerCase()) + 1, Number(m[1]));
  m = MONTH_DAY.exec(v);
  if (m) {
    const month = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    // "Jan 2024" is a month and year; "Jan 5" or "Jan 5, 2024" a day.
    if (m[2]!.length > 2 && m[3] === undefined) return valid(Number(m[2]), month, 1);
    return valid(year(m[3]), month, Number(m[2]));
  }
  return null;
}

/**
 * How Excel stores a value written to `Range.values` (or a constant written to `Range.formulas`):
 * in a text cell (number format "@") strings stay text; otherwise a leading = + - makes a formula, a leading
 * apostrophe is a text prefix, and numbers, percentages, booleans and ISO dates are parsed.
 */
export function coerceInput(v: unknown, numberFormat: string | undefined): Coerced {
  if (v === "") return { kind: "empty" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw officeError("InvalidArgument", "Numbers must be finite.");
    return { kind: "value", value: v };
  }
  if (typeof v === "boolean") return { kind: "value", value: v };
  if (typeof v !== "string")
    throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(v)}.`);
  if (numberFormat === "@") return { kind: "value", value: v };
  if (v.startsWith("'")) return { kind: "value", value: v.slice(1) };
  if (NUMERIC.test(v)) return { kind: "value", value: Number(v) };
  if (THOUSANDS.test(v)) return { kind: "value", value: Number(v.replace(/,/g, "")) };
  if (PERCENT.test(v)) return { kind: "value", value: Number(v.replace("%", "")) / 100 };
  if (/^(true|false)$/i.test(v)) return { kind: "value", value: v.toUpperCase() === "TRUE" };
  const iso = ISO_DATE.exec(v);
  if (iso) return { kind: "value", value: dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3])) };
  if (ERROR_LITERAL.test(v)) return { kind: "error", value: v.trim().toUpperCase() };
  if (CURRENCY.test(v) || PAREN_NEGATIVE.test(v)) {
    const n = Number(v.replace(/[\s$€£¥₫,()]/g, ""));
    return { kind: "value", value: /\(/.test(v) ? -Math.abs(n) : n };
  }
  if (MIXED_FRACTION.test(v)) {
    const [whole, frac] = v.trim().split(/\s+/);
    const [a, b] = frac!.split("/").map(Number);
    if (b) return { kind: "value", value: Number(whole) + (Number(whole) < 0 ? -1 : 1) * (a! / b) };
  }
  const time = timeOf(v);
  if (time !== null) return { kind: "value", value: time };
  const date = dateOf(v);
  if (date !== null) return { kind: "value", value: date };
  if (v.startsWith("=") && v.length > 1) return { kind: "formula", formula: v };
  if ((v.startsWith("+") || v.startsWith("-")) && v.length > 1) return { kind: "formula", formula: `=${v}` };
  return { kind: "value", value: v };
}

/** Excel-ish comparison of ExcelApi versions ("1.10" > "1.9"). */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
