/**
 * Excel's own rules a plan must respect, checked before any host sees it (pure; no Office). Excel would not keep
 * what such a plan says: a value under a merge other than its top-left cell is lost, overlapping merges or a
 * table over merged cells are refused, and a table's header row is rewritten (blanks become "Column1", a
 * duplicate "Name2", a formula its text) — so nothing may rely on those.
 */
import { cellAddress as a1, inRange as inside, rangeAddress as area } from "../../src/layout/a1";
import type { CellRange, SheetPlan } from "../../src/layout/plan";

export type PlanProblemKind =
  | "valueUnderMerge"
  | "mergeOverlap"
  | "tableOverlap"
  | "tableOverMerge"
  | "tableHeaderBlank"
  | "tableHeaderDuplicate"
  | "tableHeaderFormula";

export interface PlanProblem {
  kind: PlanProblemKind;
  sheet: string;
  /** A1 address of the cell or area. */
  cell: string;
  detail: string;
}

const overlaps = (a: CellRange, b: CellRange): boolean =>
  a.row < b.row + b.rowCount &&
  b.row < a.row + a.rowCount &&
  a.col < b.col + b.colCount &&
  b.col < a.col + a.colCount;

const holds = (c: SheetPlan["cells"][number]): boolean =>
  c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== "");

export function lintPlan(plan: SheetPlan): PlanProblem[] {
  const out: PlanProblem[] = [];
  const problem = (kind: PlanProblemKind, cell: string, detail: string) =>
    out.push({ kind, sheet: plan.name, cell, detail });

  plan.merges.forEach((m, i) => {
    for (const other of plan.merges.slice(i + 1))
      if (overlaps(m, other)) problem("mergeOverlap", area(m), `overlaps the merge ${area(other)}`);
  });
  for (const c of plan.cells) {
    if (!holds(c)) continue;
    const m = plan.merges.find((x) => inside(x, c.row, c.col));
    if (m && (m.row !== c.row || m.col !== c.col))
      problem(
        "valueUnderMerge",
        a1(c.row, c.col),
        `inside the merge ${area(m)}, whose top-left cell alone keeps a value`
      );
  }

  plan.tables.forEach((t, i) => {
    for (const other of plan.tables.slice(i + 1))
      if (overlaps(t.range, other.range))
        problem("tableOverlap", area(t.range), `overlaps the table ${other.name}`);
    for (const m of plan.merges)
      if (overlaps(t.range, m))
        problem("tableOverMerge", area(t.range), `the table ${t.name} covers the merge ${area(m)}`);
    const seen = new Set<string>();
    for (let col = t.range.col; col < t.range.col + t.range.colCount; col++) {
      const cell = plan.cells.find((c) => c.row === t.range.row && c.col === col);
      const where = a1(t.range.row, col);
      if (cell?.formula !== undefined) {
        problem(
          "tableHeaderFormula",
          where,
          `the header of ${t.name} is a formula; Excel keeps its text only`
        );
        continue;
      }
      const text = cell?.value === undefined || cell.value === null ? "" : String(cell.value).trim();
      if (text === "")
        problem("tableHeaderBlank", where, `a blank header of ${t.name}; Excel names it "Column…"`);
      else if (seen.has(text.toLowerCase()))
        problem("tableHeaderDuplicate", where, `the header "${text}" of ${t.name} repeats; Excel renames it`);
      seen.add(text.toLowerCase());
    }
  });
  return out;
}

/** Throws on the first problem of any plan: for tests and for hosts that refuse such plans. */
export function assertPlansLint(plans: SheetPlan[]): void {
  const problems = plans.flatMap(lintPlan);
  if (problems.length > 0)
    throw new Error(problems.map((p) => `'${p.sheet}'!${p.cell}: ${p.kind} — ${p.detail}`).join("\n"));
}
