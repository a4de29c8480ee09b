/**
 * Proxy objects of the fake Excel: they queue commands on their request context until `context.sync()`, and
 * their properties can only be read after a `load()` that has been synced (or after the code set them).
 * Only the members the Excel host uses exist; each behaves as the office-js reference describes.
 */
import {
  type CellState,
  type Rect,
  type Scalar,
  SheetState,
  type TableState,
  MAX_COLS,
  MAX_ROWS,
  addressOf,
  checkRect,
  checkSheetName,
  checkTableName,
  coerceInput,
  containsRect,
  intersects,
  mapSheetRefs,
  officeError,
  parseA1,
  quoteSheetName,
  sameName,
} from "./fakeExcelModel";
import type { FakeRequestContext } from "./fakeExcel";

type Spec = {
  get?: (self: FakeObject, target: never) => unknown;
  set?: (self: FakeObject, target: never, value: unknown) => void;
  /** ExcelApi version the member needs (checked when the command runs, like Excel's ApiNotFound). */
  api?: string;
};

const notLoaded = (prop: string): Error =>
  officeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export abstract class FakeObject {
  readonly _loaded = new Map<string, unknown>();
  readonly _local = new Map<string, unknown>();
  private readonly _navs = new Map<string, FakeObject>();
  private _target: unknown;
  private _resolved = false;
  private _isNull = false;
  private _nullKnown = false;
  private readonly _orNull: boolean;
  static specs: Record<string, Spec> = {};

  constructor(
    readonly _ctx: FakeRequestContext,
    readonly _path: string,
    private readonly _binder: () => unknown,
    opts: { orNull?: boolean; api?: string } = {}
  ) {
    this._orNull = opts.orNull ?? false;
    if (this._orNull) {
      // *OrNullObject proxies are instantiated in the request that creates them, so isNullObject is known after sync.
      _ctx._enqueue(this, `${this._kind}.instantiate`, { p: _path }, 0, () => this._bind(), opts.api);
    }
  }

  /** The office-js class name ("Worksheet", "Range", …) used in call records and fault matching. */
  get _kind(): string {
    return this.constructor.name.replace(/^Fake/, "");
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }
  get isNullObject(): boolean {
    if (!this._nullKnown) throw notLoaded("isNullObject");
    return this._isNull;
  }

  _bind(): void {
    if (this._resolved) return;
    const t = this._binder();
    this._resolved = true;
    this._nullKnown = true;
    if (t === null || t === undefined) {
      if (!this._orNull)
        throw officeError("ItemNotFound", `The requested resource doesn't exist (${this._path}).`);
      this._isNull = true;
    }
    this._target = t;
  }
  _ref<T>(): T {
    this._bind();
    if (this._isNull)
      throw officeError("InvalidObjectPath", `The object path '${this._path}' is a null object.`);
    return this._target as T;
  }

  _nav<T extends FakeObject>(name: string, make: () => T): T {
    let n = this._navs.get(name);
    if (!n) {
      n = make();
      this._navs.set(name, n);
    }
    return n as T;
  }

  _specs(): Record<string, Spec> {
    return (this.constructor as typeof FakeObject).specs;
  }
  /** Navigation properties that a load path may go through. */
  _navigation(name: string): FakeObject | undefined {
    void name;
    return undefined;
  }

  _read(prop: string): unknown {
    if (this._local.has(prop)) return this._local.get(prop);
    if (this._loaded.has(prop)) return this._loaded.get(prop);
    throw notLoaded(prop);
  }
  _write(prop: string, value: unknown, spec: Spec, cells = 0): void {
    this._local.set(prop, clone(value));
    const setter = spec.set;
    if (!setter) throw new TypeError(`${prop} is read-only`);
    this._ctx._enqueue(
      this,
      `${this._kind}.${prop}=`,
      { p: this._path, v: value },
      cells,
      () => {
        setter(this, this._ref<never>(), value);
      },
      spec.api
    );
  }

  /** Queues a method call; `run` executes it during sync. */
  _call(method: string, args: unknown[], run: () => void, api?: string, cells = 0): void {
    this._ctx._enqueue(
      this,
      `${this._kind}.${method}`,
      { p: this._path, m: method, a: args },
      cells,
      run,
      api
    );
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    const paths = parseLoad(spec);
    this._ctx._enqueue(this, `${this._kind}.load`, { p: this._path, l: paths }, 0, () =>
      this._execLoad(paths.length ? paths : [""])
    );
    return this;
  }

  _execLoad(paths: string[]): void {
    this._bind();
    // Loading a null object is allowed (that's how isNullObject is checked); its properties stay unavailable.
    if (this._isNull) return;
    const specs = this._specs();
    for (const path of paths) {
      if (path === "") {
        for (const [name, s] of Object.entries(specs)) if (s.get) this._loadScalar(name, s);
        continue;
      }
      const [head, ...rest] = path.split("/");
      const nav = this._navigation(head!);
      if (nav) {
        nav._execLoad([rest.join("/")]);
        continue;
      }
      const s = specs[head!];
      if (!s?.get || rest.length)
        throw officeError("InvalidArgument", `Cannot load '${path}' on ${this.constructor.name}.`);
      this._loadScalar(head!, s);
    }
  }
  private _loadScalar(name: string, s: Spec): void {
    if (s.api) this._ctx._checkApi(s.api, `${this._kind}.${name}`);
    const value = s.get!(this, this._ref<never>());
    this._ctx._respond(name, value);
    this._loaded.set(name, clone(value));
    this._local.delete(name);
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

function parseLoad(spec?: string | string[] | { select?: string; expand?: string }): string[] {
  if (spec === undefined) return [];
  if (Array.isArray(spec)) return spec.map((s) => s.trim()).filter(Boolean);
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  return [...parseLoad(spec.select), ...parseLoad(spec.expand)];
}

function defineProps(cls: typeof FakeObject, specs: Record<string, Spec>): void {
  cls.specs = specs;
  for (const [name, spec] of Object.entries(specs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: FakeObject) {
        return this._read(name);
      },
      set(this: FakeObject, v: unknown) {
        this._write(name, v, spec, cellCount(v));
      },
    });
  }
}

const cellCount = (v: unknown): number =>
  Array.isArray(v) ? v.reduce((n: number, row: unknown) => n + (Array.isArray(row) ? row.length : 1), 0) : 0;

// ---------------------------------------------------------------- helpers on state

type RangeTarget = { sheet: SheetState; rect: Rect };
type AreasTarget = { sheet: SheetState; areas: Rect[] };

