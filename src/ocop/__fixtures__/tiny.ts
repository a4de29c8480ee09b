/**
 * A small hand-made catalogue for unit tests: one form whose totals can be any whole number from 0 to
 * 100, with star minima on two criteria. Independent of the shipped data, so a rule test fails only
 * when a rule changes.
 */
import type { Catalogue, Criterion, Edition, Form, Level } from "../criteria/types";
import type { Member, MemberScores, Product, ScoreEntry, Session } from "../session";
import { DEFAULT_SETTINGS } from "../session";

const steps = (max: number): Level[] =>
  Array.from({ length: max + 1 }, (_, points) => ({ text: `${points} điểm`, points, minStars: null }));

const criterion = (id: string, max: number, levels: Level[], extra: Partial<Criterion> = {}): Criterion => ({
  id,
  number: id,
  text: `Tiêu chí ${id}`,
  max,
  requirement: null,
  notes: [],
  levelsImplicit: false,
  levels,
  ...extra,
});

export const tinyEdition = (): Edition => ({
  id: "test-ed",
  decision: "99/2099/QĐ-TEST",
  date: "2099-01-01",
  title: "Bộ tiêu chí thử",
  sources: [],
  parts: [
    { id: "A", title: "Phần A", max: 40 },
    { id: "B", title: "Phần B", max: 25 },
    { id: "C", title: "Phần C", max: 35 },
  ],
  bands: [
    { stars: 1, min: 0, max: 30 },
    { stars: 2, min: 30, max: 50 },
    { stars: 3, min: 50, max: 70 },
    { stars: 4, min: 70, max: 90 },
    { stars: 5, min: 90, max: 100 },
  ],
  bandsSource: "test",
  classification: [
    {
      code: "I",
      title: "Thực phẩm",
      groups: [{ code: "I.1", title: "Tươi sống", sets: [{ code: "I.1.a", title: "Rau", form: "01" }] }],
    },
  ],
  forms: ["01"],
});

/**
 * Part A: 1.1 (0–20, any whole number), 1.2 (5 = ***, 10 = ****, 20 = *****; no printed 0 level).
 * Part B: 2.1 (0–25). Part C: 3.1 (0–34), 3.2 (all-or-nothing, 1 point).
 */
export const tinyForm = (): Form => ({
  edition: "test-ed",
  code: "01",
  title: "Rau, củ, quả, hạt tươi",
  productType: "Thực phẩm",
  group: "Thực phẩm tươi sống",
  citation: { decision: "99/2099", annex: "Phụ lục II", form: "1", source: "test" },
  status: "complete",
  statusNote: null,
  exclusion: null,
  notes: [],
  parts: [
    {
      id: "A",
      title: "Phần A",
      max: 40,
      sections: [
        {
          number: "1",
          title: "TỔ CHỨC SẢN XUẤT",
          max: 40,
          criteria: [
            criterion("1.1", 20, steps(20)),
            criterion("1.2", 20, [
              { text: "Đạt mức 3 sao", points: 5, minStars: 3 },
              { text: "Đạt mức 4 sao", points: 10, minStars: 4 },
              { text: "Đạt mức 5 sao", points: 20, minStars: 5 },
            ]),
          ],
        },
      ],
    },
    {
      id: "B",
      title: "Phần B",
      max: 25,
      sections: [{ number: "2", title: "TIẾP THỊ", max: 25, criteria: [criterion("2.1", 25, steps(25))] }],
    },
    {
      id: "C",
      title: "Phần C",
      max: 35,
      sections: [
        {
          number: "3",
          title: "CHẤT LƯỢNG",
          max: null,
          criteria: [criterion("3.1", 34, steps(34)), criterion("3.2", 1, [], { levelsImplicit: true })],
        },
      ],
    },
  ],
});

export const tinyCatalogue = (): Catalogue => ({
  edition: tinyEdition(),
  forms: new Map([["01", tinyForm()]]),
});

export const member = (code: string, role: Member["role"] = "member"): Member => ({
  code,
  name: `Ông/Bà ${code}`,
  title: "Ủy viên",
  role,
});

export const product = (code: string, extra: Partial<Product> = {}): Product => ({
  code,
  name: `Sản phẩm ${code}`,
  owner: "HTX thử",
  commune: "Xã thử",
  group: "Tươi sống",
  set: "Rau",
  form: "01",
  excluded: null,
  ...extra,
});

/** A session of the tiny catalogue with members TV1..TVn and the given product codes. */
export const tinySession = (productCodes: string[], memberCount = 4, settings = {}): Session => ({
  id: "test-session",
  council: { name: "Hội đồng thử", level: "province", year: 2099, place: "Thử", date: "2099-06-01" },
  edition: "test-ed",
  settings: { ...DEFAULT_SETTINGS, ...settings },
  products: productCodes.map((c) => product(c)),
  members: Array.from({ length: memberCount }, (_, i) => member(`TV${i + 1}`, i === 0 ? "chair" : "member")),
  customForms: [],
});

export type Points = Record<"1.1" | "1.2" | "2.1" | "3.1" | "3.2", number>;

/**
 * Points for a wanted total with 1.2 at the given level: fills 1.1, then 2.1, then 3.1, then 3.2.
 * Totals from `level12` to 100 - (20 - level12) are reachable.
 */
export const pointsFor = (total: number, level12 = 20): Points => {
  let rest = total - level12;
  const take = (max: number): number => {
    const v = Math.max(0, Math.min(max, rest));
    rest -= v;
    return v;
  };
  const p = { "1.2": level12, "1.1": take(20), "2.1": take(25), "3.1": take(34), "3.2": take(1) };
  if (rest !== 0) throw new Error(`total ${total} unreachable with 1.2 = ${level12}`);
  return p;
};

/** One member's sheet: per product, the points of each criterion (cells made up for findings). */
export const sheet = (
  memberCode: string,
  byProduct: Record<string, Partial<Record<string, ScoreEntry["raw"]["value"]>>>
): MemberScores => {
  const entries: ScoreEntry[] = [];
  let row = 5;
  for (const [productCode, points] of Object.entries(byProduct))
    for (const [criterionId, value] of Object.entries(points))
      entries.push({
        product: productCode,
        criterion: criterionId,
        raw: { value: value ?? null },
        sheet: memberCode,
        cell: `E${row++}`,
      });
  return { member: memberCode, sheet: memberCode, entries };
};
