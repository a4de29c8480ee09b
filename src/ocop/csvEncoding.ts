/**
 * Which encoding a CSV file's bytes are in, as Vietnamese offices produce them, and its text:
 * - UTF-8 (with or without BOM) and UTF-16 with a BOM are read strictly (an invalid byte is not guessed);
 * - Windows-1258 (Excel's plain "CSV (Comma delimited)" on Vietnamese Windows) is recognised and converted;
 * - TCVN3 (ABC fonts, .VnTime) and VNI (VNI-Times) are refused: their bytes, or the characters their fonts
 *   draw as Vietnamese, mean other letters to every program but those fonts, and converting needs Unikey.
 * Pure (no Node, no DOM), so the command line and the task pane decide alike.
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";
export type LegacyEncoding = "tcvn3" | "vni";

export type Decoded =
  { ok: true; text: string; encoding: CsvEncoding } | { ok: false; legacy: LegacyEncoding | null };

/**
 * Windows-1258 (Vietnamese) from 0x80 to 0xFF, from the code page's published table: 0xA0–0xBF are
 * Latin-1; 0xCC, 0xD2, 0xDE, 0xEC and 0xF2 are the combining grave, hook above, tilde, acute and dot
 * below; 0xC3/0xE3 Ă ă, 0xD0/0xF0 Đ đ, 0xD5/0xF5 Ơ ơ, 0xDD/0xFD Ư ư, 0xFE ₫. -1: no character.
 */
const CP1258_HIGH: readonly number[] = [
  // 0x80
  0x20ac,
  -1,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  -1,
  0x2039,
  0x0152,
  -1,
  -1,
  -1,
  // 0x90
  -1,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  -1,
  0x203a,
  0x0153,
  -1,
  -1,
  0x0178,
  // 0xA0–0xBF: Latin-1
  ...Array.from({ length: 32 }, (_, i) => 0xa0 + i),
  // 0xC0
  0xc0,
  0xc1,
  0xc2,
  0x0102,
  0xc4,
  0xc5,
  0xc6,
  0xc7,
  0xc8,
  0xc9,
  0xca,
  0xcb,
  0x0300,
  0xcd,
  0xce,
  0xcf,
  // 0xD0
  0x0110,
  0xd1,
  0x0309,
  0xd3,
  0xd4,
  0x01a0,
  0xd6,
  0xd7,
  0xd8,
  0xd9,
  0xda,
  0xdb,
  0xdc,
  0x01af,
  0x0303,
  0xdf,
  // 0xE0
  0xe0,
  0xe1,
  0xe2,
  0x0103,
  0xe4,
  0xe5,
  0xe6,
  0xe7,
  0xe8,
  0xe9,
  0xea,
  0xeb,
  0x0301,
  0xed,
  0xee,
  0xef,
  // 0xF0
  0x0111,
  0xf1,
  0x0323,
  0xf3,
  0xf4,
  0x01a1,
  0xf6,
  0xf7,
  0xf8,
  0xf9,
  0xfa,
  0xfb,
  0xfc,
  0x01b0,
  0x20ab,
  0xff,
];

/** Windows-1258 bytes → text (composed, NFC); null when a byte has no character in the code page. */
export const decodeWindows1258 = (b: Uint8Array): string | null => {
  let out = "";
  for (let i = 0; i < b.length; i++) {
    const byte = b[i]!;
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      continue;
    }
    const cp = CP1258_HIGH[byte - 0x80]!;
    if (cp < 0) return null;
    out += String.fromCharCode(cp);
  }
  return out.normalize("NFC");
};

/** Every Vietnamese letter, composed: the vowels with each tone, and đ, in both cases. */
const VIETNAMESE: ReadonlySet<string> = (() => {
  const set = new Set<string>(["đ", "Đ"]);
  for (const base of "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
    for (const tone of ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"])
      set.add((base + tone).normalize("NFC"));
  return set;
})();

/**
 * Whether non-ASCII text reads as Vietnamese: at most one non-ASCII character in ten is something else
 * (Latin-1 symbols and letters such as µ ¸ ø ñ ï that TCVN3 and VNI bytes turn into).
 */
const readsVietnamese = (text: string): boolean => {
  let other = 0;
  let high = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    high++;
    if (!VIETNAMESE.has(ch) && !/[\u2018-\u201e\u2013\u2014\u2026\u20ab\u00a0]/.test(ch)) other++;
  }
  return other * 10 <= high;
};

/**
 * TCVN3 or VNI from the codes of its non-ASCII characters (bytes, or characters below U+0100 of text that
 * was typed in those fonts): TCVN3 puts most Vietnamese letters at 0xA1–0xBF (à 0xB5, á 0xB8, ă 0xA8, đ
 * 0xAE…); VNI writes a plain letter followed by a mark at 0xC0–0xFF (a + 0xF8 = à, a + 0xF9 = á).
 */
const legacyOf = (codes: ArrayLike<number>): LegacyEncoding | null => {
  let high = 0;
  let tcvn = 0;
  let afterLetter = 0;
  let other = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0x80) continue;
    if (c > 0xff) {
      other++;
      continue;
    }
    high++;
    if (c >= 0xa1 && c <= 0xbf) tcvn++;
    const prev = i > 0 ? codes[i - 1]! : 0;
    if (c >= 0xc0 && ((prev >= 0x41 && prev <= 0x5a) || (prev >= 0x61 && prev <= 0x7a))) afterLetter++;
  }
  if (high < 3 || other > high) return null;
  if (tcvn * 10 >= high * 4) return "tcvn3";
  if (afterLetter * 10 >= high * 6) return "vni";
  return null;
};

const codesOf = (text: string): number[] => Array.from(text, (ch) => ch.codePointAt(0)!);

/** The text of a CSV file's bytes, or why it cannot be read (see the top of this file). */
export const decodeCsv = (b: Uint8Array): Decoded => {
  const strict = (label: string, from: number): string | null => {
    try {
      return new TextDecoder(label, { fatal: true }).decode(b.subarray(from));
    } catch {
      return null;
    }
  };
  if (b[0] === 0xff && b[1] === 0xfe) {
    const text = strict("utf-16le", 2);
    return text === null ? { ok: false, legacy: null } : checked(text, "utf-16le");
  }
  if (b[0] === 0xfe && b[1] === 0xff) {
    const text = strict("utf-16be", 2);
    return text === null ? { ok: false, legacy: null } : checked(text, "utf-16be");
  }
  const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const utf8 = strict("utf-8", bom);
  if (utf8 !== null) return checked(utf8, "utf-8");
  if (bom) return { ok: false, legacy: null };
  const legacy = legacyOf(b);
  const cp1258 = decodeWindows1258(b);
  if (cp1258 !== null && readsVietnamese(cp1258)) return { ok: true, text: cp1258, encoding: "windows-1258" };
  return { ok: false, legacy };
};

/** Unicode text that is really TCVN3 or VNI typed with their fonts ("Hµ Néi" for Hà Nội) is refused too. */
const checked = (text: string, encoding: CsvEncoding): Decoded => {
  if (readsVietnamese(text)) return { ok: true, text, encoding };
  const legacy = legacyOf(codesOf(text));
  return legacy ? { ok: false, legacy } : { ok: true, text, encoding };
};
