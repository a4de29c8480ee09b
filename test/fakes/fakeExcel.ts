/**
 * A faithful fake of Excel's JavaScript API (office-js) for the subset the Excel host uses, for jest and the
 * benchmark. Unlike office-addin-mock it has a command queue: proxies record commands until
 * `context.sync()`, reading an unloaded property throws PropertyNotLoaded, errors carry Excel's codes, a
 * request over 5 MB fails like Excel on the web, and every sync is counted.
 *
 *   const fake = new FakeExcel({ maxApi: "1.17" });
 *   const host = new ExcelHost({ run: fake.run, requirements: fake.requirements });
 *   await host.apply(...);
 *   fake.stats.syncs; fake.stats.maxRequestBytes; fake.stats.maxRequestCells; fake.resetStats();
 *
 * Limits of the fake: formulas are stored, not calculated (their value reads as ""); number formats other
 * than "@" don't change how values are read; styles are stored per cell but not rendered.
 */
import {
  FakeOfficeError,
  type CellState,
  type Rect,
  type Scalar,
  SheetState,
  type WorkbookState,
  checkSheetName,
  officeError,
  sameName,
  utf8Length,
  versionAtLeast,
} from "./fakeExcelModel";
import { FakeObject, FakeWorkbook, breakRefs, renameRefs } from "./fakeExcelProxies";

export { FakeOfficeError };
export type { Rect, Scalar } from "./fakeExcelModel";

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the fake supports (default "1.17"). */
  maxApi?: string;
  /** Request payload limit of Excel on the web (default 5 MB); null for no limit (desktop). */
  payloadLimitBytes?: number | null;
  /** Response payload limit of Excel on the web (default 5 MB); null for no limit (desktop). */
  responseLimitBytes?: number | null;
  /** Sheets of a new workbook (default ["Sheet1"]). */
  sheets?: string[];
}

export interface RequestStats {
  /** Request body as the protocol model prices it (PROTOCOL): commands, object paths and their arguments. */
  bytes: number;
  cells: number;
  commands: number;
  /** Distinct object paths the request refers to (with their parents). */
  objectPaths: number;
  /** Response body: a result per load or null-object check, with the loaded values as JSON. */
  responseBytes: number;
}

/**
 * What a request and its response cost beyond the values, after the RichApi body office-js builds
 * (`ClientRequestBase.buildRequestMessageBodyAndRequestFlags` in @microsoft/office-js dist/excel-web-16.00.debug.js):
 * `{"Actions":[…],"ObjectPaths":{…}}`. Every queued command is an action
 * (`{"Id":41,"ActionType":4,"Name":"values","ObjectPathId":40,"ArgumentInfo":{"Arguments":[…]}}`, ~80 bytes
 * before its arguments); every object a request touches, and each of its parents, is an object path
 * (`"40":{"Id":40,"ObjectPathType":3,"Name":"getRangeByIndexes","ParentObjectPathId":39,"ArgumentInfo":{…}}`,
 * ~90 bytes) plus the Instantiate action that creates it (~50 bytes); each load answers
 * `{"ActionId":41,"Value":{…}}` (~30 bytes before the values). See docs/excel-limits.md.
 */
export const PROTOCOL = {
  commandBytes: 80,
  objectPathBytes: 140,
  resultBytes: 30,
};

/** "wb.worksheets.getItem(\"A.b\").getRange()" → its prefixes at top-level dots, i.e. the path and its parents. */
const pathCache = new Map<string, string[]>();
function pathAndParents(path: string): string[] {
  let out = pathCache.get(path);
  if (out) return out;
  out = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (quoted) {
      if (ch === "\\") i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "." && depth === 0) out.push(path.slice(0, i));
  }
  out.push(path);
  if (pathCache.size > 200_000) pathCache.clear();
  pathCache.set(path, out);
  return out;
}

export interface FakeStats {
  /** context.sync() calls, including the implicit one at the end of Excel.run when commands are pending. */
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxRequestCells: number;
  maxResponseBytes: number;
  requests: RequestStats[];
}

interface Command {
  desc: string;
  bytes: number;
  /** The object path the command acts on ("" for none). */
  path: string;
  /** Loads and null-object checks answer with a result. */
  answers: boolean;
  cells: number;
  api?: string;
  exec: () => void;
}

interface Fault {
  match: (desc: string) => boolean;
  code: string;
  remaining: number;
}

