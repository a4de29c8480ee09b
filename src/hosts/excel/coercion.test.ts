/**
 * Text Excel would turn into something else (a number, a date, a time, an error) is written as text. The fake
 * coerces written strings as Excel does (test/fakes/fakeExcelModel.ts, coerceInput); whatever it converts, the
 * host must protect — a property test over risky shapes and arbitrary strings — and such text round-trips.
 */
import fc from "fast-check";
import { emptyPlan } from "../../layout/plan";
import { FakeExcel } from "../../../test/fakes/fakeExcel";
import { coerceInput } from "../../../test/fakes/fakeExcelModel";
import { ExcelHost, excelWouldConvert } from "./excelHost";

const RISKY = [
  "#N/A",
  "#ref!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  " #NUM! ",
  "#SPILL!",
  "13:45",
  "1:30 PM",
  "9 am",
  "12:00:01",
  "0 1/2",
  "1 3/4",
  "1/2",
  "12/05/2024",
  "5-Jan",
  "Jan 5",
  "Jan 5, 2024",
  "5 January 2024",
  "$5",
  "$1,234.50",
  "(5)",
  "5 ₫",
  "€12",
  "50%",
  "1e3",
  "1,000",
  "TRUE",
  "-3",
  "+4",
  "=A1",
  "'x",
];
const number = fc.integer({ min: 0, max: 2100 }).map(String);
const shaped = fc.oneof(
  fc.constantFrom(...RISKY),
  fc.tuple(number, fc.constantFrom("/", ":", "-", " ", ".", ","), number).map(([a, s, b]) => `${a}${s}${b}`),
  fc
    .tuple(
      fc.constantFrom("$", "€", "£", "₫", "(", "#", ""),
      number,
      fc.constantFrom("%", ")", " PM", " am", "")
    )
    .map(([a, n, b]) => `${a}${n}${b}`),
  fc
    .tuple(number, fc.constantFrom("Jan", "feb", "March", "dec"), fc.constantFrom("", " 2024", "-26"))
    .map(([d, m, y]) => `${d} ${m}${y}`),
  fc.string(),
  fc.string({ unit: "grapheme" })
);

test("whatever the fake Excel would convert, the host protects", () => {
  fc.assert(
    fc.property(shaped, (s) => {
      if (s === "") return; // the empty string clears a cell on both sides
      const k = coerceInput(s, undefined);
      const kept = k.kind === "value" && k.value === s;
      if (!kept) expect([s, excelWouldConvert(s)]).toEqual([s, true]);
    }),
    { numRuns: 3000 }
  );
});

test("the fake converts each risky shape (so the property above has teeth)", () => {
  for (const s of RISKY) expect([s, coerceInput(s, undefined)]).not.toEqual([s, { kind: "value", value: s }]);
  expect(coerceInput("#N/A", undefined)).toEqual({ kind: "error", value: "#N/A" });
  expect(coerceInput("1:30 PM", undefined)).toEqual({ kind: "value", value: 13.5 / 24 });
  expect(coerceInput("Thành viên 1", undefined)).toEqual({ kind: "value", value: "Thành viên 1" });
});

test("risky text in a plan and in a cell write reads back as the same text", async () => {
  const fake = new FakeExcel();
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  await host.apply({
    plans: [
      { ...emptyPlan("Ghi chú", "results"), cells: RISKY.map((value, row) => ({ row, col: 0, value })) },
    ],
  });
  fake.unlockCells("Ghi chú", { row: 0, col: 1, rows: RISKY.length, cols: 1 });
  await host.apply({
    plans: [],
    cellWrites: RISKY.map((value, row) => ({ sheet: "Ghi chú", row, col: 1, value })),
  });
  const { sheets } = await host.readSheets(["Ghi chú"]);
  expect(sheets[0]!.values.map((r) => r[0])).toEqual(RISKY);
  expect(sheets[0]!.values.map((r) => r[1])).toEqual(RISKY);
  expect(
    RISKY.every((_, row) => !fake.cell("Ghi chú", row, 0)?.error && !fake.cell("Ghi chú", row, 1)?.error)
  ).toBe(true);
});
