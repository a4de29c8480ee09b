/**
 * `ocop print result.xlsx --out-dir DIR`: one PDF per printed document of a consolidated workbook (the
 * members' forms, the score table, the report, the minutes, the notices), through LibreOffice when `soffice` is
 * on the PATH. Without it: exit 2, saying how to install it or to print from Excel, where the sheets are set
 * up for printing (A4, margins, page numbers, repeated headers). The input is only read.
 */
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { nodeCodec } from "../../hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import type { CliIO } from "../io";
import { asciiFileName, documentSheets, sheetsToPdf, sofficeOnPath } from "../pdf";
import { outputMessage } from "../outputs";
import { OutputError, ensureFolder, writeAllSafely } from "../safeWrite";

const TEXT = {
  vi: {
    usage: "Cách dùng: ocop print result.xlsx --out-dir THƯ_MỤC [--lang vi|en]\n",
    noSoffice:
      "Không tìm thấy LibreOffice (lệnh soffice) nên không in ra PDF được.\n" +
      "- Cài LibreOffice: sudo apt-get install -y libreoffice-calc (Debian/Ubuntu), hoặc tải tại https://www.libreoffice.org/\n" +
      "- Hoặc mở tệp trong Excel và in từng trang tính (Tệp > In): các trang đã đặt sẵn khổ A4, lề, số trang và dòng tiêu đề lặp lại.\n",
    unreadable: (file: string, why: string) => `Không đọc được ${file}: ${why}\n`,
    none: (file: string) =>
      `${file} chưa có văn bản để in (Bảng tổng hợp điểm, Báo cáo, Biên bản, Thông báo, Phiếu đánh giá): chạy ocop consolidate trước.\n`,
    printing: (n: number) => `Đang in ${n} văn bản qua LibreOffice…\n`,
    wrote: (sheet: string, file: string) => `${sheet} → ${file}\n`,
    failed: (why: string) => `LibreOffice không in được: ${why}\n`,
  },
  en: {
    usage: "Usage: ocop print result.xlsx --out-dir DIR [--lang vi|en]\n",
    noSoffice:
      "LibreOffice (the soffice command) was not found, so no PDF can be made.\n" +
      "- Install LibreOffice: sudo apt-get install -y libreoffice-calc (Debian/Ubuntu), or from https://www.libreoffice.org/\n" +
      "- Or open the file in Excel and print each sheet (File > Print): the sheets are set up with A4, margins, page numbers and repeated headers.\n",
    unreadable: (file: string, why: string) => `Cannot read ${file}: ${why}\n`,
    none: (file: string) =>
      `${file} has no documents to print (score table, report, minutes, notices, forms): run ocop consolidate first.\n`,
    printing: (n: number) => `Printing ${n} documents through LibreOffice…\n`,
    wrote: (sheet: string, file: string) => `${sheet} → ${file}\n`,
    failed: (why: string) => `LibreOffice could not print: ${why}\n`,
  },
} as const;

export interface PrintDeps {
  /** Whether soffice is on the PATH (a test stands in for a machine without it). */
  hasSoffice?: () => boolean;
}

export const printCommand = async (args: string[], io: CliIO, deps: PrintDeps = {}): Promise<number> => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        "out-dir": { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n${TEXT.vi.usage}`);
    return 2;
  }
  const lang = parsed.values.lang === "en" ? "en" : "vi";
  const t = TEXT[lang];
  if (parsed.values.help) {
    io.stdout(t.usage);
    return 0;
  }
  const [input, ...extra] = parsed.positionals;
  const outDir = parsed.values["out-dir"];
  if (!input || extra.length || !outDir) {
    io.stderr(t.usage);
    return 2;
  }
  if (!(deps.hasSoffice ?? sofficeOnPath)()) {
    io.stderr(t.noSoffice);
    return 2;
  }
  let bytes: Uint8Array;
  let sheets: string[];
  try {
    bytes = new Uint8Array(await readFile(input));
    const host = await PartsHost.fromBuffer(bytes, { fileName: basename(input), codec: nodeCodec });
    sheets = documentSheets((await host.listSheets()).map((s) => s.name));
  } catch (e) {
    io.stderr(t.unreadable(input, (e as Error).message));
    return 2;
  }
  if (!sheets.length) {
    io.stderr(t.none(input));
    return 2;
  }
  const targets = sheets.map((sheet) => ({ sheet, target: join(outDir, `${asciiFileName(sheet)}.pdf`) }));
  // Outputs are .pdf and the input an .xlsx, but a folder of odd names is checked all the same.
  if (targets.some((x) => resolve(x.target) === resolve(input))) {
    io.stderr(t.usage);
    return 2;
  }
  io.stderr(t.printing(sheets.length));
  let pdfs: Map<string, Uint8Array>;
  try {
    pdfs = await sheetsToPdf(bytes, sheets);
  } catch (e) {
    io.stderr(t.failed((e as Error).message.split("\n")[0] ?? ""));
    return 2;
  }
  try {
    await ensureFolder(outDir);
    await writeAllSafely(targets.map((x) => ({ target: x.target, bytes: pdfs.get(x.sheet)! })));
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.stderr(`${outputMessage(e, lang)}\n`);
    return 2;
  }
  for (const x of targets) io.stdout(t.wrote(x.sheet, x.target));
  return 0;
};
