import { generateScores, generateSession, seededRandom } from "./generate";
import { loadEdition } from "../ocop/criteria/builtin";
import { validateAll } from "../ocop/validate";
import { aggregate } from "../ocop/aggregate";
import type { Catalogue } from "../ocop/criteria/types";

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadEdition("qd26-2026");
});

describe("seededRandom", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("generateSession", () => {
  it("makes a council with a chair and products spread over the chosen forms, the same for the same seed", () => {
    const options = { products: 10, members: 5, catalogue, seed: 7, forms: ["01", "14"], excluded: 2 };
    const session = generateSession(options);
    expect(generateSession(options)).toEqual(session);
    expect(session.edition).toBe("qd26-2026");
    expect(session.members.map((m) => m.role)).toEqual([
      "chair",
      "viceChair",
      "member",
      "member",
      "secretary",
    ]);
    expect(new Set(session.products.map((p) => p.form))).toEqual(new Set(["01", "14"]));
    expect(new Set(session.products.map((p) => p.code)).size).toBe(10);
    expect(session.products.filter((p) => p.excluded)).toHaveLength(2);
    expect(session.products[0]!.code).toMatch(/^\d{2}-\d{5}-\d{3}-2026$/u);
  });
});

describe("generateScores", () => {
  it("fills every criterion of every product that is not excluded with an allowed level", () => {
    const session = generateSession({ products: 30, members: 4, catalogue, seed: 3, excluded: 3 });
    const sheets = generateScores(session, catalogue, { seed: 3 });
    expect(sheets).toHaveLength(4);
    expect(validateAll(session, catalogue, sheets)).toEqual([]);
    expect(generateScores(session, catalogue, { seed: 3 })).toEqual(sheets);
  });

  it("makes harsh members score lower and lenient members higher than typical ones", () => {
    const session = generateSession({ products: 60, members: 3, catalogue, seed: 11 });
    const sheets = generateScores(session, catalogue, { seed: 11, pattern: ["harsh", "typical", "lenient"] });
    const sums = [0, 0, 0];
    for (const r of aggregate(session, catalogue, sheets)) r.members.forEach((m, i) => (sums[i]! += m.total));
    expect(sums[0]).toBeLessThan(sums[1]!);
    expect(sums[1]).toBeLessThan(sums[2]!);
  });
});