function protectedCheck(
  sheet: SheetState,
  what: "format" | "rows" | "cols" | "structure",
  action: string
): void {
  const p = sheet.protection;
  if (!p.protected) return;
  const o = p.options ?? {};
  if (what === "format" && o.allowFormatCells) return;
  if (what === "rows" && o.allowFormatRows) return;
  if (what === "cols" && o.allowFormatColumns) return;
  throw officeError("AccessDenied", `The sheet '${sheet.name}' is protected: ${action} is not allowed.`);
}

function forEachCell(rect: Rect, fn: (row: number, col: number) => void): void {
  for (let r = rect.row; r < rect.row + rect.rows; r++)
    for (let c = rect.col; c < rect.col + rect.cols; c++) fn(r, c);
}

function matrixFor(value: unknown, rect: Rect, prop: string): unknown[][] {
  if (!Array.isArray(value)) {
    if (value === null || value === undefined)
      throw officeError("InvalidArgument", `${prop} can't be set to null.`);
    return Array.from({ length: rect.rows }, () => Array.from({ length: rect.cols }, () => value));
  }
  if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols))
    throw officeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`
    );
  return value as unknown[][];
}

function writeCells(t: RangeTarget, value: unknown, prop: "values" | "formulas"): void {
  const m = matrixFor(value, t.rect, prop);
  const { sheet, rect } = t;
  if (sheet.protection.protected) {
    forEachCell(rect, (r, c) => {
      const v = m[r - rect.row]![c - rect.col];
      if (v !== null && v !== undefined && sheet.isLocked(r, c))
        throw officeError(
          "AccessDenied",
          `The cell ${addressOf(sheet, { row: r, col: c, rows: 1, cols: 1 })} is locked on a protected sheet.`
        );
    });
  }
  forEachCell(rect, (r, c) => {
    const v = m[r - rect.row]![c - rect.col];
    if (v === null || v === undefined) return;
    const cell = sheet.cellForWrite(r, c);
    const k = coerceInput(v, cell.numberFormat);
    delete cell.value;
    delete cell.formula;
    delete cell.error;
    if (k.kind === "value") cell.value = k.value;
    else if (k.kind === "error") {
      // Values read it back as the same text; the cell holds an error, not text (valueTypes "Error").
      cell.value = k.value;
      cell.error = true;
    } else if (k.kind === "formula") cell.formula = k.formula;
  });
}

function readMatrix(t: RangeTarget, fn: (c: CellState | undefined) => unknown): unknown[][] {
  const { sheet, rect } = t;
  if (rect.rows * rect.cols > 5_000_000)
    throw officeError(
      "ResponsePayloadSizeLimitExceeded",
      "A range is limited to 5,000,000 cells for read operations."
    );
  const out: unknown[][] = [];
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    const row: unknown[] = [];
    for (let c = rect.col; c < rect.col + rect.cols; c++) row.push(fn(sheet.cell(r, c)));
    out.push(row);
  }
  return out;
}

/** Formula cells are not calculated by the fake: their value reads as "" (Excel would return the result). */
const cellValue = (c: CellState | undefined): Scalar => (c?.value !== undefined ? c.value : "");
const cellFormula = (c: CellState | undefined): Scalar => c?.formula ?? cellValue(c);

function setFormat(t: RangeTarget | AreasTarget, key: string, value: unknown): void {
  if ("areas" in t) {
    for (const rect of t.areas) setFormat({ sheet: t.sheet, rect }, key, value);
    return;
  }
  protectedCheck(t.sheet, "format", `formatting (${key})`);
  if (value === null) throw officeError("InvalidArgument", `${key} can't be set to null.`);
  forEachCell(clampToUsedForWholeLines(t), (r, c) => {
    const cell = t.sheet.cellForWrite(r, c);
    cell.format = { ...(cell.format ?? {}), [key]: value };
  });
}

/** Whole rows/columns are formatted lazily in Excel; the fake only formats cells that exist. */
function clampToUsedForWholeLines(t: RangeTarget): Rect {
  if (t.rect.cols < MAX_COLS && t.rect.rows < MAX_ROWS) return t.rect;
  const used = t.sheet.usedRect(false);
  if (!used) return { ...t.rect, rows: 0, cols: 0 };
  const row = Math.max(t.rect.row, used.row);
  const col = Math.max(t.rect.col, used.col);
  const r1 = Math.min(t.rect.row + t.rect.rows, used.row + used.rows);
  const c1 = Math.min(t.rect.col + t.rect.cols, used.col + used.cols);
  return { row, col, rows: Math.max(0, r1 - row), cols: Math.max(0, c1 - col) };
}

function getFormat(t: RangeTarget | AreasTarget, key: string, dflt: unknown): unknown {
  if ("areas" in t) return getFormat({ sheet: t.sheet, rect: t.areas[0]! }, key, dflt);
  let first: unknown = undefined;
  let mixed = false;
  forEachCell(clampToUsedForWholeLines(t), (r, c) => {
    const v = t.sheet.cell(r, c)?.format?.[key] ?? dflt;
    if (first === undefined) first = v;
    else if (JSON.stringify(first) !== JSON.stringify(v)) mixed = true;
  });
  return mixed ? null : (first ?? dflt);
}

// ---------------------------------------------------------------- workbook

export class FakeWorkbook extends FakeObject {
  get worksheets(): FakeWorksheetCollection {
    return this._nav(
      "worksheets",
      () => new FakeWorksheetCollection(this._ctx, "wb.worksheets", () => this._ctx.state)
    );
  }
  get tables(): FakeTableCollection {
    return this._nav(
      "tables",
      () => new FakeTableCollection(this._ctx, "wb.tables", () => ({ sheet: null }))
    );
  }
  get protection(): FakeWorkbookProtection {
    return this._nav(
      "protection",
      () => new FakeWorkbookProtection(this._ctx, "wb.protection", () => this._ctx.state.protection)
    );
  }
  get application(): FakeApplication {
    return this._nav(
      "application",
      () => new FakeApplication(this._ctx, "wb.application", () => this._ctx.state)
    );
  }
  private _selectionEvents?: FakeEventHandlers;
  get onSelectionChanged(): FakeEventHandlers {
    this._selectionEvents ??= new FakeEventHandlers(this._ctx, "wb.onSelectionChanged");
    return this._selectionEvents;
  }
  override _navigation(name: string): FakeObject | undefined {
    if (name === "protection") return this.protection;
    return undefined;
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this._ctx, "wb.getActiveCell()", () => {
      this._ctx._checkApi("1.7", "Workbook.getActiveCell");
      const st = this._ctx.state;
      const sel = st.selection;
      const sheet = st.sheets.find((s) => s.id === (sel?.sheetId ?? st.activeSheetId)) ?? st.sheets[0]!;
      const rect = sel && sel.sheetId === sheet.id ? sel.rect : { row: 0, col: 0, rows: 1, cols: 1 };
      return { sheet, rect: { row: rect.row, col: rect.col, rows: 1, cols: 1 } };
    });
  }
}

