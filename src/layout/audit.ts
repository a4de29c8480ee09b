/**
 * "Nhật ký": one entry per consolidation, oldest first, and every earlier entry kept. An entry says when
 * the run was made, by which tool, from which inputs (with SHA-256), on which edition and settings, how
 * many findings it had and how many products reached each class. Below the entries, the files imported
 * into the workbook so far and the latest run's warnings in full.
 *
 * The sheet is rewritten whole on each run (like every sheet the add-in owns), so the earlier entries are
 * parsed back from it first (`parseAuditSheet`, by its own labels) and planned again.
 */
import { LEVEL_WORDS } from "../ocop/process";
import { outcomeLabel, outcomesAt } from "./outcomes";
import { describeFinding, type Lang } from "../ocop/messages";
import type { Finding } from "../ocop/findings";
import type { Consolidation } from "../ocop/results";
import { FORMAT, cellText, put } from "./build";
import { MINIMUM_RULE_LABEL, NO, TIE_BREAK_LABEL, YES } from "./labels";
import type { ImportRecord } from "./meta";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";
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
  /** Rounds, recusals, decisions and earlier rounds' totals (issue 14), printed after the counts. */
  extraFacts?: AuditFact[];
}

/** One line of an entry as the sheet shows it: a label in column A, its value in column B. */
export interface AuditFact {
  label: string;
  value: CellValue;
}

/** One run in the log, as written (and as read back: older entries are kept as they were written). */
export interface AuditEntry {
  facts: AuditFact[];
  inputs: AuditInput[];
}

/** Labels of an entry's facts; `at` starts an entry. */
export const AUDIT_LABELS = {
  at: "Thời điểm",
  tool: "Công cụ",
  session: "Mã phiên",
  edition: "Bộ tiêu chí",
  products: "Số sản phẩm",
  errors: "Số lỗi",
  warnings: "Số cảnh báo",
} as const;

const TITLE = "NHẬT KÝ TỔNG HỢP";
const ENTRY = "Lần tổng hợp";
const INPUTS_HEADER = ["Tệp đầu vào", "Loại", "Thành viên", "SHA-256"];
const IMPORTS_HEADER = ["Đã nhập vào sổ", "Thời điểm", "Thành viên", "SHA-256"];
const FINDINGS_HEADER = ["Mức", "Mã", "Nội dung", "Vị trí"];
const DETAILS = "Chi tiết lần tổng hợp mới nhất";
const ROLE = { council: "Sổ Hội đồng", member: "Phiếu thành viên" } as const;
const starsLabel = (s: number): string => (s === 0 ? "Sản phẩm chưa xếp hạng" : `Sản phẩm ${s} sao`);

/** The entry of a run that has just been consolidated. */
export const auditEntry = (run: AuditRun, c: Consolidation): AuditEntry => {
  const s = c.settings;
  const count = (severity: Finding["severity"]): number =>
    c.findings.filter((f) => f.severity === severity).length;
  return {
    facts: [
      { label: AUDIT_LABELS.at, value: run.at },
      { label: AUDIT_LABELS.tool, value: run.tool },
      { label: AUDIT_LABELS.session, value: c.sessionId },
      { label: AUDIT_LABELS.edition, value: `${c.edition} — ${run.editionTitle}` },
      { label: "Cấp Hội đồng", value: LEVEL_WORDS[c.level].vi },
      { label: "Chênh lệch tổng điểm tối đa", value: s.spreadThreshold },
      { label: "Tỷ lệ thành viên tối thiểu", value: `${Math.round(s.quorum * 100)}%` },
      { label: "Khi bằng điểm", value: TIE_BREAK_LABEL[s.tieBreak] },
      { label: "Cách xét mức tối thiểu", value: MINIMUM_RULE_LABEL[s.minimumLevelRule] },
      { label: "Bỏ điểm cao nhất, thấp nhất", value: s.dropExtremes ? YES : NO },
      { label: AUDIT_LABELS.errors, value: count("error") },
      { label: AUDIT_LABELS.warnings, value: count("warning") },
      { label: AUDIT_LABELS.products, value: c.products.length },
      ...([5, 4, 3, 2, 1, 0] as const).map((n) => ({ label: starsLabel(n), value: c.starCounts[n] })),
      // What the council proposed, in the words the lists print.
      ...outcomesAt(c).map((o) => ({
        label: `Kết quả: ${outcomeLabel(c, o)}`,
        value: c.products.filter((p) => p.outcome === o).length,
      })),
      ...(run.extraFacts ?? []),
    ],
    inputs: run.inputs,
  };
};

