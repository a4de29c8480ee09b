/**
 * A sheet plan turned into office-js operations, queued but not yet sent: each Unit queues some proxy calls
 * (values, formats, column widths, styles, validations, tables, charts, print setup) and carries an estimate of
 * the bytes and cells it adds to a request, so the transaction can pack units into requests under Excel's
 * limits. Nothing here syncs; when and in which sheets the units run is applyTransaction.ts.
 */
import { packInOrder } from "./pack";
import type { CellRange, CellValue, PlannedCell, SheetPlan, StyleName, Visibility } from "../../layout/plan";
import { absoluteA1, colLetters, renameSheetRefs } from "./a1";
import { cellInput, excelWouldConvert } from "./coercion";
import type { ExcelHostLimits } from "./limits";
import { EXCEL_STYLES } from "./styles";
import { TABLE_STYLE } from "../../layout/palette";
import { LISTS_SHEET, type ListPlacement } from "./validationLists";

// Visibility values are the Excel.SheetVisibility enum members; string literals keep this module free of the
// Excel global at load time (the template literal types check they equal the enum values).
export const VISIBLE: `${Excel.SheetVisibility.visible}` = "Visible";
const HIDDEN: `${Excel.SheetVisibility.hidden}` = "Hidden";
const VERY_HIDDEN: `${Excel.SheetVisibility.veryHidden}` = "VeryHidden";

const toExcelVisibility = (v: Visibility) =>
  v === "visible" ? VISIBLE : v === "hidden" ? HIDDEN : VERY_HIDDEN;