export class FakeWorkbookProtection extends FakeObject {}
defineProps(FakeWorkbookProtection, {
  protected: { get: (_s, t: { protected: boolean }) => t.protected, api: "1.7" },
});

export class FakeApplication extends FakeObject {
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined, "1.6");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined, "1.9");
  }
}

export class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly path: string
  ) {}
  add(handler: (args: unknown) => Promise<unknown>): FakeEventHandlerResult {
    const result = new FakeEventHandlerResult(this.ctx, handler);
    this.ctx._enqueue(null, "EventHandlers.add", { p: this.path }, 0, () => {
      this.ctx.engine._selectionHandlers.add(handler);
    });
    return result;
  }
}

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handler: (args: unknown) => Promise<unknown>
  ) {}
  remove(): void {
    this.context._enqueue(null, "EventHandlerResult.remove", {}, 0, () => {
      this.context.engine._selectionHandlers.delete(this.handler);
    });
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends FakeObject {
  private _items: FakeWorksheet[] | null = null;
  get items(): FakeWorksheet[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  override _execLoad(paths: string[]): void {
    const st = this._ctx.state;
    const items = st.sheets.map((s) => new FakeWorksheet(this._ctx, `wb.worksheets[${s.id}]`, () => s));
    const itemPaths = paths
      .filter((p) => p === "" || p.startsWith("items"))
      .map((p) => p.replace(/^items\/?/, ""));
    for (const item of items) item._execLoad(itemPaths.length ? itemPaths : [""]);
    this._items = items;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this._ctx, `wb.worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = findSheet(this._ctx, key);
      if (!s) throw officeError("ItemNotFound", `The worksheet '${key}' doesn't exist.`);
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this._ctx,
      `wb.worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => findSheet(this._ctx, key) ?? null,
      { orNull: true, api: "1.4" }
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this._ctx, "wb.worksheets.getActiveWorksheet()", () =>
      this._ctx.state.sheets.find((s) => s.id === this._ctx.state.activeSheetId)
    );
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | null = null;
    const proxy = new FakeWorksheet(
      this._ctx,
      `wb.worksheets.add(${JSON.stringify(name ?? null)})`,
      () => created
    );
    this._call("add", [name ?? null], () => {
      created = this._ctx.engine._addSheet(name);
    });
    return proxy;
  }
}

function findSheet(ctx: FakeRequestContext, key: string): SheetState | undefined {
  return ctx.state.sheets.find((s) => sameName(s.name, key)) ?? ctx.state.sheets.find((s) => s.id === key);
}

export class FakeWorksheet extends FakeObject {
  get protection(): FakeWorksheetProtection {
    return this._nav(
      "protection",
      () => new FakeWorksheetProtection(this._ctx, `${this._path}.protection`, () => this._ref())
    );
  }
  get freezePanes(): FakeFreezePanes {
    return this._nav(
      "freezePanes",
      () => new FakeFreezePanes(this._ctx, `${this._path}.freezePanes`, () => this._ref())
    );
  }
  get pageLayout(): FakePageLayout {
    return this._nav(
      "pageLayout",
      () => new FakePageLayout(this._ctx, `${this._path}.pageLayout`, () => this._ref())
    );
  }
  get verticalPageBreaks(): FakePageBreakCollection {
    return this._nav(
      "verticalPageBreaks",
      () =>
        new FakePageBreakCollection(
          this._ctx,
          `${this._path}.verticalPageBreaks`,
          () => this._ref(),
          "verticalPageBreaks"
        )
    );
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return this._nav(
      "horizontalPageBreaks",
      () =>
        new FakePageBreakCollection(
          this._ctx,
          `${this._path}.horizontalPageBreaks`,
          () => this._ref(),
          "horizontalPageBreaks"
        )
    );
  }
  get tables(): FakeTableCollection {
    return this._nav(
      "tables",
      () =>
        new FakeTableCollection(this._ctx, `${this._path}.tables`, () => ({ sheet: this._ref<SheetState>() }))
    );
  }
  get charts(): FakeChartCollection {
    return this._nav(
      "charts",
      () => new FakeChartCollection(this._ctx, `${this._path}.charts`, () => this._ref())
    );
  }
  override _navigation(name: string): FakeObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    return undefined;
  }

  private _range(path: string, rect: () => Rect, api?: string): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${path}`, () => {
      if (api) this._ctx._checkApi(api, `Worksheet.${path.split("(")[0]}`);
      const r = rect();
      checkRect(r);
      return { sheet: this._ref<SheetState>(), rect: r };
    });
  }
  getRange(address?: string): FakeRange {
    return this._range(`getRange(${JSON.stringify(address ?? "")})`, () =>
      address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseA1(address)
    );
  }
  /** "A1:B2, D4" → the areas (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this._ctx,
      `${this._path}.getRanges(${JSON.stringify(address)})`,
      () => ({ sheet: this._ref<SheetState>(), areas: address.split(",").map((a) => parseA1(a)) }),
      { api: "1.9" }
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this._range(
      `getRangeByIndexes(${row},${col},${rows},${cols})`,
      () => ({ row, col, rows, cols }),
      "1.7"
    );
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.getUsedRange(${valuesOnly ?? false})`, () => {
      const sheet = this._ref<SheetState>();
      return { sheet, rect: sheet.usedRect(valuesOnly ?? false) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this._ctx,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly ?? false})`,
      () => {
        const sheet = this._ref<SheetState>();
        const rect = sheet.usedRect(valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      },
      { orNull: true, api: "1.4" }
    );
  }
  activate(): void {
    this._call("activate", [], () => {
      const s = this._ref<SheetState>();
      if (s.visibility !== "Visible")
        throw officeError("InvalidOperation", `The sheet '${s.name}' is hidden.`);
      this._ctx.engine._activate(s, null);
    });
  }
  delete(): void {
    this._call("delete", [], () => this._ctx.engine._deleteSheet(this._ref<SheetState>()));
  }
}
defineProps(FakeWorksheet, {
  name: {
    get: (_s, t: SheetState) => t.name,
    set: (self, t: SheetState, v) => self._ctx.engine._renameSheet(t, v),
  },
  id: { get: (_s, t: SheetState) => t.id },
  position: {
    get: (self, t: SheetState) => self._ctx.state.sheets.indexOf(t),
    set: (self, t: SheetState, v) => self._ctx.engine._moveSheet(t, v),
  },
  visibility: {
    get: (_s, t: SheetState) => t.visibility,
    set: (self, t: SheetState, v) => self._ctx.engine._setVisibility(t, v),
  },
  tabColor: {
    get: (_s, t: SheetState) => t.tabColor,
    set: (_s, t: SheetState, v) => {
      t.tabColor = String(v);
    },
    api: "1.7",
  },
});

export class FakeWorksheetProtection extends FakeObject {
  protect(options?: Record<string, unknown>, password?: string): void {
    this._call("protect", [options ?? null, password === undefined ? null : "***"], () => {
      if (password !== undefined) this._ctx._checkApi("1.7", "WorksheetProtection.protect(password)");
      const s = this._ref<SheetState>();
      if (s.protection.protected)
        throw officeError("AccessDenied", `The sheet '${s.name}' is already protected.`);
      s.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
    });
  }
  unprotect(password?: string): void {
    this._call("unprotect", [password === undefined ? null : "***"], () => {
      const s = this._ref<SheetState>();
      if (!s.protection.protected)
        throw officeError("AccessDenied", `The sheet '${s.name}' is not protected.`);
      if (s.protection.password && s.protection.password !== password)
        throw officeError("BadPassword", "The password is incorrect.");
      s.protection = { protected: false };
    });
  }
}
defineProps(FakeWorksheetProtection, {
  protected: { get: (_s, t: SheetState) => t.protection.protected, api: "1.2" },
  options: { get: (_s, t: SheetState) => t.protection.options ?? {}, api: "1.2" },
});

export class FakeFreezePanes extends FakeObject {
  freezeRows(count?: number): void {
    this._call("freezeRows", [count ?? 1], () => {
      this._ctx._checkApi("1.7", "WorksheetFreezePanes");
      this._ref<SheetState>().freeze = { rows: count ?? 1, cols: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this._call("freezeColumns", [count ?? 1], () => {
      this._ctx._checkApi("1.7", "WorksheetFreezePanes");
      this._ref<SheetState>().freeze = { rows: 0, cols: count ?? 1 };
    });
  }
  freezeAt(frozen: FakeRange | string): void {
    this._call("freezeAt", [frozen], () => {
      this._ctx._checkApi("1.7", "WorksheetFreezePanes");
      const sheet = this._ref<SheetState>();
      const rect = typeof frozen === "string" ? parseA1(frozen) : frozen._ref<RangeTarget>().rect;
      sheet.freeze = { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }
  unfreeze(): void {
    this._call("unfreeze", [], () => {
      this._ref<SheetState>().freeze = null;
    });
  }
}

// ---------------------------------------------------------------- page layout (ExcelApi 1.9)

const layoutProp = (key: string): Spec => ({
  get: (_s, t: SheetState) => t.pageLayout[key] ?? null,
  set: (_s, t: SheetState, v) => {
    t.pageLayout[key] = clone(v);
  },
  api: "1.9",
});

export class FakePageLayout extends FakeObject {
  get headersFooters(): FakeHeadersFooters {
    return this._nav(
      "headersFooters",
      () => new FakeHeadersFooters(this._ctx, `${this._path}.headersFooters`, () => this._ref())
    );
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    this._call(
      "setPrintTitleRows",
      [rows],
      () => {
        const sheet = this._ref<SheetState>();
        sheet.pageLayout.printTitleRows = typeof rows === "string" ? rows : rows._ref<RangeTarget>().rect;
      },
      "1.9"
    );
  }
  setPrintTitleColumns(cols: FakeRange | string): void {
    this._call(
      "setPrintTitleColumns",
      [cols],
      () => {
        const sheet = this._ref<SheetState>();
        sheet.pageLayout.printTitleColumns = typeof cols === "string" ? cols : cols._ref<RangeTarget>().rect;
      },
      "1.9"
    );
  }
}

/**
 * Worksheet.verticalPageBreaks and horizontalPageBreaks (ExcelApi 1.9): manual breaks before a column or a row,
 * kept as the addresses given under the sheet's page layout.
 */
export class FakePageBreakCollection extends FakeObject {
  constructor(
    ctx: ConstructorParameters<typeof FakeObject>[0],
    path: string,
    ref: ConstructorParameters<typeof FakeObject>[2],
    private readonly _key: "verticalPageBreaks" | "horizontalPageBreaks"
  ) {
    super(ctx, path, ref);
  }
  add(at: FakeRange | string): void {
    this._call(
      "add",
      [at],
      () => {
        const sheet = this._ref<SheetState>();
        const list = (sheet.pageLayout[this._key] as unknown[] | undefined) ?? [];
        list.push(typeof at === "string" ? at : at._ref<RangeTarget>().rect);
        sheet.pageLayout[this._key] = list;
      },
      "1.9"
    );
  }
  removePageBreaks(): void {
    this._call(
      "removePageBreaks",
      [],
      () => {
        delete this._ref<SheetState>().pageLayout[this._key];
      },
      "1.9"
    );
  }
}
defineProps(FakePageLayout, {
  orientation: layoutProp("orientation"),
  paperSize: layoutProp("paperSize"),
  zoom: layoutProp("zoom"),
  centerHorizontally: layoutProp("centerHorizontally"),
  leftMargin: layoutProp("leftMargin"),
  rightMargin: layoutProp("rightMargin"),
  topMargin: layoutProp("topMargin"),
  bottomMargin: layoutProp("bottomMargin"),
  headerMargin: layoutProp("headerMargin"),
  footerMargin: layoutProp("footerMargin"),
});

export class FakeHeadersFooters extends FakeObject {
  get defaultForAllPages(): FakeHeaderFooter {
    return this._nav(
      "defaultForAllPages",
      () => new FakeHeaderFooter(this._ctx, `${this._path}.defaultForAllPages`, () => this._ref())
    );
  }
}
export class FakeHeaderFooter extends FakeObject {}
const hf = (key: string): Spec => layoutProp(`headerFooter.${key}`);
defineProps(FakeHeaderFooter, {
  centerHeader: hf("centerHeader"),
  centerFooter: hf("centerFooter"),
  leftFooter: hf("leftFooter"),
  rightFooter: hf("rightFooter"),
});

// ---------------------------------------------------------------- ranges

export class FakeRange extends FakeObject {
  get format(): FakeRangeFormat {
    return this._nav(
      "format",
      () => new FakeRangeFormat(this._ctx, `${this._path}.format`, () => this._ref())
    );
  }
  get dataValidation(): FakeDataValidation {
    return this._nav(
      "dataValidation",
      () => new FakeDataValidation(this._ctx, `${this._path}.dataValidation`, () => this._ref())
    );
  }
  get worksheet(): FakeWorksheet {
    return this._nav(
      "worksheet",
      () => new FakeWorksheet(this._ctx, `${this._path}.worksheet`, () => this._ref<RangeTarget>().sheet)
    );
  }
  override _navigation(name: string): FakeObject | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }
  private _derived(path: string, fn: (t: RangeTarget) => Rect): FakeRange {
    return new FakeRange(this._ctx, `${this._path}.${path}`, () => {
      const t = this._ref<RangeTarget>();
      const rect = fn(t);
      checkRect(rect);
      return { sheet: t.sheet, rect };
    });
  }
  getEntireRow(): FakeRange {
    return this._derived("getEntireRow()", (t) => ({
      row: t.rect.row,
      col: 0,
      rows: t.rect.rows,
      cols: MAX_COLS,
    }));
  }
  getEntireColumn(): FakeRange {
    return this._derived("getEntireColumn()", (t) => ({
      row: 0,
      col: t.rect.col,
      rows: MAX_ROWS,
      cols: t.rect.cols,
    }));
  }
  getCell(row: number, col: number): FakeRange {
    return this._derived(`getCell(${row},${col})`, (t) => ({
      row: t.rect.row + row,
      col: t.rect.col + col,
      rows: 1,
      cols: 1,
    }));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this._ctx,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        const t = this._ref<RangeTarget>();
        const areas = t.sheet.merges.filter((m) => intersects(m, t.rect));
        if (areas.length > 512) throw officeError("GeneralException", "More than 512 merged areas.");
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      { orNull: true, api: "1.13" }
    );
  }
  merge(across?: boolean): void {
    this._call("merge", [across ?? false], () => {
      const t = this._ref<RangeTarget>();
      protectedCheck(t.sheet, "structure", "merging cells");
      const rows = across
        ? Array.from({ length: t.rect.rows }, (_, i) => ({ ...t.rect, row: t.rect.row + i, rows: 1 }))
        : [t.rect];
      for (const m of rows) {
        if (m.rows * m.cols < 2) continue;
        if (t.sheet.merges.some((x) => intersects(x, m)))
          throw officeError(
            "InvalidOperation",
            `Merge ${addressOf(t.sheet, m)} overlaps another merged area.`
          );
        if (t.sheet.tables.some((x) => intersects(x.rect, m)))
          throw officeError("InvalidOperation", "Cells in a table can't be merged.");
        forEachCell(m, (r, c) => {
          if (r === m.row && c === m.col) return;
          const cell = t.sheet.cell(r, c);
          if (cell) {
            delete cell.value;
            delete cell.formula;
          }
        });
        t.sheet.merges.push(m);
      }
    });
  }
  /** Range.clear(): values, formulas and formats go (the rollback of an append clears the rows it added). */
  clear(applyTo?: string): void {
    this._call("clear", [applyTo ?? "All"], () => {
      const t = this._ref<RangeTarget>();
      protectedCheck(t.sheet, "structure", "clearing cells");
      forEachCell(t.rect, (r, c) => t.sheet.cells.delete(t.sheet.key(r, c)));
    });
  }
  select(): void {
    this._call("select", [], () => {
      const t = this._ref<RangeTarget>();
      if (t.sheet.visibility !== "Visible")
        throw officeError("InvalidOperation", `The sheet '${t.sheet.name}' is hidden.`);
      this._ctx.engine._activate(t.sheet, t.rect);
    });
  }
}

