/**
 * Regenerates docs/images/*.png, page 1 of each printed document as LibreOffice prints it, for the README:
 *   npx tsx scripts/document-images.ts
 * Needs soffice (libreoffice-calc) and pdftoppm (poppler-utils). The CI's PDF test saves the same renders at a
 * province council's size in artifacts/print/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asciiFileName, documentSheets, sheetsToPdf } from "../src/cli/pdf";
import { documentBook } from "../test/libreoffice/documentBooks";

const main = async (): Promise<void> => {
  const out = join(__dirname, "..", "docs", "images");
  mkdirSync(out, { recursive: true });
  const book = await documentBook({
    size: "readme",
    edition: "qd26-2026",
    level: "province",
    products: 12,
    members: 7,
  });
  const work = mkdtempSync(join(tmpdir(), "ocop-images-"));
  try {
    for (const [sheet, pdf] of await sheetsToPdf(book.bytes, documentSheets(book.sheets))) {
      const name = asciiFileName(sheet.replace(/ TV\d+$/, ""));
      const file = join(work, `${name}.pdf`);
      writeFileSync(file, pdf);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        file,
        join(out, name),
      ]);
      console.log(`docs/images/${name}.png`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

void main();
