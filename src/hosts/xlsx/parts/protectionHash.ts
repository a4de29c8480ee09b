/**
 * A sheet password as Excel stores it (ECMA-376 agile: SHA-512 over salt + UTF-16LE password, then
 * `spinCount` rounds over hash + round number). WebCrypto, so it runs in node and in the browser alike (in a
 * browser, on a secure page only).
 */
import type { SheetProtectionHash } from "./writeSheetXml";

const SPIN_COUNT = 10000;

const base64 = (b: Uint8Array): string => {
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
};

const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i * 2] = c & 0xff;
    out[i * 2 + 1] = c >> 8;
  }
  return out;
};

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

export const protectionHash = async (
  password: string,
  spinCount = SPIN_COUNT
): Promise<SheetProtectionHash> => {
  // Browsers give WebCrypto only to secure pages (https, localhost); say so rather than fail on undefined.
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle)
    throw new Error(
      "Không đặt được mật khẩu cho sheet: trang phải mở qua https hoặc localhost. / " +
        "Cannot set a sheet password: open the page over https or from localhost."
    );
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let hash = new Uint8Array(await subtle.digest("SHA-512", concat(salt, utf16le(password))));
  const round = new Uint8Array(4);
  for (let i = 0; i < spinCount; i++) {
    round[0] = i & 0xff;
    round[1] = (i >>> 8) & 0xff;
    round[2] = (i >>> 16) & 0xff;
    round[3] = (i >>> 24) & 0xff;
    hash = new Uint8Array(await subtle.digest("SHA-512", concat(hash, round)));
  }
  return { hashValue: base64(hash), saltValue: base64(salt), spinCount };
};
