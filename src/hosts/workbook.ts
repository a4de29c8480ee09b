/**
 * The port between use cases and wherever the workbook lives: Excel through office-js
 * (`hosts/excel/`) or an .xlsx file in memory (`hosts/xlsx/`). Both pass one contract suite.
 *
 * Cost model: every method is one round trip at most (in Excel, one `context.sync()` or a constant
 * few), whatever the number of sheets, products or members. Use cases call `readSheets` once and
 * `apply` once.
 */
import type { CellProblem } from "../layout/grid";
import type { CellRange, CellValue, ListValidation, SheetPlan, Visibility } from "../layout/plan";

export type { CellProblem };

export interface SheetInfo {
  name: string;
  visibility: Visibility;
  protected: boolean;
}

/** A sheet as read back: the used area from A1, with what the layout needs to parse it by anchors. */
export interface SheetGrid {
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** values[row][col] from A1 to the last used cell; empty cells are null. */
  values: CellValue[][];
  /** Formulas without "=" where a cell holds one (sparse, same indexing as values). */
  formulas: (string | null)[][];
  hiddenRows: number[];
  hiddenCols: number[];
  merges: CellRange[];
  /** List validations where the host can read them (xlsx: yes; Excel: on request, may be empty). */
  validations: ListValidation[];
  /**
   * Read for its values alone (`ReadOptions.valuesOnly`): `formulas`, `merges`, `hiddenRows` and `hiddenCols`
   * are left empty, whatever the sheet holds.
   */
  valuesOnly?: true;
  /**
   * Cells the file holds but the grid does not, each with why (the parts host reads the XML itself and
   * says so rather than guess; Excel's own host has none). `values` never holds these cells.
   */
  problems?: CellProblem[];
}

export interface ApplyRequest {
  /** Sheets to create or replace whole (replaced sheets are rebuilt, so a run can be repeated). */
  plans: SheetPlan[];
  /** Sheets to delete (e.g. stale results). */
  remove?: string[];
  /**
   * Individual cell writes to sheets that are not replaced (e.g. the assistant writing one score).
   * Never used for results.
   */
  cellWrites?: { sheet: string; row: number; col: number; value: CellValue }[];
  /**
   * Rows added below the last used row of existing sheets the request does not rebuild (the score history: its
   * earlier rows are never written again). Each target must exist and hold values: a host that finds it missing
   * fails with `notFound` before changing anything (the caller, which read the sheet, writes it whole instead).
   * One append per sheet and request.
   */
  appends?: AppendRows[];
  /** Sheet to activate and cell to select afterwards. */
  select?: { sheet: string; row: number; col: number };
}

/**
 * A sheet's new rows, as the part of a plan of the whole sheet from `firstRow` on (title and header rows above it
 * are not written): each row keeps its cells, styles, number formats, unlocked cells and height, and lands at the
 * same distance below the sheet's last row holding a value. The sheet's protection is lifted for the write and put
 * back; nothing else of the sheet changes (merges and validations of the plan are not part of an append).
 */
export interface AppendRows {
  plan: SheetPlan;
  firstRow: number;
}

/** What to read of each sheet besides its values. */
export interface ReadOptions {
  /**
   * Sheets wanted for their values alone (any case): no formulas, merged areas or hidden lines. In Excel that is
   * about half the response and none of the per-line probes, so a use case that only needs what sheets hold
   * (not how they are built) reads a province's workbook in one request. Other hosts leave the same parts empty,
   * so a use case behaves the same on every host.
   */
  valuesOnly?: readonly string[];
}

export interface WorkbookHost {
  readonly kind: "excel" | "xlsx";
  listSheets(): Promise<SheetInfo[]>;
  /** Read several sheets in one round trip; unknown names are returned as missing (not thrown). */
  readSheets(names: string[], options?: ReadOptions): Promise<{ sheets: SheetGrid[]; missing: string[] }>;
  /**
   * Carry out a request as one unit: on failure the workbook is left as it was
   * (plans are written to temporary sheets and swapped in at the end).
   * A host may return an ApplyReport (the Excel host does: features skipped on this Excel).
   */
  apply(request: ApplyRequest): Promise<ApplyReport | void>;
}

/** A grid read for its values alone (ReadOptions.valuesOnly): the other parts emptied, as every host returns it. */
export const valuesOnlyGrid = (grid: SheetGrid): SheetGrid => ({
  ...grid,
  formulas: grid.values.map((row) => row.map(() => null)),
  hiddenRows: [],
  hiddenCols: [],
  merges: [],
  valuesOnly: true,
});

