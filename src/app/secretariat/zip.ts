/** Several files in one .zip (the members' books, to send or archive together). */
import { writeZip } from "../../hosts/xlsx/parts/zip";

export const zipFiles = async (
  files: readonly { fileName: string; bytes: Uint8Array }[]
): Promise<Uint8Array> =>
  // The books are zips already: the fastest level is as small as any other here.
  writeZip(
    files.map((f) => ({ kind: "new" as const, name: f.fileName, data: f.bytes })),
    { level: 1 }
  );
