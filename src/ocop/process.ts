/**
 * The council's process around the score, as each decision sets it: which council levels exist, and what a
 * council at that level may do with a product of N stars (propose it for recognition, send it up, return it).
 * A council never recognises anything itself; every word printed about a product's outcome comes from here.
 *
 * Sources (line numbers are those of the plain-text copy of Decision 26/2026/QĐ-TTg, shared/ocop/qd26-2026.txt):
 * - Điều 4.1 (l. 35–37): two levels only, province and central; the province recognises 3★ and 4★, 1★ and 2★
 *   get no decision and no certificate; the Ministry of Agriculture and Environment recognises 5★.
 * - Điều 4.3 (l. 39): a certificate is valid 36 months from the day the competent authority issues it.
 * - Điều 7.3.d–e (l. 72–75): the province council reports and proposes; the provincial chairman recognises 3★
 *   and 4★; a product "có tiềm năng đạt 5 sao (đạt từ 90 trở lên)" has its result approved and is sent to the
 *   Ministry.
 * - Điều 7.4.d (l. 82) and last paragraph (l. 86): the central council proposes 5★ to the Minister; a product
 *   under 90 may be recognised 3★ or 4★ by the province.
 * Older editions: 1048/QĐ-TTg (2019) as amended by 781/QĐ-TTg (2020), a district council proposes 3★ to the
 * district and sends 4★/5★ candidates to the province; 148/QĐ-TTg (2023) as amended by 1489/QĐ-TTg (2025), the
 * province recognises 3★ and 4★ (shared/ocop/README.md, "The editions").
 */
import type { EditionId } from "./criteria/types";

export const COUNCIL_LEVELS = ["district", "province", "central"] as const;
export type CouncilLevel = (typeof COUNCIL_LEVELS)[number];

