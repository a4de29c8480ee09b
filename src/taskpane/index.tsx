/**
 * Task pane entry (webpack entry "taskpane"). Hosts come from the composition file (compose/excel.ts); views
 * receive Excel's detection only as the `ExcelDetection` interface (src/taskpane/hostInfo.ts).
 */
import { excelDetection } from "./compose/excel";
import { startTaskpane } from "./bootstrap";

const container = document.getElementById("container");
if (container) startTaskpane(container, { excel: excelDetection });
