import {
  allowedPoints,
  criteriaOf,
  formFor,
  isAllowed,
  normaliseFormCode,
  withCustomForms,
} from "./catalogue";
import { tinyCatalogue, tinyForm } from "../__fixtures__/tiny";

const byId = (id: string) => criteriaOf(tinyForm()).find((c) => c.criterion.id === id)!.criterion;

describe("allowedPoints", () => {
  it("is the levels' points plus 0 (no box ticked), ascending", () => {
    expect(allowedPoints(byId("1.2"))).toEqual([0, 5, 10, 20]);
  });

  it("is 0 or the maximum for a criterion printed without levels", () => {
    expect(allowedPoints(byId("3.2"))).toEqual([0, 1]);
  });

  it("does not accept points between levels", () => {
    expect(isAllowed(byId("1.2"), 10)).toBe(true);
    expect(isAllowed(byId("1.2"), 7)).toBe(false);
    expect(isAllowed(byId("1.2"), 10.5)).toBe(false);
  });
});

describe("criteriaOf", () => {
  it("lists criteria in printed order with their part", () => {
    expect(criteriaOf(tinyForm()).map((c) => `${c.part}:${c.criterion.id}`)).toEqual([
      "A:1.1",
      "A:1.2",
      "B:2.1",
      "C:3.1",
      "C:3.2",
    ]);
  });
});

describe("formFor", () => {
  it("finds a form whatever way its number was typed", () => {
    const catalogue = tinyCatalogue();
    expect(formFor(catalogue, "1")?.code).toBe("01");
    expect(formFor(catalogue, " 01 ")?.code).toBe("01");
    expect(formFor(catalogue, "2")).toBeUndefined();
    expect(normaliseFormCode("27a")).toBe("27A");
  });
});

describe("withCustomForms", () => {
  it("replaces the built-in form of the same code when the council's form is sound", () => {
    const custom = tinyForm();
    custom.title = "Rau (bản Hội đồng sửa)";
    custom.code = "1";
    const { catalogue, findings } = withCustomForms(tinyCatalogue(), [custom]);
    expect(catalogue.forms.get("01")?.title).toBe("Rau (bản Hội đồng sửa)");
    expect(findings.map((f) => f.code)).toEqual(["catalogue.customFormReplaces"]);
  });

  it("adds a form the catalogue lacked", () => {
    const custom = { ...tinyForm(), code: "27", title: "Sản phẩm mới" };
    const { catalogue, findings } = withCustomForms(tinyCatalogue(), [custom]);
    expect([...catalogue.forms.keys()]).toEqual(["01", "27"]);
    expect(findings.map((f) => f.code)).toEqual(["catalogue.customFormAdded"]);
  });

  it("keeps the built-in form and explains why when the council's form does not add up", () => {
    const custom = tinyForm();
    custom.parts[1]!.sections[0]!.criteria[0]!.max = 24;
    const original = tinyCatalogue();
    const { catalogue, findings } = withCustomForms(original, [custom]);
    expect(catalogue.forms.get("01")).toEqual(tinyForm());
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining([
        "catalogue.partSum",
        "catalogue.maxUnreachable",
        "catalogue.customFormRejected",
      ])
    );
    expect(findings.every((f) => f.where.form === "01")).toBe(true);
  });

  it("rejects a form that does not even have the shape, with the schema's reasons", () => {
    const { catalogue, findings } = withCustomForms(tinyCatalogue(), [{ code: "05", title: "Thiếu phần" }]);
    expect(catalogue.forms.has("05")).toBe(false);
    expect(findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["catalogue.schema", "catalogue.customFormRejected"])
    );
  });

  it("leaves the input catalogue untouched", () => {
    const original = tinyCatalogue();
    withCustomForms(original, [{ ...tinyForm(), code: "27" }]);
    expect([...original.forms.keys()]).toEqual(["01"]);
  });
});
