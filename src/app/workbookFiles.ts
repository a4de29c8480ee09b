/**
 * The port through which use cases open and create workbook files (.xlsx bytes), and pack files into a .zip:
 * a member's book to collect, a table to import, the books to hand out. Use cases receive it; each surface's
 * composition file (src/taskpane/compose/, src/cli/compose.ts) says which host stands behind it.
 */
import type { WorkbookHost } from "../hosts/workbook";
import type { Finding } from "../ocop/findings";

/** A workbook held as a file in memory: the workbook port, and its bytes when saved. */
export interface FileWorkbook extends WorkbookHost {
  readonly fileName: string | undefined;
  toBuffer(): Promise<Uint8Array>;
}

export interface WorkbookFiles {
  /** Opens .xlsx bytes; throws what `refusal` explains when they are not a readable workbook. */
  open(bytes: Uint8Array | ArrayBuffer, fileName?: string): Promise<FileWorkbook>;
  /** A new, empty workbook. */
  create(fileName?: string): FileWorkbook;
  /** What `open` refused and why (an .xls, encrypted, damaged…, with how to fix it); null for any other error. */
  refusal(error: unknown): Finding[] | null;
  /** Several files in one .zip. */
  zip(files: readonly { fileName: string; bytes: Uint8Array }[]): Promise<Uint8Array>;
}
