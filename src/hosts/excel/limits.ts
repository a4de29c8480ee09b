/**
 * The sizes the Excel host keeps its requests and responses under (docs/excel-limits.md): Excel on the web refuses
 * a request or a response over 5 MB, so reads and writes are packed into pieces below these budgets. The
 * defaults live here, apart from the host, so the reader and the writer modules share them without importing
 * the facade.
 */
export interface ExcelHostLimits {
  /** Largest request the host sends (Excel on the web refuses more than 5 MB). */
  requestBytes: number;
  /** Largest response a read asks for (Excel on the web refuses more than 5 MB). */
  responseBytes: number;
  /** Largest block of cells one range load reads. */
  readChunkCells: number;
  requestCells: number;
  /** Largest single range write. */
  chunkBytes: number;
  chunkCells: number;
}

export const DEFAULT_LIMITS: ExcelHostLimits = {
  requestBytes: 4 * 1024 * 1024,
  responseBytes: 4 * 1024 * 1024,
  readChunkCells: 50_000,
  requestCells: 500_000,
  chunkBytes: 1024 * 1024,
  chunkCells: 125_000,
};
