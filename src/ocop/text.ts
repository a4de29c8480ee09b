/**
 * Text as councils type it: Vietnamese in NFC or NFD (depending on the keyboard and the platform),
 * stray spaces, any case. Comparisons and codes go through here so "Rau, củ" typed on a Mac matches
 * the catalogue.
 */

const foldSpaces = (s: string): string => s.replace(/\s+/gu, " ").trim();

/** Canonical form for comparing names and titles: NFC, trimmed, inner spaces folded, lower case. */
export const foldText = (s: string): string => foldSpaces(s.normalize("NFC")).toLowerCase();

/** True when two texts say the same thing up to Unicode form, spacing and case. */
export const sameText = (a: string, b: string): boolean => foldText(a) === foldText(b);

// Codes are mostly plain ASCII already; skip the Unicode work for them (the score index calls this per cell).
const CANONICAL_CODE = /^[A-Z0-9_\-/.]*[A-Z0-9_\-/]$/;

/**
 * Canonical form of a code (product, member, criterion): NFC, no spaces, upper case, no trailing dot,
 * so "1.1." and " 1.1" name the same criterion and "t-x-01-2026" the same product as "T-X-01-2026".
 */
export const normaliseCode = (code: string): string => {
  if (CANONICAL_CODE.test(code)) return code;
  return code.normalize("NFC").replace(/\s+/gu, "").toUpperCase().replace(/\.+$/u, "");
};

/**
 * Reads a number typed as text the way Vietnamese and English users write it: "2", " 2 ", "2,0", "1.5",
 * "-1". Returns null for anything else (words, "1.000,5", empty). Used to explain a text cell, never to
 * accept it as a score.
 */
export const parseNumberText = (text: string): number | null => {
  const t = text.trim();
  if (!/^[-+]?\d+(?:[.,]\d+)?$/u.test(t)) return null;
  const n = Number(t.replace(",", "."));
  return Number.isFinite(n) ? n : null;
};
