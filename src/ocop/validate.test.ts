import { validateAll, validateMemberScores } from "./validate";
import type { Finding } from "./findings";
import type { MemberScores, ScoreEntry } from "./session";
import { pointsFor, sheet, tinyCatalogue, tinySession } from "./__fixtures__/tiny";

const catalogue = tinyCatalogue();
const session = tinySession(["SP1", "SP2"], 3);
const full = (member: string): MemberScores => sheet(member, { SP1: pointsFor(80), SP2: pointsFor(60, 10) });

/** A full, valid sheet with one cell replaced. */
const withCell = (value: ScoreEntry["raw"]["value"], formula?: string, criterion = "1.2"): MemberScores => {
  const scores = full("TV1");
  const entry = scores.entries.find((e) => e.product === "SP1" && e.criterion === criterion)!;
  entry.raw = formula === undefined ? { value } : { value, formula };
  entry.cell = "D14";
  return scores;
};
const only = (findings: Finding[]): Finding => {
  expect(findings).toHaveLength(1);
  return findings[0]!;
};

describe("validateMemberScores: the values", () => {
  it("accepts a complete sheet of allowed levels", () => {
    expect(validateMemberScores(session, catalogue, full("TV1"))).toEqual([]);
  });

  it("names the member, product, criterion and cell of an empty score, with the allowed points", () => {
    const f = only(validateMemberScores(session, catalogue, withCell(null)));
    expect(f).toMatchObject({
      code: "score.missing",
      severity: "error",
      where: { member: "TV1", product: "SP1", criterion: "1.2", sheet: "TV1", cell: "D14" },
      allowed: [0, 5, 10, 20],
    });
  });

  it("treats a blank string as empty", () => {
    expect(only(validateMemberScores(session, catalogue, withCell("   "))).code).toBe("score.missing");
  });

  it("asks to retype a number stored as text, saying whether that number would be allowed", () => {
    const allowedText = only(validateMemberScores(session, catalogue, withCell("10")));
    expect(allowedText).toMatchObject({
      code: "score.text",
      params: { value: "10", number: 10, numberAllowed: true },
    });
    const decimalText = only(validateMemberScores(session, catalogue, withCell("2,5")));
    expect(decimalText).toMatchObject({ code: "score.text", params: { number: 2.5, numberAllowed: false } });
  });

  it("refuses words and booleans", () => {
    expect(only(validateMemberScores(session, catalogue, withCell("đạt"))).code).toBe("score.notANumber");
    expect(only(validateMemberScores(session, catalogue, withCell(true))).code).toBe("score.notANumber");
  });

  it("refuses a formula even when its result is an allowed level", () => {
    const f = only(validateMemberScores(session, catalogue, withCell(10, "5*2")));
    expect(f).toMatchObject({ code: "score.formula", params: { formula: "5*2" } });
  });

  it("refuses negative, too high, between-level and decimal points, listing what is allowed", () => {
    expect(only(validateMemberScores(session, catalogue, withCell(-5))).code).toBe("score.negative");
    expect(only(validateMemberScores(session, catalogue, withCell(21))).code).toBe("score.aboveMax");
    const between = only(validateMemberScores(session, catalogue, withCell(7)));
    expect(between).toMatchObject({
      code: "score.notAllowed",
      allowed: [0, 5, 10, 20],
      params: { value: 7 },
    });
    expect(only(validateMemberScores(session, catalogue, withCell(0.5, undefined, "3.2"))).code).toBe(
      "score.notAllowed"
    );
  });

  it("accepts 0 on a criterion that prints no 0 level: no box ticked", () => {
    expect(validateMemberScores(session, catalogue, withCell(0))).toEqual([]);
  });
});

