/**
 * File-level corpus: what arrives instead of a member's .xlsx book. Every case asserts the exact code,
 * that nothing was inflated beyond the limits, and that the message names the file in both languages.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Finding } from "../../src/ocop/findings";
import { describeFinding } from "../../src/ocop/messages";
import {
  PACKAGE_CODES,
  PACKAGE_LIMITS,
  PackageRefusedError,
  cfbStreamNames,
  inspectPackage,
  packageFindings,
} from "../../src/hosts/xlsx/packageGuard";
import { guardPackage } from "../reference/packageDeepCheck";
import { portableCodec } from "../../src/hosts/xlsx/parts/codec";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { ExcelJsHost } from "../reference/exceljsHost";
import { convertWithSoffice } from "./soffice";
import { craftZip, minimalWorkbookEntries, sheetXml } from "./zipcraft";

const FILE = "Phiếu TV01 – Nguyễn Văn Ánh.xlsx";

const excelJsBook = async (): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phiếu TV01");
  ws.getCell("A1").value = "Tiêu chí";
  ws.getCell("B2").value = 3;
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

/** The one finding of a refused file, checked for what every file-level finding must carry. */
const only = (findings: Finding[], code: string): Finding => {
  expect(findings.map((f) => f.code)).toEqual([code]);
  const f = findings[0]!;
  expect(f.severity).toBe("error");
  expect(f.where.file).toBe(FILE);
  for (const lang of ["vi", "en"] as const) {
    const d = describeFinding(f, lang);
    expect(d.message).not.toMatch(/\{\w+\}/); // every placeholder filled
    expect(d.message).not.toContain(f.code); // a template exists (the fallback prints the code)
    expect(d.fix.length).toBeGreaterThan(20);
    expect(d.where).toContain(FILE);
  }
  return f;
};

/** The refusal of the ExcelJS host; the parts host, with either zip codec, must refuse with the same code. */
const refusedByHost = async (bytes: Uint8Array, code: string): Promise<Finding> => {
  const refusal = (opening: Promise<unknown>) =>
    opening.then(
      () => null,
      (e: unknown) => e
    );
  for (const codec of [portableCodec, nodeCodec]) {
    const viaParts = await refusal(PartsHost.fromBuffer(bytes, { fileName: FILE, codec }));
    expect(viaParts).toBeInstanceOf(PackageRefusedError);
    only(packageFindings(viaParts)!, code);
  }
  const error = await refusal(ExcelJsHost.fromBuffer(bytes, { fileName: FILE }));
  expect(error).toBeInstanceOf(PackageRefusedError);
  return only(packageFindings(error)!, code);
};

let valid: Uint8Array;
let fromLibreOffice: { xlsx: Uint8Array; xls: Uint8Array; ods: Uint8Array };

beforeAll(async () => {
  valid = await excelJsBook();
  fromLibreOffice = {
    xlsx: convertWithSoffice(valid, "book.xlsx", "xlsx"),
    xls: convertWithSoffice(valid, "book.xlsx", "xls"),
    ods: convertWithSoffice(valid, "book.xlsx", "ods"),
  };
}, 180_000);

describe("accepted", () => {
  it("an .xlsx written by ExcelJS", async () => {
    expect(inspectPackage(valid).ok).toBe(true);
    expect((await guardPackage(valid)).findings).toEqual([]);
    await expect(ExcelJsHost.fromBuffer(valid)).resolves.toBeInstanceOf(ExcelJsHost);
  });

  it("an .xlsx written by LibreOffice", async () => {
    expect((await guardPackage(fromLibreOffice.xlsx)).findings).toEqual([]);
    const host = await ExcelJsHost.fromBuffer(fromLibreOffice.xlsx);
    expect((await host.listSheets()).map((s) => s.name)).toContain("Phiếu TV01");
  });

  it("a hand-made minimal workbook (no library wrote it)", async () => {
    const bytes = craftZip(minimalWorkbookEntries(sheetXml('<row r="1"><c r="A1"><v>2</v></c></row>')));
    expect((await guardPackage(bytes)).findings).toEqual([]);
    const host = await ExcelJsHost.fromBuffer(bytes);
    const { sheets } = await host.readSheets(["Sheet1"]);
    expect(sheets[0]!.values[0]![0]).toBe(2);
  });

  it("ArrayBuffer input as well as Uint8Array", () => {
    const copy = valid.slice().buffer;
    expect(inspectPackage(copy).ok).toBe(true);
  });
});