/** Whether `name` is among the sheets asked for values alone. */
export const wantsValuesOnly = (options: ReadOptions | undefined, name: string): boolean => {
  const key = name.normalize("NFC").toLowerCase();
  return options?.valuesOnly?.some((n) => n.normalize("NFC").toLowerCase() === key) ?? false;
};

/** What the scoring assistant needs on top of the port (Excel and the standalone page's grid). */
export interface SelectionSource {
  getSelection(): Promise<{ sheet: string; row: number; col: number } | null>;
  onSelectionChanged(
    listener: (sel: { sheet: string; row: number; col: number }) => void
  ): Promise<() => void>;
}

/** What `apply` reports besides success: features skipped on this Excel (e.g. print setup below ExcelApi 1.9). */
export interface ApplyReport {
  warnings: string[];
}

/**
 * Why a host call failed, in terms the task pane can act on:
 * - protectedByOther: a sheet or the workbook structure is protected (or a cell is locked) — ask to unprotect;
 * - cellEditMode: the user is editing a cell — finish the edit (Enter/Esc) and retry;
 * - payloadTooLarge: the request or response exceeded Excel's size limits — split the work;
 * - apiMissing: this Excel lacks a needed API (requirement set) — update Excel or use Excel on the web;
 * - invalidName: a sheet or table name is not allowed; nameTaken: the name is used already;
 * - notFound: a sheet or cell the request refers to doesn't exist;
 * - invalidRequest: Excel refused an argument (e.g. a formula it can't parse);
 * - unknown: anything else (see `officeCode` and `cause`).
 */
export type HostErrorCode =
  | "protectedByOther"
  | "cellEditMode"
  | "payloadTooLarge"
  | "apiMissing"
  | "invalidName"
  | "nameTaken"
  | "notFound"
  | "invalidRequest"
  | "unknown";

/**
 * What exactly went wrong, finer than the code: one per Excel error code (and, for Excel's catch-all
 * InvalidOperation, per operation that raised it). Each has its own message in src/hosts/messages.ts.
 */
export const HOST_ERROR_REASONS = [
  // protectedByOther
  "accessDenied",
  "badPassword",
  // cellEditMode
  "cellEditMode",
  // payloadTooLarge
  "requestTooLarge",
  "responseTooLarge",
  "tooManyCells",
  // apiMissing
  "apiNotFound",
  "notImplemented",
  // invalidName, nameTaken, notFound
  "invalidName",
  "nameTaken",
  "notFound",
  // invalidRequest: Excel refused an argument or the operation in the workbook's current state
  "invalidArgument",
  "invalidReference",
  "formulaTooLong",
  "mergeOverlap",
  "mergeConflict",
  "tableOverlap",
  "rangeConflict",
  "sheetHidden",
  "lastVisibleSheet",
  "invalidOperation",
  "unsupportedOperation",
  // unknown: Excel's state, not the request
  "busy",
  "editConflict",
  "serviceUnavailable",
  "outOfMemory",
  "cancelled",
  "general",
  "unknown",
] as const;
export type HostErrorReason = (typeof HOST_ERROR_REASONS)[number];

/** The reason a HostError has when its thrower named none. */
export const DEFAULT_REASON: Record<HostErrorCode, HostErrorReason> = {
  protectedByOther: "accessDenied",
  cellEditMode: "cellEditMode",
  payloadTooLarge: "requestTooLarge",
  apiMissing: "apiNotFound",
  invalidName: "invalidName",
  nameTaken: "nameTaken",
  notFound: "notFound",
  invalidRequest: "invalidArgument",
  unknown: "unknown",
};

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly reason: HostErrorReason;
  /** The host's own error code when there is one (office-js `error.code`, e.g. "AccessDenied"). */
  readonly officeCode?: string;
  /** Sheet the error is about, when known. */
  readonly sheet?: string;
  constructor(
    code: HostErrorCode,
    message: string,
    options: { officeCode?: string; sheet?: string; cause?: unknown; reason?: HostErrorReason } = {}
  ) {
    super(message);
    this.name = "HostError";
    this.code = code;
    this.reason = options.reason ?? DEFAULT_REASON[code];
    if (options.officeCode !== undefined) this.officeCode = options.officeCode;
    if (options.sheet !== undefined) this.sheet = options.sheet;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
