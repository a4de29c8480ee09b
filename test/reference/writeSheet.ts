/** Carries out one SheetPlan on a fresh ExcelJS worksheet. */
import type ExcelJS from "exceljs";
import { cellAddress, colLetter, rangeAddress } from "../../src/layout/a1";
import type { CellRange, ListValidation, PlannedCell, SheetPlan, StyleName } from "../../src/layout/plan";
import { marginsInches } from "../../src/layout/build";
import { internals } from "./readGrid";
import { TABLE_STYLE } from "../../src/layout/palette";
import { styleFor } from "./styles";

/** Excel's limits on validation texts and on an inline list. */
const LIST_LIMIT = 255;
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + "…" : s);

/** Hash rounds for a sheet password: protection is a deterrent here (tampering is caught by anchors). */
const SPIN_COUNT = 10000;

/**
 * Style objects shared by every cell with the same look. ExcelJS caches a style's id by object identity when
 * it writes (StylesXform.addStyleModel), so a fresh copy per cell re-rendered font, fill and border XML for
 * every cell; shared objects are rendered once. They are never mutated: a cell that needs another number
 * format or protection is given another shared object (see `unlocked` and ExcelJsHost's cell writes).
 */
const shared = new Map<string, Partial<ExcelJS.Style>>();
const sharedStyle = (name: StyleName | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> => {
  const key = `${name ?? ""}|${numFmt ?? ""}`;
  let style = shared.get(key);
  if (!style) {
    style = name ? styleFor(name) : {};
    if (numFmt !== undefined) style.numFmt = numFmt;
    shared.set(key, style);
  }
  return style;
};

const EMPTY_UNLOCKED: Partial<ExcelJS.Style> = { protection: { locked: false } };
const unlockedOf = new WeakMap<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
/** The same look, unlocked: one shared object per style object. */
const unlocked = (style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> => {
  if (!style || Object.keys(style).length === 0) return EMPTY_UNLOCKED;
  let out = unlockedOf.get(style);
  if (!out) {
    out = { ...style, protection: { locked: false } };
    unlockedOf.set(style, out);
  }
  return out;
};

const writeCell = (ws: ExcelJS.Worksheet, p: PlannedCell): void => {
  const cell = ws.getCell(p.row + 1, p.col + 1);
  let numFmt: string | undefined;
  if (p.asText) numFmt = "@";
  else if (p.numberFormat) numFmt = p.numberFormat;
  if (p.asText && p.numberFormat && p.numberFormat !== "@" && typeof p.value !== "string")
    numFmt = p.numberFormat;
  cell.style = sharedStyle(p.style, numFmt);
  if (p.formula !== undefined) {
    cell.value =
      p.value === undefined || p.value === null
        ? { formula: p.formula }
        : ({ formula: p.formula, result: p.value } as ExcelJS.CellFormulaValue);
  } else if (p.value !== undefined) {
    // ExcelJS stores strings as strings, never as formulas, so "=…" typed by a user stays text.
    cell.value = p.value;
  }
};

const eachCell = (r: CellRange, fn: (row: number, col: number) => void): void => {
  for (let i = 0; i < r.rowCount; i++) for (let j = 0; j < r.colCount; j++) fn(r.row + i, r.col + j);
};

const addValidation = (ws: ExcelJS.Worksheet, v: ListValidation, spill: { col: number }): void => {
  const inline = v.list.map(String).join(",");
  let formula: string;
  if (inline.length <= LIST_LIMIT && !v.list.some((x) => String(x).includes(","))) {
    formula = `"${inline.replace(/"/g, '""')}"`;
  } else {
    // Too long (or items with commas): the list goes to a hidden column of the same sheet.
    const col = spill.col++;
    v.list.forEach((item, i) => {
      ws.getCell(i + 1, col + 1).value = item;
    });
    ws.getColumn(col + 1).hidden = true;
    // No sheet name: the sheet is still under its temporary name while it is built.
    formula = `$${colLetter(col)}$1:$${colLetter(col)}$${v.list.length}`;
  }
  const dv: ExcelJS.DataValidation = {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
  };
  if (v.error) {
    dv.errorTitle = clip(v.error.title, 32);
    dv.error = clip(v.error.message, 225);
  }
  if (v.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = clip(v.prompt.title, 32);
    dv.prompt = clip(v.prompt.message, 255);
  }
  internals(ws).dataValidations.add(rangeAddress(v.range), dv);
};

const footerCode = (text: string): string => (/^&[LCR]/.test(text) ? text : `&C${text}`);

export const writePlan = async (ws: ExcelJS.Worksheet, plan: SheetPlan): Promise<void> => {
  for (const c of plan.columns) {
    const col = ws.getColumn(c.index + 1);
    if (c.width !== undefined) col.width = c.width;
    if (c.hidden) col.hidden = true;
  }
  for (const r of plan.rows) {
    const row = ws.getRow(r.index + 1);
    if (r.height !== undefined) row.height = r.height;
    if (r.hidden) row.hidden = true;
  }
  // Tables write their header and rows themselves; the planned cells then restyle them.
  for (const t of plan.tables) {
    const at = new Map(plan.cells.map((p) => [`${p.row},${p.col}`, p.value] as const));
    const columns = Array.from({ length: t.range.colCount }, (_, j) => ({
      name: String(at.get(`${t.range.row},${t.range.col + j}`) ?? `Cột ${j + 1}`),
      filterButton: true,
    }));
    const rows = Array.from({ length: t.range.rowCount - 1 }, (_, i) =>
      Array.from(
        { length: t.range.colCount },
        (_, j) => at.get(`${t.range.row + 1 + i},${t.range.col + j}`) ?? null
      )
    );
    ws.addTable({
      name: t.name,
      ref: cellAddress(t.range.row, t.range.col),
      headerRow: true,
      style: {
        theme: (t.style ?? TABLE_STYLE) as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns,
      rows,
    });
  }
  for (const p of plan.cells) writeCell(ws, p);
  for (const m of plan.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rowCount, m.col + m.colCount);
  const widest = Math.max(0, ...plan.cells.map((c) => c.col), ...plan.columns.map((c) => c.index));
  const spill = { col: widest + 3 };
  for (const v of plan.validations) addValidation(ws, v, spill);
  for (const r of plan.unlocked) {
    eachCell(r, (row, col) => {
      const cell = ws.getCell(row + 1, col + 1);
      cell.style = unlocked(cell.style);
    });
  }
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: plan.freeze.cols,
        ySplit: plan.freeze.rows,
        topLeftCell: cellAddress(plan.freeze.rows, plan.freeze.cols),
      },
    ];
  }
  if (plan.print) {
    const p = plan.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: marginsInches(p),
      ...(p.centerHorizontally ? { horizontalCentered: true } : {}),
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}` } : {}),
      ...(p.repeatCols
        ? { printTitlesColumn: `${colLetter(p.repeatCols.first)}:${colLetter(p.repeatCols.last)}` }
        : {}),
      ...(!p.fitToWidth && p.scale ? { scale: p.scale } : {}),
    };
    ws.headerFooter = {
      ...ws.headerFooter,
      ...(p.footer ? { oddFooter: footerCode(p.footer) } : {}),
      ...(p.header ? { oddHeader: footerCode(p.header) } : {}),
    };
    for (const r of p.breaksBefore ?? []) if (r > 0) ws.getRow(r).addPageBreak();
  }
  if (plan.tabColor) ws.properties.tabColor = { argb: `FF${plan.tabColor.replace("#", "")}` };
  ws.state = plan.visibility;
  if (plan.protection) {
    await ws.protect(plan.protection.password ?? "", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      autoFilter: plan.protection.allow?.includes("autoFilter") ?? false,
      sort: plan.protection.allow?.includes("sort") ?? false,
      ...(plan.protection.password ? { spinCount: SPIN_COUNT } : {}),
    });
  }
};
