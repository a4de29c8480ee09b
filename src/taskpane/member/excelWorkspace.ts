/**
 * The member's workspace inside Excel. This is composition, like src/taskpane/index.tsx: the one member module
 * that meets the Excel adapter, loaded lazily by the pane; views only see the `Workspace` interface. The
 * ExcelHost is both the workbook port and the selection source (Excel's own selection events).
 */
// eslint-disable-next-line no-restricted-imports -- composition root: builds the Excel adapter for the views
import { ExcelHost } from "../../hosts/excel/excelHost";
import type { Workspace } from "./workspace";

export const createExcelWorkspace = (host: ExcelHost = new ExcelHost()): Workspace => ({
  kind: "excel",
  host,
  selection: host,
  async select(cell) {
    await host.apply({ plans: [], select: cell });
  },
  // No change events: the pane reads the sheet again when Excel's selection moves (after the member types in a
  // cell and presses Enter or Tab) and after its own writes.
  // The workbook is the member's own file: saving it is the member's Ctrl+S (office.js cannot save a local file).
  async save() {
    return { kind: "saveYourself" };
  },
});