const dimension = (fn: (r: Rect) => number): Spec => ({ get: (_s, t: RangeTarget) => fn(t.rect) });

defineProps(FakeRange, {
  values: {
    get: (_s, t: RangeTarget) => readMatrix(t, cellValue),
    set: (_s, t: RangeTarget, v) => writeCells(t, v, "values"),
  },
  formulas: {
    get: (_s, t: RangeTarget) => readMatrix(t, cellFormula),
    set: (_s, t: RangeTarget, v) => writeCells(t, v, "formulas"),
  },
  /** "Error" for an error literal Excel made of text, else the type of the constant (formulas: of their "" value). */
  valueTypes: {
    get: (_s, t: RangeTarget) =>
      readMatrix(t, (c) =>
        c?.error
          ? "Error"
          : c?.value === undefined
            ? "Empty"
            : typeof c.value === "number"
              ? "Double"
              : typeof c.value === "boolean"
                ? "Boolean"
                : "String"
      ),
  },
  numberFormat: {
    get: (_s, t: RangeTarget) => readMatrix(t, (c) => c?.numberFormat ?? "General"),
    set: (_s, t: RangeTarget, v) => {
      const m = matrixFor(v, t.rect, "numberFormat");
      protectedCheck(t.sheet, "format", "changing number formats");
      forEachCell(t.rect, (r, c) => {
        const f = m[r - t.rect.row]![c - t.rect.col];
        if (f === null || f === undefined) return;
        const cell = t.sheet.cellForWrite(r, c);
        if (f === "" || f === "General") delete cell.numberFormat;
        else cell.numberFormat = String(f);
      });
    },
  },
  address: { get: (_s, t: RangeTarget) => addressOf(t.sheet, t.rect) },
  rowIndex: dimension((r) => r.row),
  columnIndex: dimension((r) => r.col),
  rowCount: dimension((r) => r.rows),
  columnCount: dimension((r) => r.cols),
  cellCount: dimension((r) => r.rows * r.cols),
  rowHidden: {
    get: (_s, t: RangeTarget) => tri(t.rect.row, t.rect.rows, (i) => t.sheet.hiddenRows.has(i)),
    set: (_s, t: RangeTarget, v) => {
      protectedCheck(t.sheet, "rows", "hiding rows");
      for (let i = t.rect.row; i < t.rect.row + t.rect.rows; i++)
        if (v) t.sheet.hiddenRows.add(i);
        else t.sheet.hiddenRows.delete(i);
    },
  },
  columnHidden: {
    get: (_s, t: RangeTarget) => tri(t.rect.col, t.rect.cols, (i) => t.sheet.hiddenCols.has(i)),
    set: (_s, t: RangeTarget, v) => {
      protectedCheck(t.sheet, "cols", "hiding columns");
      for (let i = t.rect.col; i < t.rect.col + t.rect.cols; i++)
        if (v) t.sheet.hiddenCols.add(i);
        else t.sheet.hiddenCols.delete(i);
    },
  },
});