describe("not an .xlsx at all", () => {
  it("empty file (0 bytes)", async () => {
    only(inspectPackage(new Uint8Array(0), { fileName: FILE }).findings, PACKAGE_CODES.empty);
    await refusedByHost(new Uint8Array(0), PACKAGE_CODES.empty);
  });

  it("file of blanks and line breaks only", () => {
    only(
      inspectPackage(new TextEncoder().encode("  \r\n\n "), { fileName: FILE }).findings,
      PACKAGE_CODES.empty
    );
  });

  it(".xls (Excel 97–2003, written by LibreOffice) renamed .xlsx", async () => {
    expect(cfbStreamNames(fromLibreOffice.xls)).toContain("Workbook");
    only(inspectPackage(fromLibreOffice.xls, { fileName: FILE }).findings, PACKAGE_CODES.xls);
    await refusedByHost(fromLibreOffice.xls, PACKAGE_CODES.xls);
  });

  it(".ods (LibreOffice) renamed .xlsx", async () => {
    only(inspectPackage(fromLibreOffice.ods, { fileName: FILE }).findings, PACKAGE_CODES.ods);
    await refusedByHost(fromLibreOffice.ods, PACKAGE_CODES.ods);
  });

  it(".csv renamed .xlsx (UTF-8, with BOM, semicolons as Excel-vi writes them)", async () => {
    const csv = new TextEncoder().encode("\uFEFFMã SP;Tiêu chí;Điểm\nSP01;1.1;3\n");
    const f = only(inspectPackage(csv, { fileName: FILE }).findings, PACKAGE_CODES.csv);
    expect(f.params.separator).toBe(";");
    await refusedByHost(csv, PACKAGE_CODES.csv);
  });

  it("“Unicode text” (UTF-16, tab-separated) renamed .xlsx", () => {
    const text = "Mã SP\tĐiểm\r\nSP01\t3\r\n";
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const f = only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.csv);
    expect(f.params.separator).toBe("tab");
  });

  it("HTML table saved as .xls/.xlsx by a web application", () => {
    const html = new TextEncoder().encode(
      '<html><meta charset="utf-8"><table><tr><td>Điểm</td></tr></table></html>'
    );
    only(inspectPackage(html, { fileName: FILE }).findings, PACKAGE_CODES.html);
  });

  it("XML Spreadsheet 2003 renamed .xlsx", () => {
    const xml = new TextEncoder().encode(
      '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'
    );
    const f = only(inspectPackage(xml, { fileName: FILE }).findings, PACKAGE_CODES.html);
    expect(f.params.detected).toBe("XML Spreadsheet 2003");
  });

  it("a PDF attached by mistake", () => {
    const f = only(
      inspectPackage(new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n"), { fileName: FILE }).findings,
      PACKAGE_CODES.other
    );
    expect(f.params.detected).toBe("PDF");
  });

  it("binary Excel workbook (.xlsb)", () => {
    const bytes = craftZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.bin", data: new Uint8Array([1, 2, 3]) },
    ]);
    only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.xlsb);
  });

  it("a Word document (.docx) renamed .xlsx", () => {
    const bytes = craftZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(
      only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.other).params.detected
    ).toBe("Word (.docx)");
  });

  it("a zip that is not a workbook (required part missing)", async () => {
    const bytes = craftZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "ghi-chu.txt", data: "điểm" },
    ]);
    expect(
      only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.partMissing).params.part
    ).toBe("xl/workbook.xml");
    await refusedByHost(bytes, PACKAGE_CODES.partMissing);
  });
});

describe("password-encrypted workbook", () => {
  // fixtures/encrypted.xlsx: an ExcelJS book encrypted (ECMA-376 agile, password "hoidong") by the npm package
  // officecrypto-tool 0.0.19, i.e. the OLE2 container Excel writes for "Encrypt with Password".
  const encrypted = new Uint8Array(readFileSync(join(__dirname, "fixtures", "encrypted.xlsx")));

  it("is recognised from the OLE2 directory, not guessed", async () => {
    expect(cfbStreamNames(encrypted)).toEqual(expect.arrayContaining(["EncryptionInfo", "EncryptedPackage"]));
    only(inspectPackage(encrypted, { fileName: FILE }).findings, PACKAGE_CODES.encrypted);
    const f = await refusedByHost(encrypted, PACKAGE_CODES.encrypted);
    expect(describeFinding(f, "vi").fix).toContain("Mã hóa bằng mật khẩu");
  });

  it("a zip whose entries carry the traditional zip password flag", () => {
    const bytes = craftZip(minimalWorkbookEntries(sheetXml("")).map((e) => ({ ...e, encryptedFlag: true })));
    only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.encrypted);
  });
});

