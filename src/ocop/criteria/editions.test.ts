/**
 * The shipped editions: they load, pass the integrity check, and a few criteria read as the decisions
 * print them (checked by hand against shared/ocop: qd26-2026.txt, qd148-2023/form-01.csv, notes-forms.md).
 */
import { DEFAULT_EDITION, listEditions, loadEdition, loadEditionChecked } from "./builtin";
import { allowedPoints, criteriaOf, formFor } from "./catalogue";
import type { Catalogue, Criterion } from "./types";

const STANDARD_BANDS = [
  { stars: 1, min: 0, max: 30 },
  { stars: 2, min: 30, max: 50 },
  { stars: 3, min: 50, max: 70 },
  { stars: 4, min: 70, max: 90 },
  { stars: 5, min: 90, max: 100 },
];

const criterion = (catalogue: Catalogue, form: string, id: string): Criterion => {
  const found = criteriaOf(formFor(catalogue, form)!).find((c) => c.criterion.id === id);
  if (!found) throw new Error(`form ${form} has no criterion ${id}`);
  return found.criterion;
};
const marks = (c: Criterion) => c.levels.map((l) => [l.points, l.minStars]);
const partMaxima = (catalogue: Catalogue) =>
  Object.fromEntries(catalogue.edition.parts.map((p) => [p.id, p.max]));

describe("listEditions", () => {
  it("lists the three editions with 26/2026 as the default, matching their data", async () => {
    const editions = listEditions();
    expect(editions.map((e) => e.id)).toEqual(["qd26-2026", "qd148-2023", "qd1048-2019"]);
    expect(editions.filter((e) => e.isDefault).map((e) => e.id)).toEqual([DEFAULT_EDITION]);
    expect(DEFAULT_EDITION).toBe("qd26-2026");
    for (const info of editions) {
      const catalogue = await loadEdition(info.id);
      expect(catalogue.edition.decision).toBe(info.decision);
      expect(catalogue.edition.date).toBe(info.date);
      expect(partMaxima(catalogue)).toEqual(info.parts);
      expect(catalogue.forms.size).toBe(info.formCount);
    }
  });

  it("refuses an unknown edition", async () => {
    await expect(loadEdition("qd999-2030")).rejects.toThrow(/Unknown edition/);
  });
});

describe("26/2026/QĐ-TTg", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const checked = await loadEditionChecked("qd26-2026");
    catalogue = checked.catalogue;
    // Integrity: no error; the only warnings are levels printed with equal points.
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(new Set(checked.findings.map((f) => f.code))).toEqual(new Set(["catalogue.levelPointsDuplicate"]));
  });

  it("has all 26 forms, parts A 40, B 25, C 35, and the bands of Điều 3 khoản 3", () => {
    expect([...catalogue.forms.keys()]).toEqual(
      Array.from({ length: 26 }, (_, i) => String(i + 1).padStart(2, "0"))
    );
    expect(partMaxima(catalogue)).toEqual({ A: 40, B: 25, C: 35 });
    expect(catalogue.edition.bands).toEqual(STANDARD_BANDS);
    for (const form of catalogue.forms.values()) {
      expect(form.status).toBe("complete");
      expect(form.parts.map((p) => p.max)).toEqual([40, 25, 35]);
    }
  });

  it("form 01 reads as printed: 1.1 Nguồn gốc sản phẩm, 3 points, with its Yêu cầu", () => {
    const c = criterion(catalogue, "01", "1.1");
    expect(c.text).toBe("Nguồn gốc sản phẩm");
    expect(c.max).toBe(3);
    expect(c.requirement).toBe("100% sản phẩm được trồng trên địa bàn cấp tỉnh");
    expect(c.levels.map((l) => l.points)).toEqual([1, 2, 3]);
    expect(allowedPoints(c)).toEqual([0, 1, 2, 3]);
  });

  it("form 01 keeps the star marks: 1.5 **** at 2 and ***** at 3; 2.3 *** at 1 and **** at 3; 4.1 ***/****/*****", () => {
    expect(marks(criterion(catalogue, "01", "1.5"))).toEqual([
      [0, null],
      [1, null],
      [2, 4],
      [3, 5],
    ]);
    expect(marks(criterion(catalogue, "01", "2.3"))).toEqual([
      [1, 3],
      [2, null],
      [3, 4],
    ]);
    expect(marks(criterion(catalogue, "01", "4.1"))).toEqual([
      [1, null],
      [2, 3],
      [3, 4],
      [5, 5],
    ]);
  });

  it("form 01: 2.4 (bilingual label) has no printed levels and scores 0 or 1; 8 TÍNH ĐỘC ĐÁO is its own criterion", () => {
    const bilingual = criterion(catalogue, "01", "2.4");
    expect(bilingual.levelsImplicit).toBe(true);
    expect(allowedPoints(bilingual)).toEqual([0, 1]);
    const unique = criterion(catalogue, "01", "8");
    expect(unique.max).toBe(5);
    expect(marks(unique)).toEqual([
      [0, null],
      [1, null],
      [3, 4],
      [5, null],
    ]);
  });

  it("cites the decision on every form and keeps the exclusion rule where the form prints one (not on 26, tourism)", () => {
    for (const form of catalogue.forms.values()) {
      expect(form.citation.decision).toBe("26/2026/QĐ-TTg");
      if (form.code === "26") expect(form.exclusion).toBeNull();
      else expect(form.exclusion).toMatch(/bị loại khi: Giả mạo hồ sơ/iu);
    }
  });
});