/** true if all, false if none, null if mixed (as Excel reports rowHidden/columnHidden of a multi-line range). */
function tri(start: number, count: number, fn: (i: number) => boolean): boolean | null {
  let yes = 0;
  for (let i = start; i < start + count; i++) if (fn(i)) yes++;
  return yes === 0 ? false : yes === count ? true : null;
}

export class FakeRangeAreas extends FakeObject {
  /** One format for all the areas (ExcelApi 1.9): setting a property sets it on each area. */
  get format(): FakeRangeFormat {
    return this._nav(
      "format",
      () => new FakeRangeFormat(this._ctx, `${this._path}.format`, () => this._ref())
    );
  }
}
defineProps(FakeRangeAreas, {
  address: {
    get: (_s, t: { sheet: SheetState; areas: Rect[] }) =>
      t.areas.map((a) => addressOf(t.sheet, a)).join(", "),
  },
  areaCount: { get: (_s, t: { areas: Rect[] }) => t.areas.length },
});

export class FakeRangeFormat extends FakeObject {
  get font(): FakeRangeFont {
    return this._nav("font", () => new FakeRangeFont(this._ctx, `${this._path}.font`, () => this._ref()));
  }
  get fill(): FakeRangeFill {
    return this._nav("fill", () => new FakeRangeFill(this._ctx, `${this._path}.fill`, () => this._ref()));
  }
  get protection(): FakeFormatProtection {
    return this._nav(
      "protection",
      () => new FakeFormatProtection(this._ctx, `${this._path}.protection`, () => this._ref())
    );
  }
  get borders(): FakeRangeBorderCollection {
    return this._nav(
      "borders",
      () => new FakeRangeBorderCollection(this._ctx, `${this._path}.borders`, () => this._ref())
    );
  }
  override _navigation(name: string): FakeObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "font") return this.font;
    if (name === "fill") return this.fill;
    if (name === "borders") return this.borders;
    return undefined;
  }
}

