/** A1 addresses, sheet-name rules and sheet references inside formulas, as Excel writes them. */
import type { CellRange } from "../../layout/plan";

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

const colIndex = (letters: string): number => {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/** "$A$1:$A$9" */
export const absoluteA1 = (r: CellRange): string =>
  `$${colLetters(r.col)}$${r.row + 1}:$${colLetters(r.col + r.colCount - 1)}$${r.row + r.rowCount}`;

/** A sheet name in a formula or list source: always quoted, apostrophes doubled ('Ông Đức''s'). */
export const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** Why Excel would refuse a sheet name, or null when it is acceptable. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "is empty";
  if (name.length > 31) return "is longer than 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toUpperCase() === "HISTORY") return 'is the reserved name "History"';
  return null;
}

/** Excel compares sheet (and table) names without regard to case. */
export const sameSheetName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

const CELL_REF_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

/** Why Excel would refuse a table name, or null. */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "must have 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name))
    return "must start with a letter or _ and contain no spaces";
  if (CELL_REF_LIKE.test(name)) return "looks like a cell reference";
  return null;
}

/**
 * Rewrites the sheet prefixes ("Name!" or "'Na''me'!") of a formula outside string literals:
 * `rename(name)` returns the new sheet name, or undefined to keep the reference.
 */
export function renameSheetRefs(formula: string, rename: (sheet: string) => string | undefined): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"'))
        j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) {
        name += formula[j];
        j += formula[j] === "'" ? 2 : 1;
      }
      if (formula[j + 1] === "!") {
        const to = rename(name);
        out += to === undefined ? formula.slice(i, j + 2) : `${quotedSheet(to)}!`;
        i = j + 2;
        continue;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[\p{L}_][\p{L}\p{N}_.]*!/u.exec(formula.slice(i));
    if (m && !(i > 0 && /[\p{L}\p{N}_.]/u.test(formula[i - 1]!))) {
      const to = rename(m[0].slice(0, -1));
      out += to === undefined ? m[0] : `${quotedSheet(to)}!`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Parses a RangeAreas address ("Sheet1!A1:B2, 'Phiếu 1'!D4") into 0-based ranges, ignoring the sheet names. */
export function parseAreas(address: string): CellRange[] {
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  const out: CellRange[] = [];
  for (const part of parts) {
    const local = part
      .slice(part.lastIndexOf("!") + 1)
      .replace(/\$/g, "")
      .trim();
    const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(local);
    if (!m) continue;
    const c0 = colIndex(m[1]!);
    const r0 = Number(m[2]) - 1;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    out.push({ row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 });
  }
  return out;
}
