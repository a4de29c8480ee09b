import type { Finding } from "../ocop/findings";
import { LAYOUT_CODES } from "../layout/codes";

/** Faults on a member's score sheet that planning the sheet again repairs. */
const REPAIRABLE = new Set<string>([
  LAYOUT_CODES.productColumnMissing,
  LAYOUT_CODES.blockMissing,
  LAYOUT_CODES.criterionRowDeleted,
  LAYOUT_CODES.allowedListChanged,
  LAYOUT_CODES.validationRemoved,
  LAYOUT_CODES.blockNoProducts,
]);

/**
 * The errors on a score sheet that re-planning would not repair: with any of them, replacing the sheet could lose
 * values, so nothing is written.
 */
export const unrepairableErrors = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity === "error" && !REPAIRABLE.has(f.code));
