/**
 * The printed documents as PDF, through LibreOffice (`soffice --headless --convert-to pdf`): each document's
 * sheet is copied alone into a workbook of its own (LibreOffice prints every visible sheet of a workbook), and
 * all of them are converted in one LibreOffice run.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DOCUMENT_SHEETS, FORM_SHEET_PREFIX } from "../layout/documents/names";
import { sameSheetName } from "../layout/names";
import { nodeCodec } from "../hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../hosts/xlsx/parts/partsHost";

export const sofficeOnPath = (): boolean =>
  spawnSync("sh", ["-c", "command -v soffice"], { stdio: "pipe" }).status === 0;

/** The document sheets of a result workbook, in print order: forms, score table, report, minutes, notices. */
export const documentSheets = (names: readonly string[]): string[] => {
  const forms = names.filter((n) =>
    n.normalize("NFC").toLowerCase().startsWith(FORM_SHEET_PREFIX.toLowerCase())
  );
  const fixed = [
    DOCUMENT_SHEETS.scoreTable,
    DOCUMENT_SHEETS.report,
    DOCUMENT_SHEETS.minutes,
    DOCUMENT_SHEETS.notices,
  ]
    .map((d) => names.find((n) => sameSheetName(n, d)))
    .filter((n): n is string => n !== undefined);
  return [...forms, ...fixed];
};

/** "Biên bản họp" → "Bien-ban-hop": a file name any system and mail client keeps. */
export const asciiFileName = (name: string): string =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "") || "document";

/** A copy of the workbook holding only one sheet (the others removed), as .xlsx bytes. */
export const singleSheetBook = async (bytes: Uint8Array, sheet: string): Promise<Uint8Array> => {
  const host = await PartsHost.fromBuffer(bytes, { codec: nodeCodec });
  const others = (await host.listSheets()).map((s) => s.name).filter((n) => !sameSheetName(n, sheet));
  await host.apply({ plans: [], remove: others });
  return host.toBuffer();
};

/**
 * Converts each named sheet to PDF in one LibreOffice run with a throw-away profile; returns the PDF bytes by
 * sheet (the caller writes them where it wants, safely).
 */
export const sheetsToPdf = async (
  bytes: Uint8Array,
  sheets: readonly string[],
  timeoutMs = 900_000
): Promise<Map<string, Uint8Array>> => {
  const work = await mkdtemp(join(tmpdir(), "ocop-print-"));
  try {
    const inputs: string[] = [];
    for (const sheet of sheets) {
      const file = join(work, `${asciiFileName(sheet)}.xlsx`);
      await writeFile(file, await singleSheetBook(bytes, sheet));
      inputs.push(file);
    }
    await promisify(execFile)(
      "soffice",
      [
        `-env:UserInstallation=file://${join(work, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        join(work, "pdf"),
        ...inputs,
      ],
      { timeout: timeoutMs, maxBuffer: 16 << 20 }
    );
    const out = new Map<string, Uint8Array>();
    for (const sheet of sheets)
      out.set(sheet, new Uint8Array(await readFile(join(work, "pdf", `${asciiFileName(sheet)}.pdf`))));
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};
