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
 *                       values as JSON + protocol bytes per object path and command (`cost`).
 *                     Only data over 4 MB costs extra syncs. A failed apply adds 2 syncs for the rollback.
 *   getSelection    1; onSelectionChanged 1 to register, 1 to remove (+1 per event, to read the active cell).
 *
 * Atomic apply: plans are built in new sheets "~tmp1", "~tmp2", … (formulas referring to other planned sheets
 * point at their temporary names, which Excel rewrites when the sheets are renamed); the old sheets are renamed
 * "~old1", … and the temporaries take their names and positions; old and removed sheets are deleted last. If
 * any step fails the catch deletes the new sheets and gives the old ones their names back, so the workbook is as
 * it was. Only a failure inside the final deletes could leave it half-way (reported as such).
 * Formulas on other (surviving) sheets that pointed at a replaced sheet become #REF!, as with any sheet rebuild.
 */
import { packInOrder } from "./pack";
import type { CellRange, CellValue, PlannedCell, SheetPlan, StyleName, Visibility } from "../../layout/plan";
import {
  HostError,
  type ApplyReport,
  type ApplyRequest,
  type SelectionSource,
  type SheetGrid,
  type SheetInfo,
  type WorkbookHost,
} from "../workbook";
import {
  absoluteA1,
  colLetters,
  parseAreas,
  quotedSheet,
  renameSheetRefs,
  sameSheetName,
  sheetNameProblem,
  tableNameProblem,
} from "./a1";
import { officeCodeOf, toHostError } from "./errors";
import { EXCEL_STYLES } from "./styles";
import { TABLE_STYLE } from "../../layout/palette";
import { fromExcelVisibility, readGrids, type MergeReader } from "./readGrids";

/** Excel.run, or a fake with the same shape. */
export type ExcelRun = <T>(
  target: Excel.RunOptions | OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** Office.context.requirements */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface ExcelHostLimits {
  /** Largest request the host sends (Excel on the web refuses more than 5 MB). */
  requestBytes: number;
  /** Largest response a read asks for (Excel on the web refuses more than 5 MB). */
  responseBytes: number;
  /** Largest block of cells one range load reads. */
  readChunkCells: number;
  requestCells: number;
  /** Largest single range write. */
  chunkBytes: number;
  chunkCells: number;
}

export interface ExcelHostOptions {
  run?: ExcelRun;
  requirements?: RequirementChecker;
  limits?: Partial<ExcelHostLimits>;
}

export const DEFAULT_LIMITS: ExcelHostLimits = {
  requestBytes: 4 * 1024 * 1024,
  responseBytes: 4 * 1024 * 1024,
  readChunkCells: 50_000,
  requestCells: 500_000,
  chunkBytes: 1024 * 1024,
  chunkCells: 125_000,
};

/** Very hidden sheet holding validation lists too long (or with commas) for an inline source. */
export const LISTS_SHEET = "~ocop_lists";
const TMP_PREFIX = "~tmp";
const OLD_PREFIX = "~old";
const INLINE_LIST_MAX = 255;

// Visibility values are the Excel.SheetVisibility enum members; string literals keep this module free of the
// Excel global at load time (the template literal types check they equal the enum values).
const VISIBLE: `${Excel.SheetVisibility.visible}` = "Visible";
const HIDDEN: `${Excel.SheetVisibility.hidden}` = "Hidden";
const VERY_HIDDEN: `${Excel.SheetVisibility.veryHidden}` = "VeryHidden";

const toExcelVisibility = (v: Visibility) =>
  v === "visible" ? VISIBLE : v === "hidden" ? HIDDEN : VERY_HIDDEN;

/**
 * Strings Excel would not keep as typed when written to a General cell: formulas (= + -), the @ operator, the
 * ' text prefix, error literals (#N/A), and anything it may parse as a number, percentage, currency, fraction,
 * boolean, date or time (in the user's locale: so any digits with separators count). Held to the fake's
 * coercion by a property test (coercion.test.ts): whatever the fake converts, this protects.
 */
export function excelWouldConvert(s: string): boolean {
  const t = s.trim();
  if (/^[=+\-@']/.test(s)) return true;
  if (/\d/.test(t) && /^[\d\s.,%$€£¥₫()/:+\-eE]+$/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  const month = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
  if (
    new RegExp(`^${month}[\\s\\-/.,]*\\d`, "i").test(t) ||
    new RegExp(`^\\d+[\\s\\-/.]*${month}`, "i").test(t)
  )
    return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^\d{1,2}(:\d{1,2}){0,2}(\.\d+)?\s*[ap]m?$/i.test(t)) return true; // "9 am", "1:30 PM"
  // Error literals become error values ("#N/A"), not text.
  if (
    /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i.test(
      t
    )
  )
    return true;
  return false;
}

/** Estimated bytes of a value in the request JSON (non-ASCII counted as \uXXXX escapes, to be safe). */
function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "number") return String(v).length + 1;
  if (typeof v === "boolean") return 6;
  const s = String(v);
  let n = s.length + 3;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) n += 5;
  return n;
}

