/**
 * A council's own forms on real files: the example forms workbook (examples/forms-qd1048.xlsx), `ocop init
 * --criteria` for a district council under 1048/2019 whose products name form 02 (not built in), books,
 * scores typed by the raw-XML filler, consolidate; and a forms workbook typed with faults (written by ExcelJS,
 * as another spreadsheet program would) whose every fault is reported with its cell.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { catalogueFor } from "../../src/app/catalogue";
import { importForms } from "../../src/app/importForms";
import { readWorkbook } from "../../src/app/readWorkbook";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { ExcelJsHost } from "../reference/exceljsHost";
import { cellText } from "../../src/layout/build";
import { planCriteriaSheet } from "../../src/layout/criteriaSheet";
import { SHEETS } from "../../src/layout/names";
import type { CellValue } from "../../src/layout/plan";
import { consolidate } from "../../src/ocop/consolidate";
import type { Catalogue } from "../../src/ocop/criteria/types";
import type { Session } from "../../src/ocop/session";
import { generateScores } from "../../src/sim/generate";
import { exampleForms, FORMS_EXAMPLE, planFormsExample } from "../../scripts/forms-example";
import { planToGrid } from "../helpers/planGrid";
import { cli, EXAMPLES, fillBook, tempDir } from "../helpers/flow";

const FORMS = join(EXAMPLES, FORMS_EXAMPLE);

/** Rows as text, trailing blanks dropped: what a reader sees, whatever program wrote the file. */
const asText = (rows: CellValue[][]): string[][] => {
  const out = rows.map((row) => {
    const cells = row.map((v) => cellText(v));
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    return cells;
  });
  while (out.length && out[out.length - 1]!.length === 0) out.pop();
  return out;
};

const csv = (dir: string, rows: string[][]): string => {
  const file = join(dir, "products.csv");
  writeFileSync(
    file,
    ["Mã sản phẩm,Tên sản phẩm,Chủ thể,Xã,Phiếu chấm", ...rows.map((r) => r.join(","))].join("\n")
  );
  return file;
};

const PRODUCTS = [
  ["HH-01", "Gà đồi Hiệp Hòa", "HTX Gà đồi", "Xã Hòa Sơn", "02"],
  ["HH-02", "Trứng gà sạch", "Hộ Nguyễn Văn An", "Xã Đông Lỗ", "2"],
  ["HH-03", "Rau an toàn Mai Đình", "HTX Rau", "Xã Mai Đình", "01"],
];

const init = (products: string, extra: string[]) =>
  cli([
    "init",
    "--products",
    products,
    "--members",
    join(EXAMPLES, "members.csv"),
    "--edition",
    "qd1048-2019",
    "--level",
    "district",
    "--year",
    "2020",
    "--title",
    "Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện Hiệp Hòa",
    ...extra,
  ]);

describe("the example forms workbook", () => {
  it("holds exactly what scripts/forms-example.ts plans (read back by ExcelJS)", async () => {
    const host = await ExcelJsHost.fromBuffer(readFileSync(FORMS));
    const { sheets } = await host.readSheets([SHEETS.customCriteria]);
    expect(sheets).toHaveLength(1);
    expect(asText(sheets[0]!.values)).toEqual(asText(planToGrid(await planFormsExample()).values));
  });

  it("loads forms 01 and 02 of 1048/2019 (35/25/40), form 02 marked as an example", async () => {
    const host = await PartsHost.fromBuffer(readFileSync(FORMS), {
      fileName: FORMS_EXAMPLE,
      codec: nodeCodec,
    });
    const r = await importForms(host, { edition: "qd1048-2019", file: FORMS_EXAMPLE });
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.sheet).toBe(SHEETS.customCriteria);
    expect(r.forms.map((f) => f.code)).toEqual(["01", "02"]);
    for (const f of r.forms)
      expect(f.parts.map((p) => [p.id, p.max])).toEqual([
        ["A", 35],
        ["B", 25],
        ["C", 40],
      ]);
    expect(r.forms[1]!.title).toMatch(/VÍ DỤ.*không phải văn bản chính thức/);
    // Read back to the same criteria and levels as typed.
    const typed = await exampleForms();
    expect(r.forms.map((f) => f.parts)).toEqual(typed.map((f) => f.parts));
  });
});

