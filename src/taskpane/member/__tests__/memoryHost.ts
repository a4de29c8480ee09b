/**
 * A workbook in plain memory for the member pane's component tests: plans become grids the way a host reads
 * them back (values, formulas, hidden rows and columns, merges, lists), cell writes land in the grid. Every call
 * is counted, so a test can tell that checking wrote nothing. Errors can be injected per method.
 */
import { appendedRows } from "../../../hosts/appendRows";
import {
  valuesOnlyGrid,
  wantsValuesOnly,
  type ApplyRequest,
  type ReadOptions,
  type SheetGrid,
  type SheetInfo,
  type WorkbookHost,
} from "../../../hosts/workbook";
import type { CellValue, SheetPlan } from "../../../layout/plan";
import { Emitter, MemorySelection, type SaveOutcome, type Workspace } from "../workspace";

const gridOf = (plan: SheetPlan): SheetGrid => {
  const rows = Math.max(0, ...plan.cells.map((c) => c.row + 1));
  const cols = Math.max(0, ...plan.cells.map((c) => c.col + 1));
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () =>
    Array<string | null>(cols).fill(null)
  );
  for (const c of plan.cells) {
    if (c.formula) formulas[c.row]![c.col] = c.formula;
    else values[c.row]![c.col] = c.value ?? null;
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
    validations: plan.validations,
  };
};

const copy = (g: SheetGrid): SheetGrid => ({
  ...g,
  values: g.values.map((r) => [...r]),
  formulas: g.formulas.map((r) => [...r]),
});

export class MemoryHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly sheets = new Map<string, SheetGrid>();
  readonly calls = { listSheets: 0, readSheets: 0, apply: 0 };
  readonly changes = new Emitter<string>();
  /** When set, the next `apply` throws it (once). */
  failNextApply: unknown = null;

  private find(name: string): SheetGrid | undefined {
    for (const [k, v] of this.sheets) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.calls.listSheets++;
    return [...this.sheets.values()].map((g) => ({
      name: g.name,
      visibility: g.visibility,
      protected: g.protected,
    }));
  }

  async readSheets(
    names: string[],
    options?: ReadOptions
  ): Promise<{ sheets: SheetGrid[]; missing: string[] }> {
    this.calls.readSheets++;
    const sheets: SheetGrid[] = [];
    const missing: string[] = [];
    for (const n of names) {
      const g = this.find(n);
      if (g) sheets.push(wantsValuesOnly(options, n) ? valuesOnlyGrid(copy(g)) : copy(g));
      else missing.push(n);
    }
    return { sheets, missing };
  }

  async apply(request: ApplyRequest): Promise<void> {
    this.calls.apply++;
    if (this.failNextApply) {
      const e = this.failNextApply;
      this.failNextApply = null;
      throw e;
    }
    for (const plan of request.plans) {
      const old = this.find(plan.name);
      if (old) this.sheets.delete(old.name);
      this.sheets.set(plan.name, gridOf(plan));
    }
    for (const name of request.remove ?? []) {
      const g = this.find(name);
      if (g) this.sheets.delete(g.name);
    }
    for (const a of request.appends ?? []) {
      const g = this.find(a.plan.name);
      if (!g) throw new Error(`no sheet ${a.plan.name}`);
      let last = 0;
      g.values.forEach((row, i) => {
        if (row.some((v) => v !== null && v !== undefined && v !== "")) last = i + 1;
      });
      for (const c of appendedRows(a, last).cells)
        if (c.value !== undefined) this.setCell(g.name, c.row, c.col, c.value, false);
    }
    for (const w of request.cellWrites ?? []) this.setCell(w.sheet, w.row, w.col, w.value, false);
    const touched = new Set([
      ...request.plans.map((p) => p.name),
      ...(request.appends ?? []).map((a) => a.plan.name),
      ...(request.cellWrites ?? []).map((w) => w.sheet),
    ]);
    for (const s of touched) this.changes.emit(s);
  }

  /** What a member typing into the cell does (no apply call is counted). */
  setCell(sheet: string, row: number, col: number, value: CellValue, notify = true): void {
    const g = this.find(sheet);
    if (!g) throw new Error(`no sheet ${sheet}`);
    while (g.values.length <= row) g.values.push([]);
    while (g.formulas.length <= row) g.formulas.push([]);
    g.values[row]![col] = value;
    g.formulas[row]![col] = null;
    if (notify) this.changes.emit(sheet);
  }

  value(sheet: string, row: number, col: number): CellValue {
    return this.find(sheet)?.values[row]?.[col] ?? null;
  }
}

export interface TestWorkspace extends Workspace {
  host: MemoryHost;
  selection: MemorySelection;
  saves: string[];
}

/** A workspace over a MemoryHost; `changeEvents: false` behaves like Excel (no change events). */
export const memoryWorkspace = (
  host: MemoryHost,
  opts: { kind?: "excel" | "standalone"; changeEvents?: boolean } = {}
): TestWorkspace => {
  const selection = new MemorySelection();
  const saves: string[] = [];
  const ws: TestWorkspace = {
    kind: opts.kind ?? "standalone",
    host,
    selection,
    saves,
    async select(cell) {
      selection.set(cell);
    },
    async save(code): Promise<SaveOutcome> {
      saves.push(code);
      return opts.kind === "excel"
        ? { kind: "saveYourself" }
        : { kind: "downloaded", fileName: `OCOP-${code}.xlsx` };
    },
  };
  if (opts.changeEvents !== false) ws.onChanged = async (listener) => host.changes.on(listener);
  return ws;
};
