import { miniCatalogue, miniSession } from "../../test/helpers/miniCatalogue";
import { describeFinding } from "./messages";
import { comparePaperEntries, entererFindings, paperCells, paperKey, type PaperEntry } from "./paperEntry";

const session = miniSession();
const catalogue = miniCatalogue();
const cells = paperCells(session, catalogue, ["SP01", "SP03"]);
const entry = (by: string, values: Record<string, string>): PaperEntry => ({ by, values });
const full = (overrides: Record<string, string> = {}): Record<string, string> => ({
  [paperKey("SP01", "1.1")]: "10",
  [paperKey("SP01", "1.2")]: "15",
  [paperKey("SP01", "2.1")]: "5",
  [paperKey("SP01", "3.1")]: "20",
  [paperKey("SP03", "1.1")]: "20",
  [paperKey("SP03", "1.2")]: "10",
  [paperKey("SP03", "2.1")]: "25",
  [paperKey("SP03", "3.1")]: "35",
  ...overrides,
});

test("a form's cells: every criterion of each chosen product's form, in printed order", () => {
  expect(cells.map((c) => `${c.product}:${c.number}`)).toEqual([
    "SP01:1.1",
    "SP01:1.2",
    "SP01:2.1",
    "SP01:3.1",
    "SP03:1.1",
    "SP03:1.2",
    "SP03:2.1",
    "SP03:3.1",
  ]);
  expect(cells[1]!.allowed).toEqual([0, 5, 10, 15, 20]);
});

test("two identical entries agree everywhere; '10' and '10,0' are the same score", () => {
  const r = comparePaperEntries(
    session,
    catalogue,
    "TV01",
    cells,
    entry("An", full()),
    entry("Bình", full({ [paperKey("SP01", "1.1")]: "10,0" }))
  );
  expect(r.complete).toBe(true);
  expect(r.disagreements).toEqual([]);
  expect(r.agreed.get(paperKey("SP01", "1.1"))).toBe(10);
  expect(r.agreed.get(paperKey("SP03", "3.1"))).toBe(35);
});

test("every disagreement is listed cell by cell with both values; only agreed cells are accepted", () => {
  const r = comparePaperEntries(
    session,
    catalogue,
    "TV01",
    cells,
    entry("An", full()),
    entry("Bình", full({ [paperKey("SP01", "1.2")]: "10", [paperKey("SP03", "2.1")]: "" }))
  );
  expect(r.complete).toBe(false);
  expect(r.disagreements).toEqual([
    { product: "SP01", criterion: "1.2", number: "1.2", first: "15", second: "10" },
    { product: "SP03", criterion: "2.1", number: "2.1", first: "25", second: "" },
  ]);
  expect(r.agreed.has(paperKey("SP01", "1.2"))).toBe(false);
  expect(r.agreed.get(paperKey("SP01", "1.1"))).toBe(10);
});

test("a value that is not a level of the criterion is reported at its cell, per entry, with the allowed points", () => {
  const r = comparePaperEntries(
    session,
    catalogue,
    "TV01",
    cells,
    entry("An", full({ [paperKey("SP01", "1.1")]: "12" })),
    entry("Bình", full({ [paperKey("SP01", "1.1")]: "12", [paperKey("SP03", "3.1")]: "ba mươi" }))
  );
  expect(r.complete).toBe(false);
  expect(r.invalid.map((f) => [f.code, f.where.product, f.where.criterion, f.params.entry])).toEqual([
    ["score.notAllowed", "SP01", "1.1", 1],
    ["score.notAllowed", "SP01", "1.1", 2],
    ["score.notANumber", "SP03", "3.1", 2],
  ]);
  expect(r.invalid[0]!.allowed).toEqual([0, 10, 20]);
  expect(describeFinding(r.invalid[0]!, "vi").fix).toContain("0; 10; 20");
  // Two entries typing the same wrong value do not make it a score.
  expect(r.agreed.has(paperKey("SP01", "1.1"))).toBe(false);
  expect(r.disagreements).toEqual([]);
});

test("the second entry must be typed by another named person", () => {
  expect(
    entererFindings("TV01", entry("Lê Văn Ba", {}), entry(" lê  văn ba", {})).map((f) => f.code)
  ).toEqual(["paper.sameEnterer"]);
  expect(entererFindings("TV01", entry("", {}), entry("Bình", {})).map((f) => f.params.entry)).toEqual([1]);
  expect(entererFindings("TV01", entry("An", {}), entry("Bình", {}))).toEqual([]);
  const words = describeFinding(entererFindings("TV01", entry("An", {}), entry("an", {}))[0]!, "vi");
  expect(words.message).toContain("phải do người khác nhập");
});