const same = (v: CellValue | undefined, text: string): boolean => cellText(v) === text;
const isHeader = (row: CellValue[], header: string[]): boolean =>
  same(row[0], header[0]!) && same(row[1], header[1]!);

/**
 * The entries of an audit sheet as read back (values from A1), oldest first; none when there is no sheet
 * or it is not ours. Reads this layout and the earlier one (a single run without the entry title, counts
 * or classes): an entry starts at a "Thời điểm" row, its facts run to the inputs header, its inputs to
 * the first blank row; the imports and findings tables end the entries.
 */
export const parseAuditSheet = (values: CellValue[][] | null): AuditEntry[] => {
  if (!values || !same(values[0]?.[0], TITLE)) return [];
  const entries: AuditEntry[] = [];
  let entry: AuditEntry | null = null;
  let state: "between" | "facts" | "inputs" = "between";
  for (const row of values.slice(1)) {
    const label = cellText(row?.[0]);
    if (!row || isHeader(row, IMPORTS_HEADER) || isHeader(row, FINDINGS_HEADER) || label === DETAILS) break;
    if (state === "inputs") {
      if (label === "") {
        state = "between";
        continue;
      }
      const member = cellText(row[2]);
      entry!.inputs.push({
        file: label,
        role: cellText(row[1]) === ROLE.council ? "council" : "member",
        ...(member ? { member } : {}),
        sha256: cellText(row[3]),
      });
      continue;
    }
    if (label === AUDIT_LABELS.at) {
      entry = { facts: [], inputs: [] };
      entries.push(entry);
      state = "facts";
    }
    if (state !== "facts" || label === "" || label.startsWith(ENTRY)) continue;
    if (isHeader(row, INPUTS_HEADER)) state = "inputs";
    else entry!.facts.push({ label, value: row[1] ?? null });
  }
  return entries;
};

/**
 * The log after a run: the earlier entries as they were, then this run's, then the imports and this
 * run's findings in full.
 */
export const planAuditSheet = (
  run: AuditRun,
  c: Consolidation,
  lang: Lang = "vi",
  earlier: readonly AuditEntry[] = []
): SheetPlan => {
  const plan = emptyPlan(SHEETS.audit, "audit");
  put(plan, 0, 0, TITLE, "title");
  put(
    plan,
    1,
    0,
    "Mỗi lần tổng hợp thêm một mục; các mục trước được giữ nguyên. Sheet do Add-in ghi, không sửa.",
    "muted"
  );
  let row = 3;
  const header = (titles: string[]): void => titles.forEach((t, col) => put(plan, row, col, t, "header"));
  [...earlier, auditEntry(run, c)].forEach((entry, i) => {
    put(plan, row++, 0, `${ENTRY} ${i + 1}`, "section");
    for (const { label, value } of entry.facts) {
      put(plan, row, 0, label, "text");
      if (typeof value === "number") put(plan, row, 1, value, "number", { numberFormat: FORMAT.points });
      else put(plan, row, 1, value, "text");
      row++;
    }
    header(INPUTS_HEADER);
    for (const input of entry.inputs) {
      row++;
      put(plan, row, 0, input.file, "text");
      put(plan, row, 1, ROLE[input.role], "text");
      put(plan, row, 2, input.member ?? "", "text");
      put(plan, row, 3, input.sha256, "text");
    }
    row += 2;
  });

  put(plan, row, 0, DETAILS, "section");
  if (run.imports.length) {
    row += 2;
    header(IMPORTS_HEADER);
    for (const i of run.imports) {
      row++;
      put(plan, row, 0, i.file, "text");
      put(plan, row, 1, i.at, "text");
      put(plan, row, 2, i.member, "text");
      put(plan, row, 3, i.sha256, "text");
    }
  }
  row += 2;
  header(FINDINGS_HEADER);
  if (!c.findings.length) put(plan, ++row, 2, "Không có lỗi hay cảnh báo.", "ok");
  for (const f of c.findings) {
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
