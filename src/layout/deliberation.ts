/**
 * "Vòng chấm": the council's deliberation as the workbook keeps it: the vice-chair the chair delegates,
 * the scoring rounds (opened, closed), the recusals, the chair's decisions and the reopenings of closed
 * rounds. Column A (hidden) anchors each section, so rows typed by the secretariat (a recusal in setup)
 * are read back wherever they are. Recusals may be typed in the spare rows of their section; the rest is
 * written by the add-in.
 */
import type { Finding } from "../ocop/findings";
import type { ChairDecision, Deliberation, Recusal, Reopening, Round } from "../ocop/history";
import { cellAddress } from "./a1";
import { FORMAT, cellText, put, range } from "./build";
import { LAYOUT_CODES } from "./codes";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";

const TITLE = "CÁC VÒNG CHẤM, KHÔNG CHẤM VÀ QUYẾT ĐỊNH CỦA CHỦ TỊCH HỘI ĐỒNG";
/** Spare rows left open for recusals typed by hand. */
export const SPARE_RECUSAL_ROWS = 20;

const TAG = {
  delegate: "#delegate",
  rounds: "#rounds",
  recusals: "#recusals",
  decisions: "#decisions",
  reopenings: "#reopenings",
  row: "row",
} as const;

const ROUND_HEADER = ["Vòng", "Sản phẩm chấm lại", "Lý do", "Mở lúc", "Khóa lúc", "Người khóa"];
const RECUSAL_HEADER = ["Thành viên", "Sản phẩm", "Lý do không chấm", "Thời điểm"];
const DECISION_HEADER = ["Sản phẩm", "Sau vòng", "Quyết định", "Lý do", "Thời điểm"];
const REOPEN_HEADER = ["Vòng", "Lý do mở lại", "Thời điểm", "Người mở lại"];

export const DECISION_LABEL: Record<ChairDecision["decision"], string> = {
  accept: "Giữ kết quả",
  withhold: "Chưa phân hạng",
};

const splitCodes = (text: string): string[] =>
  text
    .split(/[,;]/u)
    .map((s) => s.trim())
    .filter(Boolean);

export const planDeliberationSheet = (d: Deliberation): SheetPlan => {
  const plan = emptyPlan(SHEETS.deliberation, "deliberation");
  put(plan, 0, 1, TITLE, "title");
  put(
    plan,
    1,
    1,
    "Thư ký có thể gõ thêm thành viên không chấm (xung đột lợi ích) ở các dòng trống của mục đó; các mục khác do Add-in ghi.",
    "muted"
  );
  let row = 3;
  const section = (tag: string, title: string, header: string[]): void => {
    put(plan, row, 0, tag, "anchor");
    put(plan, row, 1, title, "section");
    row++;
    header.forEach((h, i) => put(plan, row, 1 + i, h, "header"));
    row++;
  };
  const line = (values: CellValue[], numberCols: number[] = []): void => {
    put(plan, row, 0, TAG.row, "anchor");
    values.forEach((v, i) =>
      numberCols.includes(i)
        ? put(plan, row, 1 + i, v, "number", { numberFormat: FORMAT.integer })
        : put(plan, row, 1 + i, v, "text")
    );
    row++;
  };

  put(plan, row, 0, TAG.delegate, "anchor");
  put(plan, row, 1, "Phó Chủ tịch được Chủ tịch ủy quyền (mã thành viên)", "text");
  put(plan, row, 2, d.delegate ?? "", "scoreEntered");
  plan.unlocked.push(range(row, 2));
  row += 2;

  section(TAG.rounds, "Các vòng chấm", ROUND_HEADER);
  for (const r of [...d.rounds].sort((a, b) => a.number - b.number))
    line([r.number, r.products.join(", "), r.reason, r.openedAt, r.closedAt ?? "", r.closedBy ?? ""], [0]);
  row++;

  section(TAG.recusals, "Thành viên không chấm sản phẩm (xung đột lợi ích)", RECUSAL_HEADER);
  const firstRecusal = row;
  for (const x of d.recusals) line([x.member, x.product, x.reason, x.at]);
  for (let i = 0; i < SPARE_RECUSAL_ROWS; i++) {
    put(plan, row, 0, TAG.row, "anchor");
    for (let c = 1; c <= RECUSAL_HEADER.length; c++) put(plan, row, c, null, "scoreEntered");
    row++;
  }
  plan.unlocked.push(range(firstRecusal, 1, row - firstRecusal, RECUSAL_HEADER.length));
  row++;

  section(TAG.decisions, "Quyết định của Chủ tịch Hội đồng", DECISION_HEADER);
  for (const c of d.decisions) line([c.product, c.round, DECISION_LABEL[c.decision], c.reason, c.at], [1]);
  row++;

  section(TAG.reopenings, "Mở lại vòng đã khóa", REOPEN_HEADER);
  for (const o of d.reopenings) line([o.round, o.reason, o.at, o.by], [0]);

  plan.columns.push(
    { index: 0, width: 4, hidden: true },
    { index: 1, width: 22 },
    { index: 2, width: 36 },
    { index: 3, width: 40 },
    { index: 4, width: 40 },
    { index: 5, width: 24 }
  );
  plan.protection = {};
  plan.print = { orientation: "landscape", paper: "A4", fitToWidth: true, footer: "Vòng chấm — Trang &P/&N" };
  return plan;
};

