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
 *
 * This module is the entry: it sniffs what the bytes are and hands zips to zipDirectory.ts and OLE2 files to
 * ole2.ts; the vocabulary (limits, codes, verdicts) is packageVerdict.ts and the words packageMessages.ts.
 */
import type { Finding } from "../../ocop/findings";
import { startsWith, u16 } from "./packageBytes";
import { CFB_MAGIC, inspectCfb } from "./ole2";
import { PACKAGE_MESSAGES } from "./packageMessages";
import {
  PACKAGE_CODES,
  context,
  finding,
  megabytes,
  verdict,
  type Ctx,
  type GuardOptions,
  type PackageLimits,
  type PackageVerdict,
  type ZipEntryInfo,
} from "./packageVerdict";
import { inspectZip } from "./zipDirectory";

export {
  PACKAGE_CODES,
  PACKAGE_LIMITS,
  context,
  finding,
  megabytes,
  verdict,
  type Ctx,
  type FileKind,
  type GuardOptions,
  type PackageCode,
  type PackageLimits,
  type PackageVerdict,
  type ZipEntryInfo,
} from "./packageVerdict";
export { unsafePartName } from "./zipDirectory";
export { cfbStreamNames } from "./ole2";
// Re-exported from here so that importing the guard, as every reader does, registers the words.
export { PACKAGE_MESSAGES };

/** Thrown by `assertWorkbookPackage` (and so by `ExcelJsHost.fromBuffer`) when a file is refused. */
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

/** Signatures of files people attach by mistake, named in the finding so the secretariat knows what arrived. */
const OTHER_SIGNATURES: { sig: number[]; name: string }[] = [
  { sig: [0x25, 0x50, 0x44, 0x46], name: "PDF" },
  { sig: [0x89, 0x50, 0x4e, 0x47], name: "PNG" },
  { sig: [0xff, 0xd8, 0xff], name: "JPEG" },
  { sig: [0x52, 0x61, 0x72, 0x21], name: "RAR" },
  { sig: [0x37, 0x7a, 0xbc, 0xaf], name: "7z" },
  { sig: [0x1f, 0x8b], name: "gzip" },
];

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
