/**
 * The product's dossier (26/2026 Điều 6.1): first evaluation, upgrade, or re-evaluation when the certificate
 * ends; and what the producer and the commune said before the council scored (Phụ lục III, Mẫu 02 and 03).
 * Sources (lines of shared/ocop/qd26-2026.txt): Điều 6.1.a–c (l. 47–49); Điều 7.6.a (l. 91): a re-evaluation
 * dossier is filed no earlier than 180 and no later than 120 days before the certificate ends.
 */
import { CODES } from "./codes";
import type { Finding } from "./findings";
import type { ProductResult } from "./results";

export const DOSSIER_TYPES = ["first", "upgrade", "re-evaluation"] as const;
export type DossierType = (typeof DOSSIER_TYPES)[number];

export interface Dossier {
  type: DossierType;
  /** Upgrade and re-evaluation: the stars the product holds now. */
  currentStars: 3 | 4 | 5 | null;
  /** The current certificate's number and date, as typed ("12/QĐ-UBND ngày 01/03/2024"). */
  certificate: string;
  /** ISO date the current certificate ends (re-evaluation). */
  certificateExpiry: string | null;
  /** ISO date the dossier was filed. */
  submitted: string | null;
  /** The producer's own total in the self-assessment report (Mẫu 02). */
  selfAssessed: number | null;
  /** The commune's report on the dossier (Mẫu 03): its number and date, as typed. */
  communeReport: string;
}

export const FIRST_DOSSIER: Dossier = {
  type: "first",
  currentStars: null,
  certificate: "",
  certificateExpiry: null,
  submitted: null,
  selfAssessed: null,
  communeReport: "",
};

export const DOSSIER_WORDS: Record<DossierType, { vi: string; en: string; aliases: string[] }> = {
  first: { vi: "Lần đầu", en: "First", aliases: ["Đánh giá lần đầu", "Phân hạng lần đầu", "first", "new"] },
  upgrade: { vi: "Nâng hạng", en: "Upgrade", aliases: ["Đánh giá nâng hạng", "upgrade"] },
  "re-evaluation": {
    vi: "Đánh giá lại",
    en: "Re-evaluation",
    aliases: [
      "Phân hạng lại",
      "Đánh giá, phân hạng lại",
      "Hết hạn",
      "re-evaluation",
      "reevaluation",
      "renewal",
    ],
  },
};

/** Điều 7.6.a: the window before the certificate's end in which a re-evaluation dossier is filed. */
export const REEVALUATION_WINDOW = { earliest: 180, latest: 120 } as const;

const days = (fromIso: string, toIso: string): number =>
  Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86400000);

/** Warnings on a dossier as the secretariat typed it; errors are the table reader's (bad dates, stars). */
export const dossierFindings = (product: string, d: Dossier): Finding[] => {
  const out: Finding[] = [];
  if (d.type !== "first" && d.currentStars === null)
    out.push({
      code: CODES.dossierCurrentStarsMissing,
      severity: "warning",
      where: { product },
      params: { product, type: d.type },
    });
  if (d.type === "re-evaluation" && d.certificateExpiry && d.submitted) {
    const before = days(d.submitted, d.certificateExpiry);
    if (before > REEVALUATION_WINDOW.earliest || before < REEVALUATION_WINDOW.latest)
      out.push({
        code: CODES.dossierReevaluationWindow,
        severity: "warning",
        where: { product },
        params: {
          product,
          submitted: d.submitted,
          expiry: d.certificateExpiry,
          days: before,
          earliest: REEVALUATION_WINDOW.earliest,
          latest: REEVALUATION_WINDOW.latest,
        },
      });
  }
  return out;
};

/**
 * What the result means for an upgrade or a re-evaluation, stated plainly; null when there is nothing to say.
 * An upgrade must end above the stars held; a re-evaluation below them loses stars.
 */
export const dossierStatement = (d: Dossier | undefined, r: Pick<ProductResult, "stars">): string | null => {
  if (!d || d.type === "first" || d.currentStars === null || r.stars === null) return null;
  if (d.type === "upgrade" && r.stars <= d.currentStars)
    return `Hồ sơ nâng hạng không đạt: kết quả ${r.stars} sao không cao hơn hạng đang có (${d.currentStars} sao)`;
  if (d.type === "re-evaluation" && r.stars < d.currentStars)
    return `Đánh giá lại: kết quả ${r.stars} sao thấp hơn hạng đang có (${d.currentStars} sao)`;
  return null;
};

/** The council's mean minus the producer's own total (Mẫu 02); null when either is missing. */
export const selfAssessmentGap = (d: Dossier | undefined, mean: number | null): number | null =>
  d?.selfAssessed === null || d?.selfAssessed === undefined || mean === null
    ? null
    : Math.round((mean - d.selfAssessed) * 1e9) / 1e9;