/**
 * Protocol bytes of queued work beyond its values, as office-js sends it (docs/excel-limits.md): each object path
 * the work touches (with its Instantiate action) and each command. A style on a range, for one, is four paths
 * (range, format, font, fill) and a command per property.
 */
const PATH_BYTES = 150;
const COMMAND_BYTES = 90;
const cost = (paths: number, commands: number, args = 0): number =>
  paths * PATH_BYTES + commands * COMMAND_BYTES + args;

/** Character widths (as in .xlsx) → points: (7 px per character + 5 px padding) × 0.75. */
const widthToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** A unit of queued work with its estimated request size. */
interface Unit {
  bytes: number;
  cells: number;
  queue: () => void;
}

interface ExistingSheet {
  ws: Excel.Worksheet;
  name: string;
  id: string;
  visibility: string;
  position: number;
  protected: boolean;
}

interface PlannedSheet {
  plan: SheetPlan;
  old: ExistingSheet | null;
  tmpName: string;
  ws: Excel.Worksheet | null;
  tables: { proxy: Excel.Table; name: string }[];
}

interface PreparedWrite {
  row: number;
  col: number;
  value: CellValue;
  existing: ExistingSheet;
  probe: Excel.Range | null;
  oldFormula?: unknown;
  text: boolean;
}

export class ExcelHost implements WorkbookHost, SelectionSource {
  readonly kind = "excel" as const;
  /** Warnings of the last call (features this Excel lacks, values adjusted for Excel's limits). */
  lastWarnings: string[] = [];
  private readonly runExcel: ExcelRun;
  private readonly requirements: RequirementChecker;
  private readonly limits: ExcelHostLimits;
  /** Upper-cased names of the sheets the last listing saw (listSheets, readSheets): a hint, never trusted. */
  private knownSheets = new Set<string>();

