/** A reader that does not recalculate: /usr/bin/python3 with openpyxl, data_only=True (test/python/readTotals.py). */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const PY = "/usr/bin/python3";
const SCRIPT = join(__dirname, "..", "python", "readTotals.py");

export interface OpenpyxlRead {
  /** Per score sheet, the total row's cached value per product code. */
  totals: Record<string, Record<string, number | null>>;
  /** "Sheet!A1" → the cached value. */
  cells: Record<string, unknown>;
}

export const readWithOpenpyxl = (file: string, cells: string[] = []): OpenpyxlRead =>
  JSON.parse(
    execFileSync(PY, [SCRIPT, file, ...cells], { encoding: "utf8", maxBuffer: 64 << 20 })
  ) as OpenpyxlRead;

export const PYTHON = PY;
