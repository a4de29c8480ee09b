/** Test doubles for the Office and Excel globals the pane meets. */
import { OfficeMockObject } from "office-addin-mock";
import { OCOP_META_SHEET } from "../../src/hosts/excel/detect";
import type { OfficeLike } from "../../src/taskpane/office";

export interface FakeOfficeOptions {
  host?: string | null;
  platform?: string | null;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  /** Highest ExcelApi minor version the host supports (1.x); default 17. */
  maxExcelApiMinor?: number;
  /** When given, onReady resolves only when this promise does. */
  readyAfter?: Promise<void>;
}

export type FakeOffice = OfficeLike & {
  context: { requirements: { isSetSupported(n: string, v?: string): boolean } };
};

/** A plain stand-in for the `Office` global (common API: onReady, context, requirements). */
export function fakeOffice(options: FakeOfficeOptions = {}): FakeOffice {
  const maxMinor = options.maxExcelApiMinor ?? 17;
  const info = {
    host: options.host === undefined ? "Excel" : options.host,
    platform: options.platform ?? "OfficeOnline",
  };
  return {
    onReady: async () => {
      if (options.readyAfter) await options.readyAfter;
      return info;
    },
    context: {
      displayLanguage: options.displayLanguage ?? "vi-VN",
      officeTheme: options.bodyBackgroundColor ? { bodyBackgroundColor: options.bodyBackgroundColor } : null,
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && Number((version ?? "1.1").split(".")[1]) <= maxMinor,
      },
    },
  };
}

/**
 * An `Excel` global built with office-addin-mock: Excel.run hands the callback a mocked context whose
 * worksheets.getItemOrNullObject answers from `sheets` (office-addin-mock has no collections, so the method is seeded).
 */
export function fakeExcel(sheets: string[], failWith?: Error): unknown {
  return new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItemOrNullObject: (name: string) => ({ name, isNullObject: !sheets.includes(name) }),
        },
      },
    },
    run: async function (this: { context: unknown }, callback: (context: unknown) => Promise<unknown>) {
      if (failWith) throw failWith;
      return callback(this.context);
    },
  });
}

export const SESSION_SHEETS = [OCOP_META_SHEET, "Phiếu chấm"];

/** Installs globals for one test; returns a restore function. */
export function installGlobals(globals: { Office?: unknown; Excel?: unknown }): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { Office: g.Office, Excel: g.Excel };
  for (const key of ["Office", "Excel"] as const) {
    if (key in globals) g[key] = globals[key];
  }
  return () => {
    for (const key of ["Office", "Excel"] as const) {
      if (before[key] === undefined) delete g[key];
      else g[key] = before[key];
    }
  };
}
