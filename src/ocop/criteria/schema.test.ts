import { parseEdition, parseForm, readablePath } from "./schema";
import { tinyEdition, tinyForm } from "../__fixtures__/tiny";

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("parseForm", () => {
  it("accepts a well-formed form and returns it unchanged", () => {
    const parsed = parseForm(clone(tinyForm()));
    expect(parsed.findings).toEqual([]);
    expect(parsed.value).toEqual(tinyForm());
  });

  it("fills the optional fields a council typing a criteria sheet may leave out", () => {
    const form = clone(tinyForm()) as unknown as Record<string, unknown>;
    for (const key of ["productType", "group", "citation", "status", "statusNote", "exclusion", "notes"])
      delete form[key];
    const parsed = parseForm(form);
    expect(parsed.findings).toEqual([]);
    expect(parsed.value?.status).toBe("complete");
    expect(parsed.value?.notes).toEqual([]);
    expect(parsed.value?.parts[0]?.sections[0]?.criteria[0]?.levelsImplicit).toBe(false);
  });

  it("names the faulty item by the criterion's id, not by array positions", () => {
    const form = clone(tinyForm());
    (form.parts[0]!.sections[0]!.criteria[1]!.levels[2] as unknown as Record<string, unknown>).points = "20";
    const parsed = parseForm(form);
    expect(parsed.value).toBeNull();
    expect(parsed.findings).toHaveLength(1);
    const f = parsed.findings[0]!;
    expect(f.severity).toBe("error");
    expect(f.where.form).toBe("01");
    expect(f.params).toMatchObject({ kind: "type", expected: "number" });
    expect(f.params.path).toBe("parts[A] › sections[1] › criteria[1.2] › levels[3] › points");
  });

  it("reports a missing field as missing", () => {
    const form = clone(tinyForm()) as unknown as Record<string, unknown>;
    delete form.title;
    const parsed = parseForm(form);
    expect(parsed.findings.map((f) => f.params.kind)).toEqual(["missing"]);
  });

  it("refuses a star mark other than 3, 4 or 5 and a part other than A, B, C", () => {
    const form = clone(tinyForm());
    (form.parts[0]!.sections[0]!.criteria[1]!.levels[0] as unknown as Record<string, unknown>).minStars = 2;
    (form.parts[1] as unknown as Record<string, unknown>).id = "D";
    const paths = parseForm(form).findings.map((f) => f.params.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "parts[A] › sections[1] › criteria[1.2] › levels[1] › minStars",
        "parts[D] › id",
      ])
    );
  });
});

describe("parseEdition", () => {
  it("accepts a well-formed edition", () => {
    expect(parseEdition(clone(tinyEdition())).value).toEqual(tinyEdition());
  });

  it("refuses a date that is not ISO", () => {
    const parsed = parseEdition({ ...clone(tinyEdition()), date: "22/05/2026" });
    expect(parsed.value).toBeNull();
    expect(parsed.findings[0]?.params).toMatchObject({ what: "edition", path: "date", kind: "format" });
  });
});

describe("readablePath", () => {
  it("falls back to 1-based positions where items have no id", () => {
    expect(readablePath({ notes: ["a", "b"] }, ["notes", 1])).toBe("notes[2]");
  });
});
