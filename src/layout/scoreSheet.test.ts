import { allowedPoints, criteriaOf } from "../ocop/criteria/catalogue";
import { miniCatalogue, miniSession } from "../../test/helpers/miniCatalogue";
import { deleteRow, insertRows, planToGrid, swapColumns } from "../../test/helpers/planGrid";
import { parseAddress } from "./a1";
import { LAYOUT_CODES } from "./codes";
import { enteredValues, parseScoreSheet, planScoreSheet, scoreKey } from "./scoreSheet";
type SheetGrid = ReturnType<typeof planToGrid>;

const session = miniSession();
const catalogue = miniCatalogue();
const member = session.members[1]!;
const plan = () => planScoreSheet({ session, catalogue, member });
const parse = (g: SheetGrid, s = session) => parseScoreSheet(g, { session: s, catalogue, file: "book.xlsx" });

/** Types a value into the cell the sheet's anchors give for product × criterion. */
const type = (g: SheetGrid, product: string, criterion: string, value: number): SheetGrid => {
  const cell = parse(g).scores!.entries.find(
    (e) => e.product === product && e.criterion === criterion
  )!.cell!;
  const { row, col } = parseAddress(cell)!;
  const values = g.values.map((r) => [...r]);
  values[row]![col] = value;
  return { ...g, values };
};
const scoreOf = (g: SheetGrid, product: string, criterion: string) =>
  parse(g).scores!.entries.find((e) => e.product === product && e.criterion === criterion)?.raw.value;
const codes = (g: SheetGrid, s = session) => parse(g, s).findings.map((f) => f.code);

