/**
 * The printed documents as LibreOffice prints them (headless, to PDF), checked with the text positions of the
 * PDF (pdftotext -bbox-layout): no two text lines overlap (wrapped text never runs over the next row), every
 * line is inside its page, and each signature note is on the page of its title with room to sign under it.
 * At a district council's size, a province council's, and 400 products. Page 1 of each document is saved as
 * PNG in artifacts/print/ (and, with OCOP_WRITE_IMAGES=1, in docs/images/ for the README).
 *
 * Needs soffice (libreoffice-calc) and pdftotext/pdftoppm (poppler-utils); on CI (CI=true) a missing one fails.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asciiFileName, documentSheets, sheetsToPdf, sofficeOnPath } from "../../src/cli/pdf";
import { formSheetName } from "../../src/layout/documents";
import { SIZES, documentBook } from "./documentBooks";
import { outside, overlaps, popplerOnPath, readPdfText, splitSignatures } from "./pdfText";

const ready = sofficeOnPath() && popplerOnPath();
const ROOT = join(__dirname, "..", "..");
const ARTIFACTS = join(process.env.E2E_ARTIFACTS ?? join(ROOT, "artifacts"), "print");
const TITLES = /^(THƯ KÝ( HỘI ĐỒNG)?|CHỦ TỊCH|CHỦ TRÌ|THỦ TRƯỞNG|Người đánh giá)$/;

if (!ready) {
  describe("printed documents through LibreOffice", () => {
    it("soffice and pdftotext are installed", () => {
      console.warn(
        "soffice or pdftotext missing: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils"
      );
      expect(process.env.CI === "true").toBe(false);
    });
  });
} else {
  describe.each(SIZES.map((s) => [s.size, s] as const))("printed documents, %s", (size, spec) => {
    let dir: string;
    let pdfs: Map<string, string>;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "ocop-pdf-"));
      const book = await documentBook(spec);
      // One member's forms stand for all (the same plan per member); every other document in full.
      const first = formSheetName(book.session.members[0]!.code);
      const sheets = documentSheets(book.sheets).filter(
        (s) => !s.startsWith("Phiếu đánh giá") || s === first
      );
      pdfs = new Map();
      for (const [sheet, pdf] of await sheetsToPdf(book.bytes, sheets)) {
        const file = join(dir, `${asciiFileName(sheet)}.pdf`);
        writeFileSync(file, pdf);
        pdfs.set(sheet, file);
      }
    }, 1_800_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("prints every document: forms, score table, report, minutes, notices", () => {
      expect([...pdfs.keys()].map((s) => s.replace(/ TV\d+$/, ""))).toEqual([
        "Phiếu đánh giá",
        "Bảng tổng hợp điểm",
        "Báo cáo kết quả",
        "Biên bản họp",
        "Thông báo kết quả",
      ]);
    });

    it("no two text lines overlap, and every line is inside its page", () => {
      for (const [sheet, file] of pdfs) {
        const pdf = readPdfText(file);
        expect(pdf.pages.length).toBeGreaterThan(0);
        expect(pdf.lines.length).toBeGreaterThan(10);
        const hits = overlaps(pdf).map(([a, b]) => `${sheet} p.${a.page + 1}: "${a.text}" / "${b.text}"`);
        expect(hits.slice(0, 5)).toEqual([]);
        expect(outside(pdf).map((l) => `${sheet} p.${l.page + 1}: ${l.text}`)).toEqual([]);
      }
    });

    it("keeps every signature with its title on one page, with room to sign", () => {
      for (const [sheet, file] of pdfs) {
        const pdf = readPdfText(file);
        const notes = pdf.lines.filter((l) => /^\(Ký[ ,]/.test(l.text));
        expect(notes.length).toBeGreaterThan(0);
        expect(splitSignatures(pdf, TITLES).map((l) => `${sheet} p.${l.page + 1}: ${l.text}`)).toEqual([]);
      }
    });

    it("prints in A4, the documents' page numbers as 'Trang N/M'", () => {
      for (const [sheet, file] of pdfs) {
        const pdf = readPdfText(file);
        for (const p of pdf.pages) {
          const [a, b] = [p.width, p.height].sort((x, y) => x - y);
          expect(Math.round(a!)).toBe(595);
          expect(Math.round(b!)).toBe(842);
        }
        const n = pdf.pages.length;
        expect(pdf.lines.some((l) => l.page === n - 1 && l.text.includes(`Trang ${n}/${n}`))).toBe(true);
        if (size === "province") {
          mkdirSync(ARTIFACTS, { recursive: true });
          const png = join(ARTIFACTS, asciiFileName(sheet.replace(/ TV\d+$/, "")));
          execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file, png]);
          if (process.env.OCOP_WRITE_IMAGES === "1") {
            mkdirSync(join(ROOT, "docs", "images"), { recursive: true });
            copyFileSync(
              `${png}.png`,
              join(ROOT, "docs", "images", `${asciiFileName(sheet.replace(/ TV\d+$/, ""))}.png`)
            );
          }
        }
      }
    });
  });
}