describe("damaged files", () => {
  it("truncated download (cut at 60 %)", async () => {
    const cut = valid.slice(0, Math.floor(valid.length * 0.6));
    only(inspectPackage(cut, { fileName: FILE }).findings, PACKAGE_CODES.truncated);
    await refusedByHost(cut, PACKAGE_CODES.truncated);
  });

  it("truncated by a few bytes (end record cut)", () => {
    only(
      inspectPackage(valid.slice(0, valid.length - 5), { fileName: FILE }).findings,
      PACKAGE_CODES.truncated
    );
  });

  it("bytes missing from the middle (central directory points past the end)", () => {
    const damaged = new Uint8Array(valid.length - 100);
    damaged.set(valid.subarray(0, 200));
    damaged.set(valid.subarray(300), 200);
    const f = inspectPackage(damaged, { fileName: FILE }).findings;
    expect([PACKAGE_CODES.truncated, PACKAGE_CODES.corrupt]).toContain(f[0]?.code);
    only(f, f[0]!.code);
  });

  it("central directory overwritten", () => {
    const damaged = valid.slice();
    const v = inspectPackage(valid);
    const cdStart = Math.max(...v.entries.map((e) => e.localOffset)) + 200; // inside or after the last data
    // Find the first central header and break its signature.
    let p = cdStart;
    while (
      p < damaged.length - 4 &&
      !(damaged[p] === 0x50 && damaged[p + 1] === 0x4b && damaged[p + 2] === 1 && damaged[p + 3] === 2)
    )
      p++;
    damaged[p + 2] = 9;
    only(inspectPackage(damaged, { fileName: FILE }).findings, PACKAGE_CODES.corrupt);
  });

  it("compressed data of a sheet scrambled (found while streaming, before ExcelJS)", async () => {
    const entries = minimalWorkbookEntries(
      sheetXml(
        Array.from(
          { length: 400 },
          (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
        ).join("")
      )
    );
    const bytes = craftZip(entries);
    const sheet = inspectPackage(bytes).entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const dataStart = sheet.localOffset + 30 + sheet.name.length;
    for (let i = 10; i < Math.min(sheet.compressedSize, 60); i++) bytes[dataStart + i] = 0xff;
    expect(inspectPackage(bytes).ok).toBe(true); // the structure is intact …
    only((await guardPackage(bytes, { fileName: FILE })).findings, PACKAGE_CODES.corrupt); // … the data is not
    await refusedByHost(bytes, PACKAGE_CODES.corrupt);
  });

  it("unsupported compression method", () => {
    const bytes = craftZip(minimalWorkbookEntries(sheetXml("")).map((e) => ({ ...e, method: 14 })));
    expect(
      only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.corrupt).params.detail
    ).toMatch(/method 14/);
  });

  it("the same part twice (ambiguous package)", () => {
    const entries = minimalWorkbookEntries(sheetXml(""));
    const bytes = craftZip([...entries, entries[4]!]);
    expect(
      only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.corrupt).params.detail
    ).toMatch(/duplicate/);
  });
});

