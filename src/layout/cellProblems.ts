/**
 * Cells a sheet's file holds that the grid does not (SheetGrid.problems: the parts host reads the XML
 * itself and reports what a spreadsheet would read differently, or not at all), as findings at the cell.
 * Ambiguous cells are errors: the score a member meant cannot be known. Cells beyond the sheet or far from
 * every other cell are warnings: they are not read, and nothing of the council's is there.
 */
import type { Finding, Where } from "../ocop/findings";
import { defineMessages, registerMessages } from "../ocop/messages";
import type { CellProblem, GridLike } from "./grid";

export const CELL_CODES = {
  rowMismatch: "cell.rowMismatch",
  unknownType: "cell.unknownType",
  badCharacter: "cell.badCharacter",
  outsideSheet: "cell.outsideSheet",
  farAway: "cell.farAway",
} as const satisfies Record<CellProblem["kind"], string>;

type CellCode = (typeof CELL_CODES)[keyof typeof CELL_CODES];

const WARNING: ReadonlySet<CellProblem["kind"]> = new Set(["outsideSheet", "farAway"]);

/** One finding per problem the reader noted on the sheet. */
export const cellProblemFindings = (grid: GridLike, where: Partial<Where>): Finding[] =>
  (grid.problems ?? []).map((p) => ({
    code: CELL_CODES[p.kind],
    severity: WARNING.has(p.kind) ? "warning" : "error",
    where: { ...where, sheet: grid.name, cell: p.cell },
    params: { detail: p.detail, cell: p.cell },
  }));

const resaveVi =
  "Mở tệp bằng Excel, kiểm tra ô này, nhập lại giá trị rồi lưu lại (Excel ghi lại tệp cho đúng).";
const resaveEn =
  "Open the file in Excel, check this cell, type its value again and save (Excel rewrites the file properly).";

registerMessages(
  defineMessages<CellCode>({
    vi: {
      "cell.rowMismatch": {
        message:
          "Ô {cell} nằm trong dòng {detail} của tệp nhưng ghi địa chỉ một dòng khác; các phần mềm đặt ô này khác nhau nên không đọc.",
        fix: resaveVi,
      },
      "cell.unknownType": {
        message: "Ô có kiểu dữ liệu “{detail}” không có trong định dạng .xlsx; không đọc giá trị.",
        fix: resaveVi,
      },
      "cell.badCharacter": {
        message: "Ô có ký tự không hợp lệ ({detail}, ngoài bảng mã Unicode/XML); không đọc giá trị.",
        fix: resaveVi,
      },
      "cell.outsideSheet": {
        message: "Tệp có ô {detail} nằm ngoài trang tính (quá cột XFD hoặc dòng 1.048.576); ô này bị bỏ qua.",
        fix: "Tệp do phần mềm khác sửa: mở bằng Excel, lưu lại; nếu ô có dữ liệu cần, nhập lại vào đúng chỗ.",
      },
      "cell.farAway": {
        message: "Ô có giá trị “{detail}” nằm rất xa vùng dữ liệu của sheet; ô này không được đọc.",
        fix: "Xóa ô này (Ctrl+End để tìm), hoặc chuyển giá trị về đúng chỗ trên phiếu rồi lưu lại.",
      },
    },
    en: {
      "cell.rowMismatch": {
        message:
          "Cell {cell} sits in row {detail} of the file but names another row; readers place it differently, so it was not read.",
        fix: resaveEn,
      },
      "cell.unknownType": {
        message: "The cell has data type “{detail}”, which .xlsx does not have; its value was not read.",
        fix: resaveEn,
      },
      "cell.badCharacter": {
        message:
          "The cell holds an invalid character ({detail}, outside Unicode/XML); its value was not read.",
        fix: resaveEn,
      },
      "cell.outsideSheet": {
        message:
          "The file has a cell {detail} outside the sheet (beyond column XFD or row 1,048,576); it was ignored.",
        fix: "Other software edited the file: open it in Excel and save it; if the cell held something needed, type it in its place.",
      },
      "cell.farAway": {
        message: "A cell holding “{detail}” lies far from the rest of the sheet; it was not read.",
        fix: "Delete that cell (Ctrl+End finds it), or move the value where it belongs on the sheet, and save.",
      },
    },
  })
);
