/** Shared formulas: the master's text moved to each follower (relative references only). */
import { colIndex, colLetter } from "../../../layout/a1";
import { attr, COLS, xmlText } from "./cellValues";

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/** ExcelJS's slideFormula: a shared formula's text moved by (rows, cols), relative references only. */
export const slideFormula = (formula: string, rows: number, cols: number): string =>
  formula.replace(
    CANDIDATE,
    (match: string, sheet: string | undefined, _name: string, addr: string, paren: string | undefined) => {
      if (paren) return match;
      const m = CELL_REF.exec(addr);
      if (!m) return match;
      const letters = m[2]!.toUpperCase();
      if (letters.length > 3 || (letters.length === 3 && letters > "XFD")) return match; // a name
      let col = colIndex(letters) + 1;
      let row = parseInt(m[4]!, 10);
      if (!m[1]) col += cols;
      if (!m[3]) row += rows;
      if (col < 1 || col > COLS) return "#REF!";
      return `${sheet ?? ""}${m[1] ?? ""}${colLetter(col - 1)}${m[3] ?? ""}${row}`;
    }
  );

/** Masters of the shared formulas met so far, by their si. */
export type SharedMasters = Map<string, { formula: string; row: number; col: number }>;

/**
 * A formula cell's text: its own, or its shared master's moved to it; "?" for a follower without its master or a
 * formula element with no text. A master (t="shared" with ref) is recorded for the followers after it.
 */
export const cellFormula = (
  fTag: string,
  fType: string | undefined,
  fText: string | undefined,
  row: number,
  col: number,
  masters: SharedMasters
): string => {
  let formula: string;
  if (fText !== undefined) formula = xmlText(fText);
  else if (fType === "shared" && !attr(fTag, "ref")) {
    const master = masters.get(attr(fTag, "si") ?? "");
    formula = master ? slideFormula(master.formula, row - master.row, col - master.col) : "?";
  } else formula = "?";
  if (fType === "shared" && fText !== undefined && attr(fTag, "ref"))
    masters.set(attr(fTag, "si") ?? "", { formula, row, col });
  return formula;
};
