/** SHA-256 of a file's bytes through WebCrypto, present in node 20 and in browsers. */
export const sha256Hex = async (bytes: Uint8Array): Promise<string> => {
  const copy = new Uint8Array(bytes); // a plain ArrayBuffer-backed view, as digest() wants
  const digest = await globalThis.crypto.subtle.digest("SHA-256", copy);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
};