/** RangeBorderCollection (ExcelApi 1.1): `getItem(index)` by Excel.BorderIndex. */
export class FakeRangeBorderCollection extends FakeObject {
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this._ctx, `${this._path}.getItem(${JSON.stringify(index)})`, () => {
      if (!(index in BORDER_SIDES))
        throw officeError("InvalidArgument", `The argument '${index}' is not a valid border index.`);
      return { target: this._ref<RangeTarget | AreasTarget>(), index };
    });
  }
}

/**
 * Which side of which cells a border index draws, in one rectangle: the edges on its outer cells, the inside
 * lines between its cells (on a single row, InsideHorizontal draws nothing, as in Excel).
 */
type Side = "top" | "bottom" | "left" | "right" | "diagonalDown" | "diagonalUp";
const BORDER_SIDES: Record<string, (rect: Rect, r: number, c: number) => Side[]> = {
  EdgeTop: (x, r) => (r === x.row ? ["top"] : []),
  EdgeBottom: (x, r) => (r === x.row + x.rows - 1 ? ["bottom"] : []),
  EdgeLeft: (x, _r, c) => (c === x.col ? ["left"] : []),
  EdgeRight: (x, _r, c) => (c === x.col + x.cols - 1 ? ["right"] : []),
  InsideHorizontal: (x, r) => [
    ...(r > x.row ? (["top"] as const) : []),
    ...(r < x.row + x.rows - 1 ? (["bottom"] as const) : []),
  ],
  InsideVertical: (x, _r, c) => [
    ...(c > x.col ? (["left"] as const) : []),
    ...(c < x.col + x.cols - 1 ? (["right"] as const) : []),
  ],
  DiagonalDown: () => ["diagonalDown"],
  DiagonalUp: () => ["diagonalUp"],
};

type BorderTarget = { target: RangeTarget | AreasTarget; index: string };
const borderRects = (t: BorderTarget): { sheet: SheetState; rects: Rect[] } =>
  "areas" in t.target
    ? { sheet: t.target.sheet, rects: t.target.areas }
    : { sheet: t.target.sheet, rects: [t.target.rect] };

/** A border property lives on the sides of the cells it draws: "border.top.style" and so on. */
const borderProp = (prop: "style" | "color", dflt: string): Spec => ({
  get: (_s, t: BorderTarget) => {
    const { sheet, rects } = borderRects(t);
    const seen = new Set<unknown>();
    for (const rect of rects)
      forEachCell(rect, (r, c) => {
        for (const side of BORDER_SIDES[t.index]!(rect, r, c))
          seen.add(sheet.cell(r, c)?.format?.[`border.${side}.${prop}`] ?? dflt);
      });
    return seen.size === 1 ? [...seen][0] : seen.size === 0 ? dflt : null;
  },
  set: (_s, t: BorderTarget, v) => {
    const { sheet, rects } = borderRects(t);
    protectedCheck(sheet, "format", `formatting (border ${prop})`);
    for (const rect of rects)
      forEachCell(rect, (r, c) => {
        const cell = sheet.cellForWrite(r, c);
        for (const side of BORDER_SIDES[t.index]!(rect, r, c))
          cell.format = { ...(cell.format ?? {}), [`border.${side}.${prop}`]: v };
      });
  },
});
export class FakeRangeBorder extends FakeObject {}
defineProps(FakeRangeBorder, { style: borderProp("style", "None"), color: borderProp("color", "#000000") });
const fmt = (key: string, dflt: unknown): Spec => ({
  get: (_s, t: RangeTarget) => getFormat(t, key, dflt),
  set: (_s, t: RangeTarget, v) => setFormat(t, key, v),
});
defineProps(FakeRangeFormat, {
  wrapText: fmt("wrapText", false),
  horizontalAlignment: fmt("horizontalAlignment", "General"),
  verticalAlignment: fmt("verticalAlignment", "Bottom"),
  columnWidth: {
    get: (_s, t: RangeTarget) => t.sheet.colWidths.get(t.rect.col) ?? 48,
    set: (_s, t: RangeTarget, v) => {
      protectedCheck(t.sheet, "cols", "changing column widths");
      for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) t.sheet.colWidths.set(c, Number(v));
    },
  },
  rowHeight: {
    get: (_s, t: RangeTarget) => t.sheet.rowHeights.get(t.rect.row) ?? 15,
    set: (_s, t: RangeTarget, v) => {
      protectedCheck(t.sheet, "rows", "changing row heights");
      for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) t.sheet.rowHeights.set(r, Number(v));
    },
  },
});

export class FakeRangeFont extends FakeObject {}
defineProps(FakeRangeFont, {
  bold: fmt("font.bold", false),
  italic: fmt("font.italic", false),
  size: fmt("font.size", 11),
  color: fmt("font.color", "#000000"),
  name: fmt("font.name", "Calibri"),
});
export class FakeRangeFill extends FakeObject {}
defineProps(FakeRangeFill, { color: fmt("fill.color", "#FFFFFF") });

