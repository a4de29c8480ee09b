import { compareCodes, rank } from "./rank";
import type { ProductResult } from "./results";

const result = (
  product: string,
  stars: ProductResult["stars"],
  mean: number,
  partC = 20,
  extra: Partial<ProductResult> = {}
): ProductResult => ({
  product,
  form: "01",
  members: [],
  count: 3,
  mean,
  partMeans: { A: mean - partC - 10, B: 10, C: partC },
  min: mean,
  max: mean,
  range: 0,
  stdev: 0,
  flags: [],
  bandStars: stars,
  stars,
  shortfalls: [],
  withheld: null,
  knockout: null,
  outcome: "propose-3",
  rank: null,
  ...extra,
});
const order = (results: ProductResult[]) => results.map((r) => `${r.product}:${r.rank}`);

describe("rank", () => {
  it("orders by stars first, then mean: a 3★ with a higher mean ranks below a 4★", () => {
    const ranked = rank([result("A", 3, 85), result("B", 4, 72), result("C", 5, 91)], { tieBreak: "partC" });
    expect(order(ranked)).toEqual(["C:1", "B:2", "A:3"]);
  });

  it("orders equal stars by the exact mean, not the rounded one", () => {
    const ranked = rank([result("A", 4, 75.334), result("B", 4, 75.336)], { tieBreak: "none" });
    expect(order(ranked)).toEqual(["B:1", "A:2"]);
  });

  it("breaks a tie on stars and mean by part C by default, then gives true ties the same rank", () => {
    const ranked = rank(
      [
        result("SP-3", 4, 80, 25),
        result("SP-1", 4, 80, 30),
        result("SP-2", 4, 80, 25),
        result("SP-4", 3, 60),
      ],
      { tieBreak: "partC" }
    );
    expect(order(ranked)).toEqual(["SP-1:1", "SP-2:2", "SP-3:2", "SP-4:4"]);
  });

  it("can break ties by part A, by code (no equal ranks), or not at all", () => {
    const tied = [result("SP-10", 4, 80, 30), result("SP-2", 4, 80, 25)];
    expect(order(rank(tied, { tieBreak: "partA" }))).toEqual(["SP-2:1", "SP-10:2"]);
    expect(order(rank(tied, { tieBreak: "code" }))).toEqual(["SP-2:1", "SP-10:2"]);
    expect(order(rank(tied, { tieBreak: "none" }))).toEqual(["SP-2:1", "SP-10:1"]);
  });

  it("gives withheld products no rank and lists them after the ranked ones", () => {
    const ranked = rank(
      [
        result("X", null, 0, 0, { withheld: "excluded", mean: null }),
        result("Q", null, 85, 20, { withheld: "quorum" }),
        result("A", 2, 40),
      ],
      { tieBreak: "partC" }
    );
    expect(order(ranked)).toEqual(["A:1", "Q:null", "X:null"]);
  });
});

describe("compareCodes", () => {
  it("sorts numbers inside codes by value", () => {
    expect(["SP-10", "SP-2", "SP-1"].sort(compareCodes)).toEqual(["SP-1", "SP-2", "SP-10"]);
    expect(compareCodes("72-001-2026", "72-001-2026")).toBe(0);
  });
});
