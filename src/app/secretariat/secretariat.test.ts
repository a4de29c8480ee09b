/** The secretariat's own pieces, one by one (the whole day runs in test/contract/secretariat.test.ts). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { readWorkbook } from "../readWorkbook";
import { planProductsSheet } from "../../layout/setupSheets";
import type { Consolidation, ProductResult } from "../../ocop/results";
import { DEFAULT_SETTINGS, type MemberScores, type Session } from "../../ocop/session";
import { miniCatalogue, miniSession } from "../../../test/helpers/miniCatalogue";
import { planProposalSheets, proposedProducts } from "../../layout/proposals";
import { settleBatch } from "./collect";
import { computeProgress } from "./progress";
import { asciiName, createSecretariat } from "./secretariat";
import { importMembers, importProducts, parseText } from "./tables";
import type { BookReport } from "./types";
import { testWorkbooks } from "../../../test/helpers/workbooks";

describe("products and members typed elsewhere", () => {
  test("rows pasted from Excel without their header are read in the setup sheet's column order", async () => {
    const r = await importProducts(
      {
        text: "sp01\tBưởi da xanh\tHTX A\tXã Một\tTươi\tQuả\t1\nSP02\t=Cam\tHộ B\t\t\t\t02\tThiếu hồ sơ\n",
      },
      testWorkbooks
    );
    expect(r.findings).toEqual([]);
    expect(r.rows).toEqual([
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
        name: "=Cam",
        owner: "Hộ B",
        commune: "",
        group: "",
        set: "",
        form: "02",
        excluded: { reason: "Thiếu hồ sơ" },
      },
    ]);
  });

  test("a CSV with English headers in another order, semicolons, quotes and a BOM", async () => {
    const csv = '\uFEFFrole;name;code\n"Chair";"Nguyễn Văn An";tv01\nsecretary;"Lê ""Ba""";TV02\n';
    const r = await importMembers(
      { name: "members.csv", bytes: new TextEncoder().encode(csv) },
      testWorkbooks
    );
    expect(r.rows).toEqual([
      { code: "TV01", name: "Nguyễn Văn An", title: "", role: "chair" },
      { code: "TV02", name: 'Lê "Ba"', title: "", role: "secretary" },
    ]);
  });

  test("an .xlsx: the products sheet of another council workbook", async () => {
    const host = PartsHost.createEmpty();
    await host.apply({ plans: [planProductsSheet(miniSession(), ["01", "02"])] });
    const r = await importProducts({ name: "cu.xlsx", bytes: await host.toBuffer() }, testWorkbooks);
    expect(r.rows.map((p) => [p.code, p.form])).toEqual([
      ["SP01", "01"],
      ["SP02", "01"],
      ["SP03", "02"],
    ]);
  });

  test("missing names and unreadable files are findings, not exceptions", async () => {
    const r = await importProducts(
      { text: "Mã sản phẩm\tTên sản phẩm\tPhiếu chấm\nSP01\t\t01" },
      testWorkbooks
    );
    expect(r.findings.map((f) => f.code)).toEqual(["setup.nameMissing"]);
    const bad = await importProducts({ name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) }, testWorkbooks);
    // The package guard says what the file is instead of a bare "unreadable" (here: text, not a workbook).
    expect(bad.findings.map((f) => f.code)).toEqual(["file.notXlsx.csv"]);
    expect(parseText('a,b\n"x\ny",z')).toEqual([
      ["a", "b"],
      ["x\ny", "z"],
    ]);
  });
});

const report = (
  id: string,
  member: string | null,
  sha: string,
  patch: Partial<BookReport> = {}
): BookReport => ({
  id,
  file: `${id}.xlsx`,
  size: 1,
  sha256: sha,
  member,
  memberName: null,
  status: "ready",
  findings: [],
  filled: 1,
  total: 1,
  replaces: null,
  ...patch,
});

test("a batch: two books of one member are both flagged; a file imported before is recognised by its SHA-256", () => {
  const settled = settleBatch(
    [
      report("a", "TV01", "1"),
      report("b", "TV01", "2"),
      report("c", "TV02", "3"),
      report("d", null, "4", { status: "unreadable" }),
    ],
    [{ file: "old.xlsx", sha256: "3", member: "TV02", sheet: "Phiếu TV02", at: "2026-06-14T00:00:00Z" }]
  );
  expect(settled.map((r) => r.status)).toEqual(["duplicate", "duplicate", "alreadyImported", "unreadable"]);
  expect(settled[0]!.findings[0]).toMatchObject({
    code: "collect.duplicate",
    params: { member: "TV01", count: 2, files: ["a.xlsx", "b.xlsx"] },
  });
  // Dropping one settles the other.
  expect(settleBatch([settled[0]!], []).map((r) => r.status)).toEqual(["ready"]);
});

test("progress: who has scored which products", () => {
  const session = miniSession();
  const scores: MemberScores[] = [
    {
      member: "TV01",
      entries: [
        ["1.1", 10],
        ["1.2", 10],
        ["2.1", 15],
        ["3.1", 10],
      ].map(([c, v]) => ({ product: "SP01", criterion: String(c), raw: { value: v! } })),
    },
  ];
  // SP02: every criterion filled, but "2,5" is not a score: not done.
  scores[0]!.entries.push(
    ...[
      ["1.1", 10],
      ["1.2", "2,5"],
      ["2.1", 15],
      ["3.1", 10],
    ].map(([c, v]) => ({ product: "SP02", criterion: String(c), raw: { value: v! } }))
  );
  scores[0]!.entries.push(
    { product: "SP03", criterion: "1.1", raw: { value: 0 } },
    { product: "SP03", criterion: "1.2", raw: { value: null } }
  );
  const p = computeProgress(session, miniCatalogue(), scores);
  expect(p.products).toEqual(["SP01", "SP02", "SP03"]);
  expect(p.cells.map((row) => row.map((c) => c.state))).toEqual([
    ["done", "partial", "partial"],
    ["noSheet", "noSheet", "noSheet"],
  ]);
  expect(p.cells[0]![2]).toMatchObject({ filled: 1, invalid: 0, total: 4 });
  expect(p.cells[0]![1]).toMatchObject({ filled: 4, invalid: 1, total: 4 });
  expect(p.members).toEqual([
    { member: "TV01", done: 1, products: 3, hasSheet: true },
    { member: "TV02", done: 0, products: 3, hasSheet: false },
  ]);
  expect(p.ratio).toBeCloseTo(1 / 6);
});

const result = (product: string, stars: ProductResult["stars"], rank: number | null): ProductResult => ({
  product,
  form: "01",
  members: [],
  count: 2,
  mean: 60,
  partMeans: null,
  min: 60,
  max: 60,
  range: 0,
  stdev: 0,
  flags: [],
  bandStars: stars,
  stars,
  shortfalls: [],
  withheld: stars === null ? "quorum" : null,
  knockout: null,
  outcome:
    stars === null
      ? "withheld"
      : stars >= 3
        ? (`propose-${Math.min(stars, 4)}` as "propose-3")
        : "not-recognised",
  rank,
});

const consolidation = (products: ProductResult[]): Consolidation => ({
  sessionId: "sess-mini-1",
  edition: "mini",
  level: "province",
  settings: { ...DEFAULT_SETTINGS },
  products,
  findings: [],
  starCounts: { 0: 1, 1: 0, 2: 1, 3: 1, 4: 1, 5: 0 },
});

test("proposal lists: one per outcome the level gives; a province council issues no certificate", () => {
  const session: Session = {
    ...miniSession(),
    edition: "qd26-2026",
    members: [...miniSession().members, { code: "TV03", name: "Lê Thư Ký", title: "", role: "secretary" }],
  };
  const c: Consolidation = {
    ...consolidation([
      { ...result("SP03", 5, 1), mean: 92, outcome: "potential-5" },
      { ...result("SP01", 4, 2), outcome: "propose-4" },
      { ...result("SP02", 2, 3), outcome: "not-recognised" },
      result("SP04", null, null),
    ]),
    edition: "qd26-2026",
  };
  const plans = planProposalSheets(session, c, "Tỉnh Thử, ngày 01 tháng 06 năm 2026");
  expect(plans.map((p) => p.name)).toEqual([
    "Đề nghị Bộ đánh giá 5 sao",
    "Đề nghị công nhận 4 sao",
    "Đề nghị công nhận 3 sao",
  ]);
  const text = (i: number) => plans[i]!.cells.map((x) => x.value).join("|");
  expect(text(0)).toContain("CÓ TIỀM NĂNG ĐẠT 5 SAO ĐỀ NGHỊ BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG");
  expect(text(0)).toContain("SP03");
  expect(text(0)).not.toContain("SP01");
  // Only the recognition lists mention the certificate, with Điều 4.3's wording.
  expect(text(0)).not.toContain("Giấy chứng nhận");
  expect(text(1)).toContain("kể từ ngày cơ quan có thẩm quyền ban hành");
  expect(text(1)).toContain("Đề nghị Chủ tịch UBND cấp tỉnh công nhận sản phẩm OCOP đạt 4 sao");
  expect(text(1)).toContain("Bưởi da xanh");
  expect(text(2)).toContain("Không có sản phẩm.");
  for (const i of [0, 1, 2]) {
    expect(text(i)).not.toMatch(/GIẤY CHỨNG NHẬN SẢN PHẨM OCOP ĐẠT/);
    expect(text(i)).toContain("Lê Thư Ký");
    expect(text(i)).toContain("Nguyễn Văn An");
  }
  expect(proposedProducts(c, "propose-4").map((p) => p.product)).toEqual(["SP01"]);
  expect(plans[1]!.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
});

test("file names travel as ASCII", () => {
  expect(asciiName("Phiếu chấm_TV01_Đồng Tháp 2026")).toBe("Phieu-cham_TV01_Dong-Thap-2026");
});

describe("the council's own forms in the setup", () => {
  const FORMS = join(__dirname, "..", "..", "..", "examples", "forms-qd1048.xlsx");
  const draft = (forms: Session["customForms"], edition = "qd1048-2019"): Session => ({
    ...miniSession(),
    id: "",
    edition,
    council: { ...miniSession().council, level: "district", year: 2020 },
    products: [{ ...miniSession().products[0]!, code: "HH-01", form: "02" }],
    customForms: forms,
  });

  test("forms loaded from a workbook are set up with the session; a product on form 02 gets its block", async () => {
    const host = PartsHost.createEmpty({ fileName: "council.xlsx" });
    const api = createSecretariat(host, { workbooks: testWorkbooks, tool: "test", newId: () => "sess-own" });
    const loaded = await api.importForms({ name: "forms.xlsx", bytes: readFileSync(FORMS) }, "qd1048-2019");
    expect(loaded.forms.map((f) => f.code)).toEqual(["01", "02"]);
    const r = await api.setUp(draft(loaded.forms));
    expect(r.findings).toEqual([]);
    expect(r.written).toBe(true);
    const read = await readWorkbook(host);
    expect(read.session!.customForms.map((f) => f.code)).toEqual(["01", "02"]);
    const sheet = read.scoreSheets[0]!.values.flat();
    expect(sheet).toContain("HH-01");
    expect(sheet).toContain("Trạng thái bên ngoài (độ tươi, độ đàn hồi, bề mặt)");
  });

  test("forms that fail under the session's edition refuse the setup and leave the workbook blank", async () => {
    const host = PartsHost.createEmpty({ fileName: "council.xlsx" });
    const api = createSecretariat(host, { workbooks: testWorkbooks, tool: "test" });
    const loaded = await api.importForms({ name: "forms.xlsx", bytes: readFileSync(FORMS) }, "qd1048-2019");
    const r = await api.setUp(draft(loaded.forms, "qd26-2026"));
    expect(r.written).toBe(false);
    expect(r.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "catalogue.partMax", where: { form: "02" } }),
        expect.objectContaining({ code: "catalogue.customFormRejected", where: { form: "02" } }),
      ])
    );
    expect(await host.listSheets()).toEqual([]);
  });
});
