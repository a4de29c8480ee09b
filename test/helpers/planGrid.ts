/** A SheetPlan as a host would read it back (values, formulas, hidden rows, lists), for layout tests. */
import type { SheetGrid } from "../../src/hosts/workbook";
import type { CellValue, SheetPlan } from "../../src/layout/plan";

export const planToGrid = (plan: SheetPlan): SheetGrid => {
  const rows = Math.max(0, ...plan.cells.map((c) => c.row + 1));
  const cols = Math.max(0, ...plan.cells.map((c) => c.col + 1));
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(cols).fill(null)
  );
  for (const c of plan.cells) {
    if (c.value !== undefined) values[c.row]![c.col] = c.value;
    if (c.formula !== undefined) formulas[c.row]![c.col] = c.formula;
  }
  return {
    name: plan.name,
    visibility: plan.visibility,
    protected: plan.protection !== null,
    values,
    formulas,
    hiddenRows: plan.rows.filter((r) => r.hidden).map((r) => r.index),
    hiddenCols: plan.columns.filter((c) => c.hidden).map((c) => c.index),
    merges: plan.merges,
    validations: plan.validations.map((v) => ({ ...v, range: { ...v.range } })),
  };
};

/** Inserts `count` blank rows before `at`, moving everything below (and the lists) down. */
export const insertRows = (g: SheetGrid, at: number, count: number): SheetGrid => {
  const width = g.values[0]?.length ?? 0;
  const blank = () => Array<null>(width).fill(null);
  const values = [...g.values.slice(0, at), ...Array.from({ length: count }, blank), ...g.values.slice(at)];
  const formulas = [
    ...g.formulas.slice(0, at),
    ...Array.from({ length: count }, blank),
    ...g.formulas.slice(at),
  ];
  const validations = g.validations.map((v) =>
    v.range.row >= at ? { ...v, range: { ...v.range, row: v.range.row + count } } : v
  );
  return { ...g, values, formulas, validations };
};

/** Deletes one row, moving everything below (and the lists) up, as Excel does. */
export const deleteRow = (g: SheetGrid, at: number): SheetGrid => ({
  ...g,
  values: g.values.filter((_, i) => i !== at),
  formulas: g.formulas.filter((_, i) => i !== at),
  validations: g.validations
    .filter((v) => !(v.range.row === at && v.range.rowCount === 1))
    .map((v) => (v.range.row > at ? { ...v, range: { ...v.range, row: v.range.row - 1 } } : v)),
});

/** Swaps two columns everywhere (values, formulas, lists), as moving a column in Excel does. */
export const swapColumns = (g: SheetGrid, a: number, b: number): SheetGrid => {
  const swap = <T>(row: T[]): T[] => {
    const r = [...row];
    [r[a], r[b]] = [r[b]!, r[a]!];
    return r;
  };
  // Lists are split into single cells so each can follow its column.
  const validations = g.validations.flatMap((v) =>
    Array.from({ length: v.range.rowCount * v.range.colCount }, (_, i) => {
      const row = v.range.row + Math.floor(i / v.range.colCount);
      const col = v.range.col + (i % v.range.colCount);
      return { ...v, range: { row, col: col === a ? b : col === b ? a : col, rowCount: 1, colCount: 1 } };
    })
  );
  return { ...g, values: g.values.map(swap), formulas: g.formulas.map(swap), validations };
};
