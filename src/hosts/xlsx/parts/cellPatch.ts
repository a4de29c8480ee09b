/**
 * Cell patching: one sheet part's XML with some cells' values replaced in place (styles kept, cells and rows added
 * where missing), for the parts host's `cellWrites` (a score typed by the assistant, a member's book imported into
 * a sheet that is not rebuilt). Text is written as inline text, never as a formula.
 */
import { cellAddress, parseAddress } from "../../../layout/a1";
import type { CellValue } from "../../../layout/plan";
import type { ApplyRequest } from "../../workbook";
import { attribute, escapeXml } from "./xml";

const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

/** Finds a row's element by its r attribute; rows are in order, as the schema requires. */
const findRow = (xml: string, row: number): { start: number; end: number; text: string } | null => {
  const data = xml.indexOf("<sheetData");
  if (data < 0) return null;
  const probe = xml.indexOf(`<row r="${row + 1}"`, data);
  if (probe < 0) return null;
  ROW.lastIndex = probe;
  const m = ROW.exec(xml);
  return m && m.index === probe ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
};

const CELL = /<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g;

/** The style index of a cell (its own, else its row's), or undefined. */
export const cellStyle = (xml: string, row: number, col: number): number | undefined => {
  const r = findRow(xml, row);
  if (!r) return undefined;
  const ref = cellAddress(row, col);
  for (const m of r.text.matchAll(CELL)) {
    if (attribute(`<c${m[1]}>`, "r") !== ref) continue;
    const s = attribute(`<c${m[1]}>`, "s");
    return s === undefined ? undefined : Number(s);
  }
  const rowTag = /^<row\b[^>]*>/.exec(r.text)?.[0] ?? "";
  const s = attribute(rowTag, "s");
  return s === undefined ? undefined : Number(s);
};

const valueXml = (ref: string, style: string, value: CellValue): string => {
  if (value === null || value === "") return `<c r="${ref}"${style}/>`;
  if (typeof value === "number")
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style}/>`;
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  // Inline text is text whatever it starts with: "=1+1" typed as a score stays a string, never a formula.
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
};

export type CellWrite = NonNullable<ApplyRequest["cellWrites"]>[number];

/**
 * The sheet's XML with many cells' values replaced, in the order given. Each row is found once and edited on
 * its own, so a batch costs one pass over the sheet however many cells it writes (setCell per write would
 * copy the whole sheet each time).
 */
export const setCells = (xml: string, writes: readonly CellWrite[]): string => {
  if (writes.length === 1) return setCell(xml, writes[0]!.row, writes[0]!.col, writes[0]!.value);
  const data = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!data) return xml;
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  // A row's edits go through setCell on a document of that row alone.
  const edited = (rowXml: string, list: CellWrite[]): string => {
    let doc = `<sheetData>${rowXml}</sheetData>`;
    for (const w of list) doc = setCell(doc, w.row, w.col, w.value);
    return doc.slice("<sheetData>".length, -"</sheetData>".length);
  };
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let next = 0; // index into pending: rows still to write, in order
  const newRowsBefore = (rowNumber: number): string => {
    let out = "";
    while (next < pending.length && pending[next]! + 1 < rowNumber) {
      const r = pending[next++]!;
      out += edited("", byRow.get(r)!);
    }
    return out;
  };
  if (data[1] === "/") {
    const rows = newRowsBefore(Infinity);
    return (
      xml.slice(0, data.index) + `<sheetData>${rows}</sheetData>` + xml.slice(data.index + data[0].length)
    );
  }
  const bodyStart = data.index + data[0].length;
  const end = xml.indexOf("</sheetData>", bodyStart);
  if (end < 0) return xml;
  let out = xml.slice(0, bodyStart);
  let at = bodyStart;
  // Its own expression: setCell (in `edited`) moves the shared one's lastIndex.
  const rows = new RegExp(ROW.source, "g");
  rows.lastIndex = bodyStart;
  for (let m = rows.exec(xml); m && m.index < end; m = rows.exec(xml)) {
    const rowNumber = Number(attribute(/^<row\b[^>]*>/.exec(m[0])?.[0] ?? "", "r"));
    out += xml.slice(at, m.index) + newRowsBefore(rowNumber);
    const own = byRow.get(rowNumber - 1);
    if (own && pending[next] === rowNumber - 1) next++;
    out += own ? edited(m[0], own) : m[0];
    at = m.index + m[0].length;
  }
  return out + xml.slice(at, end) + newRowsBefore(Infinity) + xml.slice(end);
};

/** The sheet's XML with one cell's value replaced (its style kept), the cell or row added if missing. */
export const setCell = (xml: string, row: number, col: number, value: CellValue): string => {
  const ref = cellAddress(row, col);
  const r = findRow(xml, row);
  if (r) {
    let inserted: string | null = null;
    const openEnd = r.text.indexOf(">") + 1;
    const selfClosing = r.text.endsWith("/>") && !r.text.includes("</row>");
    if (selfClosing) {
      const open = r.text.slice(0, -2) + ">";
      inserted = `${open}${valueXml(ref, "", value)}</row>`;
    } else {
      let before = -1;
      for (const m of r.text.matchAll(CELL)) {
        const tag = `<c${m[1]}>`;
        const at = parseAddress(attribute(tag, "r") ?? "");
        if (at && at.col === col) {
          const s = attribute(tag, "s");
          const replaced = valueXml(ref, s !== undefined ? ` s="${s}"` : "", value);
          inserted = r.text.slice(0, m.index) + replaced + r.text.slice(m.index! + m[0].length);
          break;
        }
        if (at && at.col > col && before < 0) before = m.index!;
      }
      if (inserted === null) {
        const at = before >= 0 ? before : r.text.length - "</row>".length;
        inserted =
          r.text.slice(0, Math.max(at, openEnd)) +
          valueXml(ref, "", value) +
          r.text.slice(Math.max(at, openEnd));
      }
    }
    return xml.slice(0, r.start) + inserted + xml.slice(r.end);
  }
  // No such row: insert a new one before the first row after it.
  const data = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!data) return xml;
  const newRow = `<row r="${row + 1}">${valueXml(ref, "", value)}</row>`;
  if (data[1] === "/")
    return (
      xml.slice(0, data.index) + `<sheetData>${newRow}</sheetData>` + xml.slice(data.index + data[0].length)
    );
  const end = xml.indexOf("</sheetData>", data.index);
  ROW.lastIndex = data.index;
  for (let m = ROW.exec(xml); m && m.index < end; m = ROW.exec(xml)) {
    const n = Number(attribute(/^<row\b[^>]*>/.exec(m[0])?.[0] ?? "", "r"));
    if (n > row + 1) return xml.slice(0, m.index) + newRow + xml.slice(m.index);
  }
  return xml.slice(0, end) + newRow + xml.slice(end);
};