describe("validateMemberScores: what is scored", () => {
  it("reports a criterion left out of the sheet", () => {
    const scores = full("TV1");
    scores.entries = scores.entries.filter((e) => !(e.product === "SP2" && e.criterion === "2.1"));
    expect(only(validateMemberScores(session, catalogue, scores))).toMatchObject({
      code: "score.missing",
      where: { member: "TV1", product: "SP2", criterion: "2.1" },
    });
  });

  it("reports a product left wholly blank once, not once per criterion", () => {
    const scores = sheet("TV1", {
      SP1: pointsFor(80),
      SP2: { "1.1": null, "1.2": null, "2.1": null, "3.1": null, "3.2": null },
    });
    expect(only(validateMemberScores(session, catalogue, scores))).toMatchObject({
      code: "score.productMissing",
      severity: "error",
      params: { product: "SP2", count: 5 },
    });
    const absent = sheet("TV1", { SP1: pointsFor(80) });
    expect(only(validateMemberScores(session, catalogue, absent)).code).toBe("score.productMissing");
  });

  it("reports a criterion scored twice", () => {
    const scores = full("TV1");
    scores.entries.push({ product: "SP1", criterion: "2.1", raw: { value: 3 }, cell: "E99" });
    expect(only(validateMemberScores(session, catalogue, scores))).toMatchObject({
      code: "score.duplicate",
      where: { cell: "E99", criterion: "2.1" },
    });
  });

  it("reports an unknown product once and an unknown criterion per row", () => {
    const scores = full("TV1");
    scores.entries.push(
      { product: "SP9", criterion: "1.1", raw: { value: 1 } },
      { product: "SP9", criterion: "1.2", raw: { value: 5 } },
      { product: "SP1", criterion: "4.1", raw: { value: 1 } }
    );
    const findings = validateMemberScores(session, catalogue, scores);
    expect(findings.map((f) => f.code)).toEqual(["score.unknownProduct", "score.unknownCriterion"]);
  });

  it("matches codes however they were typed", () => {
    const scores = full("tv1 ");
    for (const e of scores.entries) {
      e.product = e.product.toLowerCase();
      e.criterion = `${e.criterion}.`;
    }
    expect(validateMemberScores(session, catalogue, scores)).toEqual([]);
  });

  it("needs no scores for an excluded product and ignores any given", () => {
    const s = tinySession(["SP1", "SP2"], 3);
    s.products[1]!.excluded = { reason: "Giả mạo hồ sơ" };
    expect(validateMemberScores(s, catalogue, sheet("TV1", { SP1: pointsFor(80) }))).toEqual([]);
    expect(
      validateMemberScores(s, catalogue, sheet("TV1", { SP1: pointsFor(80), SP2: { "1.1": "rác" } }))
    ).toEqual([]);
  });

  it("reports a sheet from someone not on the council", () => {
    const findings = validateMemberScores(session, catalogue, full("TV9"));
    expect(findings.map((f) => f.code)).toEqual(["member.unknown"]);
  });
});

describe("validateAll", () => {
  const sheets = (): MemberScores[] => ["TV1", "TV2", "TV3"].map(full);

  it("accepts a complete council", () => {
    expect(validateAll(session, catalogue, sheets())).toEqual([]);
  });

  it("reports a second sheet of the same member as an error", () => {
    const all = [...sheets(), { ...full("TV2"), file: "tv2-ban-sua.xlsx" }];
    expect(only(validateAll(session, catalogue, all))).toMatchObject({
      code: "member.duplicate",
      severity: "error",
      where: { member: "TV2", file: "tv2-ban-sua.xlsx" },
    });
  });

  it("only warns about a member without a sheet: the quorum decides", () => {
    expect(only(validateAll(session, catalogue, sheets().slice(0, 2)))).toMatchObject({
      code: "member.missingSheet",
      severity: "warning",
      where: { member: "TV3" },
    });
  });

  it("reports session faults: edition, duplicate codes, a form the catalogue lacks", () => {
    const s = tinySession(["SP1", "SP2"], 3);
    s.edition = "qd26-2026";
    s.products.push({ ...s.products[0]! });
    s.members.push({ ...s.members[0]! });
    s.products[1]!.form = "07";
    const codes = validateAll(s, catalogue, sheets()).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "session.editionMismatch",
        "session.productDuplicate",
        "session.memberDuplicate",
        "session.formUnknown",
      ])
    );
  });

  it("reports an empty session", () => {
    const s = tinySession([], 0);
    expect(validateAll(s, catalogue, []).map((f) => f.code)).toEqual([
      "session.noMembers",
      "session.noProducts",
    ]);
  });

  it("blocks scoring on a form that fails the integrity check", () => {
    const broken = tinyCatalogue();
    broken.forms.get("01")!.parts[1]!.max = 24;
    const findings = validateAll(session, broken, sheets());
    expect(findings.some((f) => f.code === "catalogue.partMax" && f.severity === "error")).toBe(true);
  });
});
