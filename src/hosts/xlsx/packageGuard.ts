/**
 * The gate every file passes before the parts host inflates anything. A council receives books by
 * e-mail and USB stick: old .xls files, LibreOffice .ods, CSV exports renamed .xlsx, password-protected
 * copies, half-downloaded attachments, and in the worst case a file built to exhaust memory. Each of
 * these becomes one finding that says what the file is and how to fix it, instead of an exception from
 * deep inside a zip library or a frozen task pane.
 *
 * Two steps, both pure (bytes in, findings out; no file system, so it runs in the browser too):
 *
 *  1. `inspectPackage` (synchronous, inflates nothing): size, magic bytes, the zip's central directory
 *     walked by hand (entry count, declared sizes, compression ratios, local headers inside the file,
 *     the workbook's required parts), and for OLE2 files the directory (encrypted OOXML vs .xls).
 *  2. while inflating each part once, the parts host stops as soon as an entry inflates beyond what it
 *     declared (a zip whose sizes lie) and counts the cells of each worksheet, stopping at the cell limit
 *     (`deepCheckRefusal`), so a sheet that is too big is refused before it is read.
 *
 * A refusal is thrown as `PackageRefusedError` carrying the findings; use cases turn it into their report with
 * `packageFindings(error)`. (The ExcelJS reference in test/reference/ runs the same step 2 through JSZip.)
 */
import type { Finding, Where } from "../../ocop/findings";
import { defineMessages, registerMessages } from "../../ocop/messages";

export interface PackageLimits {
  /** Largest file accepted, in bytes. A 40-member council workbook with 200 products is about 2 MB. */
  maxFileBytes: number;
  /** Most entries (files) in the zip. A workbook has a few per sheet. */
  maxEntries: number;
  /** Most bytes all entries may inflate to, as declared in the central directory (and checked while streaming). */
  maxUncompressedBytes: number;
  /** Highest uncompressed:compressed ratio accepted for an entry of at least `ratioFromBytes`. */
  maxEntryRatio: number;
  ratioFromBytes: number;
  /** Most cells (`<c>` elements, values or formats) in one worksheet. */
  maxCellsPerSheet: number;
}

export const PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: 10_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntryRatio: 200,
  ratioFromBytes: 1024 * 1024,
  maxCellsPerSheet: 1_000_000,
});

export const PACKAGE_CODES = {
  empty: "file.empty",
  tooLarge: "file.tooLarge",
  xls: "file.notXlsx.xls",
  ods: "file.notXlsx.ods",
  csv: "file.notXlsx.csv",
  html: "file.notXlsx.html",
  xlsb: "file.notXlsx.xlsb",
  other: "file.notXlsx.other",
  encrypted: "file.encrypted",
  truncated: "file.truncated",
  corrupt: "file.corrupt",
  tooManyEntries: "file.tooManyEntries",
  zipBomb: "file.zipBomb",
  partMissing: "file.partMissing",
  sheetTooLarge: "file.sheetTooLarge",
  ambiguousParts: "file.ambiguousParts",
  unsafePartName: "file.unsafePartName",
} as const;

export type PackageCode = (typeof PACKAGE_CODES)[keyof typeof PACKAGE_CODES];

/** What the bytes turned out to be. */
export type FileKind =
  "xlsx" | "empty" | "zip" | "ods" | "xlsb" | "cfb" | "xls" | "encrypted" | "text" | "html" | "other";

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  encrypted: boolean;
  /** CRC-32 of the inflated data, as the central directory records it. */
  crc32: number;
}

export interface PackageVerdict {
  ok: boolean;
  kind: FileKind;
  findings: Finding[];
  /** The central directory, when the file is a zip that could be walked. */
  entries: ZipEntryInfo[];
}

export interface GuardOptions {
  fileName?: string;
  limits?: Partial<PackageLimits>;
}

/** Thrown by `assertWorkbookPackage` (and so by `XlsxHost.fromBuffer`) when a file is refused. */
export class PackageRefusedError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(
      `File refused: ${findings.map((f) => `${f.code}${f.params.detail ? ` (${String(f.params.detail)})` : ""}`).join(", ")}`
    );
    this.name = "PackageRefusedError";
    this.findings = findings;
  }
}

