/** "Tổng hợp": how many products reached each class, by commune and by product group, with a chart. */
import type { Consolidation, ProductResult } from "../ocop/results";
import type { Session } from "../ocop/session";
import { FORMAT, put, range } from "./build";
import { SHEETS } from "./names";
import { emptyPlan, type SheetPlan } from "./plan";
import { outcomeLabel, outcomesAt } from "./outcomes";
import { selfAssessmentGap } from "../ocop/dossier";

const CLASSES = [5, 4, 3, 2, 1] as const;

const starsLabel = (s: number): string => (s === 0 ? "Chưa xếp hạng" : `${s} sao`);

export const planSummarySheet = (session: Session, c: Consolidation): SheetPlan => {
  const plan = emptyPlan(SHEETS.summary, "summary");
  put(plan, 0, 0, "TỔNG HỢP KẾT QUẢ PHÂN HẠNG", "title");
  put(plan, 1, 0, `${session.council.name} — năm ${session.council.year}`, "muted");
  let row = 3;
  // What the council proposes, by outcome (the chart shows it); then the star bands behind it.
  put(plan, row, 0, "Kết quả đề nghị", "header");
  put(plan, row, 1, "Số sản phẩm", "header");
  const outcomes = outcomesAt(c);
  const first = row + 1;
  for (const o of outcomes) {
    row++;
    put(plan, row, 0, outcomeLabel(c, o), "text");
    put(plan, row, 1, c.products.filter((p) => p.outcome === o).length, "number", {
      numberFormat: FORMAT.integer,
    });
  }
  row++;
  put(plan, row, 0, "Tổng", "total");
  put(plan, row, 1, c.products.length, "total", { numberFormat: FORMAT.integer });
  plan.charts.push({
    kind: "column",
    title: "Số sản phẩm theo kết quả đề nghị",
    categories: range(first, 0, outcomes.length, 1),
    values: range(first, 1, outcomes.length, 1),
    anchor: range(3, 3, 16, 7),
  });
  row += 2;
  put(plan, row, 0, "Hạng sao theo điểm", "header");
  put(plan, row, 1, "Số sản phẩm", "header");
  for (const s of [...CLASSES, 0] as const) {
    row++;
    put(plan, row, 0, starsLabel(s), "text");
    put(plan, row, 1, c.starCounts[s], "number", { numberFormat: FORMAT.integer });
  }

  // Products the council scored well below the producer's own report (Mẫu 02): worth a look in the minutes.
  row += 2;
  const threshold = c.settings.spreadThreshold;
  const products = new Map(session.products.map((p) => [p.code, p]));
  const below = c.products.filter((r) => {
    const gap = selfAssessmentGap(products.get(r.product)?.dossier, r.mean);
    return gap !== null && gap < -threshold;
  });
  put(plan, row, 0, `Điểm Hội đồng thấp hơn điểm tự đánh giá quá ${threshold} điểm`, "text");
  put(plan, row, 1, below.length, "number", { numberFormat: FORMAT.integer });
  if (below.length) put(plan, row, 2, below.map((r) => r.product).join(", "), "text");

  const byField = new Map(session.products.map((p) => [p.code, p]));
  const table = (title: string, label: string, keyOf: (r: ProductResult) => string): void => {
    row = Math.max(row + 2, 21);
    put(plan, row++, 0, title, "subtitle");
    [label, "Tổng", ...CLASSES.map(starsLabel), starsLabel(0)].forEach((t, col) =>
      put(plan, row, col, t, "header")
    );
    const groups = new Map<string, ProductResult[]>();
    for (const r of c.products) {
      const k = keyOf(r) || "(chưa ghi)";
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const keys = [...groups.keys()].sort((a, b) => a.localeCompare(b, "vi"));
    for (const k of keys) {
      row++;
      const list = groups.get(k)!;
      put(plan, row, 0, k, "text");
      put(plan, row, 1, list.length, "number", { numberFormat: FORMAT.integer });
      [...CLASSES, 0].forEach((s, i) =>
        put(plan, row, 2 + i, list.filter((r) => (r.stars ?? 0) === s).length, "number", {
          numberFormat: FORMAT.integer,
        })
      );
    }
  };
  table("THEO XÃ, PHƯỜNG", "Xã, phường", (r) => byField.get(r.product)?.commune ?? "");
  table("THEO NHÓM SẢN PHẨM", "Nhóm sản phẩm", (r) => byField.get(r.product)?.group ?? "");
  plan.columns.push({ index: 0, width: 28 }, { index: 1, width: 12 });
  for (let i = 2; i < 8; i++) plan.columns.push({ index: i, width: 12 });
  plan.print = { orientation: "portrait", paper: "A4", fitToWidth: true, footer: "Trang &P/&N" };
  plan.protection = {};
  return plan;
};
