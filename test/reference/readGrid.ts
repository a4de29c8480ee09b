/** An ExcelJS worksheet as the port's SheetGrid: values, formulas, hidden rows/columns, merges, lists. */
import type ExcelJS from "exceljs";
import { parseRange } from "../../src/layout/a1";
import type { CellRange, CellValue, ListValidation, Visibility } from "../../src/layout/plan";
import type { SheetGrid } from "../../src/hosts/workbook";

const toIsoDate = (d: Date): string => {
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
};

/** A cell's value as the layout sees it, and its formula if it has one. */
export const readCell = (cell: ExcelJS.Cell): { value: CellValue; formula: string | null } => {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean")
    return { value: v, formula: null };
  if (v instanceof Date) return { value: toIsoDate(v), formula: null };
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return { value: (o.richText as { text: string }[]).map((t) => t.text).join(""), formula: null };
  }
  if ("formula" in o || "sharedFormula" in o) {
    const r = o.result as unknown;
    const value: CellValue =
      r === undefined || r === null
        ? null
        : r instanceof Date
          ? toIsoDate(r)
          : typeof r === "object"
            ? String((r as { error?: string }).error ?? "")
            : (r as CellValue);
    const formula = typeof o.formula === "string" ? o.formula : (cell.formula ?? String(o.sharedFormula));
    return { value, formula: formula || "?" };
  }
  if ("error" in o) return { value: String(o.error), formula: null };
  if ("text" in o) {
    const t = o.text as unknown;
    if (typeof t === "string") return { value: t, formula: null };
    if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText)) {
      return {
        value: (t as { richText: { text: string }[] }).richText.map((x) => x.text).join(""),
        formula: null,
      };
    }
  }
  return { value: String(v), formula: null };
};

const unquote = (s: string): string =>
  s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;

/** Items of a list validation: an inline "a,b,c" list, or a range on this or another sheet. */
const listItems = (formula: string, ws: ExcelJS.Worksheet): (string | number)[] => {
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"')) {
    return unquote(f)
      .split(",")
      .map((s) => s.trim())
      .map((s) => (s !== "" && Number.isFinite(Number(s)) ? Number(s) : s));
  }
  const bang = f.lastIndexOf("!");
  const sheetName = bang >= 0 ? f.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
  const target = sheetName ? ws.workbook.getWorksheet(sheetName) : ws;
  const r = parseRange(bang >= 0 ? f.slice(bang + 1) : f);
  if (!target || !r) return [];
  const out: (string | number)[] = [];
  for (let i = 0; i < r.rowCount; i++)
    for (let j = 0; j < r.colCount; j++) {
      const { value } = readCell(target.getCell(r.row + i + 1, r.col + j + 1));
      if (value !== null && value !== "") out.push(typeof value === "number" ? value : String(value));
    }
  return out;
};

/** Parts of ExcelJS's worksheet its type declarations leave out. */
export interface WorksheetInternals {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, dv: ExcelJS.DataValidation): void;
  };
  sheetProtection: { sheet?: boolean } | null;
  _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }>;
}
export const internals = (ws: ExcelJS.Worksheet): WorksheetInternals => ws as unknown as WorksheetInternals;

const readValidations = (ws: ExcelJS.Worksheet): ListValidation[] => {
  const model = internals(ws).dataValidations.model;
  // Cells read from a file share one object per <dataValidation>; group by it, then by row runs.
  const byRule = new Map<ExcelJS.DataValidation, CellRange[]>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv || dv.type !== "list") continue;
    for (const part of address.split(/\s+/)) {
      const r = parseRange(part);
      if (!r) continue;
      const list = byRule.get(dv) ?? [];
      list.push(r);
      byRule.set(dv, list);
    }
  }
  const out: ListValidation[] = [];
  for (const [dv, ranges] of byRule) {
    const list = listItems(String(dv.formulae?.[0] ?? ""), ws);
    ranges.sort((a, b) => a.row - b.row || a.col - b.col);
    let run: CellRange | null = null;
    for (const r of ranges) {
      if (
        run &&
        r.rowCount === 1 &&
        run.rowCount === 1 &&
        r.row === run.row &&
        r.col === run.col + run.colCount
      ) {
        run.colCount += r.colCount;
        continue;
      }
      if (run) out.push({ range: run, list });
      run = { ...r };
    }
    if (run) out.push({ range: run, list });
  }
  return out;
};

export const readGrid = (ws: ExcelJS.Worksheet): SheetGrid => {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged cell's followers echo the master's value in ExcelJS; the sheet shows it once.
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula } = readCell(cell);
      if (value === null && formula === null) return;
      const c = colNumber - 1;
      (values[r] ??= [])[c] = value;
      if (formula !== null) (formulas[r] ??= [])[c] = formula;
      width = Math.max(width, c + 1);
    });
  });
  const height = values.length;
  const dense: CellValue[][] = [];
  const denseF: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    const row = values[r] ?? [];
    const frow = formulas[r] ?? [];
    dense.push(Array.from({ length: width }, (_, c) => row[c] ?? null));
    denseF.push(Array.from({ length: width }, (_, c) => frow[c] ?? null));
  }
  const hiddenCols: number[] = [];
  const colCount = Math.max(width, ws.columnCount);
  for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  const merges: CellRange[] = [];
  const mergeMap = internals(ws)._merges;
  for (const m of Object.values(mergeMap ?? {})) {
    const { top, left, bottom, right } = m.model;
    merges.push({ row: top - 1, col: left - 1, rowCount: bottom - top + 1, colCount: right - left + 1 });
  }
  return {
    name: ws.name,
    visibility: (ws.state ?? "visible") as Visibility,
    protected: Boolean(internals(ws).sheetProtection?.sheet),
    values: dense,
    formulas: denseF,
    hiddenRows,
    hiddenCols,
    merges,
    validations: readValidations(ws),
  };
};
