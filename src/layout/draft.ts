/**
 * "DỰ THẢO": while products await the council's discussion, every document of the consolidation is a
 * draft. The mark takes the first two rows (everything else moves down) and lists the products awaiting
 * discussion; the printed page carries it in its header too. Final versions are planned without it.
 */
import type { DiscussionItem } from "../ocop/deliberation";
import { put, range } from "./build";
import type { CellRange, SheetPlan } from "./plan";

const SHIFT = 2;

const num = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");

/** The line printed on a draft, naming each product and why it waits. */
export const draftLine = (waiting: readonly DiscussionItem[]): string =>
  `DỰ THẢO — chưa công bố. Sản phẩm chờ Hội đồng thảo luận (mở vòng chấm tiếp theo hoặc Chủ tịch quyết định): ${waiting
    .map((w) => {
      const why = [
        ...(w.reasons.includes("spread") && w.range !== null ? [`chênh lệch ${num(w.range)} điểm`] : []),
        ...(w.reasons.includes("minimumSplit") ? ["ý kiến khác nhau về mức tối thiểu"] : []),
      ];
      return `${w.product} (vòng ${w.round}${why.length ? `: ${why.join(", ")}` : ""})`;
    })
    .join("; ")}.`;

const down = (r: CellRange): CellRange => ({ ...r, row: r.row + SHIFT });

/** The plan with the draft mark on top; the same plan when nothing waits. */
export const markDraft = (plan: SheetPlan, waiting: readonly DiscussionItem[]): SheetPlan => {
  if (waiting.length === 0) return plan;
  const lastCol = Math.max(0, ...plan.cells.map((c) => c.col), ...plan.columns.map((c) => c.index));
  const out: SheetPlan = {
    ...plan,
    cells: plan.cells.map((c) => ({ ...c, row: c.row + SHIFT })),
    merges: plan.merges.map(down),
    rows: plan.rows.map((r) => ({ ...r, index: r.index + SHIFT })),
    validations: plan.validations.map((v) => ({ ...v, range: down(v.range) })),
    unlocked: plan.unlocked.map(down),
    freeze:
      plan.freeze && plan.freeze.rows > 0 ? { ...plan.freeze, rows: plan.freeze.rows + SHIFT } : plan.freeze,
    print: plan.print
      ? {
          ...plan.print,
          header: "DỰ THẢO",
          ...(plan.print.repeatRows
            ? {
                repeatRows: {
                  first: plan.print.repeatRows.first + SHIFT,
                  last: plan.print.repeatRows.last + SHIFT,
                },
              }
            : {}),
          ...(plan.print.breaksBefore ? { breaksBefore: plan.print.breaksBefore.map((b) => b + SHIFT) } : {}),
        }
      : plan.print,
    tables: plan.tables.map((t) => ({ ...t, range: down(t.range) })),
    charts: plan.charts.map((c) => ({
      ...c,
      categories: down(c.categories),
      values: down(c.values),
      anchor: down(c.anchor),
    })),
  };
  put(out, 0, 0, draftLine(waiting), "error");
  out.merges.push(range(0, 0, 1, lastCol + 1));
  out.rows.push({ index: 0, height: 36 });
  return out;
};

/** True when a sheet's first cell carries the draft mark (read back by checks and tests). */
export const isDraft = (firstCell: unknown): boolean =>
  typeof firstCell === "string" && firstCell.startsWith("DỰ THẢO");
