/**
 * Value decoding for the sheet reader: cell and shared-string text as XML gives it, rich runs joined, booleans,
 * and numbers in a date format as ISO dates by ECMA-376 (docs/sheetgrid.md).
 */
import type { CellValue } from "../../../layout/plan";
import { attribute, badCharRef, decodeXml, element, elements, startTag } from "./xml";

/** Columns in a sheet (A to XFD): a cell's key is row * COLS + col. */
export const COLS = 16384;
/** Rows in a sheet (Excel's and LibreOffice's grid); a cell beyond is no cell. */
export const ROWS = 1_048_576;

/** ExcelJS's boolean attributes (utils.parseBoolean): only "1" and "true". */
export const flag = (v: string | undefined): boolean => v === "1" || v === "true";

/** Element text as an XML parser hands it over: line ends normalised, entities decoded. */
export const xmlText = (raw: string): string =>
  decodeXml(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));

const X_ESCAPE = /_x([0-9A-F]{4})_/g;
/** ExcelJS's TextXform decodes `_xHHHH_` (upper-case hex only) in shared strings and rich runs. */
export const unescapeX = (s: string): string =>
  s.indexOf("_x") < 0 ? s : s.replace(X_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** attribute(), without building a regular expression when the tag plainly lacks the attribute. */
export const attr = (tag: string, name: string): string | undefined =>
  tag.indexOf(`${name}=`) < 0 ? undefined : attribute(tag, name);

/** Whether a character ends a tag name (so "<c" is not "<col", "<r" not "<rPr"). */
export const endsName = (code: number): boolean =>
  code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** Raw text of the first `<name>` element in s[from, to): "" when self-closed, undefined when absent. */
export const childText = (s: string, name: string, from = 0, to = s.length): string | undefined => {
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
export const runsText = (body: string): string | undefined => {
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
export const stringItem = (body: string, unescape: boolean): string => {
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
export const toIsoDate = (d: Date): string => {
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
export const serialDate = (v: number, date1904: boolean): string | null => {
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
export const isoText = (text: string): string => {
  const s = text.trim();
  const t = s.indexOf("T");
  const local = t >= 0 && !/(?:Z|[+-]\d\d(?::?\d\d)?)$/i.test(s.slice(t));
  const d = new Date(local ? `${s}Z` : s);
  return Number.isNaN(d.getTime()) ? text : toIsoDate(d);
};

/** t="b": ExcelJS takes parseInt(text) !== 0, which reads "false" as true; here it is false. */
export const boolText = (raw: string): boolean => (raw.trim() === "false" ? false : parseInt(raw, 10) !== 0);

/**
 * A formula's cached result as the file holds it (0 and FALSE included); an empty text result shows nothing, so
 * it is null as in an empty cell.
 */
export const cachedResult = (
  type: string,
  raw: string | undefined,
  isDate: boolean,
  date1904: boolean
): CellValue => {
  if (raw === undefined) return null;
  if (type === "str") return xmlText(raw) || null;
  if (type === "b") return boolText(raw);
  if (type === "e") return xmlText(raw);
  const n = parseFloat(raw);
  return Number.isNaN(n) ? null : isDate ? (serialDate(n, date1904) ?? n) : n;
};

/**
 * A cell's value by its type t: shared string, inline (rich) string, text, error, boolean, ISO date or number
 * (a date when its style's format is one). undefined when the cell holds no value (no <v>, or a shared string
 * index out of range).
 */
export const cellValue = (
  type: string,
  raw: string | undefined,
  rich: string | undefined,
  isDate: boolean,
  date1904: boolean,
  sharedStrings: readonly string[]
): CellValue | undefined => {
  if (type === "inlineStr" && rich !== undefined) return rich;
  if (raw === undefined) return undefined;
  if (type === "s") return sharedStrings[parseInt(raw, 10)];
  if (type === "str" || type === "inlineStr" || type === "e") return xmlText(raw);
  if (type === "b") return boolText(raw);
  if (type === "d") return isoText(xmlText(raw));
  const n = parseFloat(raw);
  return isDate ? (serialDate(n, date1904) ?? n) : n;
};
