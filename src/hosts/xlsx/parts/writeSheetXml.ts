/**
 * One SheetPlan as worksheet XML (and its table parts), for the parts host. The same plan gives the same
 * sheet as the ExcelJS writer (writeSheet.ts): values, formulas, styles, merges, list validations,
 * unlocked cells, protection, freeze panes, print setup and tables. Strings are written inline, so the
 * shared-strings part of the package never has to change.
 */
import { cellAddress, colLetter, quoteSheet, rangeAddress } from "../../../layout/a1";
import type { CellValue, ListValidation, PlannedCell, SheetPlan } from "../../../layout/plan";
import { TABLE_STYLE } from "../../../layout/palette";
import type { StyleBook } from "./stylesXml";
import { marginsInches } from "../../../layout/build";
import { escapeXml } from "./xml";

/** Excel's limits on validation texts and on an inline list (as writeSheet.ts). */
const LIST_LIMIT = 255;
const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + "…" : s);
const footerCode = (text: string): string => (/^&[LCR]/.test(text) ? text : `&C${text}`);

export interface SheetProtectionHash {
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

export interface TableIds {
  /** Next free table id in the workbook (ids are unique across it). */
  nextId: () => number;
}

export interface WrittenSheet {
  xml: string;
  tables: { name: string; xml: string }[];
  /** The print titles as a defined name's text ('Sheet'!$3:$3), when the plan repeats rows. */
  printTitles: string | null;
}

interface Slot {
  value?: CellValue;
  formula?: string;
  style?: PlannedCell["style"];
  numFmt?: string;
  unlocked?: boolean;
  xf: number;
}

const NS =
  `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
  `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;

const numberText = (n: number): string | null => (Number.isFinite(n) ? String(n) : null);

/** ` s="N"` for each style index, built once. */
const STYLE_ATTR: string[] = [""];
const styleAttr = (xf: number): string => (STYLE_ATTR[xf] ??= ` s="${xf}"`);

const cellXml = (ref: string, s: Slot): string => {
  const style = styleAttr(s.xf);
  const v = s.value;
  if (s.formula !== undefined) {
    const f = `<f>${escapeXml(s.formula)}</f>`;
    if (v === undefined || v === null) return `<c r="${ref}"${style}>${f}</c>`;
    if (typeof v === "string") return `<c r="${ref}"${style} t="str">${f}<v>${escapeXml(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    const n = numberText(v);
    return `<c r="${ref}"${style}>${f}${n === null ? "" : `<v>${n}</v>`}</c>`;
  }
  if (v === undefined || v === null) return `<c r="${ref}"${style}/>`;
  if (typeof v === "string")
    return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  const n = numberText(v);
  return n === null ? `<c r="${ref}"${style}/>` : `<c r="${ref}"${style}><v>${n}</v></c>`;
};

const numFmtOf = (p: PlannedCell): string | undefined => {
  let numFmt: string | undefined;
  if (p.asText) numFmt = "@";
  else if (p.numberFormat) numFmt = p.numberFormat;
  if (p.asText && p.numberFormat && p.numberFormat !== "@" && typeof p.value !== "string")
    numFmt = p.numberFormat;
  return numFmt;
};

const validationXml = (v: ListValidation, formula: string): string => {
  const attrs = [`type="list"`, `allowBlank="1"`, `showErrorMessage="1"`, `errorStyle="stop"`];
  if (v.error) {
    attrs.push(
      `errorTitle="${escapeXml(clip(v.error.title, 32))}"`,
      `error="${escapeXml(clip(v.error.message, 225))}"`
    );
  }
  if (v.prompt) {
    attrs.push(
      `showInputMessage="1"`,
      `promptTitle="${escapeXml(clip(v.prompt.title, 32))}"`,
      `prompt="${escapeXml(clip(v.prompt.message, 255))}"`
    );
  }
  attrs.push(`sqref="${rangeAddress(v.range)}"`);
  return `<dataValidation ${attrs.join(" ")}><formula1>${escapeXml(formula)}</formula1></dataValidation>`;
};

export const writeSheetXml = (
  plan: SheetPlan,
  styles: StyleBook,
  opts: { protection?: SheetProtectionHash; tables: TableIds; drawingRelId?: string; tableRelIds?: string[] }
): WrittenSheet => {
  // Rows of slots indexed by column: a province score sheet has ~17,000 cells, so no maps per cell.
  const rows: (Slot | undefined)[][] = [];
  const slot = (row: number, col: number): Slot => {
    const r = (rows[row] ??= []);
    return (r[col] ??= { xf: 0 });
  };

  // Table headers are written from the plan's own header cells; an empty one gets a name (as ExcelJS does).
  const tableHeaders: [number, number, string][] = [];
  for (const t of plan.tables) {
    for (let j = 0; j < t.range.colCount; j++)
      tableHeaders.push([t.range.row, t.range.col + j, `Cột ${j + 1}`]);
  }
  let widest = 0;
  for (const p of plan.cells) {
    const s = slot(p.row, p.col);
    s.style = p.style;
    s.numFmt = numFmtOf(p);
    if (p.formula !== undefined) {
      s.formula = p.formula;
      s.value = p.value ?? null;
    } else if (p.value !== undefined) {
      s.value = p.value;
      delete s.formula;
    }
    if (p.col > widest) widest = p.col;
  }
  for (const [r, c, name] of tableHeaders) {
    const s = slot(r, c);
    if (s.value === undefined || s.value === null || s.value === "") s.value = name;
    else if (typeof s.value !== "string") s.value = String(s.value);
  }

  // Lists too long to write inline go to a hidden column past the widest used one.
  for (const c of plan.columns) widest = Math.max(widest, c.index);
  let spill = widest + 3;
  const spillCols: number[] = [];
  const validations: string[] = [];
  for (const v of plan.validations) {
    const inline = v.list.map(String).join(",");
    let formula: string;
    if (inline.length <= LIST_LIMIT && !v.list.some((x) => String(x).includes(","))) {
      formula = `"${inline.replace(/"/g, '""')}"`;
    } else {
      const col = spill++;
      spillCols.push(col);
      v.list.forEach((item, i) => {
        slot(i, col).value = item;
      });
      formula = `$${colLetter(col)}$1:$${colLetter(col)}$${v.list.length}`;
    }
    validations.push(validationXml(v, formula));
  }

  for (const r of plan.unlocked)
    for (let i = 0; i < r.rowCount; i++)
      for (let j = 0; j < r.colCount; j++) slot(r.row + i, r.col + j).unlocked = true;

  // <cols>: the plan's widths and hidden flags, and the spill columns hidden.
  const colDefs = new Map<number, { width?: number; hidden?: boolean }>();
  for (const c of plan.columns) colDefs.set(c.index, { ...colDefs.get(c.index), ...c });
  for (const c of spillCols) colDefs.set(c, { ...colDefs.get(c), hidden: true });
  const colXml = [...colDefs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, c]) => {
      const width = c.width ?? 9.140625;
      return `<col min="${i + 1}" max="${i + 1}" width="${width}"${c.width !== undefined ? ` customWidth="1"` : ""}${c.hidden ? ` hidden="1"` : ""}/>`;
    })
    .join("");

  // Style indexes by look, without building a key string per cell.
  const xfs = [
    new Map<Slot["style"], Map<string | undefined, number>>(),
    new Map<Slot["style"], Map<string | undefined, number>>(),
  ];
  const xfOf = (s: Slot): number => {
    const byStyle = xfs[s.unlocked ? 1 : 0]!;
    let byFmt = byStyle.get(s.style);
    if (!byFmt) byStyle.set(s.style, (byFmt = new Map()));
    let xf = byFmt.get(s.numFmt);
    if (xf === undefined) byFmt.set(s.numFmt, (xf = styles.xf(s.style, s.numFmt, s.unlocked === true)));
    return xf;
  };
  const rowDefs: (SheetPlan["rows"][number] | undefined)[] = [];
  for (const r of plan.rows) rowDefs[r.index] = { ...rowDefs[r.index], ...r };
  const letters: string[] = [];
  let maxRow = -1;
  let maxCol = 0;
  const rowXml: string[] = [];
  const last = Math.max(rows.length, rowDefs.length);
  for (let r = 0; r < last; r++) {
    const def = rowDefs[r];
    const cells = rows[r];
    if (!def && !cells) continue;
    const attrs = `${def?.height !== undefined ? ` ht="${def.height}" customHeight="1"` : ""}${def?.hidden ? ` hidden="1"` : ""}`;
    maxRow = r;
    let body = "";
    if (cells) {
      const n = String(r + 1);
      for (let c = 0; c < cells.length; c++) {
        const s = cells[c];
        if (!s) continue;
        if (c > maxCol) maxCol = c;
        if (s.style !== undefined || s.numFmt !== undefined || s.unlocked) s.xf = xfOf(s);
        body += cellXml((letters[c] ??= colLetter(c)) + n, s);
      }
    }
    rowXml.push(body ? `<row r="${r + 1}"${attrs}>${body}</row>` : `<row r="${r + 1}"${attrs}/>`);
  }

  const freeze = plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0) ? plan.freeze : null;
  let pane = "";
  if (freeze) {
    const activePane = freeze.rows && freeze.cols ? "bottomRight" : freeze.cols ? "topRight" : "bottomLeft";
    pane =
      `<pane${freeze.cols ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""} ` +
      `topLeftCell="${cellAddress(freeze.rows, freeze.cols)}" activePane="${activePane}" state="frozen"/>` +
      `<selection pane="${activePane}" activeCell="${cellAddress(freeze.rows, freeze.cols)}" sqref="${cellAddress(freeze.rows, freeze.cols)}"/>`;
  }
  const print = plan.print;
  const sheetPr =
    plan.tabColor || print?.fitToWidth
      ? `<sheetPr>${plan.tabColor ? `<tabColor rgb="FF${plan.tabColor.replace("#", "").toUpperCase()}"/>` : ""}${print?.fitToWidth ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>`
      : "";
  const protection = plan.protection
    ? `<sheetProtection${
        opts.protection
          ? ` algorithmName="SHA-512" hashValue="${opts.protection.hashValue}" saltValue="${opts.protection.saltValue}" spinCount="${opts.protection.spinCount}"`
          : ""
      } sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"${(plan.protection.allow ?? []).map((a) => ` ${a}="0"`).join("")}/>`
    : "";
  const merges = plan.merges.length
    ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("")}</mergeCells>`
    : "";
  const dv = validations.length
    ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
    : "";
  let printXml = "";
  if (print) {
    const m = marginsInches(print);
    printXml =
      (print.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "") +
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
      `<pageSetup paperSize="9"${!print.fitToWidth && print.scale ? ` scale="${print.scale}"` : ""} orientation="${print.orientation}"${print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : ""}/>`;
    if (print.header || print.footer)
      printXml += `<headerFooter>${print.header ? `<oddHeader>${escapeXml(footerCode(print.header))}</oddHeader>` : ""}${print.footer ? `<oddFooter>${escapeXml(footerCode(print.footer))}</oddFooter>` : ""}</headerFooter>`;
    const breaks = (print.breaksBefore ?? []).filter((r) => r > 0);
    if (breaks.length)
      printXml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
    const colBreaks = (print.colBreaksBefore ?? []).filter((c) => c > 0);
    if (colBreaks.length)
      printXml += `<colBreaks count="${colBreaks.length}" manualBreakCount="${colBreaks.length}">${colBreaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("")}</colBreaks>`;
  } else {
    printXml = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  }
  const drawing = opts.drawingRelId ? `<drawing r:id="${opts.drawingRelId}"/>` : "";
  const tables = plan.tables.map((t) => {
    const id = opts.tables.nextId();
    const ref = rangeAddress(t.range);
    const columns = Array.from({ length: t.range.colCount }, (_, j) => {
      const v = slot(t.range.row, t.range.col + j).value;
      return `<tableColumn id="${j + 1}" name="${escapeXml(String(v ?? `Cột ${j + 1}`))}"/>`;
    });
    return {
      name: t.name,
      xml:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${columns.join("")}</tableColumns>` +
        `<tableStyleInfo name="${escapeXml(t.style ?? TABLE_STYLE)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    };
  });
  const tableRefs = opts.tableRelIds ?? [];
  const tableParts = tables.length
    ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="${tableRefs[i]}"/>`).join("")}</tableParts>`
    : "";
  const dimension = maxRow >= 0 ? `A1:${cellAddress(maxRow, maxCol)}` : "A1";
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>` +
    sheetPr +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (colXml ? `<cols>${colXml}</cols>` : "") +
    `<sheetData>${rowXml.join("")}</sheetData>` +
    protection +
    merges +
    dv +
    printXml +
    drawing +
    tableParts +
    `</worksheet>`;
  // Excel writes the repeated columns before the repeated rows, comma-separated, in one defined name.
  const titleParts = [
    print?.repeatCols
      ? `${quoteSheet(plan.name)}!$${colLetter(print.repeatCols.first)}:$${colLetter(print.repeatCols.last)}`
      : null,
    print?.repeatRows
      ? `${quoteSheet(plan.name)}!$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`
      : null,
  ].filter((t): t is string => t !== null);
  const printTitles = titleParts.length ? titleParts.join(",") : null;
  return { xml, tables, printTitles };
};
