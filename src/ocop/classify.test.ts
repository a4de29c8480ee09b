import { bandOf, classify, minimaOf } from "./classify";
import { aggregateIndexed } from "./aggregate";
import { indexSession } from "./sessionIndex";
import { indexScores } from "./scoreIndex";
import type { CouncilSettings, MemberScores, Session } from "./session";
import type { ProductResult } from "./results";
import { pointsFor, sheet, tinyCatalogue, tinyForm, tinySession } from "./__fixtures__/tiny";

const catalogue = tinyCatalogue();
const bands = catalogue.edition.bands;

/** Aggregates and classifies SP1 from members' (total, points on 1.2) pairs. */
const classed = (
  members: [number, number][],
  settings: Partial<CouncilSettings> = {},
  tweak: (s: Session) => void = () => {},
  override: Partial<ProductResult> = {}
): ProductResult => {
  const session = tinySession(["SP1"], members.length, settings);
  tweak(session);
  const sheets: MemberScores[] = members.map(([total, level], i) =>
    sheet(`TV${i + 1}`, { SP1: pointsFor(total, level) })
  );
  const index = indexSession(session, catalogue);
  const points = indexScores(index, sheets);
  const [result] = aggregateIndexed(index, points, session.settings);
  return classify({ ...result!, ...override }, session.settings, catalogue, points.get("SP1"));
};

describe("bandOf: half-open bands on the exact mean (26/2026 Điều 3 khoản 3)", () => {
  it.each([
    [0, 1],
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ])("mean %p is %p★", (mean, stars) => {
    expect(bandOf(mean, bands)).toBe(stars);
  });

  it("takes a mean that is a boundary up to float noise as the boundary", () => {
    // 70 computed in floating point can land a hair either side of 70.
    expect(bandOf((0.1 + 0.2) * 100 + 40, bands)).toBe(4);
    expect(bandOf(69.99999999999999, bands)).toBe(4);
    expect(bandOf(69.9999, bands)).toBe(3);
  });
});

describe("classify", () => {
  it.each([
    [29.99, 1],
    [30, 2],
    [49.99, 2],
    [50, 3],
    [69.99, 3],
    [70, 4],
    [89.99, 4],
    [90, 5],
    [100, 5],
  ])("classes a product whose exact mean is %p, meeting every minimum, as %p★", (mean, stars) => {
    const r = classed(
      [
        [100, 20],
        [100, 20],
        [100, 20],
      ],
      {},
      () => {},
      { mean }
    );
    expect(r.bandStars).toBe(stars);
    expect(r.stars).toBe(stars);
    expect(r.shortfalls).toEqual([]);
  });

  it("does not round the mean up before classing: totals 70, 70, 69 are 3★", () => {
    const r = classed([
      [70, 20],
      [70, 20],
      [69, 20],
    ]);
    expect(r.mean).toBeCloseTo(69.667, 3);
    expect(r.stars).toBe(3);
    expect(
      classed([
        [70, 20],
        [70, 20],
        [70, 20],
      ]).stars
    ).toBe(4);
  });

  it("holds a 5★ band product at 4★ when a ***** minimum is missed, and says which", () => {
    const r = classed([
      [90, 10],
      [90, 10],
      [90, 10],
    ]);
    expect(r.bandStars).toBe(5);
    expect(r.stars).toBe(4);
    expect(r.shortfalls).toEqual([
      { criterion: "1.2", criterionText: "Tiêu chí 1.2", stars: 5, requiredPoints: 20, actual: 10 },
    ]);
  });

  it("applies the minima of every lower class too: a 4★-band product missing the *** minimum is 2★", () => {
    const r = classed([
      [80, 0],
      [80, 0],
      [80, 0],
    ]);
    expect(r.bandStars).toBe(4);
    expect(r.stars).toBe(2);
    expect(r.shortfalls.map((s) => [s.stars, s.requiredPoints, s.actual])).toEqual([
      [3, 5, 0],
      [4, 10, 0],
    ]);
  });

  it("ignores minima above the band: a 3★-band product needs only the *** minimum", () => {
    const r = classed([
      [60, 5],
      [60, 5],
      [60, 5],
    ]);
    expect(r.stars).toBe(3);
    expect(r.shortfalls).toEqual([]);
  });

  it("combines members' points on a starred criterion by the council's rule", () => {
    // 1.2 given 20, 20 and 5; mean 95 is in the 5★ band.
    const members: [number, number][] = [
      [100, 20],
      [100, 20],
      [85, 5],
    ];
    const mean = classed(members, { minimumLevelRule: "mean" });
    expect(mean.stars).toBe(4);
    expect(mean.shortfalls).toEqual([expect.objectContaining({ stars: 5, requiredPoints: 20, actual: 15 })]);
    const all = classed(members, { minimumLevelRule: "all" });
    expect(all.stars).toBe(3);
    expect(all.shortfalls[0]).toMatchObject({ stars: 4, requiredPoints: 10, actual: 2 / 3 });
    const majority = classed(members, { minimumLevelRule: "majority" });
    expect(majority.stars).toBe(5);
  });

  it("needs more than half for a majority: 2 of 4 is not enough", () => {
    const r = classed(
      [
        [100, 20],
        [100, 20],
        [90, 10],
        [90, 10],
      ],
      { minimumLevelRule: "majority" }
    );
    expect(r.stars).toBe(4);
  });

  it("withholds the class of a product short of quorum, keeping its band for information", () => {
    const r = classed(
      [
        [80, 20],
        [80, 20],
      ],
      {},
      (s) => {
        s.members.push({ code: "TV3", name: "x", title: "x", role: "member" });
      }
    );
    expect(r.withheld).toBe("quorum");
    expect(r.stars).toBeNull();
    expect(r.bandStars).toBe(4);
  });

  it("withholds the class of an excluded dossier whatever its scores", () => {
    const r = classed(
      [
        [100, 20],
        [100, 20],
        [100, 20],
      ],
      {},
      (s) => {
        s.products[0]!.excluded = { reason: "Không có giấy chứng nhận ATTP" };
      }
    );
    expect(r.withheld).toBe("excluded");
    expect(r.stars).toBeNull();
  });
});

describe("minimaOf", () => {
  it("reads the star marks of a form, one per criterion and class", () => {
    expect(minimaOf(tinyForm())).toEqual([
      { index: 1, stars: 3, points: 5 },
      { index: 1, stars: 4, points: 10 },
      { index: 1, stars: 5, points: 20 },
    ]);
  });
});
