/**
 * The workbook port over an .xlsx file held in memory, through ExcelJS: the reference the parts host (which the
 * command line and the task pane use) is compared against in the contract suite, the reliability corpus and
 * the round-trip tests. It never touches the file system, so it runs in node and in the browser alike.
 * It ships nowhere: the file host the product uses is PartsHost (src/hosts/xlsx/parts/partsHost.ts).
 */
import ExcelJS from "exceljs";
import type { SheetPlan } from "../../src/layout/plan";
import { sameSheetName } from "../../src/layout/names";
import {
  HostError,
  valuesOnlyGrid,
  wantsValuesOnly,
  type ApplyRequest,
  type ReadOptions,
  type SheetGrid,
  type SheetInfo,
  type WorkbookHost,
} from "../../src/hosts/workbook";
import { injectCharts, readCharts, type SheetCharts } from "./charts";
import { normalisePackage } from "./package";
import { assertWorkbookPackage } from "./packageDeepCheck";
import { internals, readGrid } from "./readGrid";
import { writePlan } from "./writeSheet";
import { appendedRows } from "../../src/hosts/appendRows";

/** The sheet writer the host calls, as an object so reliability tests can make a write fail half-way. */
export const sheetWriter = { writePlan };

/** LibreOffice writes tables without a style element, which ExcelJS cannot write back; give them one. */
const repairTables = (wb: ExcelJS.Workbook): void => {
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables: Record<string, { table?: { style?: unknown } }> }).tables;
    for (const t of Object.values(tables ?? {})) {
      if (t.table && !t.table.style) t.table.style = { theme: "TableStyleLight9", showRowStripes: true };
    }
  }
};

/**
 * Whether Excel would refuse typing into a cell (0-based): a cell is locked unless its style says otherwise;
 * a cell the file doesn't hold takes its row's style, else its column's. Reads only: never creates the cell.
 */
const isLocked = (ws: ExcelJS.Worksheet, row: number, col: number): boolean => {
  const cell = ws.findCell(row + 1, col + 1);
  const columns = (ws as unknown as { _columns: ExcelJS.Column[] | null })._columns;
  const protection = cell ? cell.protection : (ws.findRow(row + 1)?.protection ?? columns?.[col]?.protection);
  return protection?.locked !== false;
};

