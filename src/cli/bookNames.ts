/**
 * File names of the member books `ocop books` writes: one per member code, safe on Windows, macOS and
 * Linux, unique, and the same on every run (docs/cli.md states the rule):
 * - the code (NFC) with \ / : * ? " < > | and control characters replaced by "_", leading and trailing
 *   dots and blanks removed, a Windows device name (CON, NUL, COM1…) prefixed with "_";
 * - cut to MAX_NAME_BYTES bytes of UTF-8 at a character boundary (file systems count bytes, not letters);
 * - whenever that changed the code, "~" and the code's 6-character shortHash are appended, so A<B, A>B and
 *   A|B become A_B~xxxxxx.xlsx with three different tags, and a code that needed nothing keeps its name.
 */
import { shortHash } from "../layout/names";

/** Bytes of the name before ".xlsx": far below the 255 of common file systems, room for a temp suffix. */
export const MAX_NAME_BYTES = 96;

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const utf8 = new TextEncoder();

/** The longest prefix of `s` (whole characters) that fits in `bytes` bytes of UTF-8. */
export const cutToBytes = (s: string, bytes: number): string => {
  let out = "";
  let used = 0;
  for (const ch of s) {
    const n = utf8.encode(ch).length;
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
};

const safeName = (nfc: string): string => {
  const name = nfc.replace(UNSAFE, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  return DEVICE.test(name) ? `_${name}` : name;
};

/** The name with the code's tag, cut so that the whole fits in MAX_NAME_BYTES. */
const tagged = (nfc: string): string => {
  const tag = `~${shortHash(nfc)}`;
  return `${cutToBytes(safeName(nfc), MAX_NAME_BYTES - tag.length)}${tag}.xlsx`;
};

/** "TV01" → "TV01.xlsx"; see the rule above. */
export const bookFileName = (code: string): string => {
  const nfc = code.normalize("NFC");
  const name = safeName(nfc);
  return name === nfc && cutToBytes(name, MAX_NAME_BYTES) === name ? `${name}.xlsx` : tagged(nfc);
};

/**
 * The file name of each member's book. Codes that would still meet on a file system that ignores case
 * (the session keeps codes in upper case, so only by accident) are both tagged.
 */
export const bookFileNames = (codes: readonly string[]): Map<string, string> => {
  const count = new Map<string, number>();
  for (const code of codes) {
    const key = bookFileName(code).toLowerCase();
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const code of codes) {
    const name = bookFileName(code);
    out.set(code, (count.get(name.toLowerCase()) ?? 0) > 1 ? tagged(code.normalize("NFC")) : name);
  }
  return out;
};
