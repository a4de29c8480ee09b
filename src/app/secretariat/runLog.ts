/**
 * "Lịch sử tổng hợp": one row per consolidation run from the pane, oldest first, kept across runs (the
 * "Nhật ký" sheet details the latest run only). Each run reads the rows written before and plans the
 * sheet again with one more row, so the history survives every re-run.
 */
import { put } from "../../layout/build";
import { FORMAT } from "../../layout/build";
import type { ImportRecord } from "../../layout/meta";
import { emptyPlan, type CellValue, type SheetPlan } from "../../layout/plan";
import type { Consolidation } from "../../ocop/results";

export const RUN_LOG_SHEET = "Lịch sử tổng hợp";

const HEADERS = [
  "Lần",
  "Thời điểm",
  "Công cụ",
  "Số sản phẩm",
  "5 sao",
  "4 sao",
  "3 sao",
  "2 sao",
  "1 sao",
  "Chưa xếp hạng",
  "Cảnh báo",
  "Phiếu đã nhập (tệp, thành viên, SHA-256)",
];
const HEADER_ROW = 2;

export interface RunRow {
  at: string;
  tool: string;
  consolidation: Consolidation;
  imports: readonly ImportRecord[];
}

/** Rows of earlier runs as read back (values only), or none when the sheet is new. */
export const previousRuns = (values: CellValue[][] | null): CellValue[][] => {
  if (!values) return [];
  const head = values.findIndex((row) => row[0] === HEADERS[0] && row[1] === HEADERS[1]);
  if (head < 0) return [];
  return values
    .slice(head + 1)
    .filter((row) => row.some((v) => v !== null && v !== ""))
    .map((row) => HEADERS.map((_, i) => row[i] ?? null));
};

export const planRunLog = (previous: CellValue[][], run: RunRow): SheetPlan => {
  const plan = emptyPlan(RUN_LOG_SHEET, "audit");
  put(plan, 0, 0, "LỊCH SỬ CÁC LẦN TỔNG HỢP", "title");
  put(plan, 1, 0, "Mỗi lần tổng hợp thêm một dòng; sheet do Add-in ghi, không sửa.", "muted");
  HEADERS.forEach((h, col) => put(plan, HEADER_ROW, col, h, "header"));
  const c = run.consolidation;
  const warnings = c.findings.filter((f) => f.severity === "warning").length;
  const files = run.imports.map((i) => `${i.file} (${i.member}) ${i.sha256}`).join("\n");
  const row: CellValue[] = [
    previous.length + 1,
    run.at,
    run.tool,
    c.products.length,
    c.starCounts[5],
    c.starCounts[4],
    c.starCounts[3],
    c.starCounts[2],
    c.starCounts[1],
    c.starCounts[0],
    warnings,
    files,
  ];
  [...previous, row].forEach((values, i) =>
    values.forEach((v, col) =>
      put(
        plan,
        HEADER_ROW + 1 + i,
        col,
        v,
        col === HEADERS.length - 1 ? "wrap" : typeof v === "number" ? "number" : "text",
        typeof v === "number" ? { numberFormat: FORMAT.integer } : {}
      )
    )
  );
  [6, 24, 18, 10, 7, 7, 7, 7, 7, 10, 9, 90].forEach((width, index) => plan.columns.push({ index, width }));
  plan.freeze = { rows: HEADER_ROW + 1, cols: 0 };
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
    footer: "Trang &P/&N",
  };
  plan.protection = {};
  return plan;
};
