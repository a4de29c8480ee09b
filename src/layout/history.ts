/**
 * "Lịch sử điểm": every score that reached the council workbook, one row per cell change, oldest first:
 * time, round, member, product, criterion, old and new value, where it came from (pane, the sheet itself,
 * a member's book with its SHA-256, a paper form entered twice, a round), and who entered it. The add-in
 * owns the sheet (protected, rewritten whole with the new rows added); `parseHistorySheet` reads it back,
 * and the results can be computed again from it alone (`replayHistory`).
 */
import type { Finding } from "../ocop/findings";
import type { ScoreChange, ScoreSource } from "../ocop/history";
import { cellAddress } from "./a1";
import { FORMAT, cellText, put } from "./build";
import { LAYOUT_CODES } from "./codes";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";

const TITLE = "LỊCH SỬ ĐIỂM CHẤM";
const HEADER_ROW = 2;
const FIRST_ROW = 3;

export const HISTORY_HEADER = [
  "Thời điểm",
  "Vòng",
  "Thành viên",
  "Sản phẩm",
  "Tiêu chí",
  "Điểm cũ",
  "Điểm mới",
  "Nguồn",
  "Tệp",
  "SHA-256",
  "Người nhập phiếu giấy",
  "Người đối chiếu",
  "Người ghi",
] as const;

/** The words for each source, printed and read back. */
export const SOURCE_LABEL: Record<ScoreSource["kind"], string> = {
  pane: "Ngăn tác vụ",
  sheet: "Nhập trên trang tính",
  book: "Sổ phiếu chấm",
  paper: "Phiếu giấy (nhập hai lần)",
  round: "Mở vòng chấm",
};

const KIND_OF = new Map(Object.entries(SOURCE_LABEL).map(([k, v]) => [v, k as ScoreSource["kind"]]));

const pointsOrEmpty = (v: number | null): CellValue => v;

export const planHistorySheet = (changes: readonly ScoreChange[]): SheetPlan => {
  const plan = emptyPlan(SHEETS.history, "history");
  put(plan, 0, 0, TITLE, "title");
  put(
    plan,
    1,
    0,
    "Mỗi lần một điểm được nhập hay sửa, Add-in thêm một dòng; không dòng nào bị xóa. Sheet do Add-in ghi, không sửa.",
    "muted"
  );
  HISTORY_HEADER.forEach((h, col) => put(plan, HEADER_ROW, col, h, "header"));
  changes.forEach((c, i) => {
    const row = FIRST_ROW + i;
    const s = c.source;
    put(plan, row, 0, c.at, "text");
    put(plan, row, 1, c.round, "number", { numberFormat: FORMAT.integer });
    put(plan, row, 2, c.member, "text");
    put(plan, row, 3, c.product, "text");
    put(plan, row, 4, c.criterion, "text");
    put(plan, row, 5, pointsOrEmpty(c.old), "number", { numberFormat: FORMAT.points });
    put(plan, row, 6, pointsOrEmpty(c.new), "number", { numberFormat: FORMAT.points });
    put(plan, row, 7, SOURCE_LABEL[s.kind], "text");
    if (s.kind === "book") {
      put(plan, row, 8, s.file, "text");
      put(plan, row, 9, s.sha256, "text");
    }
    if (s.kind === "paper") {
      put(plan, row, 10, s.enteredBy, "text");
      put(plan, row, 11, s.checkedBy, "text");
    }
    put(plan, row, 12, c.by, "text");
  });
  plan.columns.push(
    { index: 0, width: 24 },
    { index: 1, width: 6 },
    { index: 2, width: 12 },
    { index: 3, width: 18 },
    { index: 4, width: 10 },
    { index: 5, width: 9 },
    { index: 6, width: 9 },
    { index: 7, width: 24 },
    { index: 8, width: 28 },
    { index: 9, width: 30 },
    { index: 10, width: 18 },
    { index: 11, width: 18 },
    { index: 12, width: 18 }
  );
  plan.freeze = { rows: FIRST_ROW, cols: 0 };
  plan.protection = {};
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    footer: "Lịch sử điểm — Trang &P/&N",
  };
  return plan;
};

export interface ParsedHistory {
  changes: ScoreChange[];
  findings: Finding[];
}

const points = (v: CellValue | undefined): number | null | undefined =>
  v === null || v === undefined || v === ""
    ? null
    : typeof v === "number" && Number.isFinite(v)
      ? v
      : undefined;

/**
 * The history as read back (values from A1). No sheet, or not ours: no changes. A row that cannot be
 * read (a value that is not points, an unknown source, no member or product) is an error naming the
 * cell: the history is the council's evidence, so a damaged row is never skipped silently.
 */
export const parseHistorySheet = (values: CellValue[][] | null, file?: string): ParsedHistory => {
  const changes: ScoreChange[] = [];
  const findings: Finding[] = [];
  if (!values || cellText(values[0]?.[0]) !== TITLE) return { changes, findings };
  for (let r = FIRST_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => v === null || v === "")) continue;
    const bad = (col: number, field: string): void => {
      findings.push({
        code: LAYOUT_CODES.historyRowInvalid,
        severity: "error",
        where: { file, sheet: SHEETS.history, cell: cellAddress(r, col) },
        params: { row: r + 1, field, value: cellText(row[col]) },
      });
    };
    const round = row[1];
    const old = points(row[5]);
    const now = points(row[6]);
    const kind = KIND_OF.get(cellText(row[7]));
    const member = cellText(row[2]);
    const product = cellText(row[3]);
    const criterion = cellText(row[4]);
    if (typeof round !== "number" || !Number.isInteger(round) || round < 1) bad(1, HISTORY_HEADER[1]);
    else if (!member) bad(2, HISTORY_HEADER[2]);
    else if (!product) bad(3, HISTORY_HEADER[3]);
    else if (!criterion) bad(4, HISTORY_HEADER[4]);
    else if (old === undefined) bad(5, HISTORY_HEADER[5]);
    else if (now === undefined) bad(6, HISTORY_HEADER[6]);
    else if (!kind) bad(7, HISTORY_HEADER[7]);
    else {
      const source: ScoreSource =
        kind === "book"
          ? { kind, file: cellText(row[8]), sha256: cellText(row[9]) }
          : kind === "paper"
            ? { kind, enteredBy: cellText(row[10]), checkedBy: cellText(row[11]) }
            : kind === "round"
              ? { kind, round }
              : { kind };
      changes.push({
        at: cellText(row[0]),
        member,
        product,
        criterion,
        round,
        old,
        new: now,
        source,
        by: cellText(row[12]),
      });
    }
  }
  return { changes, findings };
};
