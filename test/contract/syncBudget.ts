/** Score-sheet-like plans of a given size, and the sync counts the Excel host spends on them (test + benchmark). */
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { emptyPlan, type PlannedCell, type SheetPlan } from "../../src/layout/plan";
import { FakeExcel } from "../fakes/fakeExcel";

export interface Size {
  sheets: number;
  products: number;
  rows: number;
}

/** A member's score sheet: title, header of product codes, criteria rows with scores, a total row of formulas. */
export function scoreLikePlan(name: string, products: number, rows: number): SheetPlan {
  const cells: PlannedCell[] = [{ row: 0, col: 0, value: `Phiếu chấm điểm – ${name}`, style: "title" }];
  cells.push({ row: 1, col: 0, value: "Tiêu chí", style: "header" });
  for (let p = 0; p < products; p++)
    cells.push({
      row: 1,
      col: 1 + p,
      value: `SP-${String(p + 1).padStart(3, "0")}`,
      style: "header",
      asText: true,
    });
  for (let r = 0; r < rows; r++) {
    cells.push({
      row: 2 + r,
      col: 0,
      value: `${Math.floor(r / 5) + 1}.${(r % 5) + 1} Tiêu chí số ${r + 1}`,
      style: "wrap",
    });
    for (let p = 0; p < products; p++)
      cells.push({ row: 2 + r, col: 1 + p, value: (r + p) % 6, style: "score" });
  }
  const total = 2 + rows;
  cells.push({ row: total, col: 0, value: "Tổng", style: "total" });
  for (let p = 0; p < products; p++) {
    const col = 1 + p;
    const letter = colName(col);
    cells.push({
      row: total,
      col,
      formula: `SUM(${letter}3:${letter}${total})`,
      style: "total",
      numberFormat: "0.0",
    });
  }
  return {
    ...emptyPlan(name, "score"),
    cells,
    merges: [{ row: 0, col: 0, rowCount: 1, colCount: Math.min(products + 1, 8) }],
    columns: [
      { index: 0, width: 40 },
      ...Array.from({ length: products }, (_, p) => ({ index: 1 + p, width: 9 })),
    ],
    rows: [
      { index: 0, height: 24 },
      { index: total + 1, hidden: true },
    ],
    validations: [
      {
        range: { row: 2, col: 1, rowCount: rows, colCount: products },
        list: [0, 1, 2, 3, 4, 5],
        prompt: { title: "Điểm", message: "Chọn mức điểm 0–5" },
        error: { title: "Sai điểm", message: "Chỉ được chọn 0, 1, 2, 3, 4 hoặc 5." },
      },
    ],
    unlocked: [{ row: 2, col: 1, rowCount: rows, colCount: products }],
    protection: { password: "ocop" },
    freeze: { rows: 2, cols: 1 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: { first: 0, last: 1 },
      footer: "Trang &P / &N",
    },
  };
}

function colName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface Measured {
  apply: number;
  reapply: number;
  readSheets: number;
  listSheets: number;
  cellWrites: number;
  getSelection: number;
  maxRequestBytes: number;
  maxRequestCells: number;
}

/** Runs the host's methods on a fresh fake Excel and counts the context.sync calls of each. */
export async function measure(size: Size, maxApi = "1.17"): Promise<Measured> {
  const fake = new FakeExcel({ maxApi });
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  const names = Array.from({ length: size.sheets }, (_, i) => `Thành viên ${i + 1}`);
  const plans = names.map((n) => scoreLikePlan(n, size.products, size.rows));
  const count = async (fn: () => Promise<unknown>): Promise<number> => {
    const before = fake.stats.syncs;
    await fn();
    return fake.stats.syncs - before;
  };
  const apply = await count(() => host.apply({ plans, select: { sheet: names[0]!, row: 2, col: 1 } }));
  const reapply = await count(() => host.apply({ plans }));
  const readSheets = await count(() => host.readSheets(names));
  const listSheets = await count(() => host.listSheets());
  const cellWrites = await count(() =>
    host.apply({
      plans: [],
      cellWrites: names.map((sheet, i) => ({ sheet, row: 2, col: 1 + (i % size.products), value: 5 })),
    })
  );
  const getSelection = await count(() => host.getSelection());
  return {
    apply,
    reapply,
    readSheets,
    listSheets,
    cellWrites,
    getSelection,
    maxRequestBytes: fake.stats.maxRequestBytes,
    maxRequestCells: fake.stats.maxRequestCells,
  };
}
