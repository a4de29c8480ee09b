/**
 * Sheet names the add-in uses. Excel limits a name to 31 characters, forbids \ / ? * [ ] : and a leading
 * or trailing apostrophe, and compares names without regard to case.
 */

export const MAX_SHEET_NAME = 31;

export const SHEETS = {
  meta: "_ocop_meta",
  session: "Phiên",
  products: "Sản phẩm",
  members: "Thành viên",
  criteria: "Tiêu chí",
  customCriteria: "Tiêu chí riêng",
  results: "Kết quả chi tiết",
  ranking: "Bảng xếp hạng",
  summary: "Tổng hợp",
  audit: "Nhật ký",
  /** The single list earlier versions wrote; each outcome group now has its own (layout/proposals.ts). */
  certificates: "Đề nghị công nhận",
} as const;

export const SCORE_SHEET_PREFIX = "Phiếu ";

/** Removes what Excel refuses in a sheet name and cuts it to 31 characters. */
export const cleanSheetName = (raw: string): string => {
  const cleaned = raw
    .normalize("NFC")
    .replace(/[\\/?*[\]:]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return Array.from(cleaned).slice(0, MAX_SHEET_NAME).join("").trim() || "Sheet";
};

/** "Phiếu TV01" for member TV01; long codes are cut so the name still fits. */
export const scoreSheetName = (memberCode: string): string => cleanSheetName(SCORE_SHEET_PREFIX + memberCode);

export const sameSheetName = (a: string, b: string): boolean =>
  a.normalize("NFC").toLowerCase() === b.normalize("NFC").toLowerCase();

/**
 * A name not already taken (case-insensitive): "Phiếu TV01", then "Phiếu TV01 (2)", cut to fit.
 * Used when two member codes clean to the same name.
 */
export const uniqueSheetName = (wanted: string, taken: Iterable<string>): string => {
  const used = new Set(Array.from(taken, (t) => t.normalize("NFC").toLowerCase()));
  const base = cleanSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const head = Array.from(base)
      .slice(0, MAX_SHEET_NAME - suffix.length)
      .join("");
    const name = head + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
};
