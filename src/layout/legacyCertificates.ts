/**
 * Earlier versions wrote a "GCN <code>" certificate sheet per product of 3 stars and above. A council issues no
 * certificate (26/2026 Điều 4.1, 7.3.e: the provincial chairman or the Ministry does), so publishing now removes
 * those sheets — only the ones the add-in made, recognised by the hidden anchor in column A. Two steps, as the
 * host reads: which sheets may be one (by name), then which of those read back are one (by anchor).
 */
import type { GridLike } from "./grid";

const PREFIX = "GCN ";
const ANCHOR = "ocop-certificate";

/** Sheet names that may be an old certificate sheet: the ones to read. */
export const legacyCertificateCandidates = (sheetNames: readonly string[]): string[] =>
  sheetNames.filter((n) => n.startsWith(PREFIX));

/** Of the candidate sheets read back, the ones the add-in made: the sheets to remove. */
export const legacyCertificatesToRemove = (grids: readonly Pick<GridLike, "name" | "values">[]): string[] =>
  grids
    .filter((g) =>
      g.values.slice(0, 3).some((row) => typeof row[0] === "string" && row[0].startsWith(ANCHOR))
    )
    .map((g) => g.name);
