import type { Consolidation, ProductResult } from "../ocop/results";
import type { Session } from "../ocop/session";
import { resultsCsv } from "./resultsCsv";

const product = (code: string, over: Partial<ProductResult>): ProductResult => ({
  product: code,
  form: "01",
  members: [],
  count: 7,
  mean: 72.123456,
  partMeans: { A: 30.5, B: 21, C: 20.623456 },
  min: 65,
  max: 80,
  range: 15,
  stdev: 4,
  flags: [],
  bandStars: 3,
  stars: 3,
  shortfalls: [],
  withheld: null,
  knockout: null,
  outcome: "propose-3",
  rank: 1,
  ...over,
});

const session = {
  products: [
    {
      code: "SP01",
      name: '=HYPERLINK("http://x")',
      owner: "HTX Tân Lập, xã A",
      commune: "@xã B",
      form: "01",
    },
    { code: "SP02", name: 'Chè "Shan tuyết"', owner: "-", commune: "Xã C", form: "01" },
  ],
} as unknown as Session;

const consolidation = {
  edition: "qd26-2026",
  level: "province",
  products: [
    product("SP01", {}),
    product("SP02", {
      stars: null,
      rank: null,
      withheld: "excluded",
      outcome: "withheld",
      flags: [{ code: "excluded", reason: "thiếu hồ sơ" }],
    }),
  ],
} as unknown as Consolidation;

const lines = (lang: "vi" | "en") =>
  new TextDecoder("utf-8", { ignoreBOM: true })
    .decode(resultsCsv(session, consolidation, lang))
    .split("\r\n");

it("starts with a BOM, keeps English keys in both languages, and quotes what needs quoting", () => {
  const [header, first, second, end] = lines("en");
  expect(header!.startsWith("\uFEFFcode,name,owner,commune,form,members,mean,mean_A")).toBe(true);
  expect(lines("vi")[0]).toBe(header);
  // A name that a spreadsheet would run as a formula is written with a leading apostrophe, then quoted.
  expect(first).toBe(
    `SP01,"'=HYPERLINK(""http://x"")","HTX Tân Lập, xã A",'@xã B,01,7,72.1235,30.5,21,20.6235,65,80,15,3,propose-3,Proposed for 3★ recognition,1,`
  );
  // A withheld product: no stars, no rank, the reason in the notes; "-" alone is also guarded.
  expect(second).toBe(
    `SP02,"Chè ""Shan tuyết""",'-,Xã C,01,7,72.1235,30.5,21,20.6235,65,80,15,,withheld,Withheld,,Hồ sơ bị loại: thiếu hồ sơ`
  );
  expect(end).toBe("");
});