describe("limits (refused before anything is inflated)", () => {
  it("file above the size limit", async () => {
    const big = new Uint8Array(PACKAGE_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const f = only(inspectPackage(big, { fileName: FILE }).findings, PACKAGE_CODES.tooLarge);
    expect(f.params.limitMB).toBe(50);
    await refusedByHost(big, PACKAGE_CODES.tooLarge);
  });

  it("too many entries", async () => {
    const entries = [
      ...minimalWorkbookEntries(sheetXml("")),
      ...Array.from({ length: PACKAGE_LIMITS.maxEntries }, (_, i) => ({
        name: `xl/media/x${i}.bin`,
        data: "x",
        method: 0,
      })),
    ];
    const bytes = craftZip(entries);
    const f = only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.tooManyEntries);
    expect(f.params).toMatchObject({
      entries: PACKAGE_LIMITS.maxEntries + 5,
      limit: PACKAGE_LIMITS.maxEntries,
    });
    await refusedByHost(bytes, PACKAGE_CODES.tooManyEntries);
  });

  it("zip bomb: declared sizes far above the limit (only declared, never inflated)", async () => {
    const entries = minimalWorkbookEntries(sheetXml(""));
    // The sheet claims 4 GB − 1; its real content is tiny. Nothing may try to inflate it.
    entries[4] = { ...entries[4]!, declaredSize: 0xffffffff };
    const bytes = craftZip(entries);
    const f = only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.zipBomb);
    expect(f.params.entry).toBe("xl/worksheets/sheet1.xml");
    const started = Date.now();
    await refusedByHost(bytes, PACKAGE_CODES.zipBomb);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("zip bomb: one real, highly compressible entry (ratio above the limit)", () => {
    // 8 MB of the same byte deflates to about 8 KB (ratio ≈ 1000:1); zlib makes it, the guard reads only headers.
    const entries = [
      ...minimalWorkbookEntries(sheetXml("")),
      { name: "xl/media/image1.png", data: new Uint8Array(8 * 1024 * 1024) },
    ];
    const bytes = craftZip(entries);
    expect(bytes.length).toBeLessThan(100_000);
    const f = only(inspectPackage(bytes, { fileName: FILE }).findings, PACKAGE_CODES.zipBomb);
    expect(f.params.entry).toBe("xl/media/image1.png");
    expect(Number(f.params.ratio)).toBeGreaterThan(PACKAGE_LIMITS.maxEntryRatio);
  });

  it("zip bomb: many entries whose declared sizes add up above the total limit", () => {
    // Each entry's ratio is modest (stored, declared = real × 60): only the sum gives it away.
    // Each entry's ratio is modest (1 MB of noise declared as 60 MB): only the sum gives it away.
    const chunk = new Uint8Array(randomBytes(1024 * 1024));
    const entries = [
      ...minimalWorkbookEntries(sheetXml("")),
      ...Array.from({ length: 4 }, (_, i) => ({
        name: `xl/media/p${i}.bin`,
        data: chunk,
        declaredSize: 60 * 1024 * 1024,
      })),
    ];
    const f = only(inspectPackage(craftZip(entries), { fileName: FILE }).findings, PACKAGE_CODES.zipBomb);
    expect(Number(f.params.totalMB)).toBeGreaterThan(200);
  });

  it("zip bomb that lies small: inflation stops as soon as the declared size is passed", async () => {
    // Declares 1,000 bytes; really inflates to 16 MB. The header check cannot see it; streaming stops it.
    const entries = [
      ...minimalWorkbookEntries(sheetXml("")),
      { name: "xl/media/image1.png", data: new Uint8Array(16 * 1024 * 1024), declaredSize: 1000 },
    ];
    const bytes = craftZip(entries);
    expect(inspectPackage(bytes).ok).toBe(true);
    const f = only((await guardPackage(bytes, { fileName: FILE })).findings, PACKAGE_CODES.zipBomb);
    expect(f.params.detail).toBe("declared size exceeded");
    expect(Number(f.params.sizeMB)).toBeLessThan(2); // stopped within a block or two, not after 16 MB
    await refusedByHost(bytes, PACKAGE_CODES.zipBomb);
  });

  it("huge sheet: more than 1,000,000 cells is refused before ExcelJS builds it, naming the sheet", async () => {
    const rows: string[] = [];
    const n = PACKAGE_LIMITS.maxCellsPerSheet + 1;
    for (let r = 0; r * 10 < n; r++) {
      const cells: string[] = [];
      for (let c = 0; c < 10 && r * 10 + c < n; c++)
        cells.push(`<c r="${"ABCDEFGHIJ"[c]}${r + 1}"><v>${(r + c) % 4}</v></c>`);
      rows.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    }
    const bytes = craftZip(minimalWorkbookEntries(sheetXml(rows.join("")), "Phiếu TV09"));
    expect(inspectPackage(bytes).ok).toBe(true);
    const f = only((await guardPackage(bytes, { fileName: FILE })).findings, PACKAGE_CODES.sheetTooLarge);
    expect(f.where.sheet).toBe("Phiếu TV09");
    expect(f.params.limit).toBe(1_000_000);
    expect(describeFinding(f, "vi").where).toContain("Phiếu TV09");
    await refusedByHost(bytes, PACKAGE_CODES.sheetTooLarge);
  });

  it("a sheet at the cell limit with a namespace prefix (x:c) is counted the same", async () => {
    const cells = Array.from({ length: 30 }, (_, i) => `<x:c r="A${i + 1}"><x:v>1</x:v></x:c>`).join("");
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">${cells}</x:row></x:sheetData></x:worksheet>`;
    const bytes = craftZip(minimalWorkbookEntries(xml));
    expect((await guardPackage(bytes, { limits: { maxCellsPerSheet: 30 } })).ok).toBe(true);
    expect((await guardPackage(bytes, { limits: { maxCellsPerSheet: 29 } })).findings[0]?.code).toBe(
      PACKAGE_CODES.sheetTooLarge
    );
  });
});

describe("the error the host throws", () => {
  it("carries every finding and a readable message; other errors give null", async () => {
    const e = await ExcelJsHost.fromBuffer(new Uint8Array(0)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PackageRefusedError);
    expect((e as Error).message).toContain("file.empty");
    expect(packageFindings(new Error("boom"))).toBeNull();
  });
});
