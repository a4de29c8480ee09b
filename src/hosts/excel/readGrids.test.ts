/**
 * Reads in bounded pieces: the same grid whatever the chunk size (a row wider than a chunk is split), and a
 * response Excel refuses as too large is read again in halves instead of failing.
 */
import { emptyPlan, type PlannedCell } from "../../layout/plan";
import { FakeExcel } from "../../../test/fakes/fakeExcel";
import { ExcelHost, type ExcelHostLimits } from "./excelHost";

const WIDTH = 30;
const cells: PlannedCell[] = [];
for (let r = 0; r < 12; r++)
  for (let c = 0; c < WIDTH; c++)
    if ((r + c) % 3 !== 0) cells.push({ row: r, col: c, value: r === 0 ? `Tiêu đề ${c}` : r * 100 + c });
cells.push({ row: 12, col: 0, formula: "SUM(B2:B12)" });

async function readWith(limits: Partial<ExcelHostLimits>, fake = new FakeExcel()) {
  const writer = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  await writer.apply({
    plans: [
      {
        ...emptyPlan("Phiếu", "score"),
        cells,
        rows: [{ index: 4, hidden: true }],
        columns: [{ index: 7, hidden: true }],
      },
    ],
  });
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements, limits });
  fake.resetStats();
  const { sheets } = await host.readSheets(["Phiếu"]);
  return { grid: sheets[0]!, stats: fake.stats };
}

test("a row wider than a chunk is split by columns, and the grid is the same as one read", async () => {
  const whole = await readWith({});
  const split = await readWith({ readChunkCells: 7 });
  expect(split.grid).toEqual(whole.grid);
  expect(whole.grid.hiddenRows).toEqual([4]);
  expect(whole.grid.hiddenCols).toEqual([7]);
  expect(whole.grid.formulas[12]![0]).toBe("SUM(B2:B12)");
  expect(whole.grid.values[0]![1]).toBe("Tiêu đề 1");
  // Within the budgets, the chunks still travel in one request: list + measure + read.
  expect(split.stats.syncs).toBe(whole.stats.syncs);
});

test("the response budget splits the read into several requests, each within it", async () => {
  const whole = await readWith({});
  const budget = 3000;
  const small = await readWith({ readChunkCells: 30, responseBytes: budget });
  expect(small.grid).toEqual(whole.grid);
  expect(small.stats.syncs).toBeGreaterThan(whole.stats.syncs);
  expect(Math.max(...small.stats.requests.map((r) => r.responseBytes))).toBeLessThan(2 * budget);
});

test("a response Excel refuses is read again in halves", async () => {
  const whole = await readWith({});
  // Excel on the web with a tiny response limit: the host's estimate is too low, Excel says no, the host halves.
  const fake = new FakeExcel();
  const refused = await readWith({}, Object.assign(fake, { responseLimitBytes: 2500 }));
  expect(refused.grid).toEqual(whole.grid);
  expect(Math.max(...refused.stats.requests.map((r) => r.responseBytes))).toBeGreaterThan(2500);
});