const jsonReplacer = (_k: string, v: unknown): unknown => (v instanceof FakeObject ? { p: v._path } : v);

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Command[] = [];
  constructor(
    readonly engine: FakeExcel,
    readonly options: { delayForCellEdit?: boolean } = {}
  ) {
    this.workbook = new FakeWorkbook(this, "wb", () => engine.state);
  }
  get state(): WorkbookState {
    return this.engine.state;
  }
  get application() {
    return this.workbook.application;
  }
  get pending(): number {
    return this.queue.length;
  }

  _enqueue(
    _obj: FakeObject | null,
    desc: string,
    payload: unknown,
    cells: number,
    exec: () => void,
    api?: string
  ): void {
    const { p, ...args } = (payload ?? {}) as { p?: unknown };
    const json = JSON.stringify(args, jsonReplacer) ?? "";
    this.queue.push({
      desc,
      bytes: utf8Length(json) + PROTOCOL.commandBytes,
      path: typeof p === "string" ? p : (_obj?._path ?? ""),
      answers: desc.endsWith(".load") || desc.endsWith(".instantiate"),
      cells,
      exec,
      ...(api ? { api } : {}),
    });
    this.engine.calls.push(desc);
  }

  _checkApi(api: string, member: string): void {
    if (!versionAtLeast(this.engine.maxApi, api))
      throw officeError(
        "ApiNotFound",
        `${member} needs ExcelApi ${api}; this Excel supports ${this.engine.maxApi}.`
      );
  }

  private responseBytes = 0;
  /** A loaded property's share of the response: `"name":value`. */
  _respond(name: string, value: unknown): void {
    this.responseBytes += name.length + 4 + utf8Length(JSON.stringify(value) ?? "null");
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const queue = this.queue;
    this.queue = [];
    const e = this.engine;
    const paths = new Set<string>();
    for (const c of queue) if (c.path) for (const x of pathAndParents(c.path)) paths.add(x);
    let pathBytes = 0;
    for (const x of paths)
      pathBytes += PROTOCOL.objectPathBytes + utf8Length(x.slice(x.lastIndexOf(".") + 1));
    const req: RequestStats = {
      bytes: queue.reduce((n, c) => n + c.bytes, 0) + pathBytes,
      cells: queue.reduce((n, c) => n + c.cells, 0),
      commands: queue.length,
      objectPaths: paths.size,
      responseBytes: 0,
    };
    e.stats.syncs++;
    e.stats.requests.push(req);
    e.stats.maxRequestBytes = Math.max(e.stats.maxRequestBytes, req.bytes);
    e.stats.maxRequestCells = Math.max(e.stats.maxRequestCells, req.cells);
    if (e.cellEditMode && !this.options.delayForCellEdit)
      throw officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    // With delayForCellEdit Excel holds the batch until the user leaves the cell (Enter, Esc, a click elsewhere).
    if (e.cellEditMode) await e._cellEditEnded();
    if (e.payloadLimitBytes !== null && req.bytes > e.payloadLimitBytes)
      throw officeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${req.bytes} bytes) is over the limit.`
      );
    this.responseBytes = queue.filter((c) => c.answers).length * PROTOCOL.resultBytes;
    for (const cmd of queue) {
      try {
        e._checkFault(cmd.desc);
        if (cmd.api) this._checkApi(cmd.api, cmd.desc);
        cmd.exec();
      } catch (err) {
        // Excel stops at the failing command: earlier commands stay applied, later ones are dropped.
        if (err instanceof FakeOfficeError) {
          err.debugInfo.errorLocation ??= cmd.desc;
          throw err;
        }
        throw officeError("GeneralException", `${cmd.desc}: ${String(err)}`, cmd.desc);
      }
    }
    req.responseBytes = this.responseBytes;
    e.stats.maxResponseBytes = Math.max(e.stats.maxResponseBytes, req.responseBytes);
    // Excel on the web answers with an error instead of the results (the batch's writes are already done).
    if (e.responseLimitBytes !== null && req.responseBytes > e.responseLimitBytes)
      throw officeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload (${req.responseBytes} bytes) is over the limit.`
      );
  }
}

export type FakeRun = <T>(
  first: { delayForCellEdit?: boolean } | FakeRequestContext | ((ctx: FakeRequestContext) => Promise<T>),
  batch?: (ctx: FakeRequestContext) => Promise<T>
) => Promise<T>;