describe("ocop init --criteria: a district council of 2020 with a form the catalogue lacks", () => {
  let dir: string;
  let council: string;
  let session: Session;
  let catalogue: Catalogue;

  beforeAll(async () => {
    dir = tempDir();
    council = join(dir, "council.xlsx");
    const r = await init(csv(dir, PRODUCTS), ["--criteria", FORMS, "--out", council]);
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    session = (await readWorkbook(await ExcelJsHost.fromBuffer(readFileSync(council)))).session!;
    catalogue = (await catalogueFor(session)).catalogue;
  });

  it("refuses form 02 without --criteria, as before", async () => {
    const work = tempDir();
    const out = join(work, "council.xlsx");
    const r = await init(csv(work, PRODUCTS), ["--out", out, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Product HH-01 is assigned form 02");
    expect(r.stdout).toContain("Product HH-02 is assigned form 02");
    expect(existsSync(out)).toBe(false);
  });

  it("says which forms it took, and keeps them in the council workbook's session", async () => {
    const again = join(dir, "again.xlsx");
    const r = await init(csv(dir, PRODUCTS), ["--criteria", FORMS, "--out", again]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Phiếu 02 “Thịt, trứng, sữa tươi.*được thêm vào bộ tiêu chí/);
    expect(r.stdout).toContain("'Tiêu chí riêng'!B");
    expect(session.edition).toBe("qd1048-2019");
    expect(session.customForms.map((f) => f.code)).toEqual(["01", "02"]);
    expect(session.products.map((p) => p.form)).toEqual(["02", "02", "01"]);
    // The criteria reference sheet of the council workbook prints form 02 for the members.
    const host = await ExcelJsHost.fromBuffer(readFileSync(council));
    const { sheets } = await host.readSheets([SHEETS.criteria]);
    expect(sheets[0]!.values.flat()).toContain(
      "Thịt, trứng, sữa tươi (PHIẾU VÍ DỤ – không phải văn bản chính thức)"
    );
  });

  it("books and consolidate score the products on form 02 as the rules compute", async () => {
    const books = await cli(["books", council, "--out-dir", join(dir, "books")]);
    expect(books.code).toBe(0);
    const scores = generateScores(session, catalogue, { seed: 2020, pattern: ["typical", "lenient"] });
    const files = session.members.map((m) => join(dir, "books", `${m.code}.xlsx`));
    for (const s of scores) await fillBook(join(dir, "books", `${s.member}.xlsx`), s, session, catalogue);

    const out = join(dir, "result.xlsx");
    const r = await cli(["consolidate", council, ...files, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const got = JSON.parse(r.stdout) as {
      products: {
        code: string;
        form: string;
        mean: number;
        stars: number;
        members: Record<string, number>;
      }[];
    };
    const expected = consolidate(session, catalogue, scores);
    expect(got.products.map((p) => [p.code, p.form])).toEqual(
      expected.products.map((p) => [p.product, p.form])
    );
    expect(
      got.products
        .filter((p) => p.form === "02")
        .map((p) => p.code)
        .sort()
    ).toEqual(["HH-01", "HH-02"]);
    got.products.forEach((p, i) => {
      const e = expected.products[i]!;
      expect(p.mean).toBeCloseTo(e.mean!, 9);
      expect(p.stars).toBe(e.stars);
      expect(Object.keys(p.members)).toHaveLength(session.members.length);
    });

    // The written ranking sheet lists the products scored on form 02.
    const results = await ExcelJsHost.fromBuffer(readFileSync(out));
    const { sheets } = await results.readSheets([SHEETS.ranking]);
    const cells = sheets[0]!.values.flat();
    expect(cells).toContain("HH-01");
    expect(cells).toContain("HH-02");
  });

  it("still refuses a product whose form is neither built in nor in --criteria", async () => {
    const work = tempDir();
    const out = join(work, "council.xlsx");
    const products = csv(work, [...PRODUCTS, ["HH-04", "Mật ong", "Hộ Bốn", "Xã Bốn", "03"]]);
    const r = await init(products, ["--criteria", FORMS, "--out", out, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Product HH-04 is assigned form 03");
    expect(r.stdout).not.toContain("HH-01 is assigned");
    expect(existsSync(out)).toBe(false);
  });
});

describe("a forms workbook typed with faults", () => {
  /** Form 02 as typed on the sheet, with three slips a secretariat could make. */
  const faultyRows = async () => {
    const form = (await exampleForms())[1]!;
    const rows = planToGrid(planCriteriaSheet([form], SHEETS.customCriteria, true)).values.map((r) => [...r]);
    const rowOf = (kind: string, code: string) =>
      rows.findIndex((r) => r[0] === kind && cellText(r[1]) === code);
    // Sums wrong: criterion 4.1 typed as 6 (its top level too), so part B adds up to 26, not 25.
    const c41 = rowOf("Tiêu chí", "4.1");
    rows[c41]![4] = 6;
    const top41 = c41 + 4; // its levels 1, 2, 3, 5 follow on the next rows
    expect(rows[top41]![4]).toBe(5);
    rows[top41]![4] = 6;
    // A level above the maximum: criterion 1.3 (max 4), its second level typed 5 instead of 2.
    const c13 = rowOf("Tiêu chí", "1.3");
    expect(rows[c13 + 2]![4]).toBe(2);
    rows[c13 + 2]![4] = 5;
    // A criterion typed twice: 2.3 given the code of 2.2.
    const c23 = rowOf("Tiêu chí", "2.3");
    rows[c23]![1] = "2.2";
    return { rows, form: rowOf("Phiếu", "02"), partB: rowOf("Phần", "B"), c13, c23 };
  };

  /** Written by ExcelJS, as a workbook typed in another program. */
  const writeWorkbook = async (file: string, rows: CellValue[][]) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chú").addRow(["Phiếu chấm riêng của Hội đồng huyện Hiệp Hòa"]);
    const ws = wb.addWorksheet(SHEETS.customCriteria);
    rows.forEach((r, i) => r.forEach((v, c) => v !== null && (ws.getCell(i + 1, c + 1).value = v)));
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  };

  it("reports each fault with its sheet and cell, and loads none of the form", async () => {
    const { rows, form, partB, c13, c23 } = await faultyRows();
    const file = join(tempDir(), "phieu-loi.xlsx");
    await writeWorkbook(file, rows);
    const host = await PartsHost.fromBuffer(readFileSync(file), { fileName: "phieu-loi.xlsx" });
    const r = await importForms(host, { edition: "qd1048-2019", file: "phieu-loi.xlsx" });
    expect(r.forms).toEqual([]);
    const at = (row: number, col: string) => `${col}${row + 1}`;
    expect(
      r.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        sheet: f.where.sheet,
        cell: f.where.cell,
        criterion: f.where.criterion,
      }))
    ).toEqual([
      {
        code: "catalogue.levelRange",
        severity: "error",
        sheet: SHEETS.customCriteria,
        cell: at(c13 + 2, "E"),
        criterion: "1.3",
      },
      {
        code: "catalogue.maxUnreachable",
        severity: "error",
        sheet: SHEETS.customCriteria,
        cell: at(c13, "E"),
        criterion: "1.3",
      },
      {
        code: "catalogue.criterionIdDuplicate",
        severity: "error",
        sheet: SHEETS.customCriteria,
        cell: at(c23, "B"),
        criterion: "2.2",
      },
      expect.objectContaining({
        code: "catalogue.levelPointsDuplicate",
        severity: "warning",
        criterion: "3.2",
      }),
      {
        code: "catalogue.partSum",
        severity: "error",
        sheet: SHEETS.customCriteria,
        cell: at(partB, "E"),
        criterion: undefined,
      },
      {
        code: "catalogue.customFormRejected",
        severity: "error",
        sheet: SHEETS.customCriteria,
        cell: at(form, "B"),
        criterion: undefined,
      },
    ]);
    expect(r.findings.every((f) => f.where.file === "phieu-loi.xlsx" && f.where.form === "02")).toBe(true);
    expect(r.findings.find((f) => f.code === "catalogue.partSum")!.params).toMatchObject({
      part: "B",
      sum: 26,
      max: 25,
    });
    expect(r.findings.find((f) => f.code === "catalogue.levelRange")!.params).toMatchObject({
      points: 5,
      max: 4,
    });
  });

  it("makes ocop init exit 1 with the cells and how to fix them, writing nothing", async () => {
    const { rows, partB, c13 } = await faultyRows();
    const dir = tempDir();
    const file = join(dir, "phieu-loi.xlsx");
    await writeWorkbook(file, rows);
    const out = join(dir, "council.xlsx");
    const r = await init(csv(dir, PRODUCTS), ["--criteria", file, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`'Tiêu chí riêng'!E${partB + 1}`);
    expect(r.stdout).toContain(`'Tiêu chí riêng'!E${c13 + 3}`);
    expect(r.stdout).toContain("Tổng điểm tối đa các tiêu chí của Phần B là 26");
    expect(r.stdout).toContain("Phiếu 02 trên trang tính tiêu chí có lỗi nên không được dùng");
    // Products on the rejected form are refused too, rather than scored on nothing.
    expect(r.stdout).toContain("Sản phẩm HH-01 được gán phiếu 02");
    expect(existsSync(out)).toBe(false);
  });

  it("says so when the file has no criteria sheet (exit 1) or cannot be read (exit 2)", async () => {
    const dir = tempDir();
    const products = csv(dir, PRODUCTS);
    const out = join(dir, "council.xlsx");
    const none = join(dir, "trong.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["Mã", "Tên"]);
    writeFileSync(none, Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await init(products, ["--criteria", none, "--out", out, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("The file has no criteria sheet");
    expect(r.stdout).toContain("its sheets: Sheet1");

    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "Loại dòng,Mã\nPhiếu,02\n");
    expect((await init(products, ["--criteria", junk, "--out", out])).code).toBe(2);
    expect((await init(products, ["--criteria", join(dir, "nope.xlsx"), "--out", out])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