export class FakeFormatProtection extends FakeObject {}
defineProps(FakeFormatProtection, {
  locked: {
    get: (_s, t: RangeTarget) => allLocked(t),
    set: (_s, t: RangeTarget, v) => {
      if (t.sheet.protection.protected)
        throw officeError(
          "AccessDenied",
          `The sheet '${t.sheet.name}' is protected: cells can't be unlocked.`
        );
      forEachCell(clampToUsedForWholeLines(t), (r, c) => {
        t.sheet.cellForWrite(r, c).locked = Boolean(v);
      });
      if (t.rect.cols === MAX_COLS || t.rect.rows === MAX_ROWS) return;
      forEachCell(t.rect, (r, c) => {
        t.sheet.cellForWrite(r, c).locked = Boolean(v);
      });
    },
  },
});
function allLocked(t: RangeTarget): boolean | null {
  let yes = 0;
  forEachCell(t.rect, (r, c) => {
    if (t.sheet.isLocked(r, c)) yes++;
  });
  return yes === 0 ? false : yes === t.rect.rows * t.rect.cols ? true : null;
}

// ---------------------------------------------------------------- data validation (ExcelApi 1.8)

export class FakeDataValidation extends FakeObject {
  clear(): void {
    this._call(
      "clear",
      [],
      () => {
        const t = this._ref<RangeTarget>();
        protectedCheck(t.sheet, "structure", "changing data validation");
        t.sheet.validations = t.sheet.validations.filter((v) => !intersects(v.rect, t.rect));
      },
      "1.8"
    );
  }
}
function validationFor(t: RangeTarget) {
  protectedCheck(t.sheet, "structure", "changing data validation");
  let v = t.sheet.validations.find((x) => JSON.stringify(x.rect) === JSON.stringify(t.rect));
  if (!v) {
    t.sheet.validations = t.sheet.validations.filter((x) => !intersects(x.rect, t.rect));
    v = { rect: t.rect, rule: null };
    t.sheet.validations.push(v);
  }
  return v;
}
defineProps(FakeDataValidation, {
  rule: {
    get: (_s, t: RangeTarget) => t.sheet.validations.find((x) => containsRect(x.rect, t.rect))?.rule ?? {},
    set: (self, t: RangeTarget, v) => {
      checkRule(self._ctx, v);
      validationFor(t).rule = clone(v);
    },
    api: "1.8",
  },
  prompt: {
    get: (_s, t: RangeTarget) =>
      t.sheet.validations.find((x) => containsRect(x.rect, t.rect))?.prompt ?? null,
    set: (_s, t: RangeTarget, v) => {
      validationFor(t).prompt = clone(v);
    },
    api: "1.8",
  },
  errorAlert: {
    get: (_s, t: RangeTarget) =>
      t.sheet.validations.find((x) => containsRect(x.rect, t.rect))?.errorAlert ?? null,
    set: (_s, t: RangeTarget, v) => {
      validationFor(t).errorAlert = clone(v);
    },
    api: "1.8",
  },
});

function checkRule(ctx: FakeRequestContext, rule: unknown): void {
  const list = (rule as { list?: { source?: unknown } } | null)?.list;
  if (!list) return;
  const source = list.source;
  if (typeof source !== "string" || source.length === 0)
    throw officeError(
      "InvalidArgument",
      "A list validation needs a source string (a Range object is rejected)."
    );
  if (source.startsWith("=")) {
    const ref = source.slice(1);
    const bang = ref.lastIndexOf("!");
    if (bang > 0) {
      let name = ref.slice(0, bang);
      if (name.startsWith("'")) {
        if (!name.endsWith("'")) throw officeError("InvalidArgument", `Bad list source ${source}.`);
        name = name.slice(1, -1).replace(/''/g, "'");
      } else if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) {
        throw officeError("InvalidArgument", `The sheet name in ${source} must be quoted.`);
      }
      if (!findSheet(ctx, name))
        throw officeError("InvalidArgument", `The list source ${source} refers to a missing sheet.`);
      parseA1(ref.slice(bang + 1));
    }
    return;
  }
  if (source.length > 255)
    throw officeError("InvalidArgument", "A list source is limited to 255 characters.");
}

// ---------------------------------------------------------------- tables

type TableTarget = { sheet: SheetState; table: TableState };

export class FakeTableCollection extends FakeObject {
  private _items: FakeTable[] | null = null;
  get items(): FakeTable[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
  private _scope(): SheetState[] {
    const t = this._ref<{ sheet: SheetState | null }>();
    return t.sheet ? [t.sheet] : this._ctx.state.sheets;
  }
  override _execLoad(paths: string[]): void {
    const items: FakeTable[] = [];
    for (const sheet of this._scope())
      for (const table of sheet.tables)
        items.push(new FakeTable(this._ctx, `tables[${table.id}]`, () => ({ sheet, table })));
    const itemPaths = paths
      .filter((p) => p === "" || p.startsWith("items"))
      .map((p) => p.replace(/^items\/?/, ""));
    for (const item of items) item._execLoad(itemPaths.length ? itemPaths : [""]);
    this._items = items;
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: TableTarget | null = null;
    const proxy = new FakeTable(this._ctx, `${this._path}.add()`, () => created);
    this._call("add", [address, hasHeaders], () => {
      const scope = this._ref<{ sheet: SheetState | null }>();
      let target: RangeTarget;
      if (typeof address === "string") {
        const sheet =
          scope.sheet ?? this._ctx.state.sheets.find((s) => s.id === this._ctx.state.activeSheetId)!;
        target = {
          sheet,
          rect: parseA1(address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address),
        };
      } else target = address._ref<RangeTarget>();
      if (scope.sheet && scope.sheet !== target.sheet)
        throw officeError("InvalidArgument", "The range is not on this worksheet.");
      protectedCheck(target.sheet, "structure", "adding a table");
      if (target.sheet.tables.some((x) => intersects(x.rect, target.rect)))
        throw officeError("InvalidOperation", "A table can't overlap another table.");
      if (target.sheet.merges.some((x) => intersects(x, target.rect)))
        throw officeError("InvalidOperation", "A table can't overlap merged cells.");
      const id = this._ctx.state.nextTableId++;
      let n = id;
      while (allTables(this._ctx).some((t) => sameName(t.name, `Table${n}`))) n++;
      const table: TableState = { id, name: `Table${n}`, rect: target.rect, hasHeaders };
      if (hasHeaders) normaliseHeaders(target);
      target.sheet.tables.push(table);
      created = { sheet: target.sheet, table };
    });
    return proxy;
  }
  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(
      this._ctx,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        for (const sheet of this._scope()) {
          const table = sheet.tables.find((t) => sameName(t.name, key));
          if (table) return { sheet, table };
        }
        return null;
      },
      { orNull: true, api: "1.4" }
    );
  }
}