export class FakeExcel {
  state: WorkbookState;
  maxApi: string;
  payloadLimitBytes: number | null;
  responseLimitBytes: number | null;
  private editing = false;
  private editWaiters: (() => void)[] = [];
  /** The user is editing a cell: batches without delayForCellEdit fail, the others wait until it ends. */
  get cellEditMode(): boolean {
    return this.editing;
  }
  set cellEditMode(on: boolean) {
    this.editing = on;
    if (on) return;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    for (const resolve of waiters) resolve();
  }
  /** Batches waiting for the cell edit to end. */
  get waitingForCellEdit(): number {
    return this.editWaiters.length;
  }
  _cellEditEnded(): Promise<void> {
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }
  readonly calls: string[] = [];
  stats: FakeStats = FakeExcel.emptyStats();
  readonly _selectionHandlers = new Set<(args: unknown) => Promise<unknown>>();
  private faults: Fault[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.maxApi = options.maxApi ?? "1.17";
    this.payloadLimitBytes =
      options.payloadLimitBytes === undefined ? 5 * 1024 * 1024 : options.payloadLimitBytes;
    this.responseLimitBytes =
      options.responseLimitBytes === undefined ? 5 * 1024 * 1024 : options.responseLimitBytes;
    this.state = {
      sheets: [],
      activeSheetId: null,
      selection: null,
      protection: { protected: false },
      nextSheetId: 1,
      nextTableId: 1,
    };
    for (const name of options.sheets ?? ["Sheet1"]) this._addSheet(name);
  }

  private static emptyStats(): FakeStats {
    return { syncs: 0, runs: 0, maxRequestBytes: 0, maxRequestCells: 0, maxResponseBytes: 0, requests: [] };
  }
  resetStats(): void {
    this.stats = FakeExcel.emptyStats();
    this.calls.length = 0;
  }

  /** Excel.run: a new request context per call (or the given one), an implicit final sync if commands are pending. */
  readonly run: FakeRun = async <T>(
    first: { delayForCellEdit?: boolean } | FakeRequestContext | ((ctx: FakeRequestContext) => Promise<T>),
    batch?: (ctx: FakeRequestContext) => Promise<T>
  ): Promise<T> => {
    let fn = batch;
    let ctx: FakeRequestContext;
    if (typeof first === "function") {
      fn = first;
      ctx = new FakeRequestContext(this);
    } else if (first instanceof FakeRequestContext) ctx = first;
    else ctx = new FakeRequestContext(this, first ?? {});
    if (!fn) throw new TypeError("Excel.run needs a batch function");
    this.stats.runs++;
    const result = await fn(ctx);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };

  /** `run` typed as office-js's Excel.run, for code that takes an injectable runner. */
  get excelRun(): <T>(
    target: Excel.RunOptions | OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>
  ) => Promise<T> {
    return this.run as never;
  }

