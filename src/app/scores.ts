/** Members' scores from the score sheets of a read workbook, with the layout's findings. */
import { CODES } from "../ocop/codes";
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import type { MemberScores, Session } from "../ocop/session";
import type { SheetGrid } from "../hosts/workbook";
import { LAYOUT_CODES } from "../layout/codes";
import { parseScoreSheet, type ParsedScoreSheet } from "../layout/scoreSheet";

export interface SheetScores {
  grid: SheetGrid;
  parsed: ParsedScoreSheet;
  file?: string;
}

export const parseSheets = (
  sheets: SheetGrid[],
  session: Session,
  catalogue: Catalogue,
  file?: string
): SheetScores[] =>
  sheets.map((grid) => ({ grid, file, parsed: parseScoreSheet(grid, { session, catalogue, file }) }));

/** True when a member typed anything on the sheet. */
export const hasEntries = (s: MemberScores | null): boolean =>
  (s?.entries ?? []).some((e) => e.raw.value !== null && e.raw.value !== "");

/**
 * Where the layout already said a product's column is missing, the rules' "whole product blank" for the
 * same member and product says the same thing again; keep the layout's, which names the fix.
 */
export const withoutEchoes = (findings: Finding[]): Finding[] => {
  const missingColumns = new Set(
    findings
      .filter((f) => f.code === LAYOUT_CODES.productColumnMissing || f.code === LAYOUT_CODES.blockMissing)
      .map(
        (f) =>
          `${f.where.member}|${f.code === LAYOUT_CODES.blockMissing ? `form:${f.where.form}` : f.where.product}`
      )
  );
  if (!missingColumns.size) return findings;
  return findings.filter((f) => {
    if (f.code !== CODES.scoreProductMissing) return true;
    return !missingColumns.has(`${f.where.member}|${f.where.product}`);
  });
};