describe("a member's score sheet", () => {
  it("has a block per form, every product as a column and every criterion as a row, and parses back whole", () => {
    const g = planToGrid(plan());
    const parsed = parse(g);
    expect(parsed.findings).toEqual([]);
    expect(parsed.blocks).toEqual([
      { form: "01", products: ["SP01", "SP02"] },
      { form: "02", products: ["SP03"] },
    ]);
    expect(parsed.scores!.member).toBe("TV02");
    expect(parsed.scores!.entries).toHaveLength(4 * 2 + 4 * 1);
    expect(g.name).toBe("Phiếu TV02");
  });

  it("offers each criterion's allowed points as the dropdown and unlocks only score cells", () => {
    const p = plan();
    const form = catalogue.forms.get("01")!;
    const lists = p.validations.map((v) => v.list);
    for (const { criterion } of criteriaOf(form)) expect(lists).toContainEqual(allowedPoints(criterion));
    const unlockedCells = p.unlocked.reduce((n, r) => n + r.rowCount * r.colCount, 0);
    expect(unlockedCells).toBe(12);
    expect(p.protection).not.toBeNull();
    expect(p.columns.find((c) => c.index === 0)?.hidden).toBe(true);
    expect(p.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
    expect(p.cells.some((c) => c.value === session.members[1]!.name)).toBe(true); // signature line
  });

  it("keeps user text literal: a product named with a leading = is text, not a formula", () => {
    const cell = plan().cells.find((c) => c.value === "=Cam sành")!;
    expect(cell.asText).toBe(true);
    expect(cell.formula).toBeUndefined();
  });

  it("still reads the right scores after blank rows are inserted and rows hidden", () => {
    let g = type(planToGrid(plan()), "SP02", "2.1", 15);
    g = insertRows(g, 9, 3);
    g = { ...g, hiddenRows: [10, 11, 15] };
    expect(parse(g).findings).toEqual([]);
    expect(scoreOf(g, "SP02", "2.1")).toBe(15);
  });

  it("follows products when their columns are moved or re-sorted", () => {
    let g = type(planToGrid(plan()), "SP01", "1.1", 20);
    g = type(g, "SP02", "1.1", 10);
    g = swapColumns(g, 4, 5);
    expect(parse(g).findings).toEqual([]);
    expect(scoreOf(g, "SP01", "1.1")).toBe(20);
    expect(scoreOf(g, "SP02", "1.1")).toBe(10);
  });

  it("reports a deleted criterion row with the criterion and the form", () => {
    const g = planToGrid(plan());
    const row = g.values.findIndex((r) => r[0] === "c:1.2");
    const f = parse(deleteRow(g, row)).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      code: LAYOUT_CODES.criterionRowDeleted,
      severity: "error",
      where: { criterion: "1.2", form: "01", member: "TV02", sheet: "Phiếu TV02" },
    });
  });

  it("reports a duplicated criterion row at the copy, and counts the first", () => {
    let g = type(planToGrid(plan()), "SP01", "1.1", 10);
    const row = g.values.findIndex((r) => r[0] === "c:1.1");
    const copy = [...g.values[row]!];
    copy[4] = 20;
    g = insertRows(g, row + 1, 1);
    g.values[row + 1] = copy;
    const f = parse(g).findings;
    expect(f.map((x) => x.code)).toEqual([LAYOUT_CODES.criterionRowDuplicated]);
    expect(f[0]!.where.cell).toBe(`A${row + 2}`);
    expect(scoreOf(g, "SP01", "1.1")).toBe(10);
  });

  it("reports a changed allowed-points list at the cell, with the right list", () => {
    const g = planToGrid(plan());
    const row = g.values.findIndex((r) => r[0] === "c:2.1");
    const validations = g.validations.map((v) =>
      v.range.row === row ? { ...v, list: [0, 5, 15, 25, 30] } : v
    );
    const f = parse({ ...g, validations }).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      code: LAYOUT_CODES.allowedListChanged,
      where: { cell: `E${row + 1}`, criterion: "2.1" },
      allowed: [0, 5, 15, 25],
    });
  });

  it("reports cells merged over score cells once per merge, at its top-left cell, naming what it hides", () => {
    const g = planToGrid(plan());
    const r1 = g.values.findIndex((r) => r[0] === "c:1.1");
    const r3 = g.values.findIndex((r) => r[0] === "c:3.1");
    const merges = [
      ...g.merges,
      { row: r1, col: 5, rowCount: 2, colCount: 1 }, // SP02 over criteria 1.1 and 1.2
      { row: r3, col: 3, rowCount: 1, colCount: 2 }, // the maximum column over SP01's score
    ];
    const f = parse({ ...g, merges }).findings;
    expect(f).toEqual([
      expect.objectContaining({
        code: LAYOUT_CODES.scoreCellsMerged,
        severity: "error",
        where: expect.objectContaining({ cell: `F${r1 + 1}`, product: "SP02", criterion: "1.1" }),
        params: expect.objectContaining({ range: `F${r1 + 1}:F${r1 + 2}` }),
      }),
      expect.objectContaining({
        code: LAYOUT_CODES.scoreCellsMerged,
        where: expect.objectContaining({ cell: `D${r3 + 1}`, product: "SP01", criterion: "3.1" }),
      }),
    ]);
  });

  it("reports a product column the session does not know, and a product left without a column", () => {
    const g = planToGrid(plan());
    const colsRow = g.values.findIndex((r) => r[0] === "#cols");
    const values = g.values.map((r) => [...r]);
    values[colsRow]![5] = "SP99";
    const f = parse({ ...g, values }).findings;
    expect(f.map((x) => x.code).sort()).toEqual(
      [LAYOUT_CODES.productColumnMissing, LAYOUT_CODES.productColumnUnknown].sort()
    );
    expect(f.find((x) => x.code === LAYOUT_CODES.productColumnUnknown)!.where).toMatchObject({
      cell: `F${colsRow + 1}`,
      product: "SP99",
    });
    expect(f.find((x) => x.code === LAYOUT_CODES.productColumnMissing)!.where.product).toBe("SP02");
  });

  it("refuses a foreign sheet and a sheet of another session", () => {
    const foreign: SheetGrid = {
      ...planToGrid(plan()),
      values: [["Điểm", 1, 2]],
      formulas: [[null, null, null]],
    };
    expect(codes(foreign)).toEqual([LAYOUT_CODES.notScoreSheet]);
    expect(codes(planToGrid(plan()), { ...session, id: "another" })).toEqual([LAYOUT_CODES.otherSession]);
  });

  it("keeps every entered score when the sheet is planned again", () => {
    let g = type(planToGrid(plan()), "SP03", "3.1", 35);
    g = type(g, "SP01", "1.2", 5);
    const again = planToGrid(
      planScoreSheet({ session, catalogue, member, existing: enteredValues(parse(g).scores) })
    );
    expect(enteredValues(parse(again).scores)).toEqual(
      new Map([
        [scoreKey("SP01", "1.2"), 5],
        [scoreKey("SP03", "3.1"), 35],
      ])
    );
  });

  it("fits a long member code into Excel's 31-character sheet name", () => {
    const long = { ...member, code: "THANH-VIEN-HOI-DONG-CAP-TINH-0001" };
    expect(
      planScoreSheet({ session: { ...session, members: [long] }, catalogue, member: long }).name.length
    ).toBeLessThanOrEqual(31);
  });
});
