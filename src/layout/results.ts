/**
 * "Kết quả chi tiết": per product the members' totals side by side with mean, spread and class, then per
 * product and member the part subtotals. Owned by the add-in and rewritten whole at each run.
 */
import type { Consolidation } from "../ocop/results";
import type { Session } from "../ocop/session";
import { FORMAT, put, range } from "./build";
import { YES } from "./labels";
import { TABLE_STYLE } from "./palette";
import { SHEETS } from "./names";
import { emptyPlan, type SheetPlan } from "./plan";
import { remarkOf } from "./remarks";
import { DOSSIER_WORDS, selfAssessmentGap, type Dossier } from "../ocop/dossier";
import { outcomeLabel } from "./outcomes";
import { rowHeightFor } from "./rowHeight";

/** The name of the detailed results' table (table names are unique in a workbook; this sheet is the only one). */
export const RESULTS_TABLE = "KetQuaChiTiet";

/** A council mean more than the spread threshold below the producer's own total is worth a look. */
const gapWarning = (
  d: Dossier | undefined,
  mean: number | null,
  threshold: number
): "warning" | undefined => {
  const gap = selfAssessmentGap(d, mean);
  return gap !== null && gap < -threshold ? "warning" : undefined;
};

/** The remarks column's width in characters; its text wraps. */
const REMARK_WIDTH = 36;
/** Columns repeated on every printed section: STT, product code and name. */
const TITLE_COLS = 3;
const MARGINS = { left: 10, right: 10, top: 15, bottom: 15, header: 8, footer: 8 };
/**
 * A4 landscape's printable width in pixels at 96 dpi (297 mm less the side margins), less 8 % because
 * LibreOffice lays columns out a little wider than Excel's pixel formula says.
 */
const PRINTABLE_PX = ((297 - MARGINS.left - MARGINS.right) / 25.4) * 96 * 0.92;
/** The lowest print scale the council's paper may use (issue 15: no scale under 70 %). */
export const MIN_PRINT_SCALE = 70;
/** Excel's pixel width of a column `w` characters wide (7 px per character of the default font, 5 px padding). */
const columnPx = (w: number): number => Math.round(w * 7 + 5);

/**
 * The print scale and the columns that start a new section: the largest scale (by 5 %, not under 70 %) at which
 * the columns after the repeated titles fit in at most two sections, each page holding the titles and one
 * section. When even 70 % needs more, it stays at 70 % and takes as many sections as needed.
 */
export const printSections = (widths: number[]): { scale: number; breaks: number[] } => {
  const px = widths.map(columnPx);
  const titles = px.slice(0, TITLE_COLS).reduce((a, b) => a + b, 0);
  const split = (scale: number): number[] => {
    const room = (PRINTABLE_PX * 100) / scale - titles;
    const breaks: number[] = [];
    let used = 0;
    for (let col = TITLE_COLS; col < px.length; col++) {
      if (used > 0 && used + px[col]! > room) {
        breaks.push(col);
        used = 0;
      }
      used += px[col]!;
    }
    return breaks;
  };
  for (let scale = 100; scale >= MIN_PRINT_SCALE; scale -= 5) {
    const breaks = split(scale);
    if (breaks.length <= 1) return { scale, breaks };
  }
  return { scale: MIN_PRINT_SCALE, breaks: split(MIN_PRINT_SCALE) };
};

