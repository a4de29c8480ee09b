/**
 * The standalone page (the pane outside Office): composition file. The page works on .xlsx files held in
 * memory, so the one host it needs is the file host (the parts host). Views and use cases get it from here as
 * the `WorkbookFiles` port; nothing else under src/taskpane imports a host. Imported only by modules that are
 * loaded on demand (the page's workspace, the standalone secretariat), so the first screen does not carry it.
 */
import type { WorkbookFiles } from "../../app/workbookFiles";
import { partsFiles } from "../../hosts/xlsx/parts/partsFiles";

export const standaloneWorkbooks: WorkbookFiles = partsFiles();
