/**
 * Reading the workbook: the sheet list (names, visibility, protection) and the grids of the sheets asked for.
 * It owns the shortcut that saves a sync — sheets the last listing saw are taken by name — and the fallback the
 * long way when one went away meanwhile; the packing of the grid reads themselves is readGrids.ts.
 */
import { HostError, wantsValuesOnly, type ReadOptions, type SheetGrid, type SheetInfo } from "../workbook";
import { parseAreas, sameSheetName } from "./a1";
import type { ExcelHostLimits } from "./limits";
import { fromExcelVisibility, readGrids, type MergeReader } from "./readGrids";
import { LISTS_SHEET } from "./validationLists";

/** One Excel.run as the host makes it (errors mapped, cancellation checked after each sync). */
export type Batch = <T>(what: string, fn: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface Reader {
  batch: Batch;
  supports: (version: string) => boolean;
  limits: ExcelHostLimits;
  /** Upper-cased names of the sheets the last listing saw (listSheets, readSheets): a hint, never trusted. */
  knownSheets: Set<string>;
}

/** The sheets in tab order, the list sheet left out: 1 sync. */
export function listSheets(reader: Reader): Promise<SheetInfo[]> {
  return reader.batch("listSheets", async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility,items/protection/protected");
    await context.sync();
    reader.knownSheets = new Set(sheets.items.map((ws) => ws.name.toUpperCase()));
    return sheets.items
      .filter((ws) => ws.name !== LISTS_SHEET)
      .map((ws) => ({
        name: ws.name,
        visibility: fromExcelVisibility(ws.visibility),
        protected: ws.protection.protected,
      }));
  });
}

/** The grids of the named sheets, and the names not found: 3 syncs, or 2 when the last listing saw them all. */
export async function readSheets(
  reader: Reader,
  names: string[],
  options?: ReadOptions
): Promise<{ sheets: SheetGrid[]; missing: string[]; warnings: string[] }> {
  const { batch, supports } = reader;
  const warnings: string[] = [];
  // Built here, under the guard, so scripts/checkApi.ts sees every 1.13 member used behind supports().
  // Per sheet read, by the name asked (a worksheet's own name is not loaded yet when the reads are queued).
  const valuesOnly = (asked: string[]): boolean[] => asked.map((n) => wantsValuesOnly(options, n));
  const readMerges: MergeReader | null = supports("1.13")
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
  const wanted = [...new Set(names.map((n) => n.toUpperCase()))].map((u) =>
    names.find((n) => n.toUpperCase() === u)!
  );
  const known = reader.knownSheets;
  let result: { sheets: SheetGrid[]; missing: string[] } | null = null;
  if (wanted.length > 0 && wanted.every((n) => known.has(n.toUpperCase()))) {
    result = await batch("readSheets", async (context) => {
      const found = wanted.map((name) => context.workbook.worksheets.getItem(name));
      for (const ws of found) ws.load("name,visibility,protection/protected");
      const grids = await readGrids(context, found, readMerges, reader.limits, valuesOnly(wanted));
      return { sheets: grids, missing: [] };
    }).catch((error: unknown) => {
      if (error instanceof HostError && error.code === "notFound") return null;
      throw error;
    });
  }
  result ??= await batch("readSheets", async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/visibility,items/protection/protected");
    await context.sync();
    reader.knownSheets = new Set(sheets.items.map((ws) => ws.name.toUpperCase()));

    const missing: string[] = [];
    const found: Excel.Worksheet[] = [];
    for (const name of names) {
      const ws = sheets.items.find((w) => sameSheetName(w.name, name));
      if (!ws) missing.push(name);
      else if (!found.includes(ws)) found.push(ws);
    }
    const grids = await readGrids(
      context,
      found,
      readMerges,
      reader.limits,
      valuesOnly(found.map((ws) => ws.name))
    );
    return { sheets: grids, missing };
  });
  return { ...result, warnings };
}
