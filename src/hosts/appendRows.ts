/**
 * The rows an append adds, as a plan every host can write with its own plan writer: the part of the plan from
 * `firstRow` on, moved so that `firstRow` lands on `start` (the row below the sheet's last used row). Cells (with
 * their styles and number formats), row heights and unlocked ranges travel; merges, list validations, columns,
 * panes, print setup, tables and charts are the sheet's own and stay as they are.
 */
import type { CellRange, SheetPlan } from "../layout/plan";
import type { AppendRows } from "./workbook";

const moved = (r: CellRange, by: number): CellRange => ({ ...r, row: r.row + by });

export const appendedRows = ({ plan, firstRow }: AppendRows, start: number): SheetPlan => {
  const by = start - firstRow;
  const below = (r: CellRange): boolean => r.row >= firstRow;
  return {
    name: plan.name,
    kind: plan.kind,
    visibility: plan.visibility,
    cells: plan.cells.filter((c) => c.row >= firstRow).map((c) => ({ ...c, row: c.row + by })),
    merges: [],
    columns: [],
    rows: plan.rows.filter((r) => r.index >= firstRow).map((r) => ({ ...r, index: r.index + by })),
    validations: [],
    unlocked: plan.unlocked.filter(below).map((u) => moved(u, by)),
    protection: plan.protection,
    freeze: null,
    print: null,
    tables: [],
    charts: [],
  };
};

/** How many rows the append adds (its last planned row from `firstRow`, + 1). */
export const appendedRowCount = ({ plan, firstRow }: AppendRows): number =>
  plan.cells.reduce((n, c) => (c.row >= firstRow ? Math.max(n, c.row - firstRow + 1) : n), 0);

/** How many columns the append's rows reach (their last planned column, + 1). */
export const appendedColumnCount = ({ plan, firstRow }: AppendRows): number =>
  plan.cells.reduce((n, c) => (c.row >= firstRow ? Math.max(n, c.col + 1) : n), 0);
