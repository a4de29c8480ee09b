/**
 * The page has no calculation engine: the score sheet's few formulas (a part's SUM over its rows, the total as
 * the sum of the subtotals) are worked out here for display. Anything else shows its stored result, if any.
 */
import { parseAddress, parseRange } from "../../layout/a1";
import type { CellValue } from "../../layout/plan";

type Grid = { values: CellValue[][]; formulas: (string | null)[][] };

const numberAt = (grid: Grid, row: number, col: number, depth: number): number => {
  const f = grid.formulas[row]?.[col];
  if (f) return evaluate(grid, f, depth + 1) ?? 0;
  const v = grid.values[row]?.[col];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
};

/** The value of `SUM(E10:E20)` or `E21+E35+E45`; null for any other formula. */
export const evaluate = (grid: Grid, formula: string, depth = 0): number | null => {
  if (depth > 8) return null;
  const f = formula.trim().replace(/^=/, "").replace(/\$/g, "");
  const sum = /^SUM\(([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)\)$/i.exec(f);
  if (sum) {
    const r = parseRange(sum[1]!);
    if (!r) return null;
    let total = 0;
    for (let i = 0; i < r.rowCount; i++)
      for (let j = 0; j < r.colCount; j++) total += numberAt(grid, r.row + i, r.col + j, depth);
    return Math.round(total * 1e9) / 1e9;
  }
  const refs = f.split("+");
  if (refs.every((x) => /^[A-Z]{1,3}\d+$/i.test(x))) {
    let total = 0;
    for (const ref of refs) {
      const at = parseAddress(ref)!;
      total += numberAt(grid, at.row, at.col, depth);
    }
    return Math.round(total * 1e9) / 1e9;
  }
  return null;
};
