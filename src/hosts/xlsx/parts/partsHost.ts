/**
 * The workbook port over an .xlsx package edited part by part, without ExcelJS: sheets are read straight
 * from their XML, planned sheets are written as new parts, and every part nothing changed is copied as it
 * was. Used where speed matters (the command line's check and consolidate over many books).
 *
 * This is the file host that ships: the command line, the standalone page and the task pane's member books
 * (through partsFiles.ts) all open and write .xlsx files with it. ExcelJsHost (test/reference/exceljsHost.ts) is
 * only the tests' reference reader, an independent implementation this one is compared against.
 */
import { appendRowsXml } from "./appendRowsXml";
import { sameSheetName } from "../../../layout/names";
import type { CellValue, PlannedChart, SheetPlan } from "../../../layout/plan";
import {
  HostError,
  valuesOnlyGrid,
  wantsValuesOnly,
  type ApplyRequest,
  type ReadOptions,
  type SheetGrid,
  type SheetInfo,
  type WorkbookHost,
} from "../../workbook";
import { CT_CHART, CT_DRAWING, T_CHART, T_DRAWING, anchorXml, chartXml, drawingXml } from "../chartXml";
import { deepCheckRefusal, limitsOf, type GuardOptions } from "../packageGuard";
import { cellStyle, setCells, type CellWrite } from "./cellPatch";
import { protectionHash } from "./protectionHash";
import { dateStyles, parseSharedStrings, sharedStringProblems } from "./cellValues";
import { readSheetXml } from "./readSheetXml";
import { canonicalXml } from "./xmlCanon";
import { EMPTY_STYLES, StyleBook } from "./stylesXml";
import {
  CT_TABLE,
  CT_WORKSHEET,
  REL_NS,
  T_TABLE,
  T_WORKSHEET,
  contentTypesXml,
  freeRelId,
  parseContentTypes,
  parseRels,
  parseWorkbook,
  relsPathOf,
  relsXml,
  resolveTarget,
  writeWorkbook,
  type ContentTypes,
  type DefinedName,
  type Rel,
  type SheetEntry,
} from "./workbookXml";
import { portableCodec, type ZipCodec } from "./codec";
import { textPart, writeZip, ZipParts, type Part } from "./zip";
import { attribute } from "./xml";
import type { SheetProtectionHash } from "./writeSheetXml";
import { writeSheetXml } from "./writeSheetXml";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const T_STYLES = `${REL_NS}/styles`;
const T_SHARED = `${REL_NS}/sharedStrings`;
const T_CALC_CHAIN = `${REL_NS}/calcChain`;
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/** Parts a sheet owns through its relationships, deleted with it (media may be shared, so it stays). */
const OWNED =
  /\/(table|drawing|chart|comments|vmlDrawing|printerSettings|threadedComment|chartStyle|chartColorStyle)s?$/i;

const EMPTY_PACKAGE: Record<string, string> = {
  [CONTENT_TYPES]: "",
  "_rels/.rels":
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  [WORKBOOK]:
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets/><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  [WORKBOOK_RELS]: relsXml([{ id: "rId1", type: T_STYLES, target: "styles.xml", external: false }]),
  "xl/styles.xml": EMPTY_STYLES,
};

const CORE = "docProps/core.xml";
const APP = "docProps/app.xml";
const CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml";
const CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml";

/** File > Info's author and dates for a workbook the host creates (Excel fills them in on its own). */
const corePropsXml = (created: Date): string => {
  const at = `${created.toISOString().slice(0, 19)}Z`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>OCOP</dc:creator><cp:lastModifiedBy>OCOP</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
};

const APP_PROPS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  `<Application>OCOP</Application><DocSecurity>0</DocSecurity></Properties>`;

const validName = (name: string): boolean =>
  Boolean(name) && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !/^'|'$/.test(name);

/** The state apply changes, copied first so a failed apply leaves the host as it was. */
interface State {
  /** Parts written or changed (text); null marks a deleted part. Keys are lower-case part names. */
  changed: Map<string, { name: string; text: string } | null>;
  sheets: SheetEntry[];
  rels: Rel[];
  definedNames: DefinedName[];
  types: ContentTypes;
  activeTab: number;
  styles: string;
}

const copyState = (s: State): State => ({
  changed: new Map(s.changed),
  sheets: s.sheets.map((x) => ({ ...x })),
  rels: s.rels.map((r) => ({ ...r })),
  definedNames: s.definedNames.map((d) => ({ ...d })),
  types: { defaults: new Map(s.types.defaults), overrides: new Map(s.types.overrides) },
  activeTab: s.activeTab,
  styles: s.styles,
});

