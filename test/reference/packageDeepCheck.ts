/**
 * Step 2 of the package guard (packageGuard.ts) for the ExcelJS host: every entry streamed through JSZip's
 * inflater without being kept, stopped as soon as it inflates past its declared size, and each worksheet's
 * cells counted up to the limit, so ExcelJS never builds a sheet that is too big. Kept apart so that code
 * which does not read through JSZip (the parts host, which the command line and the task pane use) does not
 * load it.
 */
import JSZip from "jszip";
import type { Finding } from "../../src/ocop/findings";
import {
  PACKAGE_CODES,
  PackageRefusedError,
  context,
  finding,
  inspectPackage,
  megabytes,
  verdict,
  type GuardOptions,
  type PackageVerdict,
} from "../../src/hosts/xlsx/packageGuard";

/** Counts `<c …>` / `<x:c …>` start tags in a byte stream, across chunk boundaries. */
class CellCounter {
  count = 0;
  private inName = false;
  private name = "";
  feed(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (!this.inName) {
        if (ch === 0x3c) {
          this.inName = true;
          this.name = "";
        }
        continue;
      }
      const nameChar =
        (ch >= 0x61 && ch <= 0x7a) ||
        (ch >= 0x41 && ch <= 0x5a) ||
        (ch >= 0x30 && ch <= 0x39) ||
        ch === 0x3a ||
        ch === 0x5f ||
        ch === 0x2d ||
        ch === 0x2e;
      if (nameChar && this.name.length < 64) {
        this.name += String.fromCharCode(ch);
        continue;
      }
      if (
        (ch === 0x20 || ch === 0x3e || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d) &&
        (this.name === "c" || this.name.endsWith(":c"))
      ) {
        this.count++;
      }
      this.inName = ch === 0x3c;
      this.name = "";
    }
  }
}

const xmlUnescape = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    e === "lt"
      ? "<"
      : e === "gt"
        ? ">"
        : e === "quot"
          ? '"'
          : e === "apos"
            ? "'"
            : e === "amp"
              ? "&"
              : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  );

/** Worksheet part -> sheet name, from xl/workbook.xml and its relationships (falls back to the part name). */
const sheetNames = async (zip: JSZip): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (!id || !target) continue;
    const t = xmlUnescape(target);
    targets.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`.replace(/\/\.\//g, "/"));
  }
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\b(?:\w+:)?id="([^"]*)"/.exec(m[0].replace(/\bsheetId="[^"]*"/, ""))?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) out.set(part, xmlUnescape(name));
  }
  return out;
};

/** JSZip's undeclared (but public, documented) stream helper. */
interface StreamHelper {
  on(event: "data", fn: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", fn: (e: Error) => void): StreamHelper;
  on(event: "end", fn: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Streams one entry through the inflater; `onChunk` returns false to stop early. */
const streamEntry = (file: JSZip.JSZipObject, onChunk: (chunk: Uint8Array) => boolean): Promise<void> =>
  new Promise((resolve, reject) => {
    let stopped = false;
    // JSZip streams in 16 KB blocks of compressed input, so pausing stops within a block.
    const helper = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream(
      "uint8array"
    );
    helper
      .on("data", (chunk) => {
        if (stopped) return;
        if (!onChunk(chunk)) {
          stopped = true;
          helper.pause();
          resolve();
        }
      })
      .on("error", (e: Error) => (stopped ? undefined : reject(e)))
      .on("end", () => (stopped ? undefined : resolve()));
    helper.resume();
  });

/**
 * The full check: `inspectPackage`, then each entry inflated as a stream (never held whole) to confirm
 * its declared size and count the cells of each worksheet. Returns findings; never throws.
 */
export const guardPackage = async (
  input: Uint8Array | ArrayBuffer,
  opts: GuardOptions = {}
): Promise<PackageVerdict> => {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const first = inspectPackage(bytes, opts);
  if (!first.ok) return first;
  const ctx = context(opts);
  const declared = new Map(first.entries.map((e) => [e.name, e.uncompressedSize]));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    return verdict(
      "zip",
      [finding(ctx, PACKAGE_CODES.corrupt, { detail: (e as Error).message })],
      first.entries
    );
  }
  const names = await sheetNames(zip).catch(() => new Map<string, string>());
  const findings: Finding[] = [];
  for (const entry of first.entries) {
    const file = zip.file(entry.name);
    if (!file || file.dir) continue;
    const limit = declared.get(entry.name) ?? 0;
    const sheet =
      names.get(entry.name) ?? (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) ? entry.name : undefined);
    const counter = sheet !== undefined ? new CellCounter() : null;
    let inflated = 0;
    let lied = false;
    try {
      await streamEntry(file, (chunk) => {
        inflated += chunk.length;
        if (inflated > limit) {
          lied = true;
          return false;
        }
        if (counter) {
          counter.feed(chunk);
          if (counter.count > ctx.limits.maxCellsPerSheet) return false;
        }
        return true;
      });
    } catch (e) {
      findings.push(
        finding(ctx, PACKAGE_CODES.corrupt, { detail: `${entry.name}: ${(e as Error).message}` })
      );
      break;
    }
    if (lied) {
      findings.push(
        finding(ctx, PACKAGE_CODES.zipBomb, {
          entry: entry.name,
          sizeMB: megabytes(inflated),
          ratio: Math.round(inflated / Math.max(1, entry.compressedSize)),
          totalMB: megabytes(limit),
          limitMB: megabytes(ctx.limits.maxUncompressedBytes),
          limitRatio: ctx.limits.maxEntryRatio,
          detail: "declared size exceeded",
        })
      );
      break;
    }
    if (counter && counter.count > ctx.limits.maxCellsPerSheet) {
      findings.push(
        finding(
          ctx,
          PACKAGE_CODES.sheetTooLarge,
          { cells: counter.count, limit: ctx.limits.maxCellsPerSheet },
          { sheet }
        )
      );
      break;
    }
  }
  return verdict(findings.length ? "zip" : "xlsx", findings, first.entries);
};

/** Throws `PackageRefusedError` unless the bytes are an .xlsx package within the limits. */
export const assertWorkbookPackage = async (
  input: Uint8Array | ArrayBuffer,
  opts: GuardOptions = {}
): Promise<void> => {
  const v = await guardPackage(input, opts);
  if (!v.ok) throw new PackageRefusedError(v.findings);
};
