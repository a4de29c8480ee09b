/** Several files in one .zip (the members' books, to send or archive together). */
import JSZip from "jszip";

export const zipFiles = async (
  files: readonly { fileName: string; bytes: Uint8Array }[]
): Promise<Uint8Array> => {
  const zip = new JSZip();
  for (const f of files) zip.file(f.fileName, f.bytes, { binary: true });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};
