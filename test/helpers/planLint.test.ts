import { lintPlan } from "./planLint";
import { emptyPlan, type SheetPlan } from "../../src/layout/plan";

const plan = (extra: Partial<SheetPlan>): SheetPlan => ({ ...emptyPlan("Kết quả", "results"), ...extra });

test("a value under a merge other than its top-left cell is refused, the top-left is fine", () => {
  const problems = lintPlan(
    plan({
      merges: [{ row: 0, col: 0, rowCount: 1, colCount: 3 }],
      cells: [
        { row: 0, col: 0, value: "Tiêu đề" },
        { row: 0, col: 1, value: null },
        { row: 0, col: 2, formula: "A1" },
      ],
    })
  );
  expect(problems).toEqual([
    expect.objectContaining({ kind: "valueUnderMerge", sheet: "Kết quả", cell: "C1" }),
  ]);
});

test("overlapping merges, tables over merges or over each other", () => {
  const kinds = lintPlan(
    plan({
      merges: [
        { row: 0, col: 0, rowCount: 2, colCount: 2 },
        { row: 1, col: 1, rowCount: 1, colCount: 2 },
      ],
      cells: [
        { row: 5, col: 0, value: "Mã" },
        { row: 5, col: 1, value: "Tên" },
      ],
      tables: [
        { name: "T1", range: { row: 5, col: 0, rowCount: 3, colCount: 2 } },
        { name: "T2", range: { row: 6, col: 1, rowCount: 3, colCount: 1 } },
        { name: "T3", range: { row: 0, col: 4, rowCount: 3, colCount: 2 } },
      ],
    })
  ).map((p) => p.kind);
  expect(kinds).toEqual(expect.arrayContaining(["mergeOverlap", "tableOverlap"]));
  expect(
    lintPlan(
      plan({
        merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }],
        tables: [{ name: "T", range: { row: 0, col: 1, rowCount: 2, colCount: 1 } }],
      })
    ).map((p) => p.kind)
  ).toContain("tableOverMerge");
});

test("table headers Excel would rewrite: blank, duplicate (any case), formula", () => {
  const problems = lintPlan(
    plan({
      cells: [
        { row: 0, col: 0, value: "Mã" },
        { row: 0, col: 1, value: "mã " },
        { row: 0, col: 3, formula: '"Điểm"' },
      ],
      tables: [{ name: "T", range: { row: 0, col: 0, rowCount: 2, colCount: 4 } }],
    })
  );
  expect(problems.map((p) => [p.kind, p.cell])).toEqual([
    ["tableHeaderDuplicate", "B1"],
    ["tableHeaderBlank", "C1"],
    ["tableHeaderFormula", "D1"],
  ]);
});
