/**
 * OLE2 (compound file) detection: the container of Excel 97–2003 .xls books, of legacy Word and PowerPoint
 * files, and of password-encrypted .xlsx (an encrypted OOXML package is an OLE2 file holding EncryptionInfo and
 * EncryptedPackage streams). Reading the directory's stream names tells which of these arrived.
 */
import { startsWith, u16, u32 } from "./packageBytes";
import { PACKAGE_CODES, finding, verdict, type Ctx, type PackageVerdict } from "./packageVerdict";

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

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

export const inspectCfb = (b: Uint8Array, ctx: Ctx): PackageVerdict => {
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