describe("148/QĐ-TTg (2023)", () => {
  let catalogue: Catalogue;
  let errorForms: Set<string>;
  beforeAll(async () => {
    const checked = await loadEditionChecked("qd148-2023");
    catalogue = checked.catalogue;
    errorForms = new Set(
      checked.findings.filter((f) => f.severity === "error").map((f) => f.where.form ?? "")
    );
  });

  it("has 26 forms, parts A 40, B 25, C 35 and the standard bands", () => {
    expect(catalogue.forms.size).toBe(26);
    expect(partMaxima(catalogue)).toEqual({ A: 40, B: 25, C: 35 });
    expect(catalogue.edition.bands).toEqual(STANDARD_BANDS);
  });

  it("marks as incomplete every form the integrity check rejects, so no council scores on it unwarned", () => {
    for (const code of errorForms) expect(catalogue.forms.get(code)?.status).toBe("incomplete");
    const complete = [...catalogue.forms.values()].filter((f) => f.status === "complete").map((f) => f.code);
    expect(complete.length).toBeGreaterThanOrEqual(22);
    for (const code of complete) expect(errorForms.has(code)).toBe(false);
  });

  it("form 01 reads as the transcription prints it: a) Nguồn gốc sản phẩm 1/3/5, đ) Kế toán 0/1, c) Cấu trúc câu chuyện ***** at 2", () => {
    const origin = criterion(catalogue, "01", "1.a");
    expect(origin.text).toBe("Nguồn gốc sản phẩm");
    expect(origin.max).toBe(5);
    expect(origin.levels.map((l) => l.points)).toEqual([1, 3, 5]);
    expect(origin.requirement).toMatch(/100% sản phẩm được trồng trên địa bàn cấp tỉnh/u);
    expect(criterion(catalogue, "01", "3.đ").levels.map((l) => l.points)).toEqual([0, 1]);
    expect(marks(criterion(catalogue, "01", "5.c"))).toEqual([
      [0, null],
      [1, null],
      [2, 5],
    ]);
  });
});

describe("1048/QĐ-TTg (2019)", () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    const checked = await loadEditionChecked("qd1048-2019");
    catalogue = checked.catalogue;
    expect(checked.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("has its one form, parts A 35, B 25, C 40 and the standard bands", () => {
    expect([...catalogue.forms.keys()]).toEqual(["01"]);
    expect(partMaxima(catalogue)).toEqual({ A: 35, B: 25, C: 40 });
    expect(catalogue.edition.bands).toEqual(STANDARD_BANDS);
    expect(formFor(catalogue, "01")?.title).toBe("Rau, củ, quả, hạt tươi");
  });

  it("form 01 reads as noted: 1.1 Nguồn nguyên liệu 1/2/3, 6.2 Màu sắc, độ chín 0/1/3/5/8", () => {
    const source = criterion(catalogue, "01", "1.1");
    expect(source.text).toBe("Nguồn nguyên liệu");
    expect(source.levels.map((l) => l.points)).toEqual([1, 2, 3]);
    const colour = criterion(catalogue, "01", "6.2");
    expect(colour.max).toBe(8);
    expect(colour.levels.map((l) => l.points)).toEqual([0, 1, 3, 5, 8]);
  });
});
