/** A1 addresses for 0-based rows and columns (the plan's coordinates). */
import type { CellRange } from "./plan";

/** Letters of the first columns, computed once: addresses are built for every score cell of every sheet. */
const LETTERS: string[] = [];

/** 0 → "A", 25 → "Z", 26 → "AA". */
export const colLetter = (col: number): string => {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  const s = lettersOf(col);
  if (col >= 0 && col < 1024) LETTERS[col] = s;
  return s;
};

const lettersOf = (col: number): string => {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** "A" → 0, "AA" → 26; -1 when the text is not a column name. */
export const colIndex = (letters: string): number => {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

export const cellAddress = (row: number, col: number): string => `${colLetter(col)}${row + 1}`;

/** "B5" or "$B$5" → { row: 4, col: 1 }; null when not a single-cell address. */
export const parseAddress = (a1: string): { row: number; col: number } | null => {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m || !m[1] || !m[2]) return null;
  const row = Number(m[2]) - 1;
  return row < 0 ? null : { row, col: colIndex(m[1]) };
};

export const rangeAddress = (r: CellRange): string => {
  const first = cellAddress(r.row, r.col);
  if (r.rowCount === 1 && r.colCount === 1) return first;
  return `${first}:${cellAddress(r.row + r.rowCount - 1, r.col + r.colCount - 1)}`;
};

/** "A1:C3", "B2" or "$A$1:$C$3" → a CellRange; null otherwise. */
export const parseRange = (text: string): CellRange | null => {
  const [a, b] = text.split(":");
  const from = a ? parseAddress(a) : null;
  if (!from) return null;
  const to = b === undefined ? from : parseAddress(b);
  if (!to) return null;
  const row = Math.min(from.row, to.row);
  const col = Math.min(from.col, to.col);
  return { row, col, rowCount: Math.abs(to.row - from.row) + 1, colCount: Math.abs(to.col - from.col) + 1 };
};

/** Quote a sheet name for formulas: 'Phiếu TV01'!A1 (apostrophes doubled). */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

export const inRange = (r: CellRange, row: number, col: number): boolean =>
  row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
