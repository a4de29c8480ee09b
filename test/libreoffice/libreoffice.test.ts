/**
 * A member workbook opened and saved again by LibreOffice Calc must still check and consolidate to the
 * same result, with its dropdowns and protection in place. Needs `soffice` on PATH: without it the suite
 * says so and passes locally, but fails on CI (CI=true), where LibreOffice must be installed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { MemberScores } from "../../src/ocop/session";
import { generateScores } from "../../src/sim/generate";
import { SHEETS, scoreSheetName } from "../../src/layout/names";
import { ExcelJsHost } from "../reference/exceljsHost";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";
import { sheetXml } from "../helpers/xmlFill";
import { resaveWithCalc, sofficeOnPath } from "./soffice";

const present = sofficeOnPath();
const onCi = process.env.CI === "true";

if (!present) {
  describe("LibreOffice round trip", () => {
    it("libreoffice missing", () => {
      console.warn(
        "LibreOffice (soffice) is not on PATH: the LibreOffice round trip did not run. Install it with: apt-get install -y --no-install-recommends libreoffice-calc"
      );
      // On CI the round trip is required, so a missing LibreOffice is a failure there.
      expect(onCi).toBe(false);
    });
  });
} else {
  describe("LibreOffice round trip", () => {
    let dir: string;
    let setup: Awaited<ReturnType<typeof initExample>>;
    let scores: MemberScores[];
    let loBook: string;

    beforeAll(async () => {
      dir = tempDir();
      setup = await initExample(dir);
      scores = generateScores(setup.session, setup.catalogue, { seed: 7, pattern: "typical" });
      for (const s of scores)
        await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
      loBook = join(dir, "TV01-calc.xlsx");
      writeFileSync(loBook, resaveWithCalc(readFileSync(join(dir, "books", "TV01.xlsx")), "TV01.xlsx"));
    }, 240_000);

    it("keeps the dropdowns and the sheet protection", async () => {
      const xml = await sheetXml(new Uint8Array(readFileSync(loBook)), scoreSheetName("TV01"));
      expect(xml).toMatch(/<sheetProtection[^>]*sheet="(1|true)"/);
      const lists = xml.match(/<dataValidation [^>]*type="list"/g) ?? [];
      const criteria = [...new Set(setup.session.products.map((p) => p.form))].reduce(
        (n, code) =>
          n +
          setup.catalogue.forms.get(code)!.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)).length,
        0
      );
      // One list per criterion row (Calc may merge rows with equal lists, never drop one).
      expect(lists.length).toBeGreaterThan(0);
      expect(lists.length).toBeLessThanOrEqual(criteria);
      expect(xml).toMatch(/<c r="[A-Z]+\d+" s="\d+"[^>]*><v>\d/); // the scores are still numbers
    });

    it("checks clean after Calc saved it", async () => {
      const r = await cli(["check", loBook, "--json"]);
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.code).toBe(0);
    });

    it("consolidates to the same result as the book Calc never touched", async () => {
      const others = setup.books.filter((b) => !b.endsWith("TV01.xlsx"));
      const a = await cli([
        "consolidate",
        setup.council,
        ...setup.books,
        "--out",
        join(dir, "a.xlsx"),
        "--json",
      ]);
      const b = await cli([
        "consolidate",
        setup.council,
        ...others,
        loBook,
        "--out",
        join(dir, "b.xlsx"),
        "--json",
      ]);
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      const products = (s: string) => (JSON.parse(s) as { products: unknown[] }).products;
      expect(products(b.stdout)).toEqual(products(a.stdout));
    });

    it("opens the consolidated workbook (written part by part) with every results sheet as written", async () => {
      const out = join(dir, "d.xlsx");
      const r = await cli(["consolidate", setup.council, ...setup.books, "--out", out]);
      expect(r.code).toBe(0);
      const ours = await ExcelJsHost.fromBuffer(new Uint8Array(readFileSync(out)));
      const calc = await ExcelJsHost.fromBuffer(resaveWithCalc(readFileSync(out), "d.xlsx"));
      const names = [SHEETS.ranking, SHEETS.results, SHEETS.summary, scoreSheetName("TV02")];
      const a = await ours.readSheets(names);
      const b = await calc.readSheets(names);
      expect(b.missing).toEqual([]);
      for (const [i, sheet] of a.sheets.entries()) {
        // Calc recalculates formulas; the values the ranking rests on are literal and must not move.
        const literal = (g: typeof sheet) =>
          g.values.map((row, r) => row.map((v, c) => (g.formulas[r]?.[c] ? "f" : v)));
        expect(literal(b.sheets[i]!)).toEqual(literal(sheet));
        expect(b.sheets[i]!.merges).toEqual(expect.arrayContaining(sheet.merges));
      }
    }, 120_000);

    it("still reads a council workbook that Calc saved", async () => {
      const council = join(dir, "council-calc.xlsx");
      writeFileSync(council, resaveWithCalc(readFileSync(setup.council), "council.xlsx"));
      const r = await cli(["consolidate", council, ...setup.books, "--out", join(dir, "c.xlsx"), "--json"]);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as { products: unknown[] }).products).toHaveLength(
        setup.session.products.length
      );
    }, 120_000);
  });
}