  /** Office.context.requirements */
  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      name === "ExcelApi" && versionAtLeast(this.maxApi, minVersion ?? "1.1"),
  };

  /** Installs `Office` and `Excel` globals (run + the enums the host might read); returns an uninstall function. */
  installGlobals(): () => void {
    const g = globalThis as Record<string, unknown>;
    const before = { Office: g.Office, Excel: g.Excel };
    g.Office = { context: { requirements: this.requirements } };
    g.Excel = {
      run: this.run,
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ErrorCodes: {
        accessDenied: "AccessDenied",
        itemNotFound: "ItemNotFound",
        invalidArgument: "InvalidArgument",
      },
    };
    return () => {
      g.Office = before.Office;
      g.Excel = before.Excel;
    };
  }

  /** Makes the next `times` commands whose description matches fail with `code` (e.g. "Worksheet.delete"). */
  injectFault(
    match: string | RegExp | ((desc: string) => boolean),
    code = "GeneralException",
    times = 1
  ): void {
    const fn =
      typeof match === "function"
        ? match
        : typeof match === "string"
          ? (d: string) => d === match
          : (d: string) => match.test(d);
    this.faults.push({ match: fn, code, remaining: times });
  }
  _checkFault(desc: string): void {
    const f = this.faults.find((x) => x.remaining > 0 && x.match(desc));
    if (!f) return;
    f.remaining--;
    throw officeError(f.code, `Injected failure at ${desc}.`, desc);
  }

  // ------------------------------------------------------------ direct access for tests (no queue, no counting)

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => sameName(x.name, name));
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }
  addSheet(name: string): SheetState {
    return this._addSheet(name);
  }
  /** Stores raw cell contents (strings starting with "=" become formulas). */
  setCells(name: string, row: number, col: number, values: (Scalar | null)[][]): void {
    const s = this.sheet(name);
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v === null) return;
        const c = s.cellForWrite(row + i, col + j);
        delete c.value;
        delete c.formula;
        if (typeof v === "string" && v.startsWith("=")) c.formula = v;
        else c.value = v;
      })
    );
  }
  cell(name: string, row: number, col: number): CellState | undefined {
    return this.sheet(name).cell(row, col);
  }
  protectSheet(name: string, password?: string, options: Record<string, unknown> = {}): void {
    this.sheet(name).protection = { protected: true, options, ...(password ? { password } : {}) };
  }
  unlockCells(name: string, rect: Rect): void {
    const s = this.sheet(name);
    for (let r = rect.row; r < rect.row + rect.rows; r++)
      for (let c = rect.col; c < rect.col + rect.cols; c++) s.cellForWrite(r, c).locked = false;
  }
  /** A deep copy of the workbook for before/after comparisons. */
  snapshot(): unknown {
    return this.state.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      cells: [...s.cells.entries()].filter(([, c]) => Object.keys(c).length > 0).sort((a, b) => a[0] - b[0]),
      merges: s.merges,
      hiddenRows: [...s.hiddenRows].sort(),
      hiddenCols: [...s.hiddenCols].sort(),
      validations: s.validations,
      protection: s.protection,
      tables: s.tables,
      charts: s.charts,
      pageLayout: s.pageLayout,
      freeze: s.freeze,
    }));
  }
  /** The user selects a cell: updates the selection and fires onSelectionChanged handlers; resolves after them. */
  async userSelect(name: string, row: number, col: number): Promise<void> {
    this._activate(this.sheet(name), { row, col, rows: 1, cols: 1 }, false);
    await this._fireSelection();
  }

  // ------------------------------------------------------------ state changes used by the proxies

  private pendingFire: Promise<void> | null = null;
  private _fireSelection(): Promise<void> {
    const handlers = [...this._selectionHandlers];
    const p = Promise.all(handlers.map((h) => h({ type: "WorkbookSelectionChanged" }))).then(() => undefined);
    this.pendingFire = p;
    return p;
  }
  /** Waits for selection handlers fired by API selections (Range.select) to finish. */
  async settle(): Promise<void> {
    await this.pendingFire;
  }

  _activate(sheet: SheetState, rect: Rect | null, fire = true): void {
    this.state.activeSheetId = sheet.id;
    if (rect) {
      this.state.selection = { sheetId: sheet.id, rect };
      if (fire) void this._fireSelection();
    } else if (this.state.selection?.sheetId !== sheet.id) {
      this.state.selection = { sheetId: sheet.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
    }
  }

  private structureCheck(action: string): void {
    if (this.state.protection.protected)
      throw officeError("AccessDenied", `The workbook structure is protected: ${action} is not allowed.`);
  }

  _addSheet(name?: string): SheetState {
    if (this.state.sheets.length > 0) this.structureCheck("adding a sheet");
    let n = name;
    if (n === undefined || n === null) {
      let i = this.state.sheets.length + 1;
      while (this.state.sheets.some((s) => sameName(s.name, `Sheet${i}`))) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this.state.sheets.some((s) => sameName(s.name, n!)))
      throw officeError("ItemAlreadyExists", `A sheet named '${n}' already exists.`);
    const id = `{00000000-0001-0000-0000-${String(this.state.nextSheetId++).padStart(12, "0")}}`;
    const sheet = new SheetState(id, n);
    this.state.sheets.push(sheet);
    if (!this.state.activeSheetId) this.state.activeSheetId = id;
    return sheet;
  }

  _renameSheet(sheet: SheetState, value: unknown): void {
    if (value === sheet.name) return;
    this.structureCheck("renaming a sheet");
    checkSheetName(value);
    const name = value as string;
    if (this.state.sheets.some((s) => s !== sheet && sameName(s.name, name)))
      throw officeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    const old = sheet.name;
    sheet.name = name;
    renameRefs(this.state.sheets, old, name);
  }

  _moveSheet(sheet: SheetState, value: unknown): void {
    const pos = Number(value);
    const list = this.state.sheets;
    if (!Number.isInteger(pos) || pos < 0 || pos >= list.length)
      throw officeError("InvalidArgument", `Position ${String(value)} is out of range.`);
    this.structureCheck("moving a sheet");
    list.splice(list.indexOf(sheet), 1);
    list.splice(pos, 0, sheet);
  }

  _setVisibility(sheet: SheetState, value: unknown): void {
    if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden")
      throw officeError("InvalidArgument", `Bad visibility ${String(value)}.`);
    if (value === sheet.visibility) return;
    this.structureCheck("hiding or showing a sheet");
    if (value !== "Visible" && !this.state.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
      throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    sheet.visibility = value;
    if (value !== "Visible" && this.state.activeSheetId === sheet.id) this.activateNeighbour(sheet);
  }

  _deleteSheet(sheet: SheetState): void {
    this.structureCheck("deleting a sheet");
    const list = this.state.sheets;
    if (!list.some((s) => s !== sheet && s.visibility === "Visible"))
      throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    if (this.state.activeSheetId === sheet.id) this.activateNeighbour(sheet);
    list.splice(list.indexOf(sheet), 1);
    if (this.state.selection?.sheetId === sheet.id) this.state.selection = null;
    breakRefs(list, sheet.name);
  }

  private activateNeighbour(sheet: SheetState): void {
    const next = this.state.sheets.find((s) => s !== sheet && s.visibility === "Visible");
    this.state.activeSheetId = next?.id ?? null;
  }
}
