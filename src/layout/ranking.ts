/**
 * "Bảng xếp hạng": the official ranking table as the council signs it — heading, title and date, one row
 * per product in the official order, and the chair's and secretary's signature block. Print-ready.
 */
import type { Consolidation } from "../ocop/results";
import type { Session } from "../ocop/session";
import { FORMAT, listPrint, put, putProductCells, range } from "./build";
import { LEVEL_WORDS } from "../ocop/process";
import { SHEETS } from "./names";
import { emptyPlan, type SheetPlan } from "./plan";
import { remarkOf } from "./remarks";
import { planSignatures } from "./signatures";
import { classLabel, outcomeLabel } from "./outcomes";

const COLS = [
  "STT",
  "Mã SP",
  "Tên sản phẩm",
  "Chủ thể",
  "Xã, phường",
  "Nhóm sản phẩm",
  "Điểm TB",
  "Hạng sao",
  "Kết quả đề nghị",
  "Ghi chú",
];
const WIDTHS = [5, 12, 30, 26, 16, 18, 9, 10, 18, 36];

/** "Huyện X, ngày 01 tháng 06 năm 2026". */
export const dateLine = (place: string, iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const date = m ? `ngày ${m[3]} tháng ${m[2]} năm ${m[1]}` : "ngày …… tháng …… năm ……";
  return place ? `${place}, ${date}` : date;
};

export const planRankingSheet = (session: Session, c: Consolidation, runDate: string): SheetPlan => {
  const plan = emptyPlan(SHEETS.ranking, "ranking");
  const last = COLS.length - 1;
  const line = (
    row: number,
    col: number,
    span: number,
    text: string,
    style: "title" | "subtitle" | "signature" | "muted" | "text"
  ): void => {
    put(plan, row, col, text, style);
    plan.merges.push(range(row, col, 1, span));
  };
  line(0, 0, 4, session.council.name.toUpperCase(), "signature");
  line(0, 5, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "signature");
  line(1, 5, 5, "Độc lập - Tự do - Hạnh phúc", "signature");
  line(3, 0, last + 1, "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", "title");
  line(
    4,
    0,
    last + 1,
    `${LEVEL_WORDS[session.council.level].council.toUpperCase()} NĂM ${session.council.year}`,
    "signature"
  );
  line(5, 0, last + 1, dateLine(session.council.place, session.council.date || runDate), "muted");
  const h = 7;
  COLS.forEach((t, col) => put(plan, h, col, t, "header"));
  const products = new Map(session.products.map((p) => [p.code, p]));
  const dec = FORMAT.mean(c.settings.displayDecimals);
  c.products.forEach((r, i) => {
    const row = h + 1 + i;
    const p = products.get(r.product);
    putProductCells(plan, row, i + 1, r.product, p, r.mean, dec);
    // Stars stay numbers ("4 sao" by format); a province's 5★ is only a potential (Điều 7.3.e), printed as words.
    if (r.outcome === "potential-5") put(plan, row, 7, classLabel(r), "wrap");
    else put(plan, row, 7, r.stars, r.stars ? "number" : "text", { numberFormat: '0" sao"' });
    put(plan, row, 8, outcomeLabel(c, r.outcome), "wrap");
    put(plan, row, 9, remarkOf(r, p), "wrap");
  });
  const end = h + 1 + c.products.length;
  planSignatures(plan, session, end + 2, { left: [0, 4], right: [5, 5] });
  WIDTHS.forEach((width, index) => plan.columns.push({ index, width }));
  plan.print = listPrint(h);
  plan.protection = {};
  return plan;
};