  constructor(options: ExcelHostOptions = {}) {
    this.runExcel = options.run ?? ((target, batch) => (Excel.run as unknown as ExcelRun)(target, batch));
    this.requirements = options.requirements ?? {
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    };
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
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
    return this.batch("listSheets", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/protection/protected");
      await context.sync();
      this.knownSheets = new Set(sheets.items.map((ws) => ws.name.toUpperCase()));
      return sheets.items
        .filter((ws) => ws.name !== LISTS_SHEET)
        .map((ws) => ({
          name: ws.name,
          visibility: fromExcelVisibility(ws.visibility),
          protected: ws.protection.protected,
        }));
    });
  }

  // ------------------------------------------------------------------ readSheets: 3 syncs, or 2

  async readSheets(names: string[]): Promise<{ sheets: SheetGrid[]; missing: string[]; warnings: string[] }> {
    const warnings: string[] = [];
    // Built here, under the guard, so scripts/checkApi.ts sees every 1.13 member used behind supports().
    const readMerges: MergeReader | null = this.supports("1.13")
      ? (ws) => {
          const merged = ws.getRange().getMergedAreasOrNullObject();
          merged.load("address");
          return () => (merged.isNullObject ? [] : parseAreas(merged.address));
        }
      : null;
    if (!readMerges) warnings.push("Merged cells are not read: this Excel lacks ExcelApi 1.13.");
    // When the last listing saw every name asked for (readWorkbook lists, then reads what it listed), the sheets
    // are addressed by name and the listing sync is skipped. The listing is only a hint: if a sheet went away
    // meanwhile, Excel answers ItemNotFound and the read starts again the long way.
    const wanted = dedupe(names.map((n) => n.toUpperCase())).map((u) =>
      names.find((n) => n.toUpperCase() === u)!
    );
    const known = this.knownSheets;
    let result: { sheets: SheetGrid[]; missing: string[] } | null = null;
    if (wanted.length > 0 && wanted.every((n) => known.has(n.toUpperCase()))) {
      result = await this.batch("readSheets", async (context) => {
        const found = wanted.map((name) => context.workbook.worksheets.getItem(name));
        for (const ws of found) ws.load("name,visibility,protection/protected");
        return { sheets: await readGrids(context, found, readMerges, this.limits), missing: [] };
      }).catch((error: unknown) => {
        if (error instanceof HostError && error.code === "notFound") return null;
        throw error;
      });
    }
    result ??= await this.batch("readSheets", async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility,items/protection/protected");
      await context.sync();
      this.knownSheets = new Set(sheets.items.map((ws) => ws.name.toUpperCase()));

      const missing: string[] = [];
      const found: Excel.Worksheet[] = [];
      for (const name of names) {
        const ws = sheets.items.find((w) => sameSheetName(w.name, name));
        if (!ws) missing.push(name);
        else if (!found.includes(ws)) found.push(ws);
      }
      return { sheets: await readGrids(context, found, readMerges, this.limits), missing };
    });
    this.lastWarnings = warnings;
    return { ...result, warnings };
  }

  // ------------------------------------------------------------------ apply: 2 syncs (+1 conditional, + chunks)

  async apply(request: ApplyRequest): Promise<ApplyReport> {
    const warnings: string[] = [];
    checkRequest(request);
    await this.batch("apply", async (context) => {
      const workbook = context.workbook;

      // ---- sync 1: what is there
      const sheets = workbook.worksheets;
      sheets.load("items/name,items/id,items/visibility,items/position,items/protection/protected");
      const bookProtection = workbook.protection;
      bookProtection.load("protected");
      const tables = workbook.tables;
      tables.load("items/name,items/worksheet/name");
      await context.sync();

      const before: ExistingSheet[] = sheets.items.map((ws) => ({
        ws,
        name: ws.name,
        id: ws.id,
        visibility: ws.visibility,
        position: ws.position,
        protected: ws.protection.protected,
      }));
      const find = (name: string) => before.find((b) => sameSheetName(b.name, name)) ?? null;
      const taken = new Set(before.map((b) => b.name.toUpperCase()));
      const freshName = (prefix: string): string => {
        let i = 1;
        while (taken.has(`${prefix}${i}`.toUpperCase())) i++;
        const name = `${prefix}${i}`;
        taken.add(name.toUpperCase());
        return name;
      };
      const planned: PlannedSheet[] = request.plans.map((plan) => ({
        plan,
        old: find(plan.name),
        tmpName: freshName(TMP_PREFIX),
        ws: null,
        tables: [],
      }));
      const plannedByName = (name: string) => planned.find((p) => sameSheetName(p.plan.name, name)) ?? null;
      const removed = dedupe(
        (request.remove ?? [])
          .filter((name) => !plannedByName(name) && !sameSheetName(name, LISTS_SHEET))
          .map(find)
          .filter((b): b is ExistingSheet => b !== null)
      );
      const dying = new Set([
        ...planned.flatMap((p) => (p.old ? [p.old.id] : [])),
        ...removed.map((r) => r.id),
      ]);

      if (bookProtection.protected && (planned.length > 0 || removed.length > 0))
        throw new HostError(
          "protectedByOther",
          "The workbook structure is protected: sheets can't be added or removed."
        );
      const visibleAfter =
        before.filter((b) => !dying.has(b.id) && b.visibility === VISIBLE).length +
        planned.filter((p) => p.plan.visibility === "visible").length;
      // Checked here, before any change, rather than left to Excel's InvalidOperation half-way through.
      if (visibleAfter === 0)
        throw new HostError("invalidRequest", "At least one sheet must stay visible.", {
          reason: "lastVisibleSheet",
        });

      const survivingTables = tables.items
        .filter((t) => !dying.has(find(t.worksheet.name)?.id ?? ""))
        .map((t) => t.name);
      for (const p of planned)
        for (const t of p.plan.tables)
          if (survivingTables.some((n) => sameSheetName(n, t.name)))
            throw new HostError("nameTaken", `A table named "${t.name}" already exists in this workbook.`, {
              sheet: p.plan.name,
            });

      const writes: PreparedWrite[] = (request.cellWrites ?? []).map((w) => {
        if (plannedByName(w.sheet))
          throw new HostError(
            "invalidRequest",
            `"${w.sheet}" is rebuilt by this request: write its cells in the plan.`,
            {
              sheet: w.sheet,
            }
          );
        const existing = find(w.sheet);
        if (!existing || dying.has(existing.id))
          throw new HostError("notFound", `The sheet "${w.sheet}" doesn't exist.`, { sheet: w.sheet });
        return { row: w.row, col: w.col, value: w.value, existing, probe: null, text: false };
      });

      const helper = find(LISTS_SHEET);
      const lists = collectLists(planned.map((p) => p.plan));

      // ---- sync 2 (only when needed): lock state and old contents of written cells, existing lists
      let helperUsed: Excel.Range | null = null;
      if (writes.length > 0 || (helper && lists.length > 0)) {
        for (const w of writes) {
          w.probe = w.existing.ws.getRangeByIndexes(w.row, w.col, 1, 1);
          w.probe.load("formulas,numberFormat,format/protection/locked");
        }
        if (helper && lists.length > 0) {
          helperUsed = helper.ws.getUsedRangeOrNullObject(true);
          helperUsed.load("values,rowIndex,columnIndex,rowCount,columnCount");
        }
        await context.sync();
        for (const w of writes) {
          if (w.existing.protected && w.probe!.format.protection.locked !== false)
            throw new HostError(
              "protectedByOther",
              `The cell ${w.row + 1}:${w.col + 1} of "${w.existing.name}" is locked and the sheet is protected.`,
              { sheet: w.existing.name, officeCode: "AccessDenied" }
            );
          w.oldFormula = w.probe!.formulas[0]![0];
          w.text = w.probe!.numberFormat[0]![0] === "@";
        }
      }
      const listSource = placeLists(lists, helperUsed && !helperUsed.isNullObject ? helperUsed : null);

      // ---- the writes, in as few requests as the payload allows
      const units = this.buildUnits(context, {
        planned,
        before,
        removed,
        writes,
        listSource,
        helper,
        warnings,
        request,
      });
      const requests = pack(units, this.limits);
      let started = false;
      try {
        for (const req of requests) {
          started = true;
          context.application.suspendApiCalculationUntilNextSync();
          for (const u of req) u.queue();
          // Each request is its own sync on purpose: over 4 MB Excel on the web refuses the batch.
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        }
      } catch (error) {
        if (!started) throw error;
        const restored = await this.rollback(context, before, writes).catch((e: unknown) => e);
        if (restored !== true) {
          const host = toHostError(error, "apply");
          throw new HostError(
            host.code,
            `${host.message} — the workbook could not be fully restored (${restored instanceof Error ? restored.message : String(restored)}).`,
            { cause: error, ...(host.officeCode ? { officeCode: host.officeCode } : {}) }
          );
        }
        throw error;
      }
    });
    this.lastWarnings = warnings;
    return { warnings };
  }

  private buildUnits(
    context: Excel.RequestContext,
    s: {
      planned: PlannedSheet[];
      before: ExistingSheet[];
      removed: ExistingSheet[];
      writes: PreparedWrite[];
      listSource: ListPlacement;
      helper: ExistingSheet | null;
      warnings: string[];
      request: ApplyRequest;
    }
  ): Unit[] {
    const sheets = context.workbook.worksheets;
    const units: Unit[] = [];
    const unit = (bytes: number, queue: () => void, cells = 0) => units.push({ bytes, cells, queue });

    // 1. the list sheet (very hidden), new list columns
    const { listSource } = s;
    if (listSource.columns.length > 0) {
      let helperWs: Excel.Worksheet | null = s.helper?.ws ?? null;
      unit(cost(2, 2), () => {
        if (!helperWs) {
          helperWs = sheets.add(LISTS_SHEET);
          helperWs.visibility = VERY_HIDDEN;
        }
      });
      for (const col of listSource.columns) {
        const values = col.items.map((v) => [v]);
        const formats = col.items.map((v) => [typeof v === "string" && excelWouldConvert(v) ? "@" : null]);
        unit(
          cost(2, 2) + values.reduce((n, [v]) => n + jsonBytes(v) + 5, 0),
          () => {
            const rg = helperWs!.getRangeByIndexes(0, col.col, col.items.length, 1);
            if (formats.some(([f]) => f)) rg.numberFormat = formats;
            rg.values = values;
          },
          col.items.length * 2
        );
      }
    }

    // 2. all temporary sheets first, so formulas between planned sheets resolve
    const tmpOf = new Map(s.planned.map((p) => [p.plan.name.toUpperCase(), p.tmpName]));
    const toTmp = (f: string) => renameSheetRefs(f, (name) => tmpOf.get(name.toUpperCase()));
    for (const p of s.planned)
      unit(cost(2, 1), () => {
        p.ws = sheets.add(p.tmpName);
      });

    // 3. per plan: number formats + values, layout, formulas, tables and charts
    for (const p of s.planned) {
      const ws = () => p.ws!;
      for (const chunk of dataChunks(p, this.limits, "values"))
        unit(chunk.bytes, () => chunk.write(ws()), chunk.cells);
      units.push(...this.layoutUnits(p, ws, listSource, s.warnings));
      for (const chunk of dataChunks(p, this.limits, "formulas", toTmp))
        unit(chunk.bytes, () => chunk.write(ws()), chunk.cells);
      for (const t of p.plan.tables)
        unit(cost(4, 2), () => {
          const proxy = ws().tables.add(rangeOf(ws(), t.range), true);
          proxy.style = t.style ?? TABLE_STYLE;
          p.tables.push({ proxy, name: t.name });
        });
      for (const c of p.plan.charts)
        unit(cost(10, 4, jsonBytes(c.title)), () => {
          const chart = ws().charts.add(CHART_TYPES[c.kind], rangeOf(ws(), c.values), "Columns");
          chart.title.text = c.title;
          chart.series.getItemAt(0).setXAxisValues(rangeOf(ws(), c.categories));
          chart.setPosition(
            ws().getRangeByIndexes(c.anchor.row, c.anchor.col, 1, 1),
            ws().getRangeByIndexes(
              c.anchor.row + c.anchor.rowCount - 1,
              c.anchor.col + c.anchor.colCount - 1,
              1,
              1
            )
          );
        });
    }

    // 4. cell writes to sheets this request doesn't rebuild
    for (const w of s.writes)
      unit(cost(2, 1, jsonBytes(w.value)), () => {
        w.existing.ws.getRangeByIndexes(w.row, w.col, 1, 1).values = [[cellInput(w.value, w.text)]];
      });

    // 5. visibility of the new sheets
    for (const p of s.planned)
      if (p.plan.visibility !== "visible")
        unit(cost(2, 1), () => {
          p.ws!.visibility = toExcelVisibility(p.plan.visibility);
        });

    // 6. the swap: old sheets step aside, new ones take their names and places; then the deletes
    const tableCount = s.planned.reduce((n, p) => n + p.plan.tables.length, 0);
    unit(cost(2, 4) * (s.planned.length + s.removed.length + 1) + cost(1, 1) * tableCount, () => {
      const replaced = s.planned.filter((p) => p.old).sort((a, b) => a.old!.position - b.old!.position);
      const taken = new Set([
        ...s.before.map((b) => b.name.toUpperCase()),
        ...s.planned.map((p) => p.tmpName.toUpperCase()),
      ]);
      let n = 1;
      replaced.forEach((p, offset) => {
        while (taken.has(`${OLD_PREFIX}${n}`.toUpperCase())) n++;
        p.old!.ws.name = `${OLD_PREFIX}${n++}`;
        p.ws!.name = p.plan.name;
        p.ws!.position = p.old!.position + offset;
      });
      for (const p of s.planned) if (!p.old) p.ws!.name = p.plan.name;
      for (const p of replaced) p.old!.ws.delete();
      for (const r of s.removed) r.ws.delete();
      for (const p of s.planned) for (const t of p.tables) t.proxy.name = t.name;
      const sel = s.request.select;
      if (sel) {
        const p = s.planned.find((x) => sameSheetName(x.plan.name, sel.sheet));
        const e = p ? null : s.before.find((b) => sameSheetName(b.name, sel.sheet) && !s.removed.includes(b));
        const visible = p ? p.plan.visibility === "visible" : e?.visibility === VISIBLE;
        const target = p?.ws ?? e?.ws;
        if (target && visible) {
          target.activate();
          target.getRangeByIndexes(sel.row, sel.col, 1, 1).select();
        } else s.warnings.push(`Selection skipped: "${sel.sheet}" is missing or not visible.`);
      }
    });
    // 7. protection last: Excel refuses to rename a table on a protected sheet, and the swap renames them
    for (const p of s.planned)
      if (p.plan.protection) {
        const password = p.plan.protection.password;
        unit(cost(3, 1, 100), () => {
          const allow = p.plan.protection?.allow ?? [];
          const options: Excel.WorksheetProtectionOptions = {
            allowFormatColumns: true,
            allowFormatRows: true,
            ...(allow.includes("autoFilter") ? { allowAutoFilter: true } : {}),
            ...(allow.includes("sort") ? { allowSort: true } : {}),
          };
          if (password) p.ws!.protection.protect(options, password);
          else p.ws!.protection.protect(options);
        });
      }
    return units;
  }

  private layoutUnits(
    p: PlannedSheet,
    ws: () => Excel.Worksheet,
    lists: ListPlacement,
    warnings: string[]
  ): Unit[] {
    const plan = p.plan;
    const out: Unit[] = [];
    const unit = (bytes: number, queue: () => void) => out.push({ bytes, cells: 0, queue });

    for (const run of runsOf(
      plan.columns.filter((c) => c.width !== undefined),
      (c) => c.index,
      (c) => c.width
    ))
      unit(cost(4, 1), () => {
        ws().getRangeByIndexes(0, run.start, 1, run.count).getEntireColumn().format.columnWidth =
          widthToPoints(run.key!);
      });
    for (const run of runsOf(
      plan.columns.filter((c) => c.hidden),
      (c) => c.index,
      () => true
    ))
      unit(cost(4, 1), () => {
        ws().getRangeByIndexes(0, run.start, 1, run.count).getEntireColumn().columnHidden = true;
      });
    for (const run of runsOf(
      plan.rows.filter((r) => r.height !== undefined),
      (r) => r.index,
      (r) => r.height
    ))
      unit(cost(4, 1), () => {
        ws().getRangeByIndexes(run.start, 0, run.count, 1).getEntireRow().format.rowHeight = run.key!;
      });
    for (const run of runsOf(
      plan.rows.filter((r) => r.hidden),
      (r) => r.index,
      () => true
    ))
      unit(cost(4, 1), () => {
        ws().getRangeByIndexes(run.start, 0, run.count, 1).getEntireRow().rowHidden = true;
      });
    for (const m of plan.merges) unit(cost(2, 1), () => rangeOf(ws(), m).merge(false));

    // From ExcelApi 1.9 the rectangles of one style go as one RangeAreas (its address holds many areas): a style
    // costs a few object paths instead of four per rectangle, which at a province's size is ~1.5 MB per request.
    const areas = this.supports("1.9");
    for (const [style, rects] of styleRects(plan.cells)) {
      const st = EXCEL_STYLES[style];
      // A border is two writes on each of its six edges.
      const keys = Object.keys(st).length + (st.border ? 2 * BORDER_EDGES.length - 1 : 0);
      if (areas)
        for (const address of addressBatches(rects))
          unit(cost(5, keys, 30 * keys + address.length), () => setStyle(ws().getRanges(address).format, st));
      else for (const r of rects) unit(cost(4, keys, 30 * keys), () => setStyle(rangeOf(ws(), r).format, st));
    }

    for (const v of plan.validations) {
      const source = lists.sourceFor(v.list);
      const prompt = v.prompt;
      const error = v.error;
      unit(
        cost(3, 3, 200 + jsonBytes(source) + jsonBytes(prompt?.message) + jsonBytes(error?.message)),
        () => {
          const dv = rangeOf(ws(), v.range).dataValidation;
          // The rule goes first: setting it after a prompt on an overlapping range failed on the web (office-js#2594).
          dv.rule = { list: { inCellDropDown: true, source } };
          if (prompt)
            dv.prompt = {
              showPrompt: true,
              title: clip(prompt.title, 32),
              message: clip(prompt.message, 255),
            };
          if (error)
            dv.errorAlert = {
              showAlert: true,
              style: "Stop",
              title: clip(error.title, 32),
              message: clip(error.message, 255),
            };
        }
      );
    }

    for (const r of plan.unlocked)
      unit(cost(4, 1), () => {
        rangeOf(ws(), r).format.protection.locked = false;
      });

    const freeze = plan.freeze;
    if (freeze && (freeze.rows > 0 || freeze.cols > 0))
      unit(cost(3, 1), () => {
        const panes = ws().freezePanes;
        if (freeze.rows > 0 && freeze.cols > 0)
          panes.freezeAt(ws().getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
        else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
        else panes.freezeColumns(freeze.cols);
      });

    const print = plan.print;
    if (print) {
      if (!this.supports("1.9"))
        warnings.push(`Print setup of "${plan.name}" skipped: this Excel lacks ExcelApi 1.9.`);
      else
        unit(
          cost(
            6,
            9 + (print.colBreaksBefore?.length ?? 0),
            200 + jsonBytes(print.footer) + jsonBytes(print.header)
          ),
          () => {
            const layout = ws().pageLayout;
            layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
            layout.paperSize = "A4";
            if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
            else if (print.scale) layout.zoom = { scale: print.scale };
            if (print.margins) {
              // Excel's page layout takes points (1 mm = 72 / 25.4 pt).
              const pt = (mm: number): number => Math.round((mm * 72) / 25.4);
              layout.leftMargin = pt(print.margins.left);
              layout.rightMargin = pt(print.margins.right);
              layout.topMargin = pt(print.margins.top);
              layout.bottomMargin = pt(print.margins.bottom);
              layout.headerMargin = pt(print.margins.header);
              layout.footerMargin = pt(print.margins.footer);
            }
            if (print.centerHorizontally) layout.centerHorizontally = true;
            if (print.repeatRows)
              layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
            if (print.repeatCols)
              layout.setPrintTitleColumns(
                `$${colLetters(print.repeatCols.first)}:$${colLetters(print.repeatCols.last)}`
              );
            // A wide table printed in sections: a manual break before each section's first column.
            const colBreaks = (print.colBreaksBefore ?? []).filter((c) => c > 0);
            if (colBreaks.length) {
              const breaks = ws().verticalPageBreaks;
              breaks.removePageBreaks();
              for (const c of colBreaks) breaks.add(`${colLetters(c)}1`);
            }
            const hf = layout.headersFooters.defaultForAllPages;
            if (print.footer !== undefined) hf.centerFooter = print.footer;
            if (print.header !== undefined) hf.centerHeader = print.header;
          }
        );
    }
    if (plan.tabColor) unit(cost(1, 1, 20), () => (ws().tabColor = plan.tabColor!));
    return out;
  }

  /** Undo a failed apply: delete sheets that weren't there, give the old ones their names back, restore cells. */
  private async rollback(
    context: Excel.RequestContext,
    before: ExistingSheet[],
    writes: PreparedWrite[]
  ): Promise<true> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/id,items/name");
    await context.sync();
    const now = sheets.items;
    const lost = before.filter((b) => !now.some((ws) => ws.id === b.id));
    if (lost.length > 0) throw new Error(`sheets already deleted: ${lost.map((l) => l.name).join(", ")}`);
    const ids = new Set(before.map((b) => b.id));
    for (const ws of now) if (!ids.has(ws.id)) ws.delete();
    for (const ws of now) {
      const b = before.find((x) => x.id === ws.id);
      if (b && b.name !== ws.name) ws.name = b.name;
    }
    for (const w of writes)
      if (w.oldFormula !== undefined)
        w.existing.ws.getRangeByIndexes(w.row, w.col, 1, 1).formulas = [[w.oldFormula as string]];
    await context.sync();
    return true;
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

// ---------------------------------------------------------------------------------------------- helpers

const CHART_TYPES = { bar: "BarClustered", column: "ColumnClustered", pie: "Pie" } as const;

function setStyle(f: Excel.RangeFormat, st: (typeof EXCEL_STYLES)[StyleName]): void {
  if (st.font !== undefined) f.font.name = st.font;
  if (st.bold !== undefined) f.font.bold = st.bold;
  if (st.italic !== undefined) f.font.italic = st.italic;
  if (st.size !== undefined) f.font.size = st.size;
  if (st.color !== undefined) f.font.color = st.color;
  if (st.fill !== undefined) f.fill.color = st.fill;
  if (st.wrap !== undefined) f.wrapText = st.wrap;
  if (st.horizontal !== undefined) f.horizontalAlignment = st.horizontal;
  if (st.vertical !== undefined) f.verticalAlignment = st.vertical;
  if (st.border !== undefined)
    for (const edge of BORDER_EDGES) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = st.border;
    }
}

