/** The Excel host's round trips don't grow with the council: same sync counts at 5×10 and 15×400, all ≤ 5. */
import { measure, type Measured } from "./syncBudget";

const SMALL = { sheets: 5, products: 10, rows: 30 };
const LARGE = { sheets: 15, products: 400, rows: 30 };

describe("Excel host sync budget", () => {
  let small: Measured;
  let large: Measured;
  beforeAll(async () => {
    small = await measure(SMALL);
    large = await measure(LARGE);
  });

  test.each(["apply", "reapply", "readSheets", "listSheets", "cellWrites", "getSelection"] as const)(
    "%s: the same number of syncs at both sizes, at most 5",
    (method) => {
      expect(large[method]).toBe(small[method]);
      expect(large[method]).toBeLessThanOrEqual(5);
    }
  );

  test("the expected counts: list 1, read 3, apply 2, apply with cell writes 3, selection 1", () => {
    expect(small).toMatchObject({
      listSheets: 1,
      readSheets: 3,
      apply: 2,
      reapply: 2,
      cellWrites: 3,
      getSelection: 1,
    });
  });

  test("no request comes near Excel on the web's 5 MB limit", () => {
    expect(large.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    expect(large.maxRequestCells).toBeLessThanOrEqual(500_000);
  });

  test("below ExcelApi 1.9 / 1.13 the counts are the same (print setup and merges skipped, not extra syncs)", async () => {
    const old = await measure(SMALL, "1.8");
    expect(old).toMatchObject({
      listSheets: 1,
      readSheets: 3,
      apply: 2,
      reapply: 2,
      cellWrites: 3,
      getSelection: 1,
    });
  });
});