export interface PartsHostOptions {
  fileName?: string;
  /** How parts are inflated and deflated: fflate by default; Node's zlib (nodeCodec) is faster. */
  codec?: ZipCodec;
  /** When a new workbook was made, for its document properties (now by default). */
  created?: Date;
}

export class PartsHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  private readonly codec: ZipCodec;
  private readonly created: Date;
  readonly fileName: string | undefined;
  private state: State;
  private readonly date1904: boolean;
  private readonly workbookXml: string;
  private readonly guard: GuardOptions;
  /** Inflated text of original parts, so a part is inflated once however often it is read. */
  private readonly texts = new Map<string, string>();
  /** Whether each original sheet part is protected, noted when it is first inflated (its text may be dropped). */
  private readonly protectedParts = new Map<string, boolean>();
  private sharedStrings: string[] | null = null;
  private badStrings: Set<number> = new Set();
  private dates: Set<number> | null = null;
  private readonly hashes = new Map<string, SheetProtectionHash>();

  private constructor(
    private readonly zip: ZipParts | null,
    opts: PartsHostOptions & { guard?: GuardOptions }
  ) {
    this.fileName = opts.fileName;
    this.codec = zip?.codec ?? opts.codec ?? portableCodec;
    this.created = opts.created ?? new Date();
    this.guard = opts.guard ?? {};
    const text = (name: string): string | undefined => (zip ? this.original(name) : EMPTY_PACKAGE[name]);
    const workbookXml = text(WORKBOOK);
    if (workbookXml === undefined) throw new Error("The package has no xl/workbook.xml.");
    this.workbookXml = workbookXml;
    const rels = parseRels(text(WORKBOOK_RELS));
    const model = parseWorkbook(workbookXml, rels);
    this.date1904 = model.date1904;
    const types = parseContentTypes(text(CONTENT_TYPES));
    if (!zip) {
      types.overrides.set(WORKBOOK, CT_MAIN);
      types.overrides.set("xl/styles.xml", CT_STYLES);
      types.overrides.set(CORE, CT_CORE);
      types.overrides.set(APP, CT_APP);
    }
    const stylesRel = rels.find((r) => r.type === T_STYLES);
    const stylesPart = stylesRel ? resolveTarget(WORKBOOK, stylesRel.target) : undefined;
    this.state = {
      changed: new Map(),
      sheets: model.sheets,
      rels,
      definedNames: model.definedNames,
      types,
      activeTab: model.activeTab,
      styles: (stylesPart && text(stylesPart)) ?? EMPTY_STYLES,
    };
    if (!stylesRel) {
      this.state.rels.push({ id: freeRelId(rels), type: T_STYLES, target: "styles.xml", external: false });
      this.state.types.overrides.set("xl/styles.xml", CT_STYLES);
    }
  }

  static createEmpty(opts: PartsHostOptions = {}): PartsHost {
    return new PartsHost(null, opts);
  }

  /** Opens .xlsx bytes; refuses what is not a readable workbook within the limits (PackageRefusedError). */
  static async fromBuffer(buf: Uint8Array | ArrayBuffer, opts: PartsHostOptions = {}): Promise<PartsHost> {
    const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
    const guard: GuardOptions = opts.fileName !== undefined ? { fileName: opts.fileName } : {};
    const zip = ZipParts.open(bytes, guard, opts.codec);
    const host = new PartsHost(zip, { ...opts, guard });
    host.inflateAll(zip);
    return host;
  }

  /**
   * The guard's deep check, done while inflating each part once: every part must inflate to its declared
   * size and no sheet may hold more cells than the limit. The XML stays inflated for the reads that follow.
   */
  private inflateAll(zip: ZipParts): void {
    const limit = limitsOf(this.guard).maxCellsPerSheet;
    const sheetOf = new Map(this.state.sheets.map((s) => [s.part.toLowerCase(), s.name]));
    for (const name of zip.names()) {
      const key = name.toLowerCase();
      if (!/\.(xml|rels)$/.test(key)) {
        zip.bytesOf(name);
        continue;
      }
      const text = this.original(name) ?? "";
      if (!sheetOf.has(key) && !/^xl\/worksheets\//.test(key)) continue;
      let cells = 0;
      for (let i = text.indexOf("<c"); i >= 0; i = text.indexOf("<c", i + 2)) {
        const next = text.charCodeAt(i + 2);
        if (next === 32 || next === 62 || next === 47) cells++; // "<c ", "<c>", "<c/"
      }
      if (cells > limit)
        throw deepCheckRefusal(this.guard, { kind: "tooManyCells", sheet: sheetOf.get(key) ?? name, cells });
    }
  }

  // ------------------------------------------------------------------------------------ parts

  private original(name: string): string | undefined {
    const key = name.toLowerCase();
    let t = this.texts.get(key);
    if (t === undefined && this.zip) {
      t = this.zip.text(name);
      // Comments, CDATA, prefixes and UTF-16 are settled here, once, for every reader of the part.
      if (t !== undefined) this.texts.set(key, (t = /\.(xml|rels)$/.test(key) ? canonicalXml(t) : t));
    }
    return t;
  }

  /** A part's current text: changed in this host, or as in the package. */
  private text(name: string, state = this.state): string | undefined {
    const key = name.toLowerCase();
    if (state.changed.has(key)) return state.changed.get(key)?.text;
    return this.zip ? this.original(name) : EMPTY_PACKAGE[name];
  }

  private exists(name: string, state = this.state): boolean {
    const key = name.toLowerCase();
    if (state.changed.has(key)) return state.changed.get(key) !== null;
    return this.zip ? this.zip.has(name) : name in EMPTY_PACKAGE;
  }

  private strings(): string[] {
    if (!this.sharedStrings) {
      const rel = this.state.rels.find((r) => r.type === T_SHARED);
      const xml = rel ? this.original(resolveTarget(WORKBOOK, rel.target)) : undefined;
      this.sharedStrings = parseSharedStrings(xml);
      this.badStrings = sharedStringProblems(xml);
    }
    return this.sharedStrings!;
  }

  private dateStyleSet(): Set<number> {
    // Styles this host appends are never dates, so the original part is enough.
    if (!this.dates) {
      const rel = this.state.rels.find((r) => r.type === T_STYLES);
      this.dates = dateStyles(rel ? this.text(resolveTarget(WORKBOOK, rel.target)) : undefined);
    }
    return this.dates!;
  }

  private find(name: string, state = this.state): SheetEntry | undefined {
    return state.sheets.find((s) => sameSheetName(s.name, name));
  }

  private sheetXml(entry: SheetEntry, state = this.state): string {
    return this.text(entry.part, state) ?? "";
  }

  private isProtectedSheet(entry: SheetEntry): boolean {
    const key = entry.part.toLowerCase();
    if (this.state.changed.has(key)) return isProtected(this.sheetXml(entry));
    let known = this.protectedParts.get(key);
    if (known === undefined) this.protectedParts.set(key, (known = isProtected(this.sheetXml(entry))));
    return known;
  }

  // ------------------------------------------------------------------------------------ reading

  async listSheets(): Promise<SheetInfo[]> {
    return this.state.sheets.map((s) => ({
      name: s.name,
      visibility: s.state,
      protected: this.isProtectedSheet(s),
    }));
  }

  async readSheets(
    names: string[],
    options?: ReadOptions
  ): Promise<{ sheets: SheetGrid[]; missing: string[] }> {
    const sheets: SheetGrid[] = [];
    const missing: string[] = [];
    const grids = new Map<string, SheetGrid>();
    const limit = limitsOf(this.guard).maxCellsPerSheet;
    const read = (entry: SheetEntry, depth: number): SheetGrid => {
      const key = entry.name.toLowerCase();
      const known = grids.get(key);
      if (known) return known;
      const grid = readSheetXml(this.sheetXml(entry), {
        name: entry.name,
        visibility: entry.state,
        sharedStrings: this.strings(),
        badStrings: this.badStrings,
        dateStyles: this.dateStyleSet(),
        date1904: this.date1904,
        otherSheet: (other: string) => {
          const e = this.find(other);
          return e && depth < 2 ? read(e, depth + 1).values : null;
        },
        maxCells: limit,
        onTooManyCells: (cells: number) =>
          deepCheckRefusal(this.guard, { kind: "tooManyCells", sheet: entry.name, cells }),
      });
      grids.set(key, grid);
      // Parsed once per read; the inflated text is dropped (a province book is ~1 MB of it) and inflated
      // again only if the sheet is read or written to again.
      this.isProtectedSheet(entry);
      this.texts.delete(entry.part.toLowerCase());
      return grid;
    };
    for (const name of names) {
      const entry = this.find(name);
      if (!entry) missing.push(name);
      else {
        const grid = read(entry, 0);
        sheets.push(wantsValuesOnly(options, name) ? valuesOnlyGrid(grid) : grid);
      }
    }
    return { sheets, missing };
  }

  // ------------------------------------------------------------------------------------ writing

  async apply(request: ApplyRequest): Promise<void> {
    this.check(request);
    const next = copyState(this.state);
    const styles = new StyleBook(next.styles);
    for (const plan of request.plans) {
      const password = plan.protection?.password;
      let hash: SheetProtectionHash | undefined;
      if (password) {
        hash = this.hashes.get(password);
        if (!hash) this.hashes.set(password, (hash = await protectionHash(password)));
      }
      this.writePlan(next, plan, styles, hash);
    }
    for (const name of request.remove ?? []) {
      const entry = this.find(name, next);
      if (!entry) continue;
      this.dropSheetParts(next, entry);
      next.changed.set(entry.part.toLowerCase(), null);
      next.types.overrides.delete(entry.part);
      next.rels = next.rels.filter((r) => r.id !== entry.rid);
      next.sheets = next.sheets.filter((s) => s !== entry);
    }
    for (const append of request.appends ?? []) {
      const entry = this.find(append.plan.name, next)!;
      next.changed.set(entry.part.toLowerCase(), {
        name: entry.part,
        text: appendRowsXml(this.sheetXml(entry, next), append, styles),
      });
    }
    const writesBySheet = new Map<SheetEntry, CellWrite[]>();
    for (const w of request.cellWrites ?? []) {
      const entry = this.find(w.sheet, next)!;
      const list = writesBySheet.get(entry);
      if (list) list.push(w);
      else writesBySheet.set(entry, [w]);
    }
    for (const [entry, writes] of writesBySheet)
      next.changed.set(entry.part.toLowerCase(), {
        name: entry.part,
        text: setCells(this.sheetXml(entry, next), writes),
      });
    if (
      request.plans.length ||
      request.remove?.length ||
      request.cellWrites?.length ||
      request.appends?.length
    )
      this.dropCalcChain(next);
    if (styles.changed) next.styles = styles.toXml();
    const wanted = request.select
      ? next.sheets.findIndex((s) => sameSheetName(s.name, request.select!.sheet))
      : -1;
    if (wanted >= 0) next.activeTab = wanted;
    else if (next.activeTab >= next.sheets.length) next.activeTab = 0;
    this.state = next;
  }

  /** Refuses a request that would fail half-way, before anything changes (as ExcelJsHost). */
  private check(request: ApplyRequest): void {
    const names = new Set<string>();
    for (const p of request.plans) {
      if (!validName(p.name)) throw new Error(`Invalid sheet name: "${p.name}"`);
      const key = p.name.toLowerCase();
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
      if (
        names.has(a.plan.name.toLowerCase()) ||
        (request.remove ?? []).some((r) => sameSheetName(r, a.plan.name))
      )
        throw new Error(`Sheet rebuilt or removed and appended to: "${a.plan.name}"`);
    }
    let styles: StyleBook | undefined; // parsed once, and only when a protected sheet is written to
    for (const w of request.cellWrites ?? []) {
      const entry = this.find(w.sheet);
      if (!entry || names.has(w.sheet.toLowerCase())) throw new Error(`No sheet to write to: "${w.sheet}"`);
      const xml = this.sheetXml(entry);
      if (!isProtected(xml)) continue;
      styles ??= new StyleBook(this.state.styles);
      if (styles.isLocked(cellStyle(xml, w.row, w.col)))
        throw new HostError(
          "protectedByOther",
          `The cell ${w.row + 1}:${w.col + 1} of "${entry.name}" is locked and the sheet is protected.`,
          { sheet: entry.name }
        );
    }
    if (request.select && !this.find(request.select.sheet) && !names.has(request.select.sheet.toLowerCase()))
      throw new Error(`No sheet to select: "${request.select.sheet}"`);
  }

  private freePart(state: State, dir: string, stem: string): string {
    let n = 1;
    while (this.exists(`${dir}${stem}${n}.xml`, state)) n++;
    return `${dir}${stem}${n}.xml`;
  }

  private nextTableId(state: State): () => number {
    let max = 0;
    for (const [part, type] of state.types.overrides) {
      if (type !== CT_TABLE || !this.exists(part, state)) continue;
      const head = this.text(part, state) ?? "";
      const id = Number(attribute(/<table\b[^>]*>/.exec(head)?.[0] ?? "", "id") ?? 0);
      if (id > max) max = id;
    }
    return () => ++max;
  }

  /** Deletes the parts a sheet owns (tables, drawings, charts, comments) and its relationships part. */
  private dropSheetParts(state: State, entry: SheetEntry): void {
    const drop = (part: string, depth: number): void => {
      const relsPath = relsPathOf(part);
      if (depth < 3 && this.exists(relsPath, state)) {
        for (const r of parseRels(this.text(relsPath, state))) {
          if (r.external || !OWNED.test(r.type)) continue;
          const target = resolveTarget(part, r.target);
          drop(target, depth + 1);
          state.changed.set(target.toLowerCase(), null);
          state.types.overrides.delete(target);
        }
        state.changed.set(relsPath.toLowerCase(), null);
      }
    };
    drop(entry.part, 0);
  }

  private dropCalcChain(state: State): void {
    // Excel rebuilds the calculation chain; a stale one pointing at rewritten cells makes it "repair" the file.
    for (const r of state.rels.filter((x) => x.type === T_CALC_CHAIN)) {
      const part = resolveTarget(WORKBOOK, r.target);
      state.changed.set(part.toLowerCase(), null);
      state.types.overrides.delete(part);
    }
    state.rels = state.rels.filter((x) => x.type !== T_CALC_CHAIN);
  }

  private writePlan(
    state: State,
    plan: SheetPlan,
    styles: StyleBook,
    hash: SheetProtectionHash | undefined
  ): void {
    let entry = this.find(plan.name, state);
    if (entry) {
      this.dropSheetParts(state, entry);
      entry.name = plan.name;
    } else {
      const part = this.freePart(state, "xl/worksheets/", "sheet");
      const rid = freeRelId(state.rels);
      state.rels.push({ id: rid, type: T_WORKSHEET, target: part.slice("xl/".length), external: false });
      entry = {
        name: plan.name,
        sheetId: Math.max(0, ...state.sheets.map((s) => s.sheetId)) + 1,
        rid,
        part,
        state: plan.visibility,
      };
      state.sheets.push(entry);
    }
    entry.state = plan.visibility;
    state.types.overrides.set(entry.part, CT_WORKSHEET);
    const sheetRels: Rel[] = [];
    const tableRelIds = plan.tables.map((_, i) => `rIdT${i + 1}`);
    const drawingRelId = plan.charts.length ? "rIdD1" : undefined;
    const written = writeSheetXml(plan, styles, {
      ...(hash ? { protection: hash } : {}),
      tables: { nextId: this.nextTableId(state) },
      tableRelIds,
      ...(drawingRelId ? { drawingRelId } : {}),
    });
    written.tables.forEach((t, i) => {
      const part = this.freePart(state, "xl/tables/", "table");
      state.changed.set(part.toLowerCase(), { name: part, text: t.xml });
      state.types.overrides.set(part, CT_TABLE);
      sheetRels.push({
        id: tableRelIds[i]!,
        type: T_TABLE,
        target: `../tables/${part.split("/").pop()}`,
        external: false,
      });
    });
    if (drawingRelId) {
      const drawing = this.freePart(state, "xl/drawings/", "drawing");
      const values = planValues(plan);
      const drawingRels: Rel[] = [];
      const anchors: string[] = [];
      plan.charts.forEach((chart: PlannedChart, i) => {
        const chartPart = this.freePart(state, "xl/charts/", "chart");
        state.changed.set(chartPart.toLowerCase(), {
          name: chartPart,
          text: chartXml(plan.name, chart, values),
        });
        state.types.overrides.set(chartPart, CT_CHART);
        drawingRels.push({
          id: `rIdC${i + 1}`,
          type: T_CHART,
          target: `../charts/${chartPart.split("/").pop()}`,
          external: false,
        });
        anchors.push(anchorXml(chart, i));
      });
      state.changed.set(drawing.toLowerCase(), { name: drawing, text: drawingXml(anchors) });
      state.changed.set(relsPathOf(drawing).toLowerCase(), {
        name: relsPathOf(drawing),
        text: relsXml(drawingRels),
      });
      state.types.overrides.set(drawing, CT_DRAWING);
      sheetRels.push({
        id: drawingRelId,
        type: T_DRAWING,
        target: `../drawings/${drawing.split("/").pop()}`,
        external: false,
      });
    }
    state.changed.set(entry.part.toLowerCase(), { name: entry.part, text: written.xml });
    if (sheetRels.length)
      state.changed.set(relsPathOf(entry.part).toLowerCase(), {
        name: relsPathOf(entry.part),
        text: relsXml(sheetRels),
      });
    const name = entry.name;
    state.definedNames = state.definedNames.filter(
      (d) =>
        !(
          d.localSheet !== undefined &&
          sameSheetName(d.localSheet, name) &&
          /^_xlnm\.(Print_Titles|_FilterDatabase)$/i.test(d.name)
        )
    );
    if (written.printTitles)
      state.definedNames.push({
        name: "_xlnm.Print_Titles",
        localSheet: name,
        text: written.printTitles,
        rest: "",
      });
  }

  // ------------------------------------------------------------------------------------ saving

  async toBuffer(): Promise<Uint8Array> {
    const s = this.state;
    const out: Part[] = [];
    const written = new Set<string>();
    const add = (p: Part): void => {
      written.add(p.name.toLowerCase());
      out.push(p);
    };
    const active =
      s.sheets[s.activeTab]?.state === "visible"
        ? s.activeTab
        : Math.max(
            0,
            s.sheets.findIndex((x) => x.state === "visible")
          );
    add(textPart(CONTENT_TYPES, contentTypesXml(s.types)));
    add(
      textPart(
        WORKBOOK,
        writeWorkbook(this.workbookXml, {
          sheets: s.sheets,
          definedNames: s.definedNames,
          date1904: this.date1904,
          activeTab: active,
        })
      )
    );
    add(textPart(WORKBOOK_RELS, relsXml(s.rels)));
    const stylesRel = s.rels.find((r) => r.type === T_STYLES)!;
    add(textPart(resolveTarget(WORKBOOK, stylesRel.target), s.styles));
    // Exactly one selected tab: Excel groups every sheet marked selected, and typing would then go to all of them.
    s.sheets.forEach((sheet, i) => {
      const key = sheet.part.toLowerCase();
      const changed = s.changed.get(key);
      const selected = i === active;
      if (changed) {
        add(textPart(sheet.part, withTabSelected(changed.text, selected)));
        return;
      }
      if (!this.zip) return;
      const head = this.zip.head(sheet.part, 8192);
      if (head !== undefined && tabSelectedIn(head) === selected) {
        const raw = this.zip.raw(sheet.part);
        if (raw) add(raw);
        return;
      }
      add(textPart(sheet.part, withTabSelected(this.original(sheet.part) ?? "", selected)));
    });
    for (const [key, part] of s.changed) if (part && !written.has(key)) add(textPart(part.name, part.text));
    if (this.zip) {
      for (const name of this.zip.names()) {
        const key = name.toLowerCase();
        if (written.has(key) || s.changed.has(key)) continue;
        const raw = this.zip.raw(name);
        if (raw) add(raw);
      }
    } else {
      add(textPart("_rels/.rels", EMPTY_PACKAGE["_rels/.rels"]!));
      add(textPart(CORE, corePropsXml(this.created)));
      add(textPart(APP, APP_PROPS));
    }
    return writeZip(out, { codec: this.codec });
  }
}

