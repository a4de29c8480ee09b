/**
 * The anchors of a member's score sheet (layout/scoreSheet.ts): the hidden column A's tags, the sheet's JSON
 * anchor (session, member, round) and where they are found, shared by planning and parsing.
 */
import type { Member, Session } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import { LAYOUT_VERSION } from "./meta";
import type { CellValue } from "./plan";
import type { GridLike as SheetGrid } from "./grid";

export const ANCHOR_COL = 0;
export const NUMBER_COL = 1;
export const TEXT_COL = 2;
export const MAX_COL = 3;
export const FIRST_PRODUCT_COL = 4;

/** Anchor texts in column A. */
export const A = {
  block: "#block:",
  cols: "#cols",
  head: "#head",
  part: "#part:",
  section: "#section:",
  criterion: "c:",
  subtotal: "#sub:",
  total: "#total",
} as const;

export interface SheetAnchor {
  ocop: "score";
  v: number;
  session: string;
  member: string;
  /** Round 2 and later (issue 14): the round and the products it asks for again. */
  round?: number;
  products?: string[];
}

export const sheetAnchor = (
  session: Session,
  member: Member,
  round?: { number: number; products: readonly string[] }
): string =>
  JSON.stringify({
    ocop: "score",
    v: LAYOUT_VERSION,
    session: session.id,
    member: member.code,
    ...(round && round.number > 1 ? { round: round.number, products: [...round.products] } : {}),
  } satisfies SheetAnchor);

/** Key of an entered value, for keeping scores when a sheet is planned again. */
export const scoreKey = (product: string, criterion: string): string =>
  `${normaliseCode(product)}|${normaliseCode(criterion)}`;

/** Finds the sheet anchor anywhere in the grid (a column may have been inserted before it). */
export const findAnchor = (
  values: CellValue[][]
): { anchor: SheetAnchor; row: number; col: number } | null => {
  for (let r = 0; r < Math.min(values.length, 50); r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 10); c++) {
      const v = row[c];
      if (typeof v !== "string" || !v.startsWith('{"ocop"')) continue;
      try {
        const parsed = JSON.parse(v) as Partial<SheetAnchor>;
        if (
          parsed.ocop === "score" &&
          typeof parsed.session === "string" &&
          typeof parsed.member === "string"
        ) {
          const round = Number(parsed.round);
          const later =
            Number.isInteger(round) && round > 1 && Array.isArray(parsed.products)
              ? { round, products: parsed.products.map(String) }
              : {};
          return {
            anchor: {
              ocop: "score",
              v: Number(parsed.v) || 0,
              session: parsed.session,
              member: parsed.member,
              ...later,
            },
            row: r,
            col: c,
          };
        }
      } catch {
        // not ours; keep looking
      }
    }
  }
  return null;
};

export const isScoreSheet = (grid: SheetGrid): boolean => findAnchor(grid.values) !== null;