/** The findings of a refused package, or null for any other error. */
export const packageFindings = (error: unknown): Finding[] | null =>
  error instanceof PackageRefusedError ||
  (error instanceof Error &&
    error.name === "PackageRefusedError" &&
    Array.isArray((error as PackageRefusedError).findings))
    ? (error as PackageRefusedError).findings
    : null;

const MB = 1024 * 1024;
/** Shared with the deep check, as are `finding`, `verdict` and `context` below. */
export const megabytes = (n: number): number => Math.round((n / MB) * 10) / 10;

// ------------------------------------------------------------------------------------------- bytes

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string => {
  let s = "";
  for (let i = from; i < Math.min(to, b.length); i++) s += String.fromCharCode(b[i]!);
  return s;
};

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

/** Signatures of files people attach by mistake, named in the finding so the secretariat knows what arrived. */
const OTHER_SIGNATURES: { sig: number[]; name: string }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46], name: "PDF" },
  { sig: [0x89, 0x50, 0x4e, 0x47], name: "PNG" },
  { sig: [0xff, 0xd8, 0xff], name: "JPEG" },
  { sig: [0x52, 0x61, 0x72, 0x21], name: "RAR" },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], name: "7z" },
  { sig: [0x1f, 0x8b], name: "gzip" },
];

// --------------------------------------------------------------------------------------- findings

export interface Ctx {
  where: Where;
  limits: PackageLimits;
}

export const finding = (
  ctx: Ctx,
  code: PackageCode,
  params: Finding["params"] = {},
  where: Partial<Where> = {}
): Finding => ({
  code,
  severity: "error",
  where: { ...ctx.where, ...where },
  params,
});

export const verdict = (
  kind: FileKind,
  findings: Finding[],
  entries: ZipEntryInfo[] = []
): PackageVerdict => ({
  ok: findings.length === 0,
  kind,
  findings,
  entries,
});

export const context = (opts: GuardOptions): Ctx => ({
  where: opts.fileName !== undefined ? { file: opts.fileName } : {},
  limits: { ...PACKAGE_LIMITS, ...opts.limits },
});

// --------------------------------------------------------------------------------------- step 1

/** Checks the bytes without inflating anything. */
export const inspectPackage = (input: Uint8Array | ArrayBuffer, opts: GuardOptions = {}): PackageVerdict => {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const ctx = context(opts);
  if (bytes.length === 0) return verdict("empty", [finding(ctx, PACKAGE_CODES.empty)]);
  if (bytes.length > ctx.limits.maxFileBytes) {
    return verdict("other", [
      finding(ctx, PACKAGE_CODES.tooLarge, {
        sizeMB: megabytes(bytes.length),
        limitMB: megabytes(ctx.limits.maxFileBytes),
      }),
    ]);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return inspectZip(bytes, ctx);
  if (startsWith(bytes, CFB_MAGIC)) return inspectCfb(bytes, ctx);
  if (startsWith(bytes, [0x50, 0x4b])) {
    // "PK" with another record first: a spanned archive or a damaged start.
    return verdict("zip", [finding(ctx, PACKAGE_CODES.corrupt, { detail: "zip start" })]);
  }
  return inspectOther(bytes, ctx);
};

const inspectOther = (bytes: Uint8Array, ctx: Ctx): PackageVerdict => {
  for (const { sig, name } of OTHER_SIGNATURES) {
    if (startsWith(bytes, sig))
      return verdict("other", [finding(ctx, PACKAGE_CODES.other, { detected: name })]);
  }
  const head = bytes.subarray(0, 8192);
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  let text = "";
  if (utf16) {
    const le = head[0] === 0xff;
    for (let i = 2; i + 1 < head.length; i += 2)
      text += String.fromCharCode(le ? u16(head, i) : (head[i]! << 8) | head[i + 1]!);
  } else {
    if (head.includes(0))
      return verdict("other", [finding(ctx, PACKAGE_CODES.other, { detected: "binary" })]);
    text = new TextDecoder("utf-8", { fatal: false }).decode(head);
  }
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (body === "") return verdict("empty", [finding(ctx, PACKAGE_CODES.empty)]);
  const lower = body.slice(0, 4096).toLowerCase();
  if (
    /^<(!doctype html|html|table|meta|head|body)\b/.test(lower) ||
    (lower.startsWith("<") && lower.includes("<table"))
  ) {
    return verdict("html", [finding(ctx, PACKAGE_CODES.html, { detected: "HTML" })]);
  }
  if (lower.startsWith("<?xml") && lower.includes("urn:schemas-microsoft-com:office:spreadsheet")) {
    return verdict("html", [finding(ctx, PACKAGE_CODES.html, { detected: "XML Spreadsheet 2003" })]);
  }
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes("\t")
    ? "tab"
    : firstLine.includes(";")
      ? ";"
      : firstLine.includes(",")
        ? ","
        : "";
  return verdict("text", [finding(ctx, PACKAGE_CODES.csv, { separator })]);
};

// ---------------------------------------------------------------------------------------- zip

/** Finds the end-of-central-directory record (it may be followed by a comment of up to 65,535 bytes). */
const findEnd = (b: Uint8Array): number => {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (
      b[i] === 0x50 &&
      b[i + 1] === 0x4b &&
      b[i + 2] === 0x05 &&
      b[i + 3] === 0x06 &&
      u32(b, i) === ZIP_END
    ) {
      // The comment length must reach exactly the end of the file (a stray signature in data does not).
      if (i + 22 + u16(b, i + 20) === b.length) return i;
    }
  }
  return -1;
};

