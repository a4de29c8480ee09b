import { consolidate } from "./consolidate";
import { DEFAULT_SETTINGS } from "./session";
import { pointsFor, sheet, tinyCatalogue, tinyForm, tinySession } from "./__fixtures__/tiny";

const catalogue = tinyCatalogue();

describe("consolidate", () => {
  const session = tinySession(["SP1", "SP2", "SP3", "SP4"], 4);
  session.products[3]!.excluded = { reason: "Giả mạo hồ sơ" };
  const sheets = () =>
    ["TV1", "TV2", "TV3", "TV4"].map((m, i) =>
      sheet(m, { SP1: pointsFor(90, 10), SP2: pointsFor(60 + i), SP3: pointsFor(93 + (i % 2)) })
    );

  it("publishes the official order with stars, ranks and the settings used", () => {
    const c = consolidate(session, catalogue, sheets());
    expect(c.findings).toEqual([]);
    expect(c.settings).toEqual(DEFAULT_SETTINGS);
    expect(c.edition).toBe("test-ed");
    expect(c.products.map((p) => [p.product, p.stars, p.rank])).toEqual([
      ["SP3", 5, 1],
      ["SP1", 4, 2], // 5★ band, held at 4★ by the ***** minimum on 1.2
      ["SP2", 3, 3],
      ["SP4", null, null],
    ]);
    expect(c.products[3]!.withheld).toBe("excluded");
    expect(c.starCounts).toEqual({ 0: 1, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 });
  });

  it("refuses to produce results while an error stands, and returns the findings", () => {
    const faulty = sheets();
    faulty[2]!.entries[0]!.raw = { value: 7 };
    const c = consolidate(session, catalogue, faulty);
    expect(c.products).toEqual([]);
    expect(c.findings).toEqual([
      expect.objectContaining({
        code: "score.notAllowed",
        where: expect.objectContaining({ member: "TV3" }),
      }),
    ]);
  });

  it("goes ahead with warnings: a missing member is a warning and the quorum decides", () => {
    const c = consolidate(session, catalogue, sheets().slice(0, 3));
    expect(c.findings.map((f) => [f.code, f.severity])).toEqual([["member.missingSheet", "warning"]]);
    expect(c.products.filter((p) => p.stars !== null)).toHaveLength(3); // 3 of 4 meets 3/4
    const two = consolidate(session, catalogue, sheets().slice(0, 2));
    expect(two.products.every((p) => p.stars === null)).toBe(true);
    expect(two.products.filter((p) => p.withheld === "quorum")).toHaveLength(3);
  });

  it("refuses invalid council settings rather than consolidating under rules nobody chose", () => {
    const s = { ...session, settings: { ...session.settings, quorum: 1.5 } };
    const c = consolidate(s, catalogue, sheets());
    expect(c.products).toEqual([]);
    expect(c.findings.map((f) => f.code)).toEqual(["settings.invalid"]);
  });

  it("is deterministic and independent of the order of sheets and entries", () => {
    const a = consolidate(session, catalogue, sheets());
    const shuffled = sheets().reverse();
    for (const s of shuffled) s.entries.reverse();
    expect(consolidate(session, catalogue, shuffled)).toEqual(a);
  });

  it("scores against the council's corrected form when the session carries one", () => {
    // The council's copy of form 01 has no ***** mark on 1.2, so SP1 is no longer held at 4★.
    const corrected = tinyForm();
    corrected.parts[0]!.sections[0]!.criteria[1]!.levels[2]!.minStars = null;
    const c = consolidate({ ...session, customForms: [corrected] }, catalogue, sheets());
    expect(c.findings.map((f) => f.code)).toEqual(["catalogue.customFormReplaces"]);
    expect(c.products.find((p) => p.product === "SP1")?.stars).toBe(5);
  });

  it("stops when the council's corrected form is itself faulty, rather than silently using the built-in one", () => {
    const faulty = tinyForm();
    faulty.parts[0]!.max = 41;
    const c = consolidate({ ...session, customForms: [faulty] }, catalogue, sheets());
    expect(c.products).toEqual([]);
    expect(c.findings.map((f) => f.code)).toContain("catalogue.customFormRejected");
  });
});
