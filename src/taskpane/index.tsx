/**
 * Task pane entry (webpack entry "taskpane"): the composition root. It is the one file of the pane that meets the
 * Excel adapter; views receive it only as the `ExcelDetection` interface (src/taskpane/hostInfo.ts).
 */
// eslint-disable-next-line no-restricted-imports -- composition root: hands the Excel adapter to the pane
import { excelDetection } from "../hosts/excel/detect";
import { startTaskpane } from "./bootstrap";

const container = document.getElementById("container");
if (container) startTaskpane(container, { excel: excelDetection });