const inspectZip = (b: Uint8Array, ctx: Ctx): PackageVerdict => {
  const L = ctx.limits;
  const end = findEnd(b);
  if (end < 0) return verdict("zip", [finding(ctx, PACKAGE_CODES.truncated, { detail: "no end record" })]);
  if (u16(b, end + 4) !== 0 || u16(b, end + 6) !== 0) {
    return verdict("zip", [finding(ctx, PACKAGE_CODES.corrupt, { detail: "multi-part zip" })]);
  }
  let count = u16(b, end + 10);
  let cdSize = u32(b, end + 12);
  let cdOffset = u32(b, end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || u32(b, loc) !== ZIP64_LOCATOR)
      return verdict("zip", [finding(ctx, PACKAGE_CODES.corrupt, { detail: "zip64" })]);
    const rec = u64(b, loc + 8);
    if (rec + 56 > loc || u32(b, rec) !== ZIP64_END)
      return verdict("zip", [finding(ctx, PACKAGE_CODES.corrupt, { detail: "zip64" })]);
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (count > L.maxEntries) {
    return verdict("zip", [
      finding(ctx, PACKAGE_CODES.tooManyEntries, { entries: count, limit: L.maxEntries }),
    ]);
  }
  if (cdOffset + cdSize > end) {
    // The directory points past its own end record: bytes are missing from the middle or the start.
    return verdict("zip", [finding(ctx, PACKAGE_CODES.truncated, { detail: "central directory" })]);
  }

  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  // Part names compare without case (OPC); readers disagree on which of two such entries wins.
  const folded = new Map<string, string>();
  let p = cdOffset;
  let declared = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(b, p) !== ZIP_CENTRAL) {
      return verdict("zip", [finding(ctx, PACKAGE_CODES.corrupt, { detail: "central directory" })], entries);
    }
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc32 = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localOffset = u32(b, p + 42);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x800 ? new TextDecoder().decode(nameBytes) : ascii(nameBytes, 0, nameLen);
    // ZIP64 extra field: the real sizes and offset of entries above 4 GB.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          uncompressedSize = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= x + 4 + len) localOffset = u64(b, q);
      }
      x += 4 + len;
    }
    p += 46 + nameLen + extraLen + commentLen;
    const entry: ZipEntryInfo = {
      name,
      method,
      compressedSize,
      uncompressedSize,
      localOffset,
      encrypted: (flags & 1) === 1,
      crc32,
    };
    entries.push(entry);
    if (names.has(name))
      return verdict(
        "zip",
        [finding(ctx, PACKAGE_CODES.corrupt, { detail: `duplicate entry ${name}` })],
        entries
      );
    names.add(name);
    const other = folded.get(name.toLowerCase());
    if (other !== undefined)
      return verdict("zip", [finding(ctx, PACKAGE_CODES.ambiguousParts, { entry: name, other })], entries);
    folded.set(name.toLowerCase(), name);
    if (unsafePartName(name))
      return verdict("zip", [finding(ctx, PACKAGE_CODES.unsafePartName, { entry: name })], entries);
    if (entry.encrypted)
      return verdict("encrypted", [finding(ctx, PACKAGE_CODES.encrypted, { detail: "zip" })], entries);
    if (method !== 0 && method !== 8) {
      return verdict(
        "zip",
        [finding(ctx, PACKAGE_CODES.corrupt, { detail: `compression method ${method} (${name})` })],
        entries
      );
    }
    if (method === 0 && compressedSize !== uncompressedSize) {
      return verdict(
        "zip",
        [finding(ctx, PACKAGE_CODES.corrupt, { detail: `stored size (${name})` })],
        entries
      );
    }
    // The entry's data must lie inside the file, before the central directory.
    if (localOffset + 30 > cdOffset || u32(b, localOffset) !== ZIP_LOCAL) {
      const code = localOffset + 30 > b.length ? PACKAGE_CODES.truncated : PACKAGE_CODES.corrupt;
      return verdict("zip", [finding(ctx, code, { detail: `local header (${name})` })], entries);
    }
    const dataStart = localOffset + 30 + u16(b, localOffset + 26) + u16(b, localOffset + 28);
    if (dataStart + compressedSize > cdOffset) {
      return verdict("zip", [finding(ctx, PACKAGE_CODES.truncated, { detail: `data (${name})` })], entries);
    }
    declared += uncompressedSize;
    const ratio = uncompressedSize / Math.max(1, compressedSize);
    if (
      uncompressedSize > L.maxUncompressedBytes ||
      (uncompressedSize >= L.ratioFromBytes && ratio > L.maxEntryRatio)
    ) {
      return verdict("zip", [bombFinding(ctx, name, uncompressedSize, compressedSize, declared)], entries);
    }
    if (declared > L.maxUncompressedBytes) {
      return verdict("zip", [bombFinding(ctx, name, uncompressedSize, compressedSize, declared)], entries);
    }
  }
  return classifyZip(b, entries, ctx);
};

