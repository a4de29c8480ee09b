/**
 * The two zip codecs must agree: what one deflates the other inflates, and both stop a part that inflates
 * past its declared size, refuse corrupt data and report a part shorter than declared.
 */
import { deflateRawSync } from "node:zlib";
import { portableCodec, type ZipCodec } from "./codec";
import { nodeCodec } from "./nodeCodec";

const CODECS: [string, ZipCodec][] = [
  ["portable (fflate)", portableCodec],
  ["node (zlib)", nodeCodec],
];

const xml = new TextEncoder().encode(
  `<?xml version="1.0"?><sheetData>${Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i % 7}</v></c></row>`).join("")}</sheetData>`
);

describe.each(CODECS)("zip codec: %s", (_name, codec) => {
  it.each(CODECS)("inflates what the %s codec deflated, at every level used", (_other, writer) => {
    for (const level of [1, 3, 6]) {
      const packed = writer.deflate(xml, level);
      expect(packed.length).toBeLessThan(xml.length / 5);
      const r = codec.inflate(packed, xml.length);
      expect(r.ok && Buffer.from(r.data).equals(Buffer.from(xml))).toBe(true);
    }
  });

  it("gives the CRC-32 zip tools give", () => {
    expect(codec.crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(codec.crc32(new Uint8Array(0))).toBe(0);
    expect(codec.crc32(xml)).toBe(portableCodec.crc32(xml));
  });

  it("stops a part that inflates past its declared size without inflating it all", () => {
    // 16 MB of sheet XML (it packs about tenfold, so it spans many of the portable codec's input blocks).
    const big = new Uint8Array(16 * 1024 * 1024);
    for (let at = 0; at < big.length; at += xml.length) big.set(xml.subarray(0, big.length - at), at);
    const bomb = deflateRawSync(big);
    const r = codec.inflate(bomb, 1000);
    expect(r.ok).toBe(false);
    if (r.ok || !r.tooLarge) throw new Error("expected tooLarge");
    expect(r.atLeast).toBeGreaterThan(1000);
    expect(r.atLeast).toBeLessThan(big.length / 4);
  });

  it("reports a part shorter than declared, and data that is not deflate", () => {
    const short = codec.inflate(deflateRawSync(xml), xml.length + 10);
    expect(short).toEqual({ ok: false, tooLarge: false, detail: "shorter than declared" });
    const junk = codec.inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x02]), 100);
    expect(junk.ok).toBe(false);
    if (junk.ok) return;
    expect(junk.tooLarge).toBe(false);
    const cut = codec.inflate(deflateRawSync(xml).subarray(0, 40), xml.length);
    expect(cut.ok).toBe(false);
  });

  it("inflates an empty part", () => {
    const r = codec.inflate(deflateRawSync(new Uint8Array(0)), 0);
    expect(r.ok && r.data.length).toBe(0);
  });
});
