/**
 * What Excel would do to a string typed into a cell: it turns "1/2", "9 am", "#N/A" or "=A1" into a number, a
 * time, an error or a formula. This module decides which strings need protecting (a "@" text format or the '
 * prefix) so that user text comes back from Excel exactly as it was written.
 */
import type { CellValue } from "../../layout/plan";

/**
 * Strings Excel would not keep as typed when written to a General cell: formulas (= + -), the @ operator, the
 * ' text prefix, error literals (#N/A), and anything it may parse as a number, percentage, currency, fraction,
 * boolean, date or time (in the user's locale: so any digits with separators count). Held to the fake's
 * coercion by a property test (coercion.test.ts): whatever the fake converts, this protects.
 */
export function excelWouldConvert(s: string): boolean {
  const t = s.trim();
  if (/^[=+\-@']/.test(s)) return true;
  if (/\d/.test(t) && /^[\d\s.,%$€£¥₫()/:+\-eE]+$/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  const month = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
  if (
    new RegExp(`^${month}[\\s\\-/.,]*\\d`, "i").test(t) ||
    new RegExp(`^\\d+[\\s\\-/.]*${month}`, "i").test(t)
  )
    return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^\d{1,2}(:\d{1,2}){0,2}(\.\d+)?\s*[ap]m?$/i.test(t)) return true; // "9 am", "1:30 PM"
  // Error literals become error values ("#N/A"), not text.
  if (
    /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i.test(
      t
    )
  )
    return true;
  return false;
}

/** The value to write into one existing cell (a cell write), text kept as text. */
export function cellInput(value: CellValue, textCell: boolean): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string" || textCell || !excelWouldConvert(value)) return value;
  return `'${value}`; // the apostrophe prefix keeps user text as text without touching the cell's format
}