/**
 * A name no package part may have: one that could land outside a folder if anything ever wrote it out
 * ("..", ".", an absolute path, a drive letter) or that readers split differently (a backslash, NUL).
 */
export const unsafePartName = (name: string): boolean =>
  name === "" ||
  name.startsWith("/") ||
  /^[A-Za-z]:/.test(name) ||
  /[\\\0]/.test(name) ||
  name.split("/").some((seg) => seg === ".." || seg === ".");

const bombFinding = (ctx: Ctx, entry: string, size: number, compressed: number, total: number): Finding =>
  finding(ctx, PACKAGE_CODES.zipBomb, {
    entry,
    sizeMB: megabytes(size),
    ratio: Math.round(size / Math.max(1, compressed)),
    totalMB: megabytes(total),
    limitMB: megabytes(ctx.limits.maxUncompressedBytes),
    limitRatio: ctx.limits.maxEntryRatio,
  });

/** A sound zip: is it a workbook, another spreadsheet format, or something else zipped? */
const classifyZip = (b: Uint8Array, entries: ZipEntryInfo[], ctx: Ctx): PackageVerdict => {
  const has = (name: string): boolean => entries.some((e) => e.name === name);
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype) {
    // OpenDocument stores "mimetype" first and uncompressed.
    let type = "";
    if (mimetype.method === 0 && mimetype.uncompressedSize < 200) {
      const start =
        mimetype.localOffset + 30 + u16(b, mimetype.localOffset + 26) + u16(b, mimetype.localOffset + 28);
      type = ascii(b, start, start + mimetype.uncompressedSize);
    }
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet") || (!type && has("content.xml"))) {
      return verdict("ods", [finding(ctx, PACKAGE_CODES.ods)], entries);
    }
    if (type.startsWith("application/vnd.oasis.opendocument")) {
      return verdict(
        "other",
        [finding(ctx, PACKAGE_CODES.other, { detected: type.slice("application/vnd.oasis.".length) })],
        entries
      );
    }
  }
  if (has("xl/workbook.bin")) return verdict("xlsb", [finding(ctx, PACKAGE_CODES.xlsb)], entries);
  if (!has("xl/workbook.xml") && has("word/document.xml")) {
    return verdict("other", [finding(ctx, PACKAGE_CODES.other, { detected: "Word (.docx)" })], entries);
  }
  for (const part of ["[Content_Types].xml", "xl/workbook.xml"]) {
    if (!has(part)) return verdict("zip", [finding(ctx, PACKAGE_CODES.partMissing, { part })], entries);
  }
  return verdict("xlsx", [], entries);
};

