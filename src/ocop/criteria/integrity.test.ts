import { checkCatalogue, checkEdition, checkForm } from "./integrity";
import type { Edition, Form } from "./types";
import { tinyCatalogue, tinyEdition, tinyForm } from "../__fixtures__/tiny";

const codes = (findings: { code: string }[]): string[] => findings.map((f) => f.code);

const withForm = (change: (f: Form) => void): Form => {
  const form = tinyForm();
  change(form);
  return form;
};
const withEdition = (change: (e: Edition) => void): Edition => {
  const edition = tinyEdition();
  change(edition);
  return edition;
};
const criterion = (form: Form, id: string) =>
  form.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)).find((c) => c.id === id)!;

describe("checkForm", () => {
  it("finds nothing wrong with a sound form", () => {
    expect(checkForm(tinyForm(), tinyEdition())).toEqual([]);
  });

  it("catches a criterion maximum that breaks its section and part sums", () => {
    const form = withForm((f) => {
      criterion(f, "1.1").max = 19;
      criterion(f, "1.1").levels.pop();
    });
    const findings = checkForm(form, tinyEdition());
    expect(codes(findings)).toEqual(expect.arrayContaining(["catalogue.partSum", "catalogue.sectionSum"]));
    expect(findings.find((f) => f.code === "catalogue.sectionSum")?.params).toMatchObject({
      sum: 39,
      max: 40,
    });
    expect(findings.every((f) => f.severity === "error")).toBe(true);
  });

  it("catches a part whose maximum differs from the edition's and a total other than 100", () => {
    const form = withForm((f) => {
      f.parts[2]!.max = 36;
    });
    expect(codes(checkForm(form, tinyEdition()))).toEqual(
      expect.arrayContaining(["catalogue.partMax", "catalogue.formTotal", "catalogue.partSum"])
    );
  });

  it("catches a missing part", () => {
    const form = withForm((f) => {
      f.parts.pop();
    });
    const findings = checkForm(form, tinyEdition());
    expect(findings.find((f) => f.code === "catalogue.partMissing")?.params).toMatchObject({
      part: "C",
      expected: 35,
    });
  });

  it("catches a level above the maximum, an unreachable maximum and a criterion without levels", () => {
    const form = withForm((f) => {
      criterion(f, "2.1").levels[3]!.points = 26;
      criterion(f, "1.2").levels[2]!.points = 15;
      criterion(f, "3.1").levels = [];
    });
    const findings = checkForm(form, tinyEdition());
    expect(findings.find((f) => f.code === "catalogue.levelRange")?.where).toEqual({
      form: "01",
      criterion: "2.1",
    });
    expect(findings.find((f) => f.code === "catalogue.maxUnreachable")?.params).toMatchObject({
      top: 15,
      max: 20,
    });
    expect(findings.find((f) => f.code === "catalogue.criterionNoLevels")?.where.criterion).toBe("3.1");
  });

  it("catches a negative level", () => {
    const form = withForm((f) => {
      criterion(f, "1.1").levels[0]!.points = -1;
    });
    expect(codes(checkForm(form, tinyEdition()))).toContain("catalogue.levelRange");
  });

  it("catches duplicate criterion ids", () => {
    const form = withForm((f) => {
      criterion(f, "3.1").id = "2.1";
    });
    expect(
      checkForm(form, tinyEdition()).find((f) => f.code === "catalogue.criterionIdDuplicate")?.params.id
    ).toBe("2.1");
  });

  it("only warns when two levels share points, or when star marks run backwards", () => {
    const form = withForm((f) => {
      criterion(f, "1.1").levels.push({ text: "again", points: 3, minStars: null });
      const marked = criterion(f, "1.2").levels;
      marked[0]!.minStars = 4;
      marked[1]!.minStars = 3;
    });
    const findings = checkForm(form, tinyEdition());
    expect(codes(findings).sort()).toEqual(["catalogue.levelPointsDuplicate", "catalogue.minStarsOrder"]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
  });

  it("accepts an all-or-nothing criterion without levels", () => {
    expect(criterion(tinyForm(), "3.2").levels).toEqual([]);
    expect(checkForm(tinyForm(), tinyEdition())).toEqual([]);
  });

  it("warns that a form is marked incomplete, with its note", () => {
    const form = withForm((f) => {
      f.status = "incomplete";
      f.statusNote = "criterion 6.d unverified";
    });
    const [finding] = checkForm(form, tinyEdition());
    expect(finding).toMatchObject({
      code: "catalogue.formIncomplete",
      severity: "warning",
      params: { note: "criterion 6.d unverified" },
    });
  });
});

describe("checkEdition", () => {
  it("accepts bands that tile [0, 100]", () => {
    expect(checkEdition(tinyEdition())).toEqual([]);
  });

  it("finds a gap between bands", () => {
    const e = withEdition((x) => {
      x.bands[2]!.min = 51;
    });
    expect(checkEdition(e).find((f) => f.code === "catalogue.bandsGap")?.params).toEqual({
      from: 50,
      to: 51,
    });
  });

  it("finds an overlap between bands", () => {
    const e = withEdition((x) => {
      x.bands[3]!.min = 69;
    });
    expect(checkEdition(e).find((f) => f.code === "catalogue.bandsOverlap")?.params).toEqual({
      from: 69,
      to: 70,
    });
  });

  it("finds bands that do not start at 0 or end at 100", () => {
    const e = withEdition((x) => {
      x.bands[0]!.min = 1;
      x.bands[4]!.max = 99;
    });
    expect(codes(checkEdition(e)).sort()).toEqual(["catalogue.bandsEnd", "catalogue.bandsStart"]);
  });

  it("finds bands whose stars are out of order and parts that do not add up to 100", () => {
    const e = withEdition((x) => {
      x.bands[3]!.stars = 5;
      x.bands[4]!.stars = 4;
      x.parts[0]!.max = 35;
    });
    expect(codes(checkEdition(e))).toEqual(
      expect.arrayContaining(["catalogue.bandsStars", "catalogue.editionPartsTotal"])
    );
  });
});

describe("checkCatalogue", () => {
  it("reports a listed form that is missing and a set pointing to a form nobody shipped", () => {
    const catalogue = tinyCatalogue();
    catalogue.edition.forms.push("02");
    catalogue.edition.classification[0]!.groups[0]!.sets.push({ code: "I.1.b", title: "Thịt", form: "03" });
    const findings = checkCatalogue(catalogue);
    expect(findings.find((f) => f.code === "catalogue.formMissing")).toMatchObject({
      severity: "error",
      where: { form: "02" },
    });
    expect(findings.find((f) => f.code === "catalogue.setFormMissing")).toMatchObject({
      severity: "warning",
      where: { form: "03" },
    });
  });
});