export const OUTCOMES = [
  "propose-3",
  "propose-4",
  "potential-5",
  "propose-5",
  "below-90",
  "forward",
  "not-recognised",
  "withheld",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

type Stars = 1 | 2 | 3 | 4 | 5;

/** What one council level does with each star class, and who decides after it. */
export interface LevelProcess {
  level: CouncilLevel;
  /** Outcome of a classified product by its stars (band capped by minimum levels). */
  byStars: Record<Stars, Outcome>;
  /** Who recognises a proposed product, as printed ("Chủ tịch UBND cấp tỉnh"). */
  authority: { vi: string; en: string };
  /** Where a product sent up goes. */
  upward: { vi: string; en: string } | null;
  cite: string;
}

export interface EditionProcess {
  levels: readonly LevelProcess[];
  defaultLevel: CouncilLevel;
  /** Why a level is missing, for the finding that refuses it. */
  levelsCite: string;
}

const PROVINCE_CHAIR = {
  vi: "Chủ tịch UBND cấp tỉnh",
  en: "the Chairman of the provincial People's Committee",
};
const DISTRICT_CHAIR = {
  vi: "Chủ tịch UBND cấp huyện",
  en: "the Chairman of the district People's Committee",
};
const MINISTER = {
  vi: "Bộ trưởng Bộ Nông nghiệp và Môi trường",
  en: "the Minister of Agriculture and Environment",
};
const MINISTRY = { vi: "Bộ Nông nghiệp và Môi trường", en: "the Ministry of Agriculture and Environment" };

const CENTRAL_26: LevelProcess = {
  level: "central",
  byStars: { 1: "below-90", 2: "below-90", 3: "below-90", 4: "below-90", 5: "propose-5" },
  authority: MINISTER,
  upward: null,
  cite: "QĐ 26/2026/QĐ-TTg Điều 4.1.b; Điều 7.4.d và đoạn cuối khoản 4",
};

const PROVINCE_26: LevelProcess = {
  level: "province",
  byStars: { 1: "not-recognised", 2: "not-recognised", 3: "propose-3", 4: "propose-4", 5: "potential-5" },
  authority: PROVINCE_CHAIR,
  upward: MINISTRY,
  cite: "QĐ 26/2026/QĐ-TTg Điều 4.1.a; Điều 7.3.d, 7.3.e",
};

/** A district council of the older editions: 3★ proposed to the district, 4★ and 5★ candidates sent up. */
const district = (cite: string): LevelProcess => ({
  level: "district",
  byStars: { 1: "not-recognised", 2: "not-recognised", 3: "propose-3", 4: "forward", 5: "forward" },
  authority: DISTRICT_CHAIR,
  upward: { vi: "Hội đồng cấp tỉnh", en: "the province council" },
  cite,
});

const PROCESSES: Record<string, EditionProcess> = {
  "qd26-2026": {
    levels: [PROVINCE_26, CENTRAL_26],
    defaultLevel: "province",
    levelsCite: "QĐ 26/2026/QĐ-TTg Điều 4.1: đánh giá, phân hạng gồm 2 cấp: cấp tỉnh và cấp trung ương",
  },
  "qd148-2023": {
    levels: [
      district("QĐ 148/QĐ-TTg (2023): cấp huyện công nhận 3 sao, sản phẩm từ 4 sao gửi cấp tỉnh"),
      {
        ...PROVINCE_26,
        cite: "QĐ 148/QĐ-TTg (2023), sửa đổi bởi QĐ 1489/QĐ-TTg (2025): cấp tỉnh công nhận 3 sao, 4 sao",
      },
      { ...CENTRAL_26, cite: "QĐ 148/QĐ-TTg (2023): cấp trung ương công nhận 5 sao" },
    ],
    defaultLevel: "district",
    levelsCite: "QĐ 148/QĐ-TTg (2023): cấp huyện, cấp tỉnh, cấp trung ương",
  },
  "qd1048-2019": {
    levels: [
      district(
        "QĐ 1048/QĐ-TTg (2019), sửa đổi bởi QĐ 781/QĐ-TTg (2020): cấp huyện công nhận 3 sao, ứng viên 4, 5 sao gửi cấp tỉnh"
      ),
      { ...PROVINCE_26, cite: "QĐ 1048/QĐ-TTg (2019): cấp tỉnh công nhận 3 sao, 4 sao" },
      { ...CENTRAL_26, cite: "QĐ 1048/QĐ-TTg (2019): cấp trung ương công nhận 5 sao" },
    ],
    defaultLevel: "district",
    levelsCite: "QĐ 1048/QĐ-TTg (2019): cấp huyện, cấp tỉnh, cấp trung ương",
  },
};

/** The process of an edition; a council's own edition follows the one in force. */
export const processOf = (edition: EditionId): EditionProcess =>
  PROCESSES[edition] ?? PROCESSES["qd26-2026"]!;

export const levelsOf = (edition: EditionId): CouncilLevel[] => processOf(edition).levels.map((l) => l.level);

export const defaultLevelOf = (edition: EditionId): CouncilLevel => processOf(edition).defaultLevel;

export const isLevelAllowed = (edition: EditionId, level: CouncilLevel): boolean =>
  levelsOf(edition).includes(level);

export const levelProcess = (edition: EditionId, level: CouncilLevel): LevelProcess => {
  const p = processOf(edition);
  return p.levels.find((l) => l.level === level) ?? p.levels.find((l) => l.level === p.defaultLevel)!;
};

/** The outcome of a product: withheld (with the reason elsewhere), or what its stars mean at this level. */
export const outcomeOf = (
  edition: EditionId,
  level: CouncilLevel,
  stars: Stars | null,
  withheld: boolean
): Outcome => (withheld || stars === null ? "withheld" : levelProcess(edition, level).byStars[stars]);

export const LEVEL_WORDS: Record<CouncilLevel, { vi: string; en: string; council: string }> = {
  district: { vi: "Cấp huyện", en: "District", council: "Hội đồng cấp huyện" },
  province: { vi: "Cấp tỉnh", en: "Province", council: "Hội đồng cấp tỉnh" },
  central: { vi: "Cấp trung ương", en: "Central", council: "Hội đồng cấp trung ương" },
};

/**
 * Further words accepted for a level when typed or read back (the key and both words always are; older
 * workbooks wrote "national").
 */
export const LEVEL_ALIASES: Record<CouncilLevel, string[]> = {
  district: ["Huyện"],
  province: ["Tỉnh"],
  central: ["Trung ương", "Cấp quốc gia", "national"],
};

export interface OutcomeWords {
  /** Short label for tables ("Đề nghị công nhận 3 sao"). */
  vi: string;
  en: string;
  /** The full sentence for reports and notes, naming who decides. */
  viLong: string;
  enLong: string;
}

/** A province result of 5★ in short: the Ministry alone recognises 5★ (26/2026 Điều 7.3.e). */
export const POTENTIAL_5 = { vi: "Tiềm năng 5 sao", en: "Potential 5★" } as const;

/** The words of an outcome at a level: short for the ranking's column, long for notes and lists. */
export const outcomeWords = (outcome: Outcome, lp: LevelProcess): OutcomeWords => {
  const a = lp.authority;
  switch (outcome) {
    case "propose-3":
    case "propose-4": {
      const n = outcome === "propose-3" ? 3 : 4;
      return {
        vi: `Đề nghị công nhận ${n} sao`,
        en: `Proposed for ${n}★ recognition`,
        viLong: `Đề nghị ${a.vi} công nhận sản phẩm OCOP đạt ${n} sao`,
        enLong: `Proposed to ${a.en} for recognition as a ${n}-star OCOP product`,
      };
    }
    case "potential-5":
      return {
        ...POTENTIAL_5,
        viLong: `Sản phẩm có tiềm năng đạt 5 sao (từ 90 điểm): ${a.vi} phê duyệt kết quả đánh giá, gửi hồ sơ đề nghị ${lp.upward?.vi ?? "cấp trên"} đánh giá, phân hạng 5 sao`,
        enLong: `Potential 5-star product (90 points or more): ${a.en} approves the result and sends the dossier to ${lp.upward?.en ?? "the level above"} for 5-star evaluation`,
      };
    case "propose-5":
      return {
        vi: "Đề nghị công nhận 5 sao",
        en: "Proposed for 5★ recognition",
        viLong: `Đề nghị ${a.vi} công nhận sản phẩm OCOP đạt 5 sao`,
        enLong: `Proposed to ${a.en} for recognition as a 5-star OCOP product`,
      };
    case "below-90":
      return {
        vi: "Không đạt 5 sao — trả về tỉnh",
        en: "Not 5★ — returned to the province",
        viLong:
          "Không đạt 5 sao: Chủ tịch UBND cấp tỉnh có thể căn cứ kết quả này xem xét công nhận 3 sao, 4 sao hoặc tổ chức đánh giá lại theo thẩm quyền",
        enLong:
          "Not 5 stars: the provincial chairman may, on this result, recognise the product at 3 or 4 stars or have it evaluated again",
      };
    case "forward":
      return {
        vi: "Đề nghị cấp tỉnh đánh giá",
        en: "Sent to the province",
        viLong: `Đề nghị ${lp.upward?.vi ?? "cấp tỉnh"} đánh giá, phân hạng (ứng viên 4, 5 sao)`,
        enLong: `Sent to ${lp.upward?.en ?? "the province"} for evaluation (4- or 5-star candidate)`,
      };
    case "not-recognised":
      return {
        vi: "Không đề nghị công nhận",
        en: "Not proposed",
        viLong: "Dưới 3 sao: không ban hành quyết định công nhận, không cấp giấy chứng nhận",
        enLong: "Below 3 stars: no recognition decision and no certificate",
      };
    case "withheld":
      return {
        vi: "Chưa xếp hạng",
        en: "Withheld",
        viLong: "Chưa xếp hạng (xem ghi chú)",
        enLong: "Withheld (see the notes)",
      };
  }
};

/** Outcomes that go on a proposal list, in the order the lists are printed. */
export const PROPOSED_OUTCOMES: readonly Outcome[] = [
  "propose-5",
  "potential-5",
  "forward",
  "propose-4",
  "propose-3",
];

/**
 * The certificate's validity, quoted where a proposal list mentions certificates: Điều 4.3 (l. 39) of 26/2026.
 * Null for the older editions, whose text we do not hold.
 */
export const certificateValidity = (edition: EditionId): string | null =>
  processOf(edition) === PROCESSES["qd26-2026"]
    ? "Giấy chứng nhận cho sản phẩm OCOP đạt từ 3 sao trở lên có giá trị trong thời hạn 36 tháng kể từ ngày cơ quan có thẩm quyền ban hành (khoản 3 Điều 4 Quyết định số 26/2026/QĐ-TTg)."
    : null;
