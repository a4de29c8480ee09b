/** The secretariat's own pieces, one by one (the whole day runs in test/contract/secretariat.test.ts). */
import { XlsxHost } from "../../hosts/xlsx/xlsxHost";
import { planProductsSheet } from "../../layout/setupSheets";
import type { Consolidation, ProductResult } from "../../ocop/results";
import { DEFAULT_SETTINGS, type MemberScores, type Session } from "../../ocop/session";
import { miniCatalogue, miniSession } from "../../../test/helpers/miniCatalogue";
import { certifiedProducts, isCertificateSheet, planCertificateSheets } from "./certificates";
import { settleBatch } from "./collect";
import { computeProgress } from "./progress";
import { asciiName } from "./secretariat";
import { importMembers, importProducts, parseText } from "./tables";
import type { BookReport } from "./types";

describe("products and members typed elsewhere", () => {
  test("rows pasted from Excel without their header are read in the setup sheet's column order", async () => {
    const r = await importProducts({
      text: "sp01\tBưởi da xanh\tHTX A\tXã Một\tTươi\tQuả\t1\nSP02\t=Cam\tHộ B\t\t\t\t02\tThiếu hồ sơ\n",
    });
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
    const r = await importMembers({ name: "members.csv", bytes: new TextEncoder().encode(csv) });
    expect(r.rows).toEqual([
      { code: "TV01", name: "Nguyễn Văn An", title: "", role: "chair" },
      { code: "TV02", name: 'Lê "Ba"', title: "", role: "secretary" },
    ]);
  });

  test("an .xlsx: the products sheet of another council workbook", async () => {
    const host = XlsxHost.createEmpty();
    await host.apply({ plans: [planProductsSheet(miniSession(), ["01", "02"])] });
    const r = await importProducts({ name: "cu.xlsx", bytes: await host.toBuffer() });
    expect(r.rows.map((p) => [p.code, p.form])).toEqual([
      ["SP01", "01"],
      ["SP02", "01"],
      ["SP03", "02"],
    ]);
  });

  test("missing names and unreadable files are findings, not exceptions", async () => {
    const r = await importProducts({ text: "Mã sản phẩm\tTên sản phẩm\tPhiếu chấm\nSP01\t\t01" });
    expect(r.findings.map((f) => f.code)).toEqual(["setup.nameMissing"]);
    const bad = await importProducts({ name: "x.xlsx", bytes: new Uint8Array([1, 2, 3]) });
    expect(bad.findings.map((f) => f.code)).toEqual(["file.unreadable"]);
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
  rank,
});

const consolidation = (products: ProductResult[]): Consolidation => ({
  sessionId: "sess-mini-1",
  edition: "mini",
  settings: { ...DEFAULT_SETTINGS },
  products,
  findings: [],
  starCounts: { 0: 1, 1: 0, 2: 1, 3: 1, 4: 1, 5: 0 },
});

test("certificates: one sheet per product at 3 stars and above, named apart from the workbook's other sheets", () => {
  const session: Session = {
    ...miniSession(),
    members: [...miniSession().members, { code: "TV03", name: "Lê Thư Ký", title: "", role: "secretary" }],
  };
  const c = consolidation([
    result("SP03", 4, 1),
    result("SP01", 3, 2),
    result("SP02", 2, 3),
    result("SP04", null, null),
  ]);
  expect(certifiedProducts(c).map((p) => p.product)).toEqual(["SP03", "SP01"]);
  const plans = planCertificateSheets(session, c, ["GCN SP03"]);
  expect(plans.map((p) => p.name)).toEqual(["GCN SP03 (2)", "GCN SP01"]);
  const grid: (string | number | null)[][] = [];
  for (const cell of plans[1]!.cells) {
    grid[cell.row] ??= [];
    grid[cell.row]![cell.col] = (cell.value ?? null) as string | number | null;
  }
  expect(isCertificateSheet(grid)).toBe(true);
  const text = plans[1]!.cells.map((x) => x.value).join("|");
  expect(text).toContain("GIẤY CHỨNG NHẬN SẢN PHẨM OCOP");
  expect(text).toContain("ĐẠT 3 SAO");
  expect(text).toContain("Bưởi da xanh");
  expect(text).toContain("HTX A");
  expect(text).toContain("Huyện Thử, ngày 01 tháng 06 năm 2026");
  expect(text).toContain("Kèm theo Quyết định số");
  expect(text).toContain("Nguyễn Văn An");
  expect(text).toContain("Lê Thư Ký");
  expect(plans[1]!.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true });
  expect(isCertificateSheet([["not ours"]])).toBe(false);
});

test("file names travel as ASCII", () => {
  expect(asciiName("Phiếu chấm_TV01_Đồng Tháp 2026")).toBe("Phieu-cham_TV01_Dong-Thap-2026");
});
