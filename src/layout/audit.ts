/** "Nhật ký": when the run was made, from which inputs (with SHA-256), on which edition and settings, and what it found. */
import { describeFinding, type Lang } from "../ocop/messages";
import type { Finding } from "../ocop/findings";
import type { Consolidation } from "../ocop/results";
import { put } from "./build";
import { MINIMUM_RULE_LABEL, NO, TIE_BREAK_LABEL, YES } from "./labels";
import type { ImportRecord } from "./meta";
import { SHEETS } from "./names";
import { emptyPlan, type SheetPlan } from "./plan";
import "./messages";

export interface AuditInput {
  file: string;
  /** "council" for the council workbook, "member" for a member workbook. */
  role: "council" | "member";
  member?: string;
  /** Hex SHA-256 of the file's bytes; empty when the workbook is the open one (no bytes to hash). */
  sha256: string;
}

export interface AuditRun {
  at: string;
  tool: string;
  editionTitle: string;
  inputs: AuditInput[];
  imports: ImportRecord[];
}

export const planAuditSheet = (run: AuditRun, c: Consolidation, lang: Lang = "vi"): SheetPlan => {
  const plan = emptyPlan(SHEETS.audit, "audit");
  put(plan, 0, 0, "NHẬT KÝ TỔNG HỢP", "title");
  let row = 2;
  const kv = (k: string, v: string | number): void => {
    put(plan, row, 0, k, "text");
    put(plan, row, 1, v, typeof v === "number" ? "number" : "text");
    row++;
  };
  const s = c.settings;
  kv("Thời điểm", run.at);
  kv("Công cụ", run.tool);
  kv("Mã phiên", c.sessionId);
  kv("Bộ tiêu chí", `${c.edition} — ${run.editionTitle}`);
  kv("Chênh lệch tổng điểm tối đa", s.spreadThreshold);
  kv("Tỷ lệ thành viên tối thiểu", `${Math.round(s.quorum * 100)}%`);
  kv("Khi bằng điểm", TIE_BREAK_LABEL[s.tieBreak]);
  kv("Cách xét mức tối thiểu", MINIMUM_RULE_LABEL[s.minimumLevelRule]);
  kv("Bỏ điểm cao nhất, thấp nhất", s.dropExtremes ? YES : NO);
  kv("Số sản phẩm", c.products.length);

  row++;
  ["Tệp đầu vào", "Loại", "Thành viên", "SHA-256"].forEach((t, col) => put(plan, row, col, t, "header"));
  for (const i of run.inputs) {
    row++;
    put(plan, row, 0, i.file, "text");
    put(plan, row, 1, i.role === "council" ? "Sổ Hội đồng" : "Phiếu thành viên", "text");
    put(plan, row, 2, i.member ?? "", "text");
    put(plan, row, 3, i.sha256, "text");
  }
  if (run.imports.length) {
    row += 2;
    ["Đã nhập vào sổ", "Thời điểm", "Thành viên", "SHA-256"].forEach((t, col) =>
      put(plan, row, col, t, "header")
    );
    for (const i of run.imports) {
      row++;
      put(plan, row, 0, i.file, "text");
      put(plan, row, 1, i.at, "text");
      put(plan, row, 2, i.member, "text");
      put(plan, row, 3, i.sha256, "text");
    }
  }
  row += 2;
  ["Mức", "Mã", "Nội dung", "Vị trí"].forEach((t, col) => put(plan, row, col, t, "header"));
  const list: Finding[] = c.findings.length ? c.findings : [];
  if (!list.length) put(plan, ++row, 2, "Không có lỗi hay cảnh báo.", "ok");
  for (const f of list) {
    row++;
    const d = describeFinding(f, lang);
    put(
      plan,
      row,
      0,
      f.severity === "error" ? "Lỗi" : "Cảnh báo",
      f.severity === "error" ? "error" : "warning"
    );
    put(plan, row, 1, f.code, "text");
    put(plan, row, 2, `${d.message} ${d.fix}`.trim(), "wrap");
    put(plan, row, 3, d.where, "wrap");
  }
  plan.columns.push(
    { index: 0, width: 34 },
    { index: 1, width: 26 },
    { index: 2, width: 70 },
    { index: 3, width: 66 }
  );
  plan.print = { orientation: "landscape", paper: "A4", fitToWidth: true, footer: "Trang &P/&N" };
  plan.protection = {};
  return plan;
};
