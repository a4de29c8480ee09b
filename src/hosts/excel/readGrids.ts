/**
 * Reading sheets back from Excel in requests and responses of bounded size. Excel on the web refuses a request or
 * a response over about 5 MB (docs/excel-limits.md); one load of every used range at a province's size answers
 * ~3.6 MB, twice that at 30 members × 800 products. So the used ranges are measured first, then read in blocks of
 * rows (a row wider than a block is split by columns), together with the hidden-line probes, packed into as few
 * requests as the limits allow.
 *
 * Syncs: 1 to measure (with the merged areas) + P, P = the number of packed requests, = 1 up to a province's size
 * (see the formula in excelHost.ts). A response Excel still refuses (long texts) is read again in halves.
 */
import { packInOrder } from "./pack";
import type { CellRange, CellValue, Visibility } from "../../layout/plan";
import { HostError, type SheetGrid } from "../workbook";
import { officeCodeOf } from "./errors";

export interface ReadLimits {
  /** Largest request and response the host lets a read send or receive. */
  requestBytes: number;
  responseBytes: number;
  /** Largest block of cells one range load reads. */
  readChunkCells: number;
}

/**
 * Estimates for packing, after the protocol (docs/excel-limits.md): a block costs two object paths and a load in
 * the request; each cell answers in `values` and in `formulas` (a number or short text and its separators).
 * Texts longer than this are what the halving on ResponsePayloadSizeLimitExceeded is for.
 */
export const READ_COST = {
  blockRequest: 450,
  lineRequest: 300,
  lineResponse: 60,
  cellResponse: 5,
  blockResponse: 120,
};

/** Queues a sheet's merged areas; the returned function gives them after the sync. */
export type MergeReader = (ws: Excel.Worksheet) => () => CellRange[];

const HIDDEN: `${Excel.SheetVisibility.hidden}` = "Hidden";
const VERY_HIDDEN: `${Excel.SheetVisibility.veryHidden}` = "VeryHidden";
export const fromExcelVisibility = (v: string): Visibility =>
  v === VERY_HIDDEN ? "veryHidden" : v === HIDDEN ? "hidden" : "visible";

/** A piece of a read: what it costs, how to queue it, what to do with the answer. */
interface Part {
  request: number;
  response: number;
  queue(): () => void;
  /** Two smaller parts reading the same, or null when it can't be split. */
  halves(): [Part, Part] | null;
}

interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The used ranges (values, formulas), merged areas, hidden rows and columns of the given sheets; of a sheet
 * marked in `valuesOnly` (same order as `found`), the values alone. The sheets' name, visibility and protection
 * must be loaded before or in the first sync.
 */
export async function readGrids(
  context: Excel.RequestContext,
  found: Excel.Worksheet[],
  readMerges: MergeReader | null,
  limits: ReadLimits,
  valuesOnly: readonly boolean[] = []
): Promise<SheetGrid[]> {
  const reads = found.map((ws, i) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const bare = valuesOnly[i] === true;
    return { ws, used, bare, merges: readMerges && !bare ? readMerges(ws) : () => [] };
  });
  await context.sync();

  const grids: SheetGrid[] = [];
  const parts: Part[] = [];
  for (const { ws, used, merges, bare } of reads) {
    const grid: SheetGrid = {
      name: ws.name,
      visibility: fromExcelVisibility(ws.visibility),
      protected: ws.protection.protected,
      values: [],
      formulas: [],
      hiddenRows: [],
      hiddenCols: [],
      merges: merges(),
      validations: [],
      ...(bare ? { valuesOnly: true as const } : {}),
    };
    grids.push(grid);
    if (used.isNullObject) continue;
    const dims: Dims = {
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      rowCount: used.rowCount,
      columnCount: used.columnCount,
    };
    const rowEnd = dims.rowIndex + dims.rowCount;
    const colEnd = dims.columnIndex + dims.columnCount;
    grid.values = Array.from({ length: rowEnd }, () => Array<CellValue>(colEnd).fill(null));
    grid.formulas = Array.from({ length: rowEnd }, () => Array<string | null>(colEnd).fill(null));
    parts.push(...blockParts(ws, grid, dims, limits.readChunkCells, bare));
    if (!bare) parts.push(...lineParts(ws, grid, rowEnd, colEnd));
  }

  // Each pack is its own request on purpose: together they would exceed what Excel on the web accepts.
  let pending = packParts(parts, limits);
  while (pending.length > 0) {
    const pack = pending.shift()!;
    const done = pack.map((p) => p.queue());
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (officeCodeOf(error) !== "ResponsePayloadSizeLimitExceeded") throw error;
      pending = [...splitPack(pack, error), ...pending];
      continue;
    }
    for (const fill of done) fill();
  }
  for (const grid of grids) {
    grid.hiddenRows.sort((a, b) => a - b);
    grid.hiddenCols.sort((a, b) => a - b);
  }
  return grids;
}

/** A refused pack read again as two packs, or its one part in halves; a single cell that is too large throws. */
function splitPack(pack: Part[], error: unknown): Part[][] {
  if (pack.length > 1) {
    const mid = Math.ceil(pack.length / 2);
    return [pack.slice(0, mid), pack.slice(mid)];
  }
  const halves = pack[0]!.halves();
  if (!halves)
    throw new HostError("payloadTooLarge", "A single cell is larger than Excel's response limit.", {
      cause: error,
      reason: "responseTooLarge",
      officeCode: "ResponsePayloadSizeLimitExceeded",
    });
  return [[halves[0]], [halves[1]]];
}

