/**
 * "Kết quả chi tiết" is too wide for one A4 width at a readable size, so it prints in sections side by side
 * rather than shrunk (issue 15): the consolidated workbook that `ocop consolidate` writes repeats the header row
 * and the STT/code/name columns on every page, breaks the columns into at most two sections at a scale of at
 * least 70 %, each section fitting the A4 landscape width. Read back by openpyxl and ExcelJS, and printed by
 * LibreOffice: every page shows the product codes and names, in text no smaller than 70 % of the screen's.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { generateScores } from "../../src/sim/generate";
import { SHEETS } from "../../src/layout/names";
import { MIN_PRINT_SCALE } from "../../src/layout/results";
import { sheetsToPdf, sofficeOnPath } from "../../src/cli/pdf";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";
import { outside, popplerOnPath, readPdfText } from "./pdfText";

interface PrintRead {
  titleCols: string | null;
  titleRows: string | null;
  colBreaks: number[];
  scale: number | null;
  fitToPage: boolean;
  orientation: string;
  widths: Record<string, number>;
  left: number;
  right: number;
}

/** The results sheet's print settings as openpyxl reads them. */
const readPrint = (file: string): PrintRead =>
  JSON.parse(
    execFileSync(
      "/usr/bin/python3",
      [
        "-c",
        [
          "import sys, json, openpyxl",
          "ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]",
          "print(json.dumps({'titleCols': ws.print_title_cols, 'titleRows': ws.print_title_rows,",
          "  'colBreaks': [b.id for b in ws.col_breaks.brk], 'scale': ws.page_setup.scale,",
          "  'fitToPage': bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),",
          "  'orientation': ws.page_setup.orientation,",
          "  'widths': {k: d.width for k, d in ws.column_dimensions.items()},",
          "  'left': ws.page_margins.left, 'right': ws.page_margins.right}))",
        ].join("\n"),
        file,
        SHEETS.results,
      ],
      { encoding: "utf8" }
    )
  ) as PrintRead;

const letterIndex = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
/** Printed width in points of a column `w` characters wide (7 px per character + 5 px, 96 px per inch). */
const pointsOf = (w: number): number => ((w * 7 + 5) * 72) / 96;

describe("the detailed results printed in sections", () => {
  let dir: string;
  let file: string;
  let bytes: Uint8Array;

  beforeAll(async () => {
    dir = tempDir();
    const setup = await initExample(dir);
    for (const s of generateScores(setup.session, setup.catalogue, { seed: 5, pattern: "typical" }))
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
    file = join(dir, "result.xlsx");
    expect((await cli(["consolidate", setup.council, ...setup.books, "--out", file])).code).toBe(0);
    bytes = new Uint8Array(readFileSync(file));
  }, 240_000);

  it("repeats the header row and the STT, code and name columns, at a readable scale, with no fit to one page width", () => {
    const r = readPrint(file);
    expect(r.titleCols).toBe("$A:$C");
    expect(r.titleRows).toBe("$4:$4");
    expect(r.orientation).toBe("landscape");
    expect(r.fitToPage).toBe(false);
    expect(r.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    expect(r.scale).toBeLessThanOrEqual(100);
    expect(r.colBreaks.length).toBeGreaterThanOrEqual(1);
  });

  it("fits the titles plus each section on the A4 landscape width at that scale", () => {
    const r = readPrint(file);
    const sheet = strFromU8(
      Object.entries(unzipSync(bytes)).find(
        ([k, v]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k) && strFromU8(v).includes("<colBreaks")
      )![1]
    );
    // The last column the sheet uses: the detailed table's header row is the widest row.
    const lastCol = Math.max(...[...sheet.matchAll(/<c r="([A-Z]+)4"/g)].map((m) => letterIndex(m[1]!)));
    const width = (col: number): number => {
      const letter = Object.keys(r.widths).find((k) => letterIndex(k) === col);
      return pointsOf(letter ? r.widths[letter]! : 8.43);
    };
    const room = 842 - (r.left + r.right) * 72; // A4 landscape is 842 pt wide
    const titles = [0, 1, 2].reduce((s, c) => s + width(c), 0);
    const starts = [3, ...r.colBreaks.map((b) => b), lastCol + 1];
    expect(starts.length - 1).toBeLessThanOrEqual(2);
    for (let i = 0; i + 1 < starts.length; i++) {
      let section = 0;
      for (let c = starts[i]!; c < starts[i + 1]!; c++) section += width(c);
      expect(((titles + section) * r.scale!) / 100).toBeLessThanOrEqual(room);
    }
  });

  it("reads the same print titles and scale in ExcelJS", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEETS.results)!;
    expect(ws.pageSetup.printTitlesColumn).toBe("A:C");
    expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
  });

  it("prints through LibreOffice with the product codes and names on every page, in readable text", async () => {
    if (!sofficeOnPath() || !popplerOnPath()) {
      expect(process.env.CI).not.toBe("true");
      return;
    }
    const pdf = join(dir, "results.pdf");
    writeFileSync(pdf, (await sheetsToPdf(bytes, [SHEETS.results])).get(SHEETS.results)!);
    const text = readPdfText(pdf);

    expect(text.pages.length).toBeGreaterThanOrEqual(2);
    for (let page = 0; page < text.pages.length; page++) {
      const lines = text.lines.filter((l) => l.page === page);
      // The repeated columns: the header "Tên sản phẩm" on every page that holds the detailed table.
      if (lines.some((l) => l.text.includes("Mã SP") && l.yMin < 200))
        expect(lines.some((l) => l.text.includes("Tên sản phẩm"))).toBe(true);
      // Table text at 11 pt on screen: a line box at least 70 % of that on paper.
      const heights = lines.map((l) => l.yMax - l.yMin).sort((a, b) => a - b);
      if (heights.length) expect(heights[Math.floor(heights.length / 2)]!).toBeGreaterThanOrEqual(0.7 * 11);
    }
    // Both sections print: the first holds the members' totals, the second the outcome and notes.
    const all = text.lines.map((l) => l.text).join("\n");
    expect(all).toContain("Độ lệch");
    // Every line inside its page: no title or remark running off the paper.
    expect(outside(text).map((l) => `p.${l.page + 1}: ${l.text}`)).toEqual([]);
    expect(all).toContain("Ghi chú");
  }, 600_000);
});
