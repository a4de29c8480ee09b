/**
 * What the council does with each product (26/2026 Điều 4, 7), knock-out levels, and the members a minimum
 * level counts — at the boundaries, for both 26/2026 levels and the older editions' district councils.
 */
import { classify, knockoutsOf } from "./classify";
import { aggregateIndexed } from "./aggregate";
import { computeResults } from "./consolidate";
import { indexSession } from "./sessionIndex";
import { indexScores } from "./scoreIndex";
import { loadEdition } from "./criteria/builtin";
import type { Catalogue, Form } from "./criteria/types";
import type { CouncilSettings, MemberScores } from "./session";
import type { ProductResult } from "./results";
import {
  defaultLevelOf,
  isLevelAllowed,
  levelsOf,
  outcomeOf,
  type CouncilLevel,
  type Outcome,
} from "./process";
import { validateLevel } from "./validate";
import { remarkOf } from "../layout/remarks";
import { pointsFor, sheet, tinyCatalogue, tinyForm, tinySession, type Points } from "./__fixtures__/tiny";

const NOTE = "Ghi chú: Nếu được 0 điểm tại chỉ tiêu này, sẽ không đánh giá các bước tiếp theo.";

/** The tiny catalogue, with 3.2's 0-point level made a knock-out when asked. */
const catalogueWith = (knockout: boolean): Catalogue => {
  const form: Form = tinyForm();
  if (knockout)
    form.parts[2]!.sections[0]!.criteria[1]!.levels = [
      { text: "Không đạt", points: 0, minStars: null, knockout: NOTE },
      { text: "Đạt", points: 1, minStars: null },
    ];
  return { ...tinyCatalogue(), forms: new Map([["01", form]]) };
};

/** SP1 classified from members' points, at a level and edition of the council's choosing. */
const run = (
  members: Points[],
  opts: {
    settings?: Partial<CouncilSettings>;
    level?: CouncilLevel;
    edition?: string;
    knockout?: boolean;
    mean?: number;
  } = {}
): ProductResult => {
  const catalogue = catalogueWith(opts.knockout ?? false);
  const session = tinySession(["SP1"], members.length, opts.settings ?? {});
  session.council.level = opts.level ?? "province";
  const sheets: MemberScores[] = members.map((p, i) => sheet(`TV${i + 1}`, { SP1: p }));
  if (opts.mean === undefined) {
    const [r] = computeResults({ ...session, edition: catalogue.edition.id }, catalogue, sheets);
    return {
      ...r!,
      outcome: outcomeOf(opts.edition ?? "qd26-2026", session.council.level, r!.stars, r!.withheld !== null),
    };
  }
  // An exact mean no whole-number totals reach (89.99): classify the aggregate with that mean.
  const index = indexSession(session, catalogue);
  const points = indexScores(index, sheets);
  const [agg] = aggregateIndexed(index, points, session.settings);
  const r = classify({ ...agg!, mean: opts.mean }, session.settings, catalogue, points.get("SP1"));
  return {
    ...r,
    outcome: outcomeOf(opts.edition ?? "qd26-2026", session.council.level, r.stars, r.withheld !== null),
  };
};

const three = (p: Points): Points[] => [p, p, p];

describe("council levels follow the edition (26/2026 Điều 4.1)", () => {
  it("has province (the default) and central only under 26/2026", () => {
    expect(levelsOf("qd26-2026")).toEqual(["province", "central"]);
    expect(defaultLevelOf("qd26-2026")).toBe("province");
    expect(isLevelAllowed("qd26-2026", "district")).toBe(false);
  });

  it("keeps district councils, and makes one by default, under 148/2023 and 1048/2019", () => {
    for (const edition of ["qd148-2023", "qd1048-2019"]) {
      expect(levelsOf(edition)).toContain("district");
      expect(defaultLevelOf(edition)).toBe("district");
    }
  });

  it("refuses a district council under 26/2026 with a finding that cites Điều 4.1", () => {
    const session = { ...tinySession(["SP1"]), edition: "qd26-2026" };
    session.council.level = "district";
    const [f] = validateLevel(session);
    expect(f).toMatchObject({ code: "session.levelNotInEdition", severity: "error" });
    expect(String(f!.params.cite)).toContain("Điều 4.1");
    session.council.level = "central";
    expect(validateLevel(session)).toEqual([]);
  });
});

