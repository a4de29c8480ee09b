/**
 * Where a validation list's items live. A short list without commas goes inline in the rule's source
 * ("Có,Không"); a longer one is written to a column of a very hidden sheet, LISTS_SHEET, and the rule points
 * there. A column already holding the same list is reused, so rewriting the sheets does not grow the list sheet.
 */
import { absoluteA1, quotedSheet } from "./a1";
import type { SheetPlan } from "../../layout/plan";

/** Very hidden sheet holding validation lists too long (or with commas) for an inline source. */
export const LISTS_SHEET = "~ocop_lists";
const INLINE_LIST_MAX = 255;

export interface ListPlacement {
  columns: { col: number; items: (string | number)[] }[];
  sourceFor(list: (string | number)[]): string;
}

const listKey = (list: (string | number)[]): string => JSON.stringify(list.map(String));
const inlineOk = (list: (string | number)[]): boolean =>
  list.every((v) => !String(v).includes(",")) && list.map(String).join(",").length <= INLINE_LIST_MAX;

/** The plans' lists that cannot go inline, each once. */
export function collectLists(plans: SheetPlan[]): (string | number)[][] {
  const out = new Map<string, (string | number)[]>();
  for (const plan of plans)
    for (const v of plan.validations) if (!inlineOk(v.list)) out.set(listKey(v.list), v.list);
  return [...out.values()];
}

/** Long lists live in columns of the list sheet; a column already holding the same list is reused. */
export function placeLists(lists: (string | number)[][], existing: Excel.Range | null): ListPlacement {
  const byKey = new Map<string, number>();
  let next = 0;
  if (existing) {
    const values = existing.values;
    const width = existing.columnIndex + existing.columnCount;
    next = width;
    for (let c = existing.columnIndex; c < width; c++) {
      const items: string[] = [];
      for (let r = 0; r < existing.rowIndex + existing.rowCount; r++) {
        const v = r < existing.rowIndex ? "" : values[r - existing.rowIndex]![c - existing.columnIndex];
        if (v === "" || v === null || v === undefined) break;
        items.push(String(v));
      }
      if (items.length) byKey.set(JSON.stringify(items), c);
    }
  }
  const columns: ListPlacement["columns"] = [];
  for (const list of lists) {
    const key = listKey(list);
    if (byKey.has(key)) continue;
    byKey.set(key, next);
    columns.push({ col: next, items: list });
    next++;
  }
  return {
    columns,
    sourceFor(list) {
      if (inlineOk(list)) return list.map(String).join(",");
      const col = byKey.get(listKey(list))!;
      return `=${quotedSheet(LISTS_SHEET)}!${absoluteA1({ row: 0, col, rowCount: list.length, colCount: 1 })}`;
    },
  };
}