export interface ParsedDeliberation {
  deliberation: Deliberation;
  findings: Finding[];
}

/** The deliberation as read back; no sheet means none yet (round 1 open, no recusal, no decision). */
export const parseDeliberationSheet = (values: CellValue[][] | null, file?: string): ParsedDeliberation => {
  const d: Deliberation = { rounds: [], recusals: [], decisions: [], reopenings: [], delegate: null };
  const findings: Finding[] = [];
  if (!values) return { deliberation: d, findings };
  let current = "";
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const tag = cellText(row[0]);
    const text = (c: number): string => cellText(row[c]);
    const bad = (col: number, field: string): void => {
      findings.push({
        code: LAYOUT_CODES.deliberationRowInvalid,
        severity: "error",
        where: { file, sheet: SHEETS.deliberation, cell: cellAddress(r, col) },
        params: { row: r + 1, field, value: text(col) },
      });
    };
    if (tag === TAG.delegate) {
      d.delegate = text(2) || null;
      continue;
    }
    if (tag.startsWith("#")) {
      current = tag;
      continue;
    }
    if (tag !== TAG.row || row.slice(1).every((v) => v === null || v === "")) continue;
    if (current === TAG.rounds) {
      const n = row[1];
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1) bad(1, ROUND_HEADER[0]!);
      else {
        const round: Round = {
          number: n,
          products: splitCodes(text(2)),
          reason: text(3),
          openedAt: text(4),
          closedAt: text(5) || null,
          // Written since session 7; a sheet from before has no such column.
          ...(text(5) && text(6) ? { closedBy: text(6) } : {}),
        };
        d.rounds.push(round);
      }
    } else if (current === TAG.recusals) {
      if (!text(1)) bad(1, RECUSAL_HEADER[0]!);
      else if (!text(2)) bad(2, RECUSAL_HEADER[1]!);
      else if (!text(3)) bad(3, RECUSAL_HEADER[2]!);
      else {
        const x: Recusal = { member: text(1), product: text(2), reason: text(3), at: text(4) };
        d.recusals.push(x);
      }
    } else if (current === TAG.decisions) {
      const decision =
        text(3) === DECISION_LABEL.accept
          ? "accept"
          : text(3) === DECISION_LABEL.withhold
            ? "withhold"
            : null;
      const n = row[2];
      if (!text(1)) bad(1, DECISION_HEADER[0]!);
      else if (typeof n !== "number" || !Number.isInteger(n) || n < 1) bad(2, DECISION_HEADER[1]!);
      else if (!decision) bad(3, DECISION_HEADER[2]!);
      else d.decisions.push({ product: text(1), round: n, decision, reason: text(4), at: text(5) });
    } else if (current === TAG.reopenings) {
      const n = row[1];
      if (typeof n !== "number" || !Number.isInteger(n) || n < 1) bad(1, REOPEN_HEADER[0]!);
      else {
        const o: Reopening = { round: n, reason: text(2), at: text(3), by: text(4) };
        d.reopenings.push(o);
      }
    }
  }
  return { deliberation: d, findings };
};

/** One product's member totals in an earlier round, kept in the audit log when a later round replaces them. */
export interface EarlierTotals {
  product: string;
  round: number;
  totals: { member: string; total: number }[];
}

const pts = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");

/** Audit-log lines for the deliberation: rounds, recusals, the chair's decisions, earlier rounds' totals. */
export const deliberationAuditFacts = (
  d: Deliberation,
  earlier: readonly EarlierTotals[]
): { label: string; value: CellValue }[] => [
  ...[...d.rounds]
    .sort((a, b) => a.number - b.number)
    .filter((r) => r.number > 1)
    .map((r) => ({
      label: `Vòng chấm ${r.number}`,
      value: `${r.products.join(", ")} — ${r.reason}${r.closedAt ? ` (khóa ${r.closedAt})` : ""}`,
    })),
  ...d.reopenings.map((o) => ({ label: `Mở lại vòng ${o.round}`, value: `${o.at}, ${o.by}: ${o.reason}` })),
  ...d.recusals.map((x) => ({ label: `Không chấm: ${x.member}`, value: `${x.product} — ${x.reason}` })),
  ...d.decisions.map((c) => ({
    label: `Chủ tịch quyết định: ${c.product}`,
    value: `${DECISION_LABEL[c.decision]} sau vòng ${c.round} — ${c.reason}`,
  })),
  ...earlier.map((e) => ({
    label: `Điểm vòng ${e.round}: ${e.product}`,
    value: e.totals.map((t) => `${t.member} ${pts(t.total)}`).join("; "),
  })),
];
