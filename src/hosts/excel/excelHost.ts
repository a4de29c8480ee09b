/**
 * The WorkbookHost port over office-js (Excel desktop, web, Mac).
 *
 * Round trips (context.sync calls) per method — constant up to a province's size (15 members × 400 products);
 * above it, reads and writes are split to keep every request and response under 4 MB (docs/excel-limits.md):
 *   listSheets      1
 *   readSheets      3 + P  (sheet list → used-range sizes and merges → values/formulas and hidden lines in P + 1
 *                     packs of ≤ 4 MB each way, readGrids.ts; P = 0 up to a province);
 *                   2 + P when the last listing (listSheets or readSheets) saw every name asked for: the sheets are
 *                     then taken by name, without the sheet list (as readWorkbook does: list, then read what was listed)
 *   apply           2 + r + (n − 1)
 *                     1 to inspect the workbook (sheets, ids, protection, tables);
 *                     r = 1 only when the request has cellWrites (lock state, old contents for rollback) or
 *                       long validation lists must reuse the existing list sheet, else 0;
 *                     n = number of write requests = ceil(B / 4 MB) in practice (greedy packing of ≤ 1 MB
 *                       chunks, each request ≤ 4 MB and ≤ 500,000 cells), B = estimated size of the writes:
 *                       values as JSON + protocol bytes per object path and command (`cost`, planOps.ts).
 *                     Only data over 4 MB costs extra syncs. A failed apply adds 2 syncs for the rollback.
 *   getSelection    1; onSelectionChanged 1 to register, 1 to remove (+1 per event, to read the active cell).
 *
 * Atomic apply: the request is applied whole or not at all (applyTransaction.ts). This file is the facade: the
 * port's methods, the Excel.run wrapper (errors, cancellation) and the selection; reading is readWorkbook.ts,
 * plans become queued operations in planOps.ts and validation lists are placed by validationLists.ts.
 */
import {
  type ApplyReport,
  type ApplyRequest,
  HostError,
  type ReadOptions,
  type SelectionSource,
  type SheetGrid,
  type SheetInfo,
  type WorkbookHost,
} from "../workbook";
import { applyRequest, checkRequest } from "./applyTransaction";
import { officeCodeOf, toHostError } from "./errors";
import { DEFAULT_LIMITS, type ExcelHostLimits } from "./limits";
import { listSheets, readSheets, type Reader } from "./readWorkbook";

export { DEFAULT_LIMITS, type ExcelHostLimits } from "./limits";
export { excelWouldConvert } from "./coercion";
export { LISTS_SHEET } from "./validationLists";

/** Excel.run, or a fake with the same shape. */
export type ExcelRun = <T>(
  target: Excel.RunOptions | OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** Office.context.requirements */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ExcelHostOptions {
  run?: ExcelRun;
  requirements?: RequirementChecker;
  limits?: Partial<ExcelHostLimits>;
}

export class ExcelHost implements WorkbookHost, SelectionSource {
  readonly kind = "excel" as const;
  /** Warnings of the last call (features this Excel lacks, values adjusted for Excel's limits). */
  lastWarnings: string[] = [];
  private readonly runExcel: ExcelRun;
  private readonly requirements: RequirementChecker;
  private readonly limits: ExcelHostLimits;
  /** What the reads share: the batch, the guard, the limits and the names the last listing saw. */
  private readonly reader: Reader;

  constructor(options: ExcelHostOptions = {}) {
    this.runExcel = options.run ?? ((target, batch) => (Excel.run as unknown as ExcelRun)(target, batch));
    this.requirements = options.requirements ?? {
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    };
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.reader = {
      batch: (what, fn) => this.batch(what, fn),
      supports: (version) => this.supports(version),
      limits: this.limits,
      knownSheets: new Set(),
    };
  }

  private supports(version: string): boolean {
    return this.requirements.isSetSupported("ExcelApi", version);
  }

  private async batch<T>(what: string, fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const generation = this.generation;
    try {
      return await this.runExcel({ delayForCellEdit: true }, (context) => {
        // Excel holds a batch while a cell is being edited (delayForCellEdit); if the user cancels meanwhile, the
        // call stops at the next sync it comes back from, before anything else is queued (an apply's first sync
        // only reads; a failure after writes rolls back as any other).
        const sync = context.sync.bind(context);
        let stopped = false;
        context.sync = async <S>(passThrough?: S) => {
          const out = await sync(passThrough);
          // Once only: a rollback after the stop must still reach Excel.
          if (!stopped && this.generation !== generation) {
            stopped = true;
            throw new HostError("unknown", `${what} cancelled while Excel was waiting.`, {
              reason: "cancelled",
            });
          }
          return out;
        };
        return fn(context);
      });
    } catch (error) {
      throw toHostError(error, what);
    }
  }

  /**
   * Gives up the calls now waiting on Excel (e.g. held while the user edits a cell): each fails with the reason
   * "cancelled" when Excel answers, and writes nothing that wasn't already undone.
   */
  cancelWaiting(): void {
    this.generation++;
  }
  private generation = 0;

  // ------------------------------------------------------------------ listSheets: 1 sync

  async listSheets(): Promise<SheetInfo[]> {
    this.lastWarnings = [];
    return listSheets(this.reader);
  }

  // ------------------------------------------------------------------ readSheets: 3 syncs, or 2

  async readSheets(
    names: string[],
    options?: ReadOptions
  ): Promise<{ sheets: SheetGrid[]; missing: string[]; warnings: string[] }> {
    const result = await readSheets(this.reader, names, options);
    this.lastWarnings = result.warnings;
    return result;
  }

  // ------------------------------------------------------------------ apply: 2 syncs (+1 conditional, + chunks)

  async apply(request: ApplyRequest): Promise<ApplyReport> {
    const warnings: string[] = [];
    checkRequest(request);
    await this.batch("apply", (context) =>
      applyRequest(context, request, {
        limits: this.limits,
        supports: (version) => this.supports(version),
        warnings,
      })
    );
    this.lastWarnings = warnings;
    return { warnings };
  }

  // ------------------------------------------------------------------ selection

  async getSelection(): Promise<{ sheet: string; row: number; col: number } | null> {
    try {
      return await this.runExcel({ delayForCellEdit: true }, async (context) => {
        const cell = context.workbook.getActiveCell();
        cell.load("rowIndex,columnIndex,worksheet/name");
        await context.sync();
        return { sheet: cell.worksheet.name, row: cell.rowIndex, col: cell.columnIndex };
      });
    } catch (error) {
      // A chart or shape is selected: there is no active cell.
      if (officeCodeOf(error) === "InvalidSelection") return null;
      throw toHostError(error, "getSelection");
    }
  }

  async onSelectionChanged(
    listener: (sel: { sheet: string; row: number; col: number }) => void
  ): Promise<() => void> {
    const registration = await this.batch("onSelectionChanged", async (context) => {
      const handler = context.workbook.onSelectionChanged.add(async () => {
        const sel = await this.getSelection().catch(() => null);
        if (sel) listener(sel);
      });
      await context.sync();
      return handler;
    });
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      void this.runExcel(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }
}
