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
}