/** A grid of thin lines: the four edges of each area and the lines between its cells (RangeBorder, ExcelApi 1.1). */
const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Rectangles as "A1:B2,D4" addresses of at most ADDRESS_CHARS characters each (Range.getRanges). */
const ADDRESS_CHARS = 2000;
function addressBatches(rects: CellRange[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of rects) {
    const a = absoluteA1(r).replace(/\$/g, "");
    if (cur && cur.length + 1 + a.length > ADDRESS_CHARS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

const rangeOf = (ws: Excel.Worksheet, r: CellRange): Excel.Range =>
  ws.getRangeByIndexes(r.row, r.col, r.rowCount, r.colCount);

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);

function dedupe<T>(xs: T[]): T[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}

function cellInput(value: CellValue, textCell: boolean): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string" || textCell || !excelWouldConvert(value)) return value;
  return `'${value}`; // the apostrophe prefix keeps user text as text without touching the cell's format
}

/** Plan-level checks that need no Excel: names, duplicates, reserved names, table names. */
function checkRequest(request: ApplyRequest): void {
  const seen = new Set<string>();
  for (const plan of request.plans) {
    const problem = sheetNameProblem(plan.name);
    if (problem)
      throw new HostError("invalidName", `The sheet name "${plan.name}" ${problem}.`, { sheet: plan.name });
    const upper = plan.name.toUpperCase();
    if (
      sameSheetName(plan.name, LISTS_SHEET) ||
      upper.startsWith(TMP_PREFIX.toUpperCase()) ||
      upper.startsWith(OLD_PREFIX.toUpperCase())
    )
      throw new HostError("invalidName", `The sheet name "${plan.name}" is reserved by the add-in.`, {
        sheet: plan.name,
      });
    if (seen.has(upper))
      throw new HostError("invalidName", `Two plans write the sheet "${plan.name}".`, { sheet: plan.name });
    seen.add(upper);
  }
  const tables = new Set<string>();
  for (const plan of request.plans)
    for (const t of plan.tables) {
      const problem = tableNameProblem(t.name);
      if (problem)
        throw new HostError("invalidName", `The table name "${t.name}" ${problem}.`, { sheet: plan.name });
      if (tables.has(t.name.toUpperCase()))
        throw new HostError("nameTaken", `Two tables are named "${t.name}".`, { sheet: plan.name });
      tables.add(t.name.toUpperCase());
    }
  for (const w of request.cellWrites ?? [])
    if (
      !Number.isInteger(w.row) ||
      !Number.isInteger(w.col) ||
      w.row < 0 ||
      w.col < 0 ||
      w.row >= 1048576 ||
      w.col >= 16384
    )
      throw new HostError("invalidRequest", `Cell ${w.row},${w.col} of "${w.sheet}" is outside the sheet.`, {
        sheet: w.sheet,
      });
}

// ---- validation lists

interface ListPlacement {
  columns: { col: number; items: (string | number)[] }[];
  sourceFor(list: (string | number)[]): string;
}

const listKey = (list: (string | number)[]): string => JSON.stringify(list.map(String));
const inlineOk = (list: (string | number)[]): boolean =>
  list.every((v) => !String(v).includes(",")) && list.map(String).join(",").length <= INLINE_LIST_MAX;

function collectLists(plans: SheetPlan[]): (string | number)[][] {
  const out = new Map<string, (string | number)[]>();
  for (const plan of plans)
    for (const v of plan.validations) if (!inlineOk(v.list)) out.set(listKey(v.list), v.list);
  return [...out.values()];
}

/** Long lists live in columns of the list sheet; a column already holding the same list is reused. */
function placeLists(lists: (string | number)[][], existing: Excel.Range | null): ListPlacement {
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

// ---- cells in bulk

interface DataChunk {
  bytes: number;
  cells: number;
  write: (ws: Excel.Worksheet) => void;
}

/**
 * The plan's cells as dense row blocks over their bounding box (null = leave the cell alone), split so that no
 * block exceeds the chunk limits. "values" writes number formats ("@" first for text) then values; "formulas"
 * writes formulas.
 */
function dataChunks(
  p: PlannedSheet,
  limits: ExcelHostLimits,
  kind: "values" | "formulas",
  rewrite: (f: string) => string = (f) => f
): DataChunk[] {
  const cells = new Map<string, PlannedCell>();
  for (const c of p.plan.cells) {
    const relevant =
      kind === "formulas"
        ? c.formula !== undefined
        : c.formula === undefined &&
          ((c.value !== undefined && c.value !== null && c.value !== "") || c.numberFormat);
    if (relevant) cells.set(`${c.row},${c.col}`, c);
    else if (kind === "values" && c.formula !== undefined) cells.delete(`${c.row},${c.col}`);
  }
  if (cells.size === 0) return [];
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const c of cells.values()) {
    r0 = Math.min(r0, c.row);
    c0 = Math.min(c0, c.col);
    r1 = Math.max(r1, c.row);
    c1 = Math.max(c1, c.col);
  }
  const width = c1 - c0 + 1;
  type Row = { fmt: (string | null)[]; val: (string | number | boolean | null)[]; bytes: number };
  const rows: Row[] = [];
  for (let r = r0; r <= r1; r++) {
    const row: Row = { fmt: Array(width).fill(null), val: Array(width).fill(null), bytes: 0 };
    for (let c = c0; c <= c1; c++) {
      const cell = cells.get(`${r},${c}`);
      let fmt: string | null = null;
      let val: string | number | boolean | null = null;
      if (cell && kind === "formulas") {
        val = `=${rewrite(cell.formula!)}`;
        fmt = cell.numberFormat && cell.numberFormat !== "@" ? cell.numberFormat : null;
      } else if (cell) {
        const v = cell.value;
        const text = typeof v === "string" && (cell.asText === true || excelWouldConvert(v));
        fmt = text ? "@" : (cell.numberFormat ?? null);
        val = v === undefined || v === "" ? null : v;
      }
      row.fmt[c - c0] = fmt;
      row.val[c - c0] = val;
      row.bytes += jsonBytes(fmt) + jsonBytes(val);
    }
    rows.push(row);
  }
  const chunks: DataChunk[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = cost(3, 3);
    while (
      end < rows.length &&
      (end === start ||
        (bytes + rows[end]!.bytes <= limits.chunkBytes && (end - start + 1) * width * 2 <= limits.chunkCells))
    ) {
      bytes += rows[end]!.bytes;
      end++;
    }
    const block = rows.slice(start, end);
    const top = r0 + start;
    const vals = block.map((r) => r.val);
    const hasVal = vals.some((r) => r.some((x) => x !== null));
    // Number formats only over the part of the block that has any (often a header row of "@" cells).
    const fmtBox = boxOf(block.map((r) => r.fmt));
    const fmts = fmtBox
      ? block
          .slice(fmtBox.row, fmtBox.row + fmtBox.rowCount)
          .map((r) => r.fmt.slice(fmtBox.col, fmtBox.col + fmtBox.colCount))
      : null;
    chunks.push({
      bytes,
      cells: (hasVal ? block.length * width : 0) + (fmtBox ? fmtBox.rowCount * fmtBox.colCount : 0),
      write: (ws) => {
        if (fmtBox && fmts)
          ws.getRangeByIndexes(
            top + fmtBox.row,
            c0 + fmtBox.col,
            fmtBox.rowCount,
            fmtBox.colCount
          ).numberFormat = fmts;
        if (!hasVal) return;
        const rg = ws.getRangeByIndexes(top, c0, block.length, width);
        if (kind === "formulas") rg.formulas = vals as string[][];
        else rg.values = vals;
      },
    });
    start = end;
  }
  return chunks;
}

/** Bounding box of the non-null entries of a matrix, or null. */
function boxOf(m: unknown[][]): CellRange | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  m.forEach((row, r) =>
    row.forEach((x, c) => {
      if (x === null) return;
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, c);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, c);
    })
  );
  return r1 < 0 ? null : { row: r0, col: c0, rowCount: r1 - r0 + 1, colCount: c1 - c0 + 1 };
}

