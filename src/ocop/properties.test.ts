/**
 * Properties that must hold for any council, any scores: checked with fast-check on the small test
 * form (every rule, quick to shrink) and on the 26/2026 forms (the real star marks).
 */
import fc from "fast-check";
import { consolidate } from "./consolidate";
import { validateAll } from "./validate";
import { allowedPoints, criteriaOf } from "./criteria/catalogue";
import { loadEdition } from "./criteria/builtin";
import type { Catalogue } from "./criteria/types";
import type { Consolidation, ProductResult } from "./results";
import type { CouncilSettings, MemberScores, ScoreEntry, Session } from "./session";
import { DEFAULT_SETTINGS } from "./session";
import { generateScores, generateSession } from "../sim/generate";
import { tinyCatalogue, tinySession } from "./__fixtures__/tiny";

const catalogue = tinyCatalogue();
const criteria = criteriaOf(catalogue.forms.get("01")!).map((c) => c.criterion);

const settingsArb: fc.Arbitrary<CouncilSettings> = fc.record({
  spreadThreshold: fc.integer({ min: 0, max: 25 }),
  quorum: fc.constantFrom(0.5, 2 / 3, 0.75, 1),
  displayDecimals: fc.integer({ min: 0, max: 4 }),
  tieBreak: fc.constantFrom("partC", "partA", "code", "none"),
  minimumLevelRule: fc.constantFrom("mean", "all", "majority"),
  dropExtremes: fc.boolean(),
  chairMustScore: fc.boolean(),
  discussMinimumSplit: fc.boolean(),
});

interface Council {
  session: Session;
  sheets: MemberScores[];
}

/** A council of 1–6 members scoring 1–5 products on the test form, each value an allowed level. */
const councilArb: fc.Arbitrary<Council> = fc
  .record({
    members: fc.integer({ min: 1, max: 6 }),
    products: fc.integer({ min: 1, max: 5 }),
    choices: fc.array(fc.nat({ max: 1000 }), {
      minLength: 6 * 5 * criteria.length,
      maxLength: 6 * 5 * criteria.length,
    }),
    absent: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    settings: settingsArb,
  })
  .map(({ members, products, choices, absent, settings }) => {
    const session = tinySession(
      Array.from({ length: products }, (_, p) => `SP${p + 1}`),
      members,
      settings
    );
    let k = 0;
    const sheets = session.members
      .filter((_, m) => m === 0 || !absent[m])
      .map((member): MemberScores => {
        const entries: ScoreEntry[] = [];
        for (const product of session.products)
          for (const c of criteria) {
            const allowed = allowedPoints(c);
            entries.push({
              product: product.code,
              criterion: c.id,
              raw: { value: allowed[choices[k++]! % allowed.length]! },
            });
          }
        return { member: member.code, entries };
      });
    return { session, sheets };
  });

/** Results with member-order details sorted away, for comparing councils listed in different orders. */
const canonical = (c: Consolidation) =>
  c.products.map((p: ProductResult) => ({
    ...p,
    members: [...p.members].sort((a, b) => a.member.localeCompare(b.member)),
    flags: p.flags.map((f) => (f.code === "spread" ? { ...f, members: [...f.members].sort() } : f)),
  }));

