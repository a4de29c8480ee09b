/**
 * The task pane inside Excel: composition file, the one module of the pane that meets the Excel adapter. The
 * entry (src/taskpane/index.tsx) takes `excelDetection` from here; the member's and the secretariat's views take
 * their workspace from `loadExcelHosts`, which loads the Excel host and the file host (for the members' books the
 * secretariat collects) on demand, so the pane's first screen carries neither.
 */
import type { WorkbookFiles } from "../../app/workbookFiles";
import { excelDetection } from "../../hosts/excel/detect";
import type { ExcelHost } from "../../hosts/excel/excelHost";
import type { Workspace } from "../member/workspace";

export { excelDetection };

/** The workspace over an Excel host: the host is both the workbook port and the selection source. */
export const excelWorkspaceOver = (host: ExcelHost): Workspace => ({
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

export interface ExcelHosts {
  /** A workspace over the open workbook (one per view that asks). */
  createWorkspace(): Workspace;
  /** Members' books and imported tables, opened and made as files. */
  workbooks: WorkbookFiles;
}

let loading: Promise<ExcelHosts> | null = null;

/** The Excel surface's hosts, loaded once (the same promise every time, as React's `use` needs). */
export const loadExcelHosts = (): Promise<ExcelHosts> =>
  (loading ??= Promise.all([
    import(/* webpackChunkName: "excel-host" */ "../../hosts/excel/excelHost"),
    import(/* webpackChunkName: "parts-host" */ "../../hosts/xlsx/parts/partsFiles"),
  ]).then(([excel, parts]) => ({
    createWorkspace: () => excelWorkspaceOver(new excel.ExcelHost()),
    workbooks: parts.partsFiles(),
  })));
