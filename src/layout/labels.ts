/**
 * Vietnamese words the sheets show for model values, and the words accepted back (Vietnamese or
 * English, any case, with or without diacritics) when people type or paste them.
 */
import type { CouncilLevel, MemberRole, MinimumLevelRule, TieBreak } from "../ocop/session";
import { LEVEL_ALIASES, LEVEL_WORDS } from "../ocop/process";

/** Lower case, NFC, folded spaces, diacritics removed: "Chủ tịch " and "chu tich" compare equal. */
export const looseKey = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const lookup = <T extends string>(table: Record<T, string[]>) => {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, string[]][]) {
    for (const w of words) map.set(looseKey(w), value);
  }
  return (text: string): T | null => map.get(looseKey(text)) ?? null;
};

export const LEVEL_LABEL: Record<CouncilLevel, string> = {
  district: LEVEL_WORDS.district.vi,
  province: LEVEL_WORDS.province.vi,
  central: LEVEL_WORDS.central.vi,
};
export const readLevel = lookup<CouncilLevel>(LEVEL_ALIASES);

export const ROLE_LABEL: Record<MemberRole, string> = {
  chair: "Chủ tịch Hội đồng",
  viceChair: "Phó Chủ tịch Hội đồng",
  member: "Thành viên",
  secretary: "Thư ký",
};
export const readRole = lookup<MemberRole>({
  chair: ["Chủ tịch Hội đồng", "Chủ tịch", "Chủ tịch HĐ", "chair", "chairman", "chairperson"],
  viceChair: [
    "Phó Chủ tịch Hội đồng",
    "Phó Chủ tịch",
    "Phó Chủ tịch HĐ",
    "vice chair",
    "viceChair",
    "vice-chair",
  ],
  member: ["Thành viên", "Ủy viên", "Uỷ viên", "Thành viên Hội đồng", "member"],
  secretary: ["Thư ký", "Thư ký Hội đồng", "Ủy viên thư ký", "secretary"],
});

export const TIE_BREAK_LABEL: Record<TieBreak, string> = {
  partC: "Điểm phần C cao hơn xếp trước",
  partA: "Điểm phần A cao hơn xếp trước",
  code: "Theo mã sản phẩm",
  none: "Đồng hạng",
};
export const readTieBreak = lookup<TieBreak>({
  partC: [TIE_BREAK_LABEL.partC, "Phần C", "partC"],
  partA: [TIE_BREAK_LABEL.partA, "Phần A", "partA"],
  code: [TIE_BREAK_LABEL.code, "Mã sản phẩm", "code"],
  none: [TIE_BREAK_LABEL.none, "Không", "none"],
});

export const MINIMUM_RULE_LABEL: Record<MinimumLevelRule, string> = {
  mean: "Trung bình điểm của các thành viên",
  all: "Tất cả thành viên",
  majority: "Đa số thành viên",
};
export const readMinimumRule = lookup<MinimumLevelRule>({
  mean: [MINIMUM_RULE_LABEL.mean, "Trung bình", "mean"],
  all: [MINIMUM_RULE_LABEL.all, "Tất cả", "all"],
  majority: [MINIMUM_RULE_LABEL.majority, "Đa số", "majority"],
});

export const YES = "Có";
export const NO = "Không";
export const readYesNo = lookup<"yes" | "no">({
  yes: [YES, "co", "yes", "true", "x", "1"],
  no: [NO, "khong", "no", "false", "0", ""],
});

export const STARS_LABEL = (stars: number | null): string => (stars ? `${stars} sao` : "—");