const shuffle = <T>(items: readonly T[], keys: readonly number[]): T[] =>
  items
    .map((item, i) => ({ item, key: keys[i % keys.length]! * 31 + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);

describe("properties", () => {
  it("permuting the members (their sheets and the council list) changes no result", () => {
    fc.assert(
      fc.property(
        councilArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        ({ session, sheets }, keys) => {
          const before = consolidate(session, catalogue, sheets);
          const permuted = { ...session, members: shuffle(session.members, keys) };
          const after = consolidate(permuted, catalogue, shuffle(sheets, [...keys].reverse()));
          expect(canonical(after)).toEqual(canonical(before));
          expect(after.findings.length).toBe(before.findings.length);
        }
      )
    );
  });

  it("the mean lies between the lowest and highest total, and the part means add up to it", () => {
    fc.assert(
      fc.property(councilArb, ({ session, sheets }) => {
        for (const p of consolidate(session, catalogue, sheets).products) {
          if (p.mean === null) continue;
          expect(p.mean).toBeGreaterThanOrEqual(p.min! - 1e-9);
          expect(p.mean).toBeLessThanOrEqual(p.max! + 1e-9);
          expect(p.partMeans!.A + p.partMeans!.B + p.partMeans!.C).toBeCloseTo(p.mean, 8);
          expect(p.range).toBeCloseTo(p.max! - p.min!, 9);
        }
      })
    );
  });

  it("the outcome follows the stars and the level: proposals only from 3★, 5★ from a province only as a potential", () => {
    fc.assert(
      fc.property(councilArb, fc.constantFrom("province", "central"), ({ session, sheets }, level) => {
        const c = consolidate({ ...session, council: { ...session.council, level } }, catalogue, sheets);
        expect(c.level).toBe(level);
        for (const p of c.products) {
          if (p.withheld !== null || p.stars === null) expect(p.outcome).toBe("withheld");
          else if (level === "central") expect(p.outcome).toBe(p.stars === 5 ? "propose-5" : "below-90");
          else
            expect(p.outcome).toBe(
              p.stars === 5
                ? "potential-5"
                : p.stars === 4
                  ? "propose-4"
                  : p.stars === 3
                    ? "propose-3"
                    : "not-recognised"
            );
          // A 5★ outcome needs 90 points and every 5★ minimum, whatever the level.
          if (p.outcome === "potential-5" || p.outcome === "propose-5") {
            expect(p.mean!).toBeGreaterThanOrEqual(90 - 1e-9);
            expect(p.shortfalls).toEqual([]);
          }
        }
      })
    );
  });

  /** The council before and after one member raises one score to a higher level of its criterion. */
  const raisedArb = fc.tuple(councilArb, fc.nat(), fc.nat()).map(([{ session, sheets }, which, step]) => {
    const raised = structuredClone(sheets);
    const entries = raised.flatMap((s) => s.entries);
    const entry = entries[which % entries.length]!;
    const criterion = criteria.find((c) => c.id === entry.criterion)!;
    const higher = allowedPoints(criterion).filter((v) => v > (entry.raw.value as number));
    if (higher.length) entry.raw = { value: higher[step % higher.length]! };
    return { session, sheets, raised, product: entry.product, changed: higher.length > 0 };
  });
  const resultOf = (c: Consolidation, product: string) => c.products.find((p) => p.product === product)!;

  it("the mean never goes down when a member raises a score, extremes dropped or not", () => {
    fc.assert(
      fc.property(raisedArb, ({ session, sheets, raised, product, changed }) => {
        fc.pre(changed);
        const before = resultOf(consolidate(session, catalogue, sheets), product).mean;
        const after = resultOf(consolidate(session, catalogue, raised), product).mean;
        if (before !== null) expect(after!).toBeGreaterThanOrEqual(before - 1e-9);
      })
    );
  });

  it("stars never go down when a member raises a score, while every total counts", () => {
    // With `dropExtremes` the promise does not hold, by the rule itself (docs/rules.md): the minimum levels are
    // checked over the members in the mean, so a member raised into the highest total is dropped and another
    // member's levels, which may fall short, come in (seen: totals 55/50/35 → 55/55/35, 3★ → 2★).
    fc.assert(
      fc.property(raisedArb, ({ session, sheets, raised, product, changed }) => {
        fc.pre(changed && !session.settings.dropExtremes);
        const starsOf = (c: Consolidation) => resultOf(c, product).stars ?? 0;
        expect(starsOf(consolidate(session, catalogue, raised))).toBeGreaterThanOrEqual(
          starsOf(consolidate(session, catalogue, sheets))
        );
      })
    );
  });

  it("with extremes dropped, a raised score can lower the stars only through another member's levels", () => {
    // The counterexample fast-check found, kept as a case: the rule, not an accident of the data.
    fc.assert(
      fc.property(raisedArb, ({ session, sheets, raised, product, changed }) => {
        fc.pre(changed && session.settings.dropExtremes);
        const before = resultOf(consolidate(session, catalogue, sheets), product);
        const after = resultOf(consolidate(session, catalogue, raised), product);
        if ((after.stars ?? 0) >= (before.stars ?? 0)) return;
        // The stars fell: the mean did not, and the members in the mean changed.
        expect(after.mean!).toBeGreaterThanOrEqual(before.mean! - 1e-9);
        const inMean = (p: ProductResult) =>
          p.members
            .filter((m) => !m.dropped)
            .map((m) => m.member)
            .sort();
        expect(inMean(after)).not.toEqual(inMean(before));
      })
    );
  });

  it("every malformed score set yields at least one error finding and never a result", () => {
    type Break = (sheets: MemberScores[], pick: number) => void;
    const entryOf = (sheets: MemberScores[], pick: number): ScoreEntry => {
      const all = sheets.flatMap((s) => s.entries);
      return all[pick % all.length]!;
    };
    const breaks: Break[] = [
      (s, n) => (entryOf(s, n).raw = { value: null }),
      (s, n) => (entryOf(s, n).raw = { value: String(entryOf(s, n).raw.value) }),
      (s, n) => (entryOf(s, n).raw = { value: "đạt" }),
      (s, n) => (entryOf(s, n).raw = { value: 1, formula: "0+1" }),
      (s, n) => (entryOf(s, n).raw = { value: -1 }),
      (s, n) => (entryOf(s, n).raw = { value: 1000 }),
      (s, n) => (entryOf(s, n).raw = { value: 0.25 }),
      (s, n) => (entryOf(s, n).raw = { value: Number.NaN }),
      (s, n) => {
        const sheet = s[n % s.length]!;
        sheet.entries.splice(n % sheet.entries.length, 1);
      },
      (s, n) => s[n % s.length]!.entries.push({ ...entryOf(s, n) }),
      (s, n) => s[n % s.length]!.entries.push({ product: "SP-LA", criterion: "1.1", raw: { value: 1 } }),
      (s, n) => s[n % s.length]!.entries.push({ ...entryOf(s, n), criterion: "9.9" }),
      (s, n) => s.push(structuredClone(s[n % s.length]!)),
      (s, n) => s.push({ ...structuredClone(s[n % s.length]!), member: "NGUOI-LA" }),
    ];
    fc.assert(
      fc.property(
        councilArb,
        fc.nat({ max: breaks.length - 1 }),
        fc.nat(),
        ({ session, sheets }, b, pick) => {
          const broken = structuredClone(sheets);
          breaks[b]!(broken, pick);
          expect(validateAll(session, catalogue, broken).some((f) => f.severity === "error")).toBe(true);
          const c = consolidate(session, catalogue, broken);
          expect(c.products).toEqual([]);
          expect(c.findings.some((f) => f.severity === "error")).toBe(true);
        }
      )
    );
  });
});

describe("properties on the 26/2026 forms", () => {
  let edition: Catalogue;
  beforeAll(async () => {
    edition = await loadEdition("qd26-2026");
  });

  it("simulated councils consolidate without error, and raising every score of a member never lowers a class", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom<"typical" | "harsh" | "lenient">("typical", "harsh", "lenient"),
        fc.constantFrom<CouncilSettings["minimumLevelRule"]>("mean", "all", "majority"),
        (seed, pattern, rule) => {
          const session = generateSession({
            products: 12,
            members: 5,
            catalogue: edition,
            seed,
            settings: { ...DEFAULT_SETTINGS, minimumLevelRule: rule },
          });
          const sheets = generateScores(session, edition, { seed, pattern: ["typical", pattern] });
          const before = consolidate(session, edition, sheets);
          expect(before.findings).toEqual([]);
          // Member 1 moves every score one level up where there is one.
          const raised = structuredClone(sheets);
          for (const e of raised[0]!.entries) {
            const form = edition.forms.get(session.products.find((p) => p.code === e.product)!.form)!;
            const c = criteriaOf(form).find((x) => x.criterion.id === e.criterion)!.criterion;
            const next = allowedPoints(c).find((v) => v > (e.raw.value as number));
            if (next !== undefined) e.raw = { value: next };
          }
          const after = consolidate(session, edition, raised);
          for (const p of before.products) {
            const q = after.products.find((x) => x.product === p.product)!;
            expect(q.stars ?? 0).toBeGreaterThanOrEqual(p.stars ?? 0);
          }
        }
      ),
      { numRuns: 25 }
    );
  });
});
