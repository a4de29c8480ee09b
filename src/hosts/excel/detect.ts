/**
 * Excel side of the pane's host detection: the ExcelApi sets this Excel offers, and whether the open workbook
 * holds an OCOP session (its metadata sheet exists). Its shape matches `ExcelDetection` in
 * src/taskpane/hostInfo.ts structurally, so this adapter imports nothing from the UI.
 *
 * Cost: one Excel.run with one context.sync.
 */

/** The very hidden sheet where a session's metadata lives (see architecture.md, "Rules of thumb"). */
export const OCOP_META_SHEET = "_ocop_meta";

export const excelDetection = {
  supportedApiSets(versions: readonly string[]): { version: string; supported: boolean }[] {
    return versions.map((version) => ({
      version,
      supported: Office.context.requirements.isSetSupported("ExcelApi", version),
    }));
  },

  /** ExcelApi 1.4 (getItemOrNullObject); the manifest requires 1.8. */
  async hasOcopSession(): Promise<boolean> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(OCOP_META_SHEET);
      await context.sync();
      // isNullObject is loaded with the object itself; no explicit load needed.
      return !sheet.isNullObject;
    });
  },
};
