/**
 * Sheet passwords as Excel checks them: the stored hash must be what Excel computes from the salt and the
 * password typed, and a page that cannot hash says why instead of failing on an undefined.
 */
import { createHash } from "node:crypto";
import { protectionHash } from "./protectionHash";

/** Excel's check, written independently with node's own SHA-512. */
const excelHash = (password: string, salt: Buffer, spinCount: number): string => {
  let h = createHash("sha512")
    .update(Buffer.concat([salt, Buffer.from(password, "utf16le")]))
    .digest();
  for (let i = 0; i < spinCount; i++) {
    const round = Buffer.alloc(4);
    round.writeUInt32LE(i);
    h = createHash("sha512")
      .update(Buffer.concat([h, round]))
      .digest();
  }
  return h.toString("base64");
};

describe("sheet password hash", () => {
  it("is the hash Excel computes from the stored salt, with a fresh salt each time", async () => {
    const a = await protectionHash("Mật khẩu Hội đồng", 50);
    const b = await protectionHash("Mật khẩu Hội đồng", 50);
    expect(a.spinCount).toBe(50);
    expect(a.hashValue).toBe(excelHash("Mật khẩu Hội đồng", Buffer.from(a.saltValue, "base64"), 50));
    expect(Buffer.from(a.saltValue, "base64")).toHaveLength(16);
    expect(a.saltValue).not.toBe(b.saltValue);
    expect(a.hashValue).not.toContain("Mật");
  });

  it("uses Excel's spin count of 10,000 by default", async () => {
    const h = await protectionHash("x");
    expect(h.spinCount).toBe(10000);
    expect(h.hashValue).toBe(excelHash("x", Buffer.from(h.saltValue, "base64"), 10000));
  });

  it("says the page must be secure when the browser gives no WebCrypto", async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
    Object.defineProperty(globalThis, "crypto", { value: {}, configurable: true });
    try {
      await expect(protectionHash("x", 1)).rejects.toThrow(/https.*localhost/);
    } finally {
      Object.defineProperty(globalThis, "crypto", saved);
    }
  });
});
