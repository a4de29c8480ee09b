/**
 * Workbook files over the parts host: what the standalone page, the secretariat in Excel (for the members'
 * books) and the command line hand the use cases as their `WorkbookFiles` port (src/app/workbookFiles.ts).
 */
import { packageFindings } from "../packageGuard";
import type { ZipCodec } from "./codec";
import { PartsHost } from "./partsHost";
import { writeZip } from "./zip";

export interface PartsFilesOptions {
  /** How parts are inflated and deflated (fflate by default; Node's zlib in the command line). */
  codec?: ZipCodec;
  /** When new workbooks were made, for their document properties (now by default). */
  created?: Date;
}

export const partsFiles = (opts: PartsFilesOptions = {}) => ({
  open: (bytes: Uint8Array | ArrayBuffer, fileName?: string): Promise<PartsHost> =>
    PartsHost.fromBuffer(bytes, { fileName, codec: opts.codec }),
  create: (fileName?: string): PartsHost =>
    PartsHost.createEmpty({ fileName, codec: opts.codec, created: opts.created }),
  refusal: packageFindings,
  // The books are zips already: the fastest level is as small as any other here.
  zip: async (files: readonly { fileName: string; bytes: Uint8Array }[]): Promise<Uint8Array> =>
    writeZip(
      files.map((f) => ({ kind: "new" as const, name: f.fileName, data: f.bytes })),
      { level: 1 }
    ),
});