// ---------------------------------------------------------------------------------------- OLE2

const END_OF_CHAIN = 0xfffffffe;

/** Stream names in an OLE2 (compound file) directory; null when the structure cannot be followed. */
export const cfbStreamNames = (b: Uint8Array): string[] | null => {
  if (!startsWith(b, CFB_MAGIC) || b.length < 512) return null;
  const shift = u16(b, 30);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectors = Math.floor((b.length - size) / size) + 1;
  const sectorAt = (n: number): number => (n + 1) * size;
  // The FAT's own sectors: 109 in the header, more in DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(b, 76 + i * 4);
    if (s < sectors) fatSectors.push(s);
  }
  let difat = u32(b, 68);
  for (let guard = 0; difat < sectors && guard < sectors; guard++) {
    const at = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) {
      const s = u32(b, at + i * 4);
      if (s < sectors) fatSectors.push(s);
    }
    difat = u32(b, at + size - 4);
  }
  const next = (n: number): number => {
    const fat = fatSectors[Math.floor(n / (size / 4))];
    if (fat === undefined) return END_OF_CHAIN;
    const at = sectorAt(fat) + (n % (size / 4)) * 4;
    return at + 4 <= b.length ? u32(b, at) : END_OF_CHAIN;
  };
  const names: string[] = [];
  let dir = u32(b, 48);
  for (let guard = 0; dir < sectors && guard < sectors; guard++) {
    const at = sectorAt(dir);
    for (let e = 0; e < size / 128; e++) {
      const entry = at + e * 128;
      if (entry + 128 > b.length) return names;
      const len = Math.min(64, u16(b, entry + 64));
      const type = b[entry + 66];
      if (len < 2 || (type !== 1 && type !== 2 && type !== 5)) continue;
      let name = "";
      for (let i = 0; i < len - 2; i += 2) name += String.fromCharCode(u16(b, entry + i));
      names.push(name);
    }
    dir = next(dir);
  }
  return names.length ? names : null;
};

