/**
 * The command line: composition file. Workbooks are .xlsx files on disk, read and written through the parts
 * host with Node's zlib (faster than the portable codec the browser uses).
 */
import type { WorkbookFiles } from "../app/workbookFiles";
import { nodeCodec } from "../hosts/xlsx/parts/nodeCodec";
import { partsFiles } from "../hosts/xlsx/parts/partsFiles";

/** Workbook files for one run; `created` dates the workbooks it makes (the run's clock, for repeatable output). */
export const cliWorkbooks = (created?: Date): WorkbookFiles => partsFiles({ codec: nodeCodec, created });