/** Greedy packing in order, each pack within the request and response budgets. */
const packParts = (parts: Part[], limits: ReadLimits): Part[][] =>
  packInOrder(parts, (p) => [p.request, p.response], [limits.requestBytes, limits.responseBytes]);

/** Blocks of whole rows of the used range within `chunkCells`; a row wider than that is split by columns. */
function blockParts(
  ws: Excel.Worksheet,
  grid: SheetGrid,
  dims: Dims,
  chunkCells: number,
  bare: boolean
): Part[] {
  const width = dims.columnCount;
  const out: Part[] = [];
  if (width > chunkCells) {
    for (let r = 0; r < dims.rowCount; r++)
      for (let c = 0; c < width; c += chunkCells)
        out.push(
          block(ws, grid, dims.rowIndex + r, dims.columnIndex + c, 1, Math.min(chunkCells, width - c), bare)
        );
    return out;
  }
  const rowsPerBlock = Math.max(1, Math.floor(chunkCells / width));
  for (let r = 0; r < dims.rowCount; r += rowsPerBlock)
    out.push(
      block(
        ws,
        grid,
        dims.rowIndex + r,
        dims.columnIndex,
        Math.min(rowsPerBlock, dims.rowCount - r),
        width,
        bare
      )
    );
  return out;
}

function block(
  ws: Excel.Worksheet,
  grid: SheetGrid,
  row: number,
  col: number,
  rows: number,
  cols: number,
  bare: boolean
): Part {
  return {
    request: READ_COST.blockRequest,
    response: READ_COST.blockResponse + rows * cols * (bare ? 1 : 2) * READ_COST.cellResponse,
    queue() {
      const range = ws.getRangeByIndexes(row, col, rows, cols);
      // The returned functions run after the sync (readGrids calls them once the pack is answered).
      if (bare) {
        range.load("values");
        // eslint-disable-next-line office-addins/call-sync-before-read
        return () => fill(grid, row, col, range.values, null);
      }
      range.load("values,formulas");
      // eslint-disable-next-line office-addins/call-sync-before-read
      return () => fill(grid, row, col, range.values, range.formulas);
    },
    halves() {
      if (rows > 1) {
        const top = Math.ceil(rows / 2);
        return [
          block(ws, grid, row, col, top, cols, bare),
          block(ws, grid, row + top, col, rows - top, cols, bare),
        ];
      }
      if (cols > 1) {
        const left = Math.ceil(cols / 2);
        return [
          block(ws, grid, row, col, 1, left, bare),
          block(ws, grid, row, col + left, 1, cols - left, bare),
        ];
      }
      return null;
    },
  };
}

function fill(
  grid: SheetGrid,
  row: number,
  col: number,
  values: unknown[][],
  formulas: unknown[][] | null
): void {
  // Excel may answer null instead of throwing for a range it won't read.
  if (!values || (formulas !== null && !formulas))
    throw new HostError("payloadTooLarge", `"${grid.name}" is too large to read.`, {
      sheet: grid.name,
      reason: "tooManyCells",
    });
  values.forEach((line, i) =>
    line.forEach((v, j) => {
      const f = formulas?.[i]![j];
      grid.values[row + i]![col + j] = v === "" ? null : (v as CellValue);
      // A text cell holding "=x" reads the same through values and formulas; a formula's result differs.
      if (typeof f === "string" && f.startsWith("=") && f !== v)
        grid.formulas[row + i]![col + j] = f.slice(1);
    })
  );
}

const LINES_PER_PART = 256;

/** Hidden rows and columns, one probe per line from A1 to the end of the used range, in groups. */
function lineParts(ws: Excel.Worksheet, grid: SheetGrid, rowEnd: number, colEnd: number): Part[] {
  const out: Part[] = [];
  const group = (kind: "row" | "col", start: number, count: number): Part => ({
    request: count * READ_COST.lineRequest,
    response: count * READ_COST.lineResponse,
    queue() {
      const probes = Array.from({ length: count }, (_, i) => {
        // A one-cell range says whether its whole row (column) is hidden: one object path per line.
        const cell =
          kind === "row"
            ? ws.getRangeByIndexes(start + i, 0, 1, 1)
            : ws.getRangeByIndexes(0, start + i, 1, 1);
        cell.load(kind === "row" ? "rowHidden" : "columnHidden");
        return cell;
      });
      return () =>
        probes.forEach((p, i) => {
          if (kind === "row" && p.rowHidden) grid.hiddenRows.push(start + i);
          if (kind === "col" && p.columnHidden) grid.hiddenCols.push(start + i);
        });
    },
    halves() {
      if (count < 2) return null;
      const a = Math.ceil(count / 2);
      return [group(kind, start, a), group(kind, start + a, count - a)];
    },
  });
  for (let r = 0; r < rowEnd; r += LINES_PER_PART)
    out.push(group("row", r, Math.min(LINES_PER_PART, rowEnd - r)));
  for (let c = 0; c < colEnd; c += LINES_PER_PART)
    out.push(group("col", c, Math.min(LINES_PER_PART, colEnd - c)));
  return out;
}
