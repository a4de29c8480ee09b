/** A small two-form catalogue for layout and host tests (the real editions are tested end to end). */
import type { Catalogue, Criterion, Edition, Form, FormPart } from "../../src/ocop/criteria/types";
import { DEFAULT_SETTINGS, type Session } from "../../src/ocop/session";

const crit = (id: string, max: number, points: number[], minStars: (3 | 4 | 5 | null)[] = []): Criterion => ({
  id,
  number: id,
  text: `Tiêu chí ${id}`,
  max,
  requirement: null,
  notes: [],
  levelsImplicit: false,
  levels: points.map((p, i) => ({ text: `Mức ${p} điểm`, points: p, minStars: minStars[i] ?? null })),
});

const part = (id: "A" | "B" | "C", max: number, criteria: Criterion[]): FormPart => ({
  id,
  title: `Phần ${id}`,
  max,
  sections: [{ number: `${id}1`, title: `Mục ${id}1`, max, criteria }],
});

const form = (code: string, title: string): Form => ({
  edition: "mini",
  code,
  title,
  productType: null,
  group: null,
  citation: { decision: "mini", annex: "", form: code, source: "test" },
  status: "complete",
  statusNote: null,
  exclusion: null,
  notes: [],
  parts: [
    part("A", 40, [crit("1.1", 20, [0, 10, 20]), crit("1.2", 20, [5, 10, 15, 20], [null, null, 3])]),
    part("B", 25, [crit("2.1", 25, [0, 5, 15, 25])]),
    part("C", 35, [crit("3.1", 35, [0, 10, 20, 35], [null, null, 4, 5])]),
  ],
});

export const miniEdition: Edition = {
  id: "mini",
  decision: "mini",
  date: "2026-01-01",
  title: "Mini",
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
  classification: [],
  forms: ["01", "02"],
};

export const miniCatalogue = (): Catalogue => ({
  edition: miniEdition,
  forms: new Map([
    ["01", form("01", "Rau quả tươi")],
    ["02", form("02", "Chè")],
  ]),
});

export const miniSession = (): Session => ({
  id: "sess-mini-1",
  council: {
    name: "Hội đồng tỉnh Thử",
    level: "province",
    year: 2026,
    place: "Huyện Thử",
    date: "2026-06-01",
  },
  edition: "mini",
  settings: { ...DEFAULT_SETTINGS },
  products: [
    {
      code: "SP01",
      name: "Bưởi da xanh",
      owner: "HTX A",
      commune: "Xã Một",
      group: "Tươi",
      set: "Quả",
      form: "01",
      excluded: null,
    },
    {
      code: "SP02",
      name: "=Cam sành",
      owner: "+84 HTX B",
      commune: "Xã Hai",
      group: "Tươi",
      set: "Quả",
      form: "01",
      excluded: null,
    },
    {
      code: "SP03",
      name: "Chè búp",
      owner: "Hộ C",
      commune: "Xã Một",
      group: "Chè",
      set: "Chè",
      form: "02",
      excluded: null,
    },
  ],
  members: [
    { code: "TV01", name: "Nguyễn Văn An", title: "Phó Chủ tịch UBND huyện", role: "chair" },
    { code: "TV02", name: "Trần Thị Bình", title: "Trưởng phòng NN", role: "member" },
  ],
  customForms: [],
});