export class ExcelJsHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly fileName: string | undefined;
  /** ExcelJS drops charts on load and cannot write them; the host keeps them and adds them on save. */
  private charts: SheetCharts;

  private constructor(
    private wb: ExcelJS.Workbook,
    opts: { fileName?: string; charts?: SheetCharts } = {}
  ) {
    this.fileName = opts.fileName;
    this.charts = opts.charts ?? new Map();
  }

  static createEmpty(opts: { fileName?: string } = {}): ExcelJsHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = "OCOP";
    wb.calcProperties = { fullCalcOnLoad: true };
    return new ExcelJsHost(wb, opts);
  }

  /** Opens .xlsx bytes; throws on anything that is not a readable workbook (callers turn it into a finding). */
  static async fromBuffer(
    buf: Uint8Array | ArrayBuffer,
    opts: { fileName?: string } = {}
  ): Promise<ExcelJsHost> {
    // Size, format, zip structure and cell-count limits, before anything is inflated (throws PackageRefusedError).
    await assertWorkbookPackage(buf, { fileName: opts.fileName });
    const { bytes, zip } = await normalisePackage(buf instanceof Uint8Array ? buf : new Uint8Array(buf));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
    repairTables(wb);
    const charts = await readCharts(
      zip,
      wb.worksheets.map((w) => w.name)
    );
    return new ExcelJsHost(wb, { ...opts, charts });
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.wb.xlsx.writeBuffer();
    const bytes = out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
    const names = this.wb.worksheets.map((w) => w.name);
    return this.charts.size ? injectCharts(bytes, names, this.charts) : bytes;
  }

  private find(name: string): ExcelJS.Worksheet | undefined {
    return this.wb.worksheets.find((w) => sameSheetName(w.name, name));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((w) => ({
      name: w.name,
      visibility: w.state ?? "visible",
      protected: Boolean(internals(w).sheetProtection?.sheet),
    }));
  }

  async readSheets(
    names: string[],
    options?: ReadOptions
  ): Promise<{ sheets: SheetGrid[]; missing: string[] }> {
    const sheets: SheetGrid[] = [];
    const missing: string[] = [];
    for (const name of names) {
      const ws = this.find(name);
      if (ws) sheets.push(wantsValuesOnly(options, name) ? valuesOnlyGrid(readGrid(ws)) : readGrid(ws));
      else missing.push(name);
    }
    return { sheets, missing };
  }

  async apply(request: ApplyRequest): Promise<void> {
    this.check(request);
    // Build every plan on a temporary sheet first; only when all are built are they swapped in.
    const built: { ws: ExcelJS.Worksheet; plan: SheetPlan }[] = [];
    try {
      for (const [i, plan] of request.plans.entries()) {
        const ws = this.wb.addWorksheet(`~ocop-tmp-${i}-${Date.now() % 100000}`);
        built.push({ ws, plan });
        await sheetWriter.writePlan(ws, plan);
      }
    } catch (e) {
      for (const { ws } of built) this.wb.removeWorksheet(ws.id);
      throw e;
    }
    for (const { ws, plan } of built) {
      const old = this.find(plan.name);
      if (old) {
        // Take the replaced sheet's place in the tab order.
        (ws as unknown as { orderNo: number }).orderNo = (old as unknown as { orderNo: number }).orderNo;
        this.wb.removeWorksheet(old.id);
      }
      ws.name = plan.name;
      if (plan.charts.length) this.charts.set(plan.name, plan.charts);
      else this.charts.delete(plan.name);
    }
    for (const name of request.remove ?? []) {
      const ws = this.find(name);
      if (ws) this.wb.removeWorksheet(ws.id);
      this.charts.delete(name);
    }
    for (const append of request.appends ?? []) {
      const ws = this.find(append.plan.name)!;
      let last = 0;
      ws.eachRow((row, n) => {
        if (row.hasValues) last = n;
      });
      await sheetWriter.writePlan(ws, appendedRows(append, last));
    }
    for (const w of request.cellWrites ?? []) {
      const cell = this.find(w.sheet)!.getCell(w.row + 1, w.col + 1);
      // A new style object: loaded and planned cells share theirs (ExcelJS and writeSheet), so setting
      // cell.numFmt would change every cell of the same look.
      if (typeof w.value === "string" && /^[=+\-@]/.test(w.value))
        cell.style = { ...cell.style, numFmt: "@" };
      cell.value = w.value;
    }
    this.activate(request.select?.sheet);
  }

  /** Refuses a request that would fail half-way, before anything changes. */
  private check(request: ApplyRequest): void {
    const names = new Set<string>();
    for (const p of request.plans) {
      const key = p.name.toLowerCase();
      if (!p.name || p.name.length > 31 || /[\\/?*[\]:]/.test(p.name) || /^'|'$/.test(p.name)) {
        throw new Error(`Invalid sheet name: "${p.name}"`);
      }
      if (names.has(key)) throw new Error(`Sheet planned twice: "${p.name}"`);
      names.add(key);
    }
    const appended = new Set<string>();
    for (const a of request.appends ?? []) {
      if (appended.has(a.plan.name.toLowerCase()))
        throw new Error(`Two appends to the sheet "${a.plan.name}"`);
      appended.add(a.plan.name.toLowerCase());
      if (!this.find(a.plan.name))
        throw new HostError("notFound", `The sheet "${a.plan.name}" doesn't exist.`, { sheet: a.plan.name });
      if (names.has(a.plan.name.toLowerCase()))
        throw new Error(`Sheet planned and appended to: "${a.plan.name}"`);
    }
    for (const w of request.cellWrites ?? []) {
      const ws = this.find(w.sheet);
      if (!ws || names.has(w.sheet.toLowerCase())) throw new Error(`No sheet to write to: "${w.sheet}"`);
      // Same refusal as Excel (and ExcelHost): typing into a locked cell of a protected sheet.
      if (internals(ws).sheetProtection?.sheet && isLocked(ws, w.row, w.col))
        throw new HostError(
          "protectedByOther",
          `The cell ${w.row + 1}:${w.col + 1} of "${ws.name}" is locked and the sheet is protected.`,
          { sheet: ws.name }
        );
    }
    if (
      request.select &&
      !this.find(request.select.sheet) &&
      !names.has(request.select.sheet.toLowerCase())
    ) {
      throw new Error(`No sheet to select: "${request.select.sheet}"`);
    }
  }

  /** Excel needs a visible active tab; a very hidden first sheet must not be the one shown. */
  private activate(wanted?: string): void {
    const sheets = this.wb.worksheets;
    let index = wanted ? sheets.findIndex((w) => sameSheetName(w.name, wanted)) : -1;
    if (index < 0 || sheets[index]?.state !== "visible") {
      const current = this.wb.views?.[0]?.activeTab ?? 0;
      index =
        sheets[current]?.state === "visible"
          ? current
          : sheets.findIndex((w) => (w.state ?? "visible") === "visible");
    }
    if (index < 0) return;
    sheets.forEach((w, i) => {
      const view = w.views?.[0];
      if (view) (view as { tabSelected?: boolean }).tabSelected = i === index;
    });
    const first = sheets.findIndex((w) => (w.state ?? "visible") === "visible");
    this.wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: Math.max(0, Math.min(first, index)),
        activeTab: index,
        visibility: "visible",
      },
    ];
  }
}
