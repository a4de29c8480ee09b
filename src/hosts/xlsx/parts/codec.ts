/**
 * Deflate, inflate and CRC-32 for the zip package. The portable codec (fflate, pure JavaScript) runs
 * anywhere; on Node the command line passes `nodeCodec` (nodeCodec.ts), whose zlib is native and several
 * times faster. Both must behave the same on bad input, which codec.test.ts checks.
 */
import { Inflate, deflateSync } from "fflate";

export type Inflated =
  | { ok: true; data: Uint8Array }
  /** The data inflates past `size` (a zip bomb lying about its size); `atLeast` is how far it got. */
  | { ok: false; tooLarge: true; atLeast: number }
  /** Not valid deflate data, or shorter than `size`. */
  | { ok: false; tooLarge: false; detail: string };

export interface ZipCodec {
  /** Inflates raw deflate data that must come to exactly `size` bytes, never holding more than that. */
  inflate(raw: Uint8Array, size: number): Inflated;
  deflate(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

const tableCrc32 = (data: Uint8Array): number => {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};

/** Inflates in blocks so data that lies about its size is stopped at the declared size, never held whole. */
const blockInflate = (raw: Uint8Array, size: number): Inflated => {
  const out = new Uint8Array(size);
  let at = 0;
  let lied = false;
  const inflater = new Inflate((chunk) => {
    if (lied) return;
    if (at + chunk.length > out.length) {
      lied = true;
      at += chunk.length;
      return;
    }
    out.set(chunk, at);
    at += chunk.length;
  });
  // Deflate expands at most about 1,032 times, so one 16 KB block never inflates past about 17 MB.
  const BLOCK = 16 * 1024;
  try {
    for (let i = 0; i < raw.length && !lied; i += BLOCK) {
      const end = Math.min(raw.length, i + BLOCK);
      inflater.push(raw.subarray(i, end), end === raw.length);
    }
  } catch (e) {
    return { ok: false, tooLarge: false, detail: (e as Error).message };
  }
  if (lied) return { ok: false, tooLarge: true, atLeast: at };
  if (at !== size) return { ok: false, tooLarge: false, detail: "shorter than declared" };
  return { ok: true, data: out };
};

export const portableCodec: ZipCodec = {
  inflate: blockInflate,
  deflate: (data, level) => deflateSync(data, { level: level as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
  crc32: tableCrc32,
};