const allTables = (ctx: FakeRequestContext): TableState[] => ctx.state.sheets.flatMap((s) => s.tables);

/**
 * What Excel does to a new table's header row: every header becomes constant text (a formula keeps its value;
 * the fake, which does not calculate, keeps "" and so names it), a blank one "Column1", "Column2"… (by position),
 * and a repeat of an earlier one (case-insensitive) gets the lowest free number appended: "Mã", "Mã2".
 */
function normaliseHeaders(t: RangeTarget): void {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
    const cell = t.sheet.cell(t.rect.row, c);
    texts.push(cell?.value === undefined ? "" : String(cell.value).trim());
  }
  const all = new Set(texts.map((x) => x.toLowerCase()));
  texts.forEach((text, i) => {
    let name = text === "" ? `Column${i + 1}` : text;
    if (seen.has(name.toLowerCase()) || (text === "" && all.has(name.toLowerCase()))) {
      const base = text === "" ? "Column" : text;
      let k = text === "" ? i + 1 : 2;
      while (seen.has(`${base}${k}`.toLowerCase()) || all.has(`${base}${k}`.toLowerCase())) k++;
      name = `${base}${k}`;
    }
    seen.add(name.toLowerCase());
    const cell = t.sheet.cellForWrite(t.rect.row, t.rect.col + i);
    delete cell.formula;
    delete cell.error;
    cell.value = name;
  });
}

export class FakeTable extends FakeObject {
  get worksheet(): FakeWorksheet {
    return this._nav(
      "worksheet",
      () => new FakeWorksheet(this._ctx, `${this._path}.worksheet`, () => this._ref<TableTarget>().sheet)
    );
  }
  override _navigation(name: string): FakeObject | undefined {
    return name === "worksheet" ? this.worksheet : undefined;
  }
}
defineProps(FakeTable, {
  name: {
    get: (_s, t: TableTarget) => t.table.name,
    set: (self, t: TableTarget, v) => {
      // Excel refuses to rename a table on a protected sheet, as it refuses to add one.
      protectedCheck(t.sheet, "structure", "renaming a table");
      checkTableName(v);
      const name = v as string;
      if (allTables(self._ctx).some((x) => x !== t.table && sameName(x.name, name)))
        throw officeError("ItemAlreadyExists", `A table named '${name}' already exists.`);
      t.table.name = name;
    },
  },
  id: { get: (_s, t: TableTarget) => String(t.table.id) },
  style: {
    get: (_s, t: TableTarget) => t.table.style ?? "TableStyleMedium2",
    set: (_s, t: TableTarget, v) => {
      protectedCheck(t.sheet, "format", "changing a table's style");
      if (typeof v !== "string" || !/^TableStyle(Light|Medium|Dark)\d+$/.test(v))
        throw officeError("InvalidArgument", `The table style '${String(v)}' doesn't exist.`);
      t.table.style = v;
    },
  },
});

// ---------------------------------------------------------------- charts

type ChartTarget = { sheet: SheetState; chart: import("./fakeExcelModel").ChartState };

export class FakeChartCollection extends FakeObject {
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let created: ChartTarget | null = null;
    const proxy = new FakeChart(this._ctx, `${this._path}.add()`, () => created);
    this._call("add", [type, source, seriesBy ?? "Auto"], () => {
      const sheet = this._ref<SheetState>();
      if (!(source instanceof FakeRange)) throw officeError("InvalidArgument", "sourceData must be a Range.");
      const t = source._ref<RangeTarget>();
      protectedCheck(sheet, "structure", "adding a chart");
      const chart = { type, source: t.rect, ...(seriesBy ? { seriesBy } : {}) };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return proxy;
  }
}
export class FakeChart extends FakeObject {
  get title(): FakeChartTitle {
    return this._nav("title", () => new FakeChartTitle(this._ctx, `${this._path}.title`, () => this._ref()));
  }
  get series(): FakeChartSeriesCollection {
    return this._nav(
      "series",
      () => new FakeChartSeriesCollection(this._ctx, `${this._path}.series`, () => this._ref())
    );
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    this._call("setPosition", [start, end ?? null], () => {
      const t = this._ref<ChartTarget>();
      const rect = (x: FakeRange | string) =>
        typeof x === "string" ? parseA1(x) : x._ref<RangeTarget>().rect;
      t.chart.position = { start: rect(start), ...(end ? { end: rect(end) } : {}) };
    });
  }
}
export class FakeChartTitle extends FakeObject {}
defineProps(FakeChartTitle, {
  text: {
    get: (_s, t: ChartTarget) => t.chart.title ?? "",
    set: (_s, t: ChartTarget, v) => {
      t.chart.title = String(v);
    },
  },
});
export class FakeChartSeriesCollection extends FakeObject {
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const t = this._ref<ChartTarget>();
      const count = t.chart.seriesBy === "Rows" ? t.chart.source.rows : t.chart.source.cols;
      if (index < 0 || index >= count) throw officeError("ItemNotFound", `No series at ${index}.`);
      return t;
    });
  }
}
export class FakeChartSeries extends FakeObject {
  setXAxisValues(source: FakeRange): void {
    this._call(
      "setXAxisValues",
      [source],
      () => {
        this._ref<ChartTarget>().chart.xValues = source._ref<RangeTarget>().rect;
      },
      "1.7"
    );
  }
}

// ---------------------------------------------------------------- formulas across renames and deletes

export function renameRefs(sheets: SheetState[], from: string, to: string): void {
  const q = quoteSheetName(to);
  const fix = (f: string) => mapSheetRefs(f, (name, text) => (sameName(name, from) ? `${q}!` : text));
  for (const s of sheets) {
    for (const c of s.cells.values()) if (c.formula) c.formula = fix(c.formula);
    for (const v of s.validations) {
      const src = (v.rule as { list?: { source?: string } } | null)?.list?.source;
      if (src?.startsWith("=")) (v.rule as { list: { source: string } }).list.source = fix(src);
    }
  }
}

export function breakRefs(sheets: SheetState[], deleted: string): void {
  const fix = (f: string) => mapSheetRefs(f, (name, text) => (sameName(name, deleted) ? "#REF!" : text));
  for (const s of sheets) for (const c of s.cells.values()) if (c.formula) c.formula = fix(c.formula);
}

export { checkSheetName };