const isProtected = (xml: string): boolean => {
  const tag = /<sheetProtection\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return false;
  const v = attribute(tag, "sheet");
  return v === "1" || v === "true";
};

const tabSelectedIn = (head: string): boolean => {
  const view = /<sheetView\b[^>]*>/.exec(head)?.[0];
  const v = view ? attribute(view, "tabSelected") : undefined;
  return v === "1" || v === "true";
};

const withTabSelected = (xml: string, selected: boolean): string => {
  const view = /<sheetView\b[^>]*?(\/?)>/.exec(xml);
  if (!view) return xml;
  const tag = view[0];
  let fixed = tag.replace(/\stabSelected="[^"]*"/, "");
  if (selected) fixed = fixed.replace(/^<sheetView\b/, `<sheetView tabSelected="1"`);
  return fixed === tag ? xml : xml.slice(0, view.index) + fixed + xml.slice(view.index + tag.length);
};

/** Values of a plan's cells, for a chart's cached points. */
const planValues = (
  plan: SheetPlan
): ((sheet: string, row: number, col: number) => string | number | null) => {
  const at = new Map<string, CellValue | undefined>();
  for (const c of plan.cells) at.set(`${c.row},${c.col}`, c.value);
  return (_sheet, row, col) => {
    const v = at.get(`${row},${col}`);
    return typeof v === "number" || typeof v === "string" ? v : null;
  };
};