/** Greedy packing of units into requests within the byte and cell limits (order kept). */
const pack = (units: Unit[], limits: ExcelHostLimits): Unit[][] =>
  packInOrder(units, (u) => [u.bytes, u.cells], [limits.requestBytes, limits.requestCells]);

/** Consecutive indexes with the same key, e.g. columns 2–5 all 12 wide. */
function runsOf<T, K>(
  items: T[],
  index: (t: T) => number,
  key: (t: T) => K
): { start: number; count: number; key: K }[] {
  const sorted = [...items].sort((a, b) => index(a) - index(b));
  const runs: { start: number; count: number; key: K }[] = [];
  for (const it of sorted) {
    const last = runs[runs.length - 1];
    const i = index(it);
    const k = key(it);
    if (last && last.start + last.count === i && last.key === k) last.count++;
    else if (!last || last.start + last.count <= i) runs.push({ start: i, count: 1, key: k });
  }
  return runs;
}

/** Cells grouped by style into rectangles: horizontal runs per row, merged downwards when identical. */
function styleRects(cells: PlannedCell[]): Map<StyleName, CellRange[]> {
  const byStyle = new Map<StyleName, Map<number, Set<number>>>();
  for (const c of cells) {
    if (!c.style) continue;
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map()));
    let cols = rows.get(c.row);
    if (!cols) rows.set(c.row, (cols = new Set()));
    cols.add(c.col);
  }
  const out = new Map<StyleName, CellRange[]>();
  for (const [style, rows] of byStyle) {
    const rects: CellRange[] = [];
    const open = new Map<string, CellRange>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...rows.get(row)!].sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && last[0] + last[1] === c) last[1]++;
        else runs.push([c, 1]);
      }
      const nextOpen = new Map<string, CellRange>();
      for (const [col, count] of runs) {
        const key = `${col}:${count}`;
        const prev = open.get(key);
        if (prev && prev.row + prev.rowCount === row) {
          prev.rowCount++;
          nextOpen.set(key, prev);
        } else {
          const rect = { row, col, rowCount: 1, colCount: count };
          rects.push(rect);
          nextOpen.set(key, rect);
        }
      }
      open.clear();
      for (const [k, v] of nextOpen) open.set(k, v);
    }
    out.set(style, rects);
  }
  return out;
}
