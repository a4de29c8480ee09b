/** Small helpers for filling a SheetPlan; user text always goes in as text, never as a formula. */
import type { CellRange, CellValue, PlannedCell, PrintSetup, SheetPlan, StyleName } from "./plan";

export const put = (
  plan: SheetPlan,
  row: number,
  col: number,
  value: CellValue,
  style?: StyleName,
  extra?: Partial<PlannedCell>
): void => {
  const cell: PlannedCell = { row, col, value: value === "" ? null : value };
  if (style) cell.style = style;
  // Any string may come from a user; marking it as text keeps "=…", "+84…" or "-" literal.
  if (typeof value === "string" && value !== "") cell.asText = true;
  // One object per cell: a province score sheet plans ~17,000 of them.
  if (extra) Object.assign(cell, extra);
  plan.cells.push(cell);
};

export const putFormula = (
  plan: SheetPlan,
  row: number,
  col: number,
  formula: string,
  style?: StyleName,
  numberFormat?: string,
  /** The value the formula computes, stored with it for readers that do not recalculate. */
  value?: CellValue
): void => {
  const cell: PlannedCell = { row, col, formula };
  if (value !== undefined) cell.value = value;
  if (style) cell.style = style;
  if (numberFormat) cell.numberFormat = numberFormat;
  plan.cells.push(cell);
};

export const range = (row: number, col: number, rowCount = 1, colCount = 1): CellRange => ({
  row,
  col,
  rowCount,
  colCount,
});

export const widths = (plan: SheetPlan, list: number[]): void => {
  list.forEach((width, index) => plan.columns.push({ index, width }));
};

/** Text of a cell as people see it: numbers without trailing zeros, trimmed, "" for empty. */
export const cellText = (v: CellValue | undefined): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.normalize("NFC").trim();
};

/** Number formats with Vietnamese-friendly display (the separators follow the reader's locale). */
export const FORMAT = {
  integer: "0",
  points: "General",
  mean: (decimals: number): string => (decimals > 0 ? `0.${"0".repeat(decimals)}` : "0"),
  percent: "0%",
  text: "@",
} as const;

/** Margins in inches (as the file formats store them) from the plan's millimetres, or the hosts' default. */
export const marginsInches = (
  print: PrintSetup
): { left: number; right: number; top: number; bottom: number; header: number; footer: number } => {
  const m = print.margins;
  if (!m) return { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  const inch = (mm: number): number => Math.round((mm / 25.4) * 1000) / 1000;
  return {
    left: inch(m.left),
    right: inch(m.right),
    top: inch(m.top),
    bottom: inch(m.bottom),
    header: inch(m.header),
    footer: inch(m.footer),
  };
};

/** A printed list: A4, one page wide, the header row repeated on every page, "Trang 1/3" at the foot. */
export const listPrint = (
  headerRow: number,
  orientation: PrintSetup["orientation"] = "landscape"
): PrintSetup => ({
  orientation,
  paper: "A4",
  fitToWidth: true,
  repeatRows: { first: headerRow, last: headerRow },
  footer: "Trang &P/&N",
});

/**
 * The first seven columns every council list prints for a product: STT, code, name, producer, commune, group and
 * the council's mean ("Điểm TB").
 */
export const putProductCells = (
  plan: SheetPlan,
  row: number,
  position: number,
  code: string,
  product: { name: string; owner: string; commune: string; group: string } | undefined,
  mean: number | null,
  meanFormat: string
): void => {
  put(plan, row, 0, position, "number", { numberFormat: FORMAT.integer });
  put(plan, row, 1, code, "text");
  put(plan, row, 2, product?.name ?? "", "wrap");
  put(plan, row, 3, product?.owner ?? "", "wrap");
  put(plan, row, 4, product?.commune ?? "", "wrap");
  put(plan, row, 5, product?.group ?? "", "wrap");
  put(plan, row, 6, mean, "number", { numberFormat: meanFormat });
};
