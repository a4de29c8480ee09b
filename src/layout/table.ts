/**
 * Reading a typed or pasted table (a setup sheet or a CSV file) by its header names, so columns may be
 * in any order and headers in Vietnamese or English.
 */
import { cellText } from "./build";
import { looseKey } from "./labels";
import type { CellValue } from "./plan";

export interface FieldSpec<K extends string> {
  key: K;
  /** The header the add-in writes. */
  header: string;
  /** Other headers accepted (compared without case, spaces or diacritics). */
  aliases: string[];
  required: boolean;
}

export interface TableRecord<K extends string> {
  /** 0-based row in the grid or file. */
  row: number;
  get(key: K): string;
  col(key: K): number;
}

export interface ReadTable<K extends string> {
  headerRow: number;
  missing: K[];
  records: TableRecord<K>[];
}

const matcher = <K extends string>(fields: readonly FieldSpec<K>[]) => {
  const map = new Map<string, K>();
  for (const f of fields) for (const name of [f.header, ...f.aliases]) map.set(looseKey(name), f.key);
  return (v: CellValue | undefined): K | null => map.get(looseKey(cellText(v).replace(/[*:]+$/, ""))) ?? null;
};

/**
 * Finds the header row (the first of the first 20 rows naming at least two fields), then reads every
 * non-empty row below it.
 */
export const readTable = <K extends string>(
  rows: CellValue[][],
  fields: readonly FieldSpec<K>[]
): ReadTable<K> => {
  const match = matcher(fields);
  let headerRow = -1;
  let colOf = new Map<K, number>();
  for (let r = 0; r < Math.min(rows.length, 20) && headerRow < 0; r++) {
    const found = new Map<K, number>();
    (rows[r] ?? []).forEach((v, c) => {
      const key = match(v);
      if (key && !found.has(key)) found.set(key, c);
    });
    if (found.size >= 2) {
      headerRow = r;
      colOf = found;
    }
  }
  const missing = fields.filter((f) => f.required && !colOf.has(f.key)).map((f) => f.key);
  if (headerRow < 0)
    return { headerRow, missing: fields.filter((f) => f.required).map((f) => f.key), records: [] };
  const records: TableRecord<K>[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const get = (key: K): string => {
      const c = colOf.get(key);
      return c === undefined ? "" : cellText(row[c]);
    };
    if (fields.every((f) => get(f.key) === "")) continue;
    records.push({ row: r, get, col: (key) => colOf.get(key) ?? -1 });
  }
  return { headerRow, missing, records };
};