export const planResultsSheet = (session: Session, c: Consolidation): SheetPlan => {
  const plan = emptyPlan(SHEETS.results, "results");
  const dec = FORMAT.mean(c.settings.displayDecimals);
  const products = new Map(session.products.map((p) => [p.code, p]));
  const members = session.members.map((m) => m.code);
  put(plan, 0, 0, "KẾT QUẢ CHẤM ĐIỂM CHI TIẾT", "title");
  // Over the repeated columns, so that a centred title stays on the printed page.
  plan.merges.push(range(0, 0, 1, TITLE_COLS));
  put(
    plan,
    1,
    0,
    `${session.council.name} — năm ${session.council.year}. Trang do Add-in ghi lại mỗi lần tổng hợp; không nhập vào đây.`,
    "muted"
  );

  const head = [
    "STT",
    "Mã SP",
    "Tên sản phẩm",
    "Phiếu",
    ...members,
    "Số TV chấm",
    "Điểm TB",
    "Thấp nhất",
    "Cao nhất",
    "Chênh lệch",
    "Độ lệch chuẩn",
    "TB phần A",
    "TB phần B",
    "TB phần C",
    "Sao theo điểm",
    "Xếp hạng sao",
    "Kết quả đề nghị",
    "Thứ tự",
    "Loại hồ sơ",
    "Điểm tự đánh giá (Mẫu 02)",
    "Điểm HĐ trừ tự đánh giá",
    "Ghi chú",
  ];
  const h = 3;
  head.forEach((t, col) => put(plan, h, col, t, "header"));
  // The products as an Excel table, so people can filter and sort them (the protection allows it); a table
  // needs a data row, so an empty run keeps one blank row.
  plan.tables.push({
    name: RESULTS_TABLE,
    range: range(h, 0, Math.max(c.products.length, 1) + 1, head.length),
    style: TABLE_STYLE,
  });
  let row = h + 1;
  c.products.forEach((r, i) => {
    const p = products.get(r.product);
    const totals = new Map(r.members.map((m) => [m.member, m]));
    const flagged = r.flags.some((f) => f.code === "spread");
    const cells: [number | string | null, string?, ("warning" | "error")?][] = [
      [i + 1, FORMAT.integer],
      [r.product],
      [p?.name ?? ""],
      [r.form],
      ...members.map((m): [number | null, string, "warning"?] => {
        const t = totals.get(m);
        return [t ? t.total : null, FORMAT.points, t?.deviating ? "warning" : undefined];
      }),
      [r.count, FORMAT.integer],
      [r.mean, dec],
      [r.min, FORMAT.points],
      [r.max, FORMAT.points],
      [r.range, FORMAT.points, flagged ? "warning" : undefined],
      [r.stdev, "0.00"],
      [r.partMeans?.A ?? null, dec],
      [r.partMeans?.B ?? null, dec],
      [r.partMeans?.C ?? null, dec],
      [r.bandStars, FORMAT.integer],
      [r.stars, FORMAT.integer, r.withheld ? "error" : undefined],
      [outcomeLabel(c, r.outcome)],
      [r.rank, FORMAT.integer],
      [DOSSIER_WORDS[p?.dossier?.type ?? "first"].vi],
      [p?.dossier?.selfAssessed ?? null, FORMAT.points],
      [
        selfAssessmentGap(p?.dossier, r.mean),
        dec,
        gapWarning(p?.dossier, r.mean, c.settings.spreadThreshold),
      ],
      [remarkOf(r, p), undefined, undefined],
    ];
    cells.forEach(([v, fmt, style], col) =>
      put(
        plan,
        row,
        col,
        v,
        style ?? (typeof v === "number" ? "number" : col === cells.length - 1 ? "wrap" : "text"),
        fmt ? { numberFormat: fmt } : {}
      )
    );
    // The remarks wrap inside their column (text running on to the right would print as pages of its own).
    const remark = String(cells[cells.length - 1]![0] ?? "");
    if (remark)
      plan.rows.push({
        index: row,
        height: rowHeightFor([{ text: remark, widths: [REMARK_WIDTH], font: { size: 11 } }], 15),
      });
    row++;
  });

  row += 2;
  put(plan, row++, 0, "ĐIỂM TỪNG PHẦN THEO THÀNH VIÊN", "subtitle");
  const detail = ["Mã SP", "Thành viên", "Phần A", "Phần B", "Phần C", "Tổng", "Lệch nhiều so với TB"];
  detail.forEach((t, col) => put(plan, row, col, t, "header"));
  row++;
  for (const r of c.products) {
    for (const m of r.members) {
      put(plan, row, 0, r.product, "text");
      put(plan, row, 1, m.member, "text");
      put(plan, row, 2, m.parts.A, "number", { numberFormat: FORMAT.points });
      put(plan, row, 3, m.parts.B, "number", { numberFormat: FORMAT.points });
      put(plan, row, 4, m.parts.C, "number", { numberFormat: FORMAT.points });
      put(plan, row, 5, m.total, "number", { numberFormat: FORMAT.points });
      put(plan, row, 6, m.deviating ? YES : "", m.deviating ? "warning" : "text");
      row++;
    }
  }
  plan.columns.push(
    { index: 0, width: 6 },
    { index: 1, width: 12 },
    { index: 2, width: 30 },
    { index: 3, width: 7 }
  );
  members.forEach((_, i) => plan.columns.push({ index: 4 + i, width: 8 }));
  // Numbers and short words; the headers wrap. Kept narrow so that the columns print in two A4 sections.
  for (let col = 4 + members.length; col < head.length - 1; col++)
    plan.columns.push({ index: col, width: col === head.indexOf("Loại hồ sơ") ? 10 : 8 });
  plan.columns.push({ index: head.length - 1, width: REMARK_WIDTH });
  plan.freeze = { rows: h + 1, cols: 3 };
  const sections = printSections(plan.columns.map((c) => c.width ?? 8.43));
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    // Too wide for one A4 width at a readable size: printed in sections side by side, each page repeating
    // the number, code and name of the products, rather than shrunk onto one page width.
    fitToWidth: false,
    scale: sections.scale,
    repeatRows: { first: h, last: h },
    repeatCols: { first: 0, last: TITLE_COLS - 1 },
    colBreaksBefore: sections.breaks,
    margins: MARGINS,
    footer: "Kết quả chi tiết — Trang &P/&N",
  };
  plan.protection = { allow: ["autoFilter", "sort"] };
  return plan;
};
