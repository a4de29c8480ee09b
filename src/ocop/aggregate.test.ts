import { aggregate, quorumRequired } from "./aggregate";
import type { ProductResult } from "./results";
import { DEFAULT_SETTINGS } from "./session";
import { pointsFor, sheet, tinyCatalogue, tinySession } from "./__fixtures__/tiny";

const catalogue = tinyCatalogue();
const one = (results: ProductResult[], code = "SP1"): ProductResult =>
  results.find((r) => r.product === code)!;

/** Sheets of TV1..TVn giving SP1 the given totals. */
const totals = (...values: number[]) => values.map((t, i) => sheet(`TV${i + 1}`, { SP1: pointsFor(t) }));

describe("aggregate", () => {
  it("gives each member's part subtotals and total, and the council's figures", () => {
    const session = tinySession(["SP1"], 4);
    const r = one(aggregate(session, catalogue, totals(80, 70, 75, 71)));
    expect(r.members.map((m) => m.total)).toEqual([80, 70, 75, 71]);
    // pointsFor(80) = 1.2: 20, 1.1: 20, 2.1: 25, 3.1: 15
    expect(r.members[0]!.parts).toEqual({ A: 40, B: 25, C: 15 });
    expect(r.count).toBe(4);
    expect(r.mean).toBe(74);
    expect(r.min).toBe(70);
    expect(r.max).toBe(80);
    expect(r.range).toBe(10);
    expect(r.stdev).toBeCloseTo(Math.sqrt((36 + 16 + 1 + 9) / 4), 9);
    expect(r.partMeans).toEqual({ A: 40, B: 25, C: 9 });
    expect(r.stars).toBeNull();
    expect(r.flags).toEqual([]);
  });

  it("flags a spread above the threshold (10 points by default) and names the outlying members", () => {
    const session = tinySession(["SP1"], 4);
    const r = one(aggregate(session, catalogue, totals(80, 70, 75, 69)));
    expect(r.range).toBe(11);
    expect(r.flags).toEqual([{ code: "spread", range: 11, threshold: 10, members: ["TV1"] }]);
    expect(r.members.map((m) => m.deviating)).toEqual([true, false, false, false]);
  });

  it("does not flag a spread of exactly the threshold", () => {
    const r = one(aggregate(tinySession(["SP1"], 4), catalogue, totals(80, 70, 75, 70)));
    expect(r.flags).toEqual([]);
  });

  it("uses the council's own threshold", () => {
    const session = tinySession(["SP1"], 4, { spreadThreshold: 5 });
    expect(one(aggregate(session, catalogue, totals(80, 74, 76, 77))).flags[0]?.code).toBe("spread");
  });

  it("flags too few members against 3/4 of the whole council", () => {
    expect(quorumRequired(DEFAULT_SETTINGS, 7)).toBe(6);
    expect(quorumRequired(DEFAULT_SETTINGS, 4)).toBe(3);
    const session = tinySession(["SP1"], 7);
    const five = one(aggregate(session, catalogue, totals(60, 60, 60, 60, 60)));
    expect(five.flags).toEqual([{ code: "quorum", scored: 5, required: 6, council: 7 }]);
    expect(five.mean).toBe(60);
    const six = one(aggregate(session, catalogue, totals(60, 60, 60, 60, 60, 60)));
    expect(six.flags).toEqual([]);
  });

  it("reports an excluded dossier with its reason and no figures", () => {
    const session = tinySession(["SP1"], 3);
    session.products[0]!.excluded = { reason: "Giả mạo hồ sơ" };
    const r = one(aggregate(session, catalogue, totals(80, 80, 80)));
    expect(r.flags).toEqual([{ code: "excluded", reason: "Giả mạo hồ sơ" }]);
    expect(r.mean).toBeNull();
    expect(r.count).toBe(0);
  });

  it("never counts a member whose scores are incomplete or faulty, and says so", () => {
    const session = tinySession(["SP1"], 3);
    const sheets = totals(80, 80, 80);
    sheets[1]!.entries[2]!.raw = { value: "25" };
    const r = one(aggregate(session, catalogue, sheets));
    expect(r.count).toBe(2);
    expect(r.flags).toContainEqual({ code: "incomplete", missingMembers: ["TV2"] });
  });

  it("drops the highest and lowest total only when the council chose to, keeping min and max visible", () => {
    const plain = one(aggregate(tinySession(["SP1"], 4), catalogue, totals(90, 60, 62, 64)));
    expect(plain.mean).toBe(69);
    const dropped = one(
      aggregate(tinySession(["SP1"], 4, { dropExtremes: true }), catalogue, totals(90, 60, 62, 64))
    );
    expect(dropped.mean).toBe(63);
    expect(dropped.min).toBe(60);
    expect(dropped.max).toBe(90);
    expect(dropped.members.map((m) => m.dropped ?? false)).toEqual([true, true, false, false]);
  });

  it("gives the same figures whatever order the sheets arrive in", () => {
    const session = tinySession(["SP1"], 4);
    const sheets = totals(80, 70, 75, 69);
    const forward = aggregate(session, catalogue, sheets);
    const backward = aggregate(session, catalogue, [...sheets].reverse());
    expect(backward).toEqual(forward);
  });
});