describe("outcome by level: a province council proposes, it recognises nothing", () => {
  // [mean, level on 1.2 (20 meets every minimum, 10 misses the 5★ one), province outcome, central outcome]
  it.each<[number, number, Outcome, Outcome]>([
    [100, 20, "potential-5", "propose-5"],
    [90, 20, "potential-5", "propose-5"],
    [89.99, 20, "propose-4", "below-90"],
    [90, 10, "propose-4", "below-90"],
    [70, 20, "propose-4", "below-90"],
    [69.99, 20, "propose-3", "below-90"],
    [50, 20, "propose-3", "below-90"],
    [49.99, 20, "not-recognised", "below-90"],
    [29.99, 20, "not-recognised", "below-90"],
  ])("mean %p with 1.2 at %p: province %p, central %p", (mean, level12, province, central) => {
    const members = three(pointsFor(level12 === 20 ? 100 : 90, level12));
    expect(run(members, { mean, level: "province" }).outcome).toBe(province);
    expect(run(members, { mean, level: "central" }).outcome).toBe(central);
  });

  it("sends a province's 90 up only when the 5★ minima are met, and says why not otherwise", () => {
    const held = run(three(pointsFor(90, 10)));
    expect(held.bandStars).toBe(5);
    expect(held.stars).toBe(4);
    expect(held.outcome).toBe("propose-4");
    expect(held.shortfalls.map((s) => s.stars)).toEqual([5]);
  });

  it("gives the older editions' district councils their own process", () => {
    for (const edition of ["qd1048-2019", "qd148-2023"]) {
      const at = (total: number) => run(three(pointsFor(total)), { level: "district", edition }).outcome;
      expect(at(95)).toBe("forward");
      expect(at(75)).toBe("forward");
      expect(at(55)).toBe("propose-3");
      expect(at(45)).toBe("not-recognised");
    }
  });

  it("withholds whatever the level when the class is withheld", () => {
    for (const level of ["province", "central", "district"] as const)
      expect(outcomeOf("qd1048-2019", level, null, true)).toBe("withheld");
  });
});

describe("knock-out levels", () => {
  // pointsFor(99) leaves 3.2 at 0 (its knock-out level); pointsFor(100) puts it at 1.
  const out = pointsFor(99);
  const clear = pointsFor(100);

  it("withholds a product the majority put at the knock-out level, quoting the form's note", () => {
    const r = run([out, out, clear], { knockout: true, settings: { minimumLevelRule: "majority" } });
    expect(r.withheld).toBe("knockout");
    expect(r.stars).toBeNull();
    expect(r.outcome).toBe("withheld");
    expect(r.knockout).toMatchObject({ criterion: "3.2", note: NOTE, points: 0 });
    expect(remarkOf(r)).toBe(
      "Hồ sơ bị loại theo tiêu chí 3.2 (Tiêu chí 3.2): Nếu được 0 điểm tại chỉ tiêu này, sẽ không đánh giá các bước tiếp theo."
    );
  });

  it("does not withhold when only a minority chose it, under the majority rule", () => {
    const r = run([out, clear, clear], { knockout: true, settings: { minimumLevelRule: "majority" } });
    expect(r.withheld).toBeNull();
    expect(r.knockout).toBeNull();
    expect(r.outcome).toBe("potential-5");
  });

  it("combines the members the way minimum levels do: any member under 'all', the mean under 'mean'", () => {
    expect(run([out, clear, clear], { knockout: true, settings: { minimumLevelRule: "all" } }).withheld).toBe(
      "knockout"
    );
    // Mean 0.67 on a 0/1 criterion does not reach the level above the knock-out.
    expect(
      run([out, clear, clear], { knockout: true, settings: { minimumLevelRule: "mean" } }).withheld
    ).toBe("knockout");
    expect(run([clear, clear, clear], { knockout: true }).withheld).toBeNull();
  });

  it("is data of the 26/2026 catalogue where the form's own note names the level", async () => {
    const c = await loadEdition("qd26-2026");
    const marked = [...c.forms.values()]
      .map((f) => [f.code, knockoutsOf(f).map((k) => `${criterionOf(f, k.index)}@${k.points}`)] as const)
      .filter(([, k]) => k.length);
    expect(marked).toEqual([
      ["16", ["6.1@0", "6.2@0", "6.3@0", "6.4@0"]],
      ["19", ["6@0"]],
    ]);
  });
});

const criterionOf = (form: Form, index: number): string => {
  const all = form.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
  return all[index]!.id;
};

describe("dropExtremes: the minima count only the members in the mean", () => {
  it("does not cap a product on the score of a member whose total was dropped", () => {
    // Four members; the lowest total (1.2 at the 3★ level only) is dropped with the highest.
    const members = [pointsFor(100, 20), pointsFor(100, 20), pointsFor(100, 20), pointsFor(85, 5)];
    const settings = { minimumLevelRule: "all" as const, dropExtremes: true };
    const r = run(members, { settings });
    expect(r.members.filter((m) => m.dropped).length).toBe(2);
    expect(r.mean).toBe(100);
    expect(r.stars).toBe(5);
    expect(r.shortfalls).toEqual([]);
    // Without dropping, that member's 3★-only level holds the product at 3★ under the "all" rule.
    expect(run(members, { settings: { minimumLevelRule: "all" } }).stars).toBe(3);
  });

  it("does not knock out a product on a dropped member's choice", () => {
    const members = [pointsFor(99), pointsFor(100), pointsFor(100), pointsFor(100)];
    const settings = { minimumLevelRule: "all" as const, dropExtremes: true };
    expect(run(members, { settings, knockout: true }).withheld).toBeNull();
    expect(run(members, { settings: { minimumLevelRule: "all" }, knockout: true }).withheld).toBe("knockout");
  });
});
