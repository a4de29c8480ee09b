/**
 * A council's own scoring forms from a workbook (`ocop init --criteria`, the pane's setup step): the
 * criteria sheet is read in the catalogue's sheet shape, and each form passes the built-in forms' checks
 * (schema and integrity) against the session's edition. Every fault names its sheet and cell; only forms
 * without an error are returned, ready for `session.customForms`.
 */
import type { WorkbookHost } from "../hosts/workbook";
import { cellAddress } from "../layout/a1";
import { cellText } from "../layout/build";
import { placeFormFindings } from "../layout/criteriaCells";
import { parseCriteriaSheet } from "../layout/criteriaSheet";
import { LAYOUT_CODES } from "../layout/codes";
import { looseKey } from "../layout/labels";
import { sameSheetName, SHEETS } from "../layout/names";
import type { CellValue } from "../layout/plan";
import { loadEdition } from "../ocop/criteria/builtin";
import { withCustomForms } from "../ocop/criteria/catalogue";
import type { Form } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import type { EditionLoader } from "./catalogue";
import type { WorkbookFiles } from "./workbookFiles";

export interface FormsImport {
  /** Forms without an error, codes normalised ("2" → "02"), in sheet order. */
  forms: Form[];
  /** The sheet the forms were read from, or null when the file has none. */
  sheet: string | null;
  /** Every fault (with sheet and cell) and, as warnings, each form added or replacing a built-in one. */
  findings: Finding[];
}

export interface ImportFormsOptions {
  /** The session's edition: parts and their maxima are checked against it. */
  edition: string;
  file?: string;
  load?: EditionLoader;
}

const HEADER = looseKey("Loại dòng");

/** A sheet typed in the criteria sheet's shape: "Loại dòng" heads column A within the first rows. */
const looksLikeCriteria = (values: CellValue[][]): boolean =>
  values.slice(0, 10).some((row) => looseKey(cellText(row[0])) === HEADER);

/** "Tiêu chí riêng" first (what a council types), then "Tiêu chí" (another council's reference), then any. */
const findSheet = async (host: WorkbookHost): Promise<{ name: string; values: CellValue[][] } | string[]> => {
  const names = (await host.listSheets()).map((s) => s.name);
  const named =
    names.find((n) => sameSheetName(n, SHEETS.customCriteria)) ??
    names.find((n) => sameSheetName(n, SHEETS.criteria));
  const { sheets } = await host.readSheets(named ? [named] : names.filter((n) => n !== SHEETS.meta));
  const grid = sheets.find((g) => looksLikeCriteria(g.values));
  return grid ? { name: grid.name, values: grid.values } : names;
};

export const importForms = async (host: WorkbookHost, opts: ImportFormsOptions): Promise<FormsImport> => {
  const { file } = opts;
  const found = await findSheet(host);
  if (Array.isArray(found)) {
    return {
      forms: [],
      sheet: null,
      findings: [
        {
          code: LAYOUT_CODES.criteriaSheetMissing,
          severity: "error",
          where: { file },
          params: { sheets: found.join(", ") },
        },
      ],
    };
  }
  const sheet = found.name;
  const parsed = parseCriteriaSheet(found.values, opts.edition, sheet, file);
  const findings = [...parsed.findings];
  if (parsed.forms.length === 0)
    findings.push({
      code: LAYOUT_CODES.criteriaNoForms,
      severity: "error",
      where: { file, sheet },
      params: {},
    });
  // A form with a row the parser could not place is incomplete, whatever its sums say.
  const faulty = new Set(
    parsed.findings.filter((f) => f.severity === "error" && f.where.form).map((f) => f.where.form)
  );
  const base = await (opts.load ?? loadEdition)(opts.edition);
  const firstRow = new Map<string, number>();
  const forms: Form[] = [];
  parsed.forms.forEach((form, i) => {
    const rows = parsed.rows[i]!;
    const first = firstRow.get(form.code);
    if (first !== undefined) {
      findings.push({
        code: LAYOUT_CODES.criteriaFormDuplicate,
        severity: "error",
        where: { file, sheet, cell: cellAddress(rows.row, 1), form: form.code },
        params: { code: form.code, first: cellAddress(first, 1) },
      });
      return;
    }
    firstRow.set(form.code, rows.row);
    const checked = withCustomForms(base, [form]);
    findings.push(...placeFormFindings(checked.findings, form, rows, sheet, file));
    const accepted = checked.catalogue.forms.get(form.code);
    if (!hasErrors(checked.findings) && !faulty.has(form.code) && accepted) forms.push(accepted);
  });
  return { forms, sheet, findings };
};

/**
 * The same from a file's bytes (the pane's file picker). A file that is not a readable .xlsx gives the
 * package guard's finding (encrypted, .xls, damaged, …) and no forms.
 */
export const importFormsFile = async (
  file: { name: string; bytes: Uint8Array },
  opts: Omit<ImportFormsOptions, "file"> & { workbooks: WorkbookFiles }
): Promise<FormsImport> => {
  let host: WorkbookHost;
  try {
    host = await opts.workbooks.open(file.bytes, file.name);
  } catch (e) {
    return {
      forms: [],
      sheet: null,
      findings: opts.workbooks.refusal(e) ?? [
        {
          code: LAYOUT_CODES.fileUnreadable,
          severity: "error",
          where: { file: file.name },
          params: { detail: e instanceof Error ? e.message : String(e) },
        },
      ],
    };
  }
  const { workbooks: _workbooks, ...rest } = opts;
  return importForms(host, { ...rest, file: file.name });
};