const utf16Includes = (b: Uint8Array, text: string): boolean => {
  const pat = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pat.length <= b.length; i++) {
    for (let j = 0; j < pat.length; j++) if (b[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
};

const inspectCfb = (b: Uint8Array, ctx: Ctx): PackageVerdict => {
  const names = cfbStreamNames(b);
  const encrypted = names
    ? names.includes("EncryptionInfo") || names.includes("EncryptedPackage")
    : utf16Includes(b, "EncryptedPackage");
  if (encrypted) return verdict("encrypted", [finding(ctx, PACKAGE_CODES.encrypted, { detail: "ooxml" })]);
  if (!names || names.includes("Workbook") || names.includes("Book"))
    return verdict("xls", [finding(ctx, PACKAGE_CODES.xls)]);
  const detected = names.includes("WordDocument")
    ? "Word (.doc)"
    : names.includes("PowerPoint Document")
      ? "PowerPoint (.ppt)"
      : "OLE2";
  return verdict("cfb", [finding(ctx, PACKAGE_CODES.other, { detected })]);
};

/**
 * The deep check's refusals, for a reader that inflates entries itself (the parts host inflates each part
 * it needs once, stopping at the declared size, instead of inflating everything twice).
 */
export const deepCheckRefusal = (
  opts: GuardOptions,
  problem:
    | { kind: "sizeLie"; entry: ZipEntryInfo; inflated: number }
    | { kind: "tooManyCells"; sheet: string; cells: number }
    | { kind: "corrupt"; detail: string }
): PackageRefusedError => {
  const ctx = context(opts);
  if (problem.kind === "corrupt")
    return new PackageRefusedError([finding(ctx, PACKAGE_CODES.corrupt, { detail: problem.detail })]);
  if (problem.kind === "tooManyCells")
    return new PackageRefusedError([
      finding(
        ctx,
        PACKAGE_CODES.sheetTooLarge,
        { cells: problem.cells, limit: ctx.limits.maxCellsPerSheet },
        { sheet: problem.sheet }
      ),
    ]);
  const { entry, inflated } = problem;
  return new PackageRefusedError([
    finding(ctx, PACKAGE_CODES.zipBomb, {
      entry: entry.name,
      sizeMB: megabytes(inflated),
      ratio: Math.round(inflated / Math.max(1, entry.compressedSize)),
      totalMB: megabytes(entry.uncompressedSize),
      limitMB: megabytes(ctx.limits.maxUncompressedBytes),
      limitRatio: ctx.limits.maxEntryRatio,
      detail: "declared size exceeded",
    }),
  ]);
};

/** The limits in force for a call (defaults with the caller's overrides). */
export const limitsOf = (opts: GuardOptions): PackageLimits => context(opts).limits;

// ---------------------------------------------------------------------------------------- words

const resaveVi =
  "Mở tệp bằng Excel (hoặc LibreOffice Calc), chọn Tệp > Lưu thành, kiểu “Sổ làm việc Excel (*.xlsx)”, rồi gửi lại tệp .xlsx.";
const resaveEn =
  "Open the file in Excel (or LibreOffice Calc), choose File > Save As, type “Excel Workbook (*.xlsx)”, and send the .xlsx file again.";
const resendVi =
  "Xin thành viên gửi lại tệp gốc (tệp có thể bị hỏng khi tải về hoặc chép); nếu mở được bằng Excel, lưu lại thành .xlsx.";
const resendEn =
  "Ask the member to send the original file again (it may have been damaged in download or copy); if Excel opens it, save it again as .xlsx.";

/** "Tệp này là văn bản Word (.docx)": what the file is, in words a secretary knows. */
const KIND_WORDS: Record<string, { vi: string; en: string }> = {
  "Word (.docx)": { vi: "văn bản Word (.docx)", en: "a Word document (.docx)" },
  "Word (.doc)": { vi: "văn bản Word (.doc)", en: "a Word document (.doc)" },
  "PowerPoint (.ppt)": { vi: "bản trình chiếu PowerPoint (.ppt)", en: "a PowerPoint presentation (.ppt)" },
  PDF: { vi: "tệp PDF", en: "a PDF file" },
  PNG: { vi: "ảnh PNG", en: "a PNG image" },
  JPEG: { vi: "ảnh JPEG", en: "a JPEG image" },
  RAR: { vi: "tệp nén RAR", en: "a RAR archive" },
  "7z": { vi: "tệp nén 7z", en: "a 7z archive" },
  gzip: { vi: "tệp nén gzip", en: "a gzip archive" },
};

const kindOf = (detected: unknown, lang: "vi" | "en"): string => {
  const words = KIND_WORDS[String(detected)];
  if (words) return lang === "vi" ? `Tệp này là ${words.vi}` : `This file is ${words.en}`;
  if (detected === "binary" || detected === "OLE2")
    return lang === "vi" ? "Không nhận ra loại tệp này" : "This file is of an unknown kind";
  return lang === "vi" ? `Tệp này là tệp ${String(detected)}` : `This file is ${String(detected)}`;
};

/** Words for the codes above; importing this module registers them with `describeFinding`. */
export const PACKAGE_MESSAGES = defineMessages<PackageCode>({
  vi: {
    "file.empty": { message: "Tệp rỗng (0 byte hoặc không có nội dung).", fix: resendVi },
    "file.tooLarge": {
      message: "Tệp quá lớn ({sizeMB} MB; giới hạn {limitMB} MB), không mở để tránh treo máy.",
      fix: "Xóa các sheet, hình ảnh không cần thiết rồi lưu lại; phiếu chấm của Hội đồng thường chỉ vài trăm KB.",
    },
    "file.notXlsx.xls": {
      message: "Tệp là sổ Excel 97–2003 (.xls), không phải .xlsx (có thể đã bị đổi đuôi).",
      fix: resaveVi,
    },
    "file.notXlsx.ods": {
      message: "Tệp là bảng tính OpenDocument (.ods) của LibreOffice, không phải .xlsx.",
      fix: resaveVi,
    },
    "file.notXlsx.csv": {
      message: "Tệp là văn bản/CSV (dữ liệu cách nhau bởi “{separator}”), không phải sổ Excel .xlsx.",
      fix: "Không đổi đuôi tệp CSV thành .xlsx: dùng phiếu do Add-in tạo; nếu chỉ có CSV, mở bằng Excel rồi lưu thành .xlsx.",
    },
    "file.notXlsx.html": {
      message: "Tệp là trang {detected} (thường do phần mềm khác xuất “ra Excel”), không phải sổ .xlsx.",
      fix: resaveVi,
    },
    "file.notXlsx.xlsb": { message: "Tệp là sổ Excel nhị phân (.xlsb), không phải .xlsx.", fix: resaveVi },
    "file.notXlsx.other": {
      message: (p) => `${kindOf(p.detected, "vi")}, không phải sổ Excel (.xlsx).`,
      fix: "Chọn đúng tệp phiếu chấm .xlsx; có thể đã đính kèm nhầm tệp.",
    },
    "file.encrypted": {
      message: "Tệp được mã hóa bằng mật khẩu mở tệp; không thể đọc khi chưa gỡ mật khẩu.",
      fix: "Mở tệp bằng Excel, nhập mật khẩu, vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi gửi lại.",
    },
    "file.truncated": {
      message: "Tệp bị cắt cụt (thiếu phần cuối hoặc một phần dữ liệu: {detail}).",
      fix: resendVi,
    },
    "file.corrupt": { message: "Tệp .xlsx bị hỏng, cấu trúc nén không hợp lệ ({detail}).", fix: resendVi },
    "file.tooManyEntries": {
      message: "Gói .xlsx có {entries} thành phần (giới hạn {limit}); không mở để tránh treo máy.",
      fix: "Xóa các sheet, hình ảnh, đối tượng thừa rồi lưu lại; nếu tệp không rõ nguồn gốc, không dùng tệp này.",
    },
    "file.zipBomb": {
      message:
        "Tệp có thành phần “{entry}” giải nén tới {sizeMB} MB (tỉ lệ nén {ratio}:1; giới hạn {limitMB} MB tổng, {limitRatio}:1) — dấu hiệu “bom nén”, không mở.",
      fix: "Không dùng tệp này; xin thành viên gửi lại phiếu gốc do Add-in tạo.",
    },
    "file.partMissing": {
      message: "Tệp là gói nén nhưng không phải sổ Excel: thiếu thành phần bắt buộc {part}.",
      fix: resendVi,
    },
    "file.ambiguousParts": {
      message:
        "Gói .xlsx có hai thành phần chỉ khác nhau chữ hoa/thường (“{other}” và “{entry}”); các phần mềm đọc khác nhau, nên không mở.",
      fix: "Mở tệp bằng Excel và lưu lại thành .xlsx (Excel ghi lại gói cho đúng), hoặc xin thành viên gửi lại tệp gốc.",
    },
    "file.unsafePartName": {
      message:
        "Gói .xlsx có thành phần tên “{entry}” (có “..”, đường dẫn tuyệt đối hoặc dấu “\\”): không hợp lệ, không mở.",
      fix: "Không dùng tệp này; mở bằng Excel và lưu lại thành .xlsx, hoặc dùng tệp gốc do Add-in tạo.",
    },
    "file.sheetTooLarge": {
      message: "Sheet có hơn {limit} ô đã dùng; không mở để tránh treo máy.",
      fix: "Xóa các dòng, cột thừa (kể cả ô chỉ có định dạng) trên sheet này rồi lưu lại; phiếu chấm chỉ cần vài nghìn ô.",
    },
  },
  en: {
    "file.empty": { message: "The file is empty (0 bytes or no content).", fix: resendEn },
    "file.tooLarge": {
      message: "The file is too large ({sizeMB} MB; the limit is {limitMB} MB) and was not opened.",
      fix: "Delete sheets and pictures that are not needed and save again; a council score book is a few hundred KB.",
    },
    "file.notXlsx.xls": {
      message: "The file is an Excel 97–2003 workbook (.xls), not .xlsx (it may have been renamed).",
      fix: resaveEn,
    },
    "file.notXlsx.ods": {
      message: "The file is an OpenDocument spreadsheet (.ods), not .xlsx.",
      fix: resaveEn,
    },
    "file.notXlsx.csv": {
      message: "The file is text/CSV (separated by “{separator}”), not an Excel .xlsx workbook.",
      fix: "Do not rename a CSV file to .xlsx: use the sheet the add-in made; if all you have is CSV, open it in Excel and save as .xlsx.",
    },
    "file.notXlsx.html": {
      message:
        "The file is a {detected} page (often what other software exports “to Excel”), not an .xlsx workbook.",
      fix: resaveEn,
    },
    "file.notXlsx.xlsb": {
      message: "The file is a binary Excel workbook (.xlsb), not .xlsx.",
      fix: resaveEn,
    },
    "file.notXlsx.other": {
      message: (p) => `${kindOf(p.detected, "en")}, not an Excel workbook (.xlsx).`,
      fix: "Choose the .xlsx score workbook; a different file may have been attached by mistake.",
    },
    "file.encrypted": {
      message:
        "The file is encrypted with a password to open; it cannot be read until the password is removed.",
      fix: "Open it in Excel, type the password, go to File > Info > Protect Workbook > Encrypt with Password, clear the password, save, and send it again.",
    },
    "file.truncated": {
      message: "The file is truncated (its end or part of its data is missing: {detail}).",
      fix: resendEn,
    },
    "file.corrupt": {
      message: "The .xlsx file is damaged: its zip structure is invalid ({detail}).",
      fix: resendEn,
    },
    "file.tooManyEntries": {
      message: "The .xlsx package has {entries} parts (the limit is {limit}) and was not opened.",
      fix: "Delete unneeded sheets, pictures and objects and save again; do not use the file if its origin is unknown.",
    },
    "file.zipBomb": {
      message:
        "Part “{entry}” of the file inflates to {sizeMB} MB (ratio {ratio}:1; limits {limitMB} MB in all, {limitRatio}:1): a zip bomb; not opened.",
      fix: "Do not use this file; ask the member for the original workbook the add-in made.",
    },
    "file.partMissing": {
      message: "The file is a zip package but not an Excel workbook: the required part {part} is missing.",
      fix: resendEn,
    },
    "file.ambiguousParts": {
      message:
        "The .xlsx package has two parts whose names differ only in case (“{other}” and “{entry}”); readers disagree on which counts, so it was not opened.",
      fix: "Open the file in Excel and save it again as .xlsx (Excel rewrites the package correctly), or ask the member for the original file.",
    },
    "file.unsafePartName": {
      message:
        "The .xlsx package has a part named “{entry}” (with “..”, an absolute path or a backslash): not valid; not opened.",
      fix: "Do not use this file; open it in Excel and save it again as .xlsx, or use the original workbook the add-in made.",
    },
    "file.sheetTooLarge": {
      message: "The sheet has more than {limit} used cells and was not opened.",
      fix: "Delete surplus rows and columns on this sheet (including cells that only carry formatting) and save again; a score sheet needs a few thousand cells.",
    },
  },
});

registerMessages(PACKAGE_MESSAGES);
