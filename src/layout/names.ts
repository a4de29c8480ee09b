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
  /** Every score change (issue 14). */
  history: "Lịch sử điểm",
  /** Rounds, recusals, the chair's decisions (issue 14). */
  deliberation: "Vòng chấm",
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

/**
 * A short, stable tag of a text (FNV-1a of its NFC form, 6 base-36 characters): what keeps two names
 * apart when they had to be cleaned or cut. The same code gives the same tag on every machine and run.
 */
export const shortHash = (text: string): string => {
  let h = 0x811c9dc5;
  const s = text.normalize("NFC");
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 36 ** 6).toString(36).padStart(6, "0");
};

/**
 * "Phiếu TV01" for member TV01. When the code has characters a sheet name cannot hold (\ / ? * [ ] :) or
 * is too long, the name is cleaned, cut, and tagged with the code's shortHash ("Phiếu A-B ~0k3x9z"), so
 * codes such as A/B and A:B, or two long codes sharing their first characters, never meet on one name.
 */
export const scoreSheetName = (memberCode: string): string => {
  const wanted = SCORE_SHEET_PREFIX + memberCode.normalize("NFC");
  const clean = cleanSheetName(wanted);
  if (clean === wanted) return clean;
  const tag = ` ~${shortHash(memberCode)}`;
  return (
    Array.from(clean)
      .slice(0, MAX_SHEET_NAME - tag.length)
      .join("")
      .trim() + tag
  );
};

/** "Phiếu TV01" for round 1, "Phiếu TV01 vòng 2" for later rounds (cut and tagged like scoreSheetName). */
export const roundSheetName = (memberCode: string, round: number): string => {
  const base = scoreSheetName(memberCode);
  if (round <= 1) return base;
  const suffix = ` vòng ${round}`;
  if (Array.from(base).length + suffix.length <= MAX_SHEET_NAME) return base + suffix;
  const tag = ` ~${shortHash(memberCode)}`;
  return (
    Array.from(base)
      .slice(0, MAX_SHEET_NAME - tag.length - suffix.length)
      .join("")
      .trim() +
    tag +
    suffix
  );
};

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
