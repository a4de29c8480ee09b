/** The file host that ships, as the `WorkbookFiles` port the use cases take (what the standalone page wires). */
import type { WorkbookFiles } from "../../src/app/workbookFiles";
import { partsFiles } from "../../src/hosts/xlsx/parts/partsFiles";

export const testWorkbooks: WorkbookFiles = partsFiles();
