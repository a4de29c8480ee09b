/**
 * Products and members typed elsewhere: rows pasted from Excel (tab-separated), a CSV file (the command
 * line's parser) or an .xlsx file (the "Sản phẩm" / "Thành viên" sheet, else the first visible sheet).
 * Read by the setup sheets' own table reader, so headers may be Vietnamese or English, in any order; rows
 * pasted without their header row are read in the setup sheet's column order.
 */
import { LAYOUT_CODES } from "../../layout/codes";
import { sameSheetName, SHEETS } from "../../layout/names";
import type { CellValue } from "../../layout/plan";
import { MEMBER_FIELDS, membersFromRows, PRODUCT_FIELDS, productsFromRows } from "../../layout/setupSheets";
import { readTable, type FieldSpec } from "../../layout/table";
import { hasErrors, type Finding } from "../../ocop/findings";
import { readCsvBytes } from "../../ocop/csvFile";
import { parseCsv, parseTabbed } from "../../ocop/delimitedText";
import type { Member, Product } from "../../ocop/session";
import type { WorkbookFiles } from "../workbookFiles";
import type { PickedFile, TableImport } from "./types";

/** Rows copied from a spreadsheet carry tabs; anything else is read as CSV. */
export const parseText = (text: string): string[][] => {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  return firstLine.includes("\t") ? parseTabbed(text) : parseCsv(text);
};

/** Puts the setup sheet's headers on top when no row among the first 20 reads as a header row. */
const withHeaders = <K extends string>(
  rows: CellValue[][],
  fields: readonly FieldSpec<K>[]
): CellValue[][] =>
  rows.length && readTable(rows, fields).headerRow < 0 ? [fields.map((f) => f.header), ...rows] : rows;

const rowsOfXlsx = async (
  file: PickedFile,
  preferred: string,
  workbooks: WorkbookFiles
): Promise<CellValue[][]> => {
  const host = await workbooks.open(file.bytes, file.name);
  const sheets = await host.listSheets();
  const pick =
    sheets.find((s) => sameSheetName(s.name, preferred)) ??
    sheets.find((s) => s.visibility === "visible") ??
    sheets[0];
  if (!pick) return [];
  const { sheets: grids } = await host.readSheets([pick.name]);
  return grids[0]?.values ?? [];
};

/** The rows of the source, and what reading a CSV file found (its encoding, an unclosed quote). */
const readRows = async (
  source: PickedFile | { text: string },
  preferred: string,
  workbooks: WorkbookFiles
): Promise<{ rows: CellValue[][]; findings: Finding[] }> => {
  if ("text" in source) return { rows: parseText(source.text), findings: [] };
  if (/\.xlsx$/i.test(source.name))
    return { rows: await rowsOfXlsx(source, preferred, workbooks), findings: [] };
  return readCsvBytes(source.bytes, source.name);
};

const unreadable = (file: string, error: unknown): Finding => ({
  code: LAYOUT_CODES.fileUnreadable,
  severity: "error",
  where: { file },
  params: { detail: error instanceof Error ? error.message : String(error) },
});

const fileOf = (source: PickedFile | { text: string }): string | undefined =>
  "name" in source ? source.name : undefined;

export const importProducts = async (
  source: PickedFile | { text: string },
  workbooks: WorkbookFiles
): Promise<TableImport<Product>> => {
  let read: { rows: CellValue[][]; findings: Finding[] };
  try {
    read = await readRows(source, SHEETS.products, workbooks);
  } catch (e) {
    return { rows: [], findings: workbooks.refusal(e) ?? [unreadable(fileOf(source) ?? "", e)] };
  }
  if (hasErrors(read.findings)) return { rows: [], findings: read.findings };
  const r = productsFromRows(withHeaders(read.rows, PRODUCT_FIELDS), { file: fileOf(source) });
  return { rows: r.products, findings: [...read.findings, ...r.findings] };
};

export const importMembers = async (
  source: PickedFile | { text: string },
  workbooks: WorkbookFiles
): Promise<TableImport<Member>> => {
  let read: { rows: CellValue[][]; findings: Finding[] };
  try {
    read = await readRows(source, SHEETS.members, workbooks);
  } catch (e) {
    return { rows: [], findings: workbooks.refusal(e) ?? [unreadable(fileOf(source) ?? "", e)] };
  }
  if (hasErrors(read.findings)) return { rows: [], findings: read.findings };
  const r = membersFromRows(withHeaders(read.rows, MEMBER_FIELDS), { file: fileOf(source) });
  return { rows: r.members, findings: [...read.findings, ...r.findings] };
};
