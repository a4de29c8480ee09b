/**
 * The package guard's vocabulary: the limits a file must keep within, the finding codes, what a verdict on the
 * bytes looks like, and the one way a finding is made (the file's name as its place, the caller's limits over
 * the defaults). The zip, OLE2 and deep checks all speak it; packageGuard.ts is the entry that uses them.
 */
import type { Finding, Where } from "../../ocop/findings";

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

const MB = 1024 * 1024;
/** Shared with the deep check, as are `finding`, `verdict` and `context` below. */
export const megabytes = (n: number): number => Math.round((n / MB) * 10) / 10;

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
