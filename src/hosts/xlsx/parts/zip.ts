/**
 * The .xlsx package as parts: inflate only the parts asked for, and write a package back copying every
 * part that did not change byte for byte (compressed data and CRC as they were). ExcelJS inflates, parses
 * and re-deflates every part of a workbook to change four sheets; this is what makes the command line's
 * consolidation fast.
 */
import { Inflate, strFromU8, strToU8 } from "fflate";
import { portableCodec, type ZipCodec } from "./codec";
import { decodePartBytes } from "./xmlCanon";
import {
  PackageRefusedError,
  deepCheckRefusal,
  inspectPackage,
  type GuardOptions,
  type ZipEntryInfo,
} from "../packageGuard";

/** A part copied as it was in the source package. */
export interface RawPart {
  kind: "raw";
  name: string;
  method: number;
  crc32: number;
  size: number;
  data: Uint8Array;
}
/** A part written by us (or changed). */
export interface NewPart {
  kind: "new";
  name: string;
  data: Uint8Array;
}
export type Part = RawPart | NewPart;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);

/** A part inflated through the codec, or the guard's refusal when it is corrupt or lies about its size. */
const inflateChecked = (
  raw: Uint8Array,
  entry: ZipEntryInfo,
  opts: GuardOptions,
  codec: ZipCodec
): Uint8Array => {
  if (entry.method === 0) return raw;
  const r = codec.inflate(raw, entry.uncompressedSize);
  if (r.ok) return r.data;
  if (r.tooLarge) throw deepCheckRefusal(opts, { kind: "sizeLie", entry, inflated: r.atLeast });
  throw deepCheckRefusal(opts, { kind: "corrupt", detail: `${entry.name}: ${r.detail}` });
};

/** The parts of an .xlsx package, read on demand. Part names compare without case (as OPC says). */
export class ZipParts {
  private readonly byKey = new Map<string, ZipEntryInfo>();
  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ZipEntryInfo[],
    private readonly opts: GuardOptions,
    readonly codec: ZipCodec
  ) {
    for (const e of entries) if (!e.name.endsWith("/")) this.byKey.set(e.name.toLowerCase(), e);
  }

  /** Checks the package without inflating anything (see packageGuard); throws PackageRefusedError. */
  static open(bytes: Uint8Array, opts: GuardOptions = {}, codec: ZipCodec = portableCodec): ZipParts {
    const verdict = inspectPackage(bytes, opts);
    if (!verdict.ok) throw new PackageRefusedError(verdict.findings);
    return new ZipParts(bytes, verdict.entries, opts, codec);
  }

  get guard(): GuardOptions {
    return this.opts;
  }

  names(): string[] {
    return [...this.byKey.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byKey.has(name.toLowerCase());
  }

  private compressed(e: ZipEntryInfo): Uint8Array {
    const start =
      e.localOffset + 30 + u16(this.bytes, e.localOffset + 26) + u16(this.bytes, e.localOffset + 28);
    return this.bytes.subarray(start, start + e.compressedSize);
  }

  bytesOf(name: string): Uint8Array | undefined {
    const e = this.byKey.get(name.toLowerCase());
    return e ? inflateChecked(this.compressed(e), e, this.opts, this.codec) : undefined;
  }

  text(name: string): string | undefined {
    const b = this.bytesOf(name);
    return b ? decodePartBytes(b) : undefined;
  }

  /** The first `n` characters (about) of a part, inflating no more than that: enough to see a sheet's views. */
  head(name: string, n: number): string | undefined {
    const e = this.byKey.get(name.toLowerCase());
    if (!e) return undefined;
    const raw = this.compressed(e);
    if (e.method === 0) return strFromU8(raw.subarray(0, n));
    const chunks: Uint8Array[] = [];
    let got = 0;
    const inflater = new Inflate((chunk) => {
      chunks.push(chunk);
      got += chunk.length;
    });
    try {
      for (let i = 0; i < raw.length && got < n; i += 4096) {
        const end = Math.min(raw.length, i + 4096);
        inflater.push(raw.subarray(i, end), end === raw.length);
      }
    } catch {
      return undefined;
    }
    const all = new Uint8Array(got);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    // A multi-byte character may be cut at the end; the views come long before that.
    return new TextDecoder().decode(all.subarray(0, Math.min(got, n)));
  }

  /** The part as stored, to be copied into another package unchanged. */
  raw(name: string): RawPart | undefined {
    const e = this.byKey.get(name.toLowerCase());
    if (!e) return undefined;
    return {
      kind: "raw",
      name: e.name,
      method: e.method,
      crc32: e.crc32,
      size: e.uncompressedSize,
      data: this.compressed(e),
    };
  }
}

// ------------------------------------------------------------------------------------------ writing

/** A part from text. */
export const textPart = (name: string, text: string): NewPart => ({ kind: "new", name, data: strToU8(text) });

/** DOS date and time of a moment (zip's own format), local time as zip tools expect. */
const dosTime = (d: Date): { time: number; date: number } => ({
  time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
});

/**
 * A zip of the parts, in the given order ([Content_Types].xml first, as Office writes it). New parts are
 * deflated at a level that favours speed: they are XML and still shrink about tenfold.
 */
export const writeZip = (
  parts: Part[],
  opts: { level?: number; now?: Date; codec?: ZipCodec } = {}
): Uint8Array => {
  const level = opts.level ?? 3;
  const codec = opts.codec ?? portableCodec;
  const { time, date } = dosTime(opts.now ?? new Date());
  const encoded = parts.map((p) => {
    const name = strToU8(p.name);
    if (p.kind === "raw") return { name, method: p.method, crc: p.crc32, size: p.size, data: p.data };
    const data = codec.deflate(p.data, level);
    return { name, method: 8, crc: codec.crc32(p.data), size: p.data.length, data };
  });
  let total = 22;
  for (const e of encoded) total += 30 + e.name.length + e.data.length + 46 + e.name.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  const header = (sig: number, e: (typeof encoded)[number], central: boolean, offset: number): void => {
    view.setUint32(at, sig, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: 2.0
      at += 2;
    }
    view.setUint16(at, 20, true); // needed: 2.0
    view.setUint16(at + 2, 0x0800, true); // UTF-8 names
    view.setUint16(at + 4, e.method, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
    view.setUint16(at + 24, 0, true); // extra
    at += 26;
    if (central) {
      view.setUint16(at, 0, true); // comment
      view.setUint16(at + 2, 0, true); // disk
      view.setUint16(at + 4, 0, true); // internal attributes
      view.setUint32(at + 6, 0, true); // external attributes
      view.setUint32(at + 10, offset, true);
      at += 14;
    }
    out.set(e.name, at);
    at += e.name.length;
  };
  for (const e of encoded) {
    offsets.push(at);
    header(0x04034b50, e, false, 0);
    out.set(e.data, at);
    at += e.data.length;
  }
  const cdStart = at;
  encoded.forEach((e, i) => header(0x02014b50, e, true, offsets[i]!));
  const cdSize = at - cdStart;
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 4, 0, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, encoded.length, true);
  view.setUint16(at + 10, encoded.length, true);
  view.setUint32(at + 12, cdSize, true);
  view.setUint32(at + 16, cdStart, true);
  view.setUint16(at + 20, 0, true);
  return out;
};