/** Estimated bytes of a value in the request JSON (non-ASCII counted as \uXXXX escapes, to be safe). */
export function jsonBytes(v: unknown): number {
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
export const cost = (paths: number, commands: number, args = 0): number =>
  paths * PATH_BYTES + commands * COMMAND_BYTES + args;

/** Character widths (as in .xlsx) → points: (7 px per character + 5 px padding) × 0.75. */
const widthToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** A unit of queued work with its estimated request size. */
export interface Unit {
  bytes: number;
  cells: number;
  queue: () => void;
}

/** A sheet as the apply's first sync found it. */
export interface ExistingSheet {
  ws: Excel.Worksheet;
  name: string;
  id: string;
  visibility: string;
  position: number;
  protected: boolean;
}

/** A plan, the sheet it replaces (if any) and the temporary sheet it is built in. */
export interface PlannedSheet {
  plan: SheetPlan;
  old: ExistingSheet | null;
  tmpName: string;
  ws: Excel.Worksheet | null;
  tables: { proxy: Excel.Table; name: string }[];
}

/** Rows appended to an existing sheet: its plan is the rows alone, at their place below the old last value. */
export interface AppendedSheet extends PlannedSheet {
  existing: ExistingSheet;
  /** The first row written (0-based) and the extent of what is written. */
  start: number;
  rowCount: number;
  colCount: number;
  /** Set once the sheet's writes were queued: only then has the rollback anything to undo there. */
  touched?: boolean;
}

/** A cell write to a sheet the request does not rebuild, with what was there (for the rollback). */
export interface PreparedWrite {
  row: number;
  col: number;
  value: CellValue;
  existing: ExistingSheet;
  probe: Excel.Range | null;
  oldFormula?: unknown;
  text: boolean;
}

/** Greedy packing of units into requests within the byte and cell limits (order kept). */
export const pack = (units: Unit[], limits: ExcelHostLimits): Unit[][] =>
  packInOrder(units, (u) => [u.bytes, u.cells], [limits.requestBytes, limits.requestCells]);

/**
 * Everything before the swap, in this order: the list sheet's new columns, all temporary sheets (so formulas
 * between planned sheets resolve), each plan's values, layout, formulas, tables and charts, the cell writes to
 * sheets not rebuilt, and the visibility of the new sheets.
 */
export function contentUnits(
  context: Excel.RequestContext,
  s: {
    planned: PlannedSheet[];
    appended: AppendedSheet[];
    writes: PreparedWrite[];
    listSource: ListPlacement;
    helper: ExistingSheet | null;
    warnings: string[];
  },
  limits: ExcelHostLimits,
  supports: (version: string) => boolean
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
    for (const chunk of dataChunks(p, limits, "values"))
      unit(chunk.bytes, () => chunk.write(ws()), chunk.cells);
    units.push(...layoutUnits(p, ws, listSource, s.warnings, supports));
    for (const chunk of dataChunks(p, limits, "formulas", toTmp))
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

  // 4. rows appended to existing sheets (protection lifted for the writes, put back with the others')
  for (const a of s.appended) {
    const ws = () => a.ws!;
    unit(cost(3, 1, 100), () => {
      a.touched = true;
      if (a.existing.protected) unprotectSheet(a.ws!, a.plan.protection);
    });
    for (const chunk of dataChunks(a, limits, "values"))
      unit(chunk.bytes, () => chunk.write(ws()), chunk.cells);
    units.push(...layoutUnits(a, ws, listSource, s.warnings, supports));
    for (const chunk of dataChunks(a, limits, "formulas"))
      unit(chunk.bytes, () => chunk.write(ws()), chunk.cells);
  }

  // 5. cell writes to sheets this request doesn't rebuild
  for (const w of s.writes)
    unit(cost(2, 1, jsonBytes(w.value)), () => {
      w.existing.ws.getRangeByIndexes(w.row, w.col, 1, 1).values = [[cellInput(w.value, w.text)]];
    });

  // 6. visibility of the new sheets
  for (const p of s.planned)
    if (p.plan.visibility !== "visible")
      unit(cost(2, 1), () => {
        p.ws!.visibility = toExcelVisibility(p.plan.visibility);
      });
  return units;
}

/** Protects a sheet as a plan says (the add-in's sheets leave column widths and row heights free). */
export function protectSheet(ws: Excel.Worksheet, protection: SheetPlan["protection"]): void {
  const allow = protection?.allow ?? [];
  const options: Excel.WorksheetProtectionOptions = {
    allowFormatColumns: true,
    allowFormatRows: true,
    ...(allow.includes("autoFilter") ? { allowAutoFilter: true } : {}),
    ...(allow.includes("sort") ? { allowSort: true } : {}),
  };
  if (protection?.password) ws.protection.protect(options, protection.password);
  else ws.protection.protect(options);
}

/** Lifts a sheet's protection with the plan's password (none when the plan has none). */
export function unprotectSheet(ws: Excel.Worksheet, protection: SheetPlan["protection"]): void {
  if (protection?.password) ws.protection.unprotect(protection.password);
  else ws.protection.unprotect();
}

/** Protection, queued after the swap: Excel refuses to rename a table on a protected sheet, and the swap renames them. */
export function protectionUnits(planned: (PlannedSheet | AppendedSheet)[]): Unit[] {
  const units: Unit[] = [];
  for (const p of planned)
    // A sheet appended to is protected again when it was, whatever the plan says.
    if (p.plan.protection || ("existing" in p && p.existing.protected)) {
      units.push({
        bytes: cost(3, 1, 100),
        cells: 0,
        queue: () => protectSheet(p.ws!, p.plan.protection),
      });
    }
  return units;
}

/** A plan's layout: widths, heights and hidden lines, merges, styles, validations, unlocked cells, panes, print. */
function layoutUnits(
  p: PlannedSheet,
  ws: () => Excel.Worksheet,
  lists: ListPlacement,
  warnings: string[],
  supports: (version: string) => boolean
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
      ws().getRangeByIndexes(0, run.start, 1, run.count).getEntireColumn().format.columnWidth = widthToPoints(
        run.key!
      );
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
  const areas = supports("1.9");
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
    unit(cost(3, 3, 200 + jsonBytes(source) + jsonBytes(prompt?.message) + jsonBytes(error?.message)), () => {
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
    });
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
    if (!supports("1.9"))
      warnings.push(`Print setup of "${plan.name}" skipped: this Excel lacks ExcelApi 1.9.`);
    else
      unit(
        cost(
          6,
          9 + (print.colBreaksBefore?.length ?? 0) + (print.breaksBefore?.length ?? 0),
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
          // A page break before each block that starts a page (a form per product, a notice per commune).
          const rowBreaks = (print.breaksBefore ?? []).filter((r) => r > 0);
          if (rowBreaks.length) {
            const breaks = ws().horizontalPageBreaks;
            breaks.removePageBreaks();
            for (const r of rowBreaks) breaks.add(`A${r + 1}`);
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

// ---- helpers

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
