/**
 * A batch of cell writes must leave the sheet exactly as the same writes one by one would: values replaced
 * with their styles kept, cells and rows added in order, later writes to a cell winning.
 */
import fc from "fast-check";
import { readSheetXml, type SheetReadContext } from "./readSheetXml";
import { setCell, setCells } from "./cellPatch";

const SHEET = (rows: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<sheetData${rows === "" ? "/>" : `>${rows}</sheetData>`}<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

const EXISTING = SHEET(
  `<row r="1"><c r="A1" s="3" t="inlineStr"><is><t>Tiêu chí</t></is></c><c r="C1" s="4"><v>2</v></c></row>` +
    `<row r="3" ht="20" customHeight="1"><c r="B3" s="5"/></row><row r="4"/>` +
    `<row r="7"><c r="A7"><v>1</v></c><c r="D7" s="2"><v>0.5</v></c></row>`
);

const write = fc.record({
  sheet: fc.constant("S"),
  row: fc.integer({ min: 0, max: 9 }),
  col: fc.integer({ min: 0, max: 5 }),
  value: fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1, max: 5 }),
    fc.constantFrom("ba điểm", "=1+1", "a & b <c>", "")
  ),
});

const ctx: SheetReadContext = {
  name: "S",
  visibility: "visible",
  sharedStrings: [],
  dateStyles: new Set<number>(),
  date1904: false,
  otherSheet: () => null,
};

describe("setCells", () => {
  it.each([
    ["a sheet with rows", EXISTING],
    ["an empty sheet", SHEET("")],
  ])("on %s gives what one setCell per write gives", (_name, xml) => {
    fc.assert(
      fc.property(fc.array(write, { minLength: 2, maxLength: 25 }), (writes) => {
        const oneByOne = writes.reduce((x, w) => setCell(x, w.row, w.col, w.value), xml);
        const batch = setCells(xml, writes);
        expect(batch).toBe(oneByOne);
      }),
      { numRuns: 300 }
    );
  });

  it("reads back the values written, keeps styles and what follows the sheet data", () => {
    const xml = setCells(EXISTING, [
      { sheet: "S", row: 0, col: 2, value: 3 },
      { sheet: "S", row: 2, col: 1, value: "hai" },
      { sheet: "S", row: 5, col: 0, value: 1 },
      { sheet: "S", row: 9, col: 3, value: 2 },
    ]);
    const grid = readSheetXml(xml, ctx);
    expect(grid.values[0]?.slice(0, 3)).toEqual(["Tiêu chí", null, 3]);
    expect(grid.values[2]?.[1]).toBe("hai");
    expect(grid.values[5]?.[0]).toBe(1);
    expect(grid.values[9]?.[3]).toBe(2);
    expect(xml).toContain(`<c r="C1" s="4"><v>3</v></c>`);
    expect(xml).toContain(`<c r="B3" s="5" t="inlineStr">`);
    expect(xml).toContain(`<mergeCells count="1">`);
    const order = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
