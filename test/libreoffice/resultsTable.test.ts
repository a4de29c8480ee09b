/**
 * "Kết quả chi tiết" is an Excel table with filter buttons that the sheet protection lets people use: the
 * consolidated workbook (written by the parts host through `ocop consolidate`) holds one table part with an
 * autoFilter, the sheet's protection allows autoFilter and sort, consolidating the result again keeps one
 * table, and independent readers agree: ExcelJS, openpyxl, and LibreOffice Calc after it saved the file.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { generateScores } from "../../src/sim/generate";
import { SHEETS } from "../../src/layout/names";
import { RESULTS_TABLE } from "../../src/layout/results";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";
import { resaveWithCalc, sofficeOnPath } from "./soffice";

/** Every part of the package, as text. */
const parts = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

/** The worksheet part of a sheet, found through workbook.xml and its relationships. */
const sheetPart = (p: Record<string, string>, name: string): string => {
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(p["xl/workbook.xml"]!)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(
    p["xl/_rels/workbook.xml.rels"]!
  )!;
  return p[`xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, "")}`]!;
};

const tablesNamed = (p: Record<string, string>, name: string): string[] =>
  Object.entries(p)
    .filter(([k, v]) => /^xl\/tables\/table\d+\.xml$/.test(k) && v.includes(`name="${name}"`))
    .map(([, v]) => v);

describe("the detailed results as a filterable table", () => {
  let dir: string;
  let once: Uint8Array;
  let twice: Uint8Array;
  let productCount: number;

  beforeAll(async () => {
    dir = tempDir();
    const setup = await initExample(dir);
    productCount = setup.session.products.length;
    for (const s of generateScores(setup.session, setup.catalogue, { seed: 3, pattern: "typical" }))
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
    const first = join(dir, "first.xlsx");
    const second = join(dir, "second.xlsx");
    expect((await cli(["consolidate", setup.council, ...setup.books, "--out", first])).code).toBe(0);
    // Consolidating the consolidated workbook again rewrites the results sheet and its table.
    expect((await cli(["consolidate", first, ...setup.books, "--out", second])).code).toBe(0);
    once = new Uint8Array(readFileSync(first));
    twice = new Uint8Array(readFileSync(second));
  }, 240_000);

  it("is one table part with an autoFilter over the header and the products, on a protected sheet that allows filtering and sorting", () => {
    for (const bytes of [once, twice]) {
      const p = parts(bytes);
      const tables = tablesNamed(p, RESULTS_TABLE);
      expect(tables).toHaveLength(1);
      const ref = /<table [^>]*ref="([^"]+)"/.exec(tables[0]!)![1];
      // Row 4 holds the header; two rows lower when the sheet carries the DỰ THẢO mark (products await discussion).
      const [, top, bottom] = /^A(\d+):[A-Z]+(\d+)$/.exec(ref!)!;
      expect([4, 6]).toContain(Number(top));
      expect(Number(bottom) - Number(top)).toBe(productCount);
      expect(tables[0]).toContain(`<autoFilter ref="${ref}"/>`);
      const sheet = sheetPart(p, SHEETS.results);
      expect(sheet).toMatch(/<sheetProtection [^>]*sheet="1"[^>]*autoFilter="0" sort="0"/);
      expect(sheet).toMatch(/<tablePart r:id="[^"]+"\/>/);
      // Every table in the workbook has its own name and id.
      const all = Object.entries(p).filter(([k]) => /^xl\/tables\/table\d+\.xml$/.test(k));
      const names = all.map(([, v]) => /<table [^>]*name="([^"]+)"/.exec(v)![1]);
      const ids = all.map(([, v]) => /<table [^>]*id="(\d+)"/.exec(v)![1]);
      expect(new Set(names).size).toBe(names.length);
      expect(new Set(ids).size).toBe(ids.length);
      expect(p["[Content_Types].xml"]).toContain("spreadsheetml.table+xml");
    }
  });

  it("reads as a table with filter buttons in ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(twice as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEETS.results)!;
    const table = ws.getTable(RESULTS_TABLE) as unknown as { table: ExcelJS.TableProperties } | undefined;
    expect(table?.table.headerRow).toBe(true);
    expect(table?.table.columns[1]?.name).toBe("Mã SP");
  });

  it("opens in openpyxl with the table and the protection's filter and sort allowed", () => {
    const file = join(dir, "second.xlsx");
    const out = execFileSync(
      "/usr/bin/python3",
      [
        "-c",
        [
          "import sys, json, openpyxl",
          "ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]",
          "t = ws.tables[sys.argv[3]]",
          "print(json.dumps({'ref': t.ref, 'filter': t.autoFilter.ref, 'sheet': ws.protection.sheet,",
          "  'autoFilter': ws.protection.autoFilter, 'sort': ws.protection.sort}))",
        ].join("\n"),
        file,
        SHEETS.results,
        RESULTS_TABLE,
      ],
      { encoding: "utf8" }
    );
    const r = JSON.parse(out) as Record<string, unknown>;
    expect(r.filter).toBe(r.ref);
    // openpyxl reads the attributes as "is this protected": false means people may filter and sort.
    expect(r).toMatchObject({ sheet: true, autoFilter: false, sort: false });
  });

  it("keeps its filter after LibreOffice Calc opened and saved the file", () => {
    // As in libreoffice.test.ts: without soffice this passes locally and fails on CI, where it must be installed.
    if (!sofficeOnPath()) {
      expect(process.env.CI).not.toBe("true");
      return;
    }
    const p = parts(resaveWithCalc(twice, "second.xlsx"));
    const sheet = sheetPart(p, SHEETS.results);
    const filtered =
      /<autoFilter /.test(sheet) || Object.values(p).some((v) => /<table [^>]*>[\s\S]*<autoFilter /.test(v));
    expect(filtered).toBe(true);
  }, 240_000);
});
