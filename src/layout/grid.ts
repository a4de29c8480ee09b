/**
 * What the layout needs from a sheet as read back. Hosts return a `SheetGrid` (src/hosts/workbook.ts),
 * which has this shape; the layout names it here so it never imports a host module.
 */
import type { CellRange, CellValue, ListValidation, Visibility } from "./plan";

export interface GridLike {
  name: string;
  visibility?: Visibility;
  values: CellValue[][];
  formulas: (string | null)[][];
  hiddenRows?: number[];
  /** Merged ranges, where the host reads them. */
  merges?: CellRange[];
  validations: ListValidation[];
  /** Cells the file holds that `values` does not, with why (see CellProblem). */
  problems?: CellProblem[];
}

/**
 * Why a cell in the file is not in the grid:
 * - rowMismatch: its `r` names another row than the `<row>` it is in (readers disagree where it goes);
 * - unknownType: its type `t` is none SpreadsheetML has (e.g. "zz");
 * - badCharacter: its text has a character reference XML does not allow (e.g. &#x110000;);
 * - outsideSheet: it lies beyond XFD or row 1,048,576, where no spreadsheet has cells;
 * - farAway: it lies far from every other cell (see readSheetXml), so it is not laid out densely.
 */
export interface CellProblem {
  kind: "rowMismatch" | "unknownType" | "badCharacter" | "outsideSheet" | "farAway";
  /** The cell as the file names it ("B7", "XFE1"); for a cell without `r`, where it would be. */
  cell: string;
  /** What was found: the row it sits in, the type, the reference, the value (short text). */
  detail: string;
}
