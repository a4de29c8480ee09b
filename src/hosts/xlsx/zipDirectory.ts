/**
 * The zip's central directory walked by hand, inflating nothing: entry count, declared sizes and compression
 * ratios (a zip bomb is refused before it is opened), local headers inside the file, names readers would
 * disagree on or that could escape a folder, and then what the sound zip is — a workbook, another spreadsheet
 * format (.ods, .xlsb), or something else zipped (a Word document).
 */
import type { Finding } from "../../ocop/findings";
import { ascii, u16, u32, u64 } from "./packageBytes";
import {
  PACKAGE_CODES,
  finding,
  megabytes,
  verdict,
  type Ctx,
  type PackageVerdict,
  type ZipEntryInfo,
} from "./packageVerdict";

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;

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

export const inspectZip = (b: Uint8Array, ctx: Ctx): PackageVerdict => {
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
