/**
 * Rounding for display only (the ranking table, the CLI, JSON for people). Classification and ranking
 * never see these numbers: a mean of 69.995 shows as 70.00 and is still 3★.
 */

/**
 * Rounds half away from zero on the number as Excel shows it (15 significant digits), so the text
 * matches what the same mean shows in a cell formatted "0.00": 2.675 → 2.68, 1.005 → 1.01.
 */
export const roundForDisplay = (n: number, decimals: number): number => {
  if (!Number.isFinite(n)) return n;
  const shown = Number(n.toPrecision(15));
  const sign = shown < 0 ? -1 : 1;
  return sign * Number(`${Math.round(Number(`${Math.abs(shown)}e${decimals}`))}e-${decimals}`) || 0;
};

/** The mean as text with exactly `decimals` decimals and the reader's decimal mark. */
export const formatMean = (n: number | null, decimals: number, lang: "vi" | "en"): string => {
  if (n === null) return "";
  const text = roundForDisplay(n, decimals).toFixed(decimals);
  return lang === "vi" ? text.replace(".", ",") : text;
};
