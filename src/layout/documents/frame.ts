/**
 * The frame every printed document shares, laid out as Nghị định 30/2020/NĐ-CP (Phụ lục I) presents an
 * administrative document: the issuing body on the left and the national name and motto on the right, the
 * number line on the left and the place and date under the motto on the right, the title centred, and
 * signature blocks (title, "(Ký, ghi rõ họ tên)", room to sign, the name) centred over their columns.
 *
 * Every row gets an explicit height from its text (rowHeight.ts), because neither Excel nor LibreOffice grows
 * a row for wrapped text a program wrote; with the heights known the pages are known too, so a block that
 * must stay on one page (a signature with its title, a form) gets a page break before it when it would
 * straddle one.
 */
import { put, range } from "../build";
import type { PlannedCell, PrintSetup, SheetKind, SheetPlan, StyleName } from "../plan";
import { emptyPlan } from "../plan";
import { heightForLines, rowHeightFor, type TextFont } from "../rowHeight";

/** A4 in millimetres, and the margins of Nghị định 30/2020 (top/bottom 20–25, left 30–35, right 15–20). */
export const A4 = { short: 210, long: 297 } as const;
export const DOC_MARGINS = { left: 30, right: 15, top: 20, bottom: 20, header: 8, footer: 8 } as const;
const PT_PER_MM = 72 / 25.4;

/** The font each palette style prints with (hosts' styles: Times New Roman for doc*, Calibri otherwise). */
export const fontOf = (style: StyleName | undefined): TextFont => {
  switch (style) {
    case "docTitle":
      return { size: 14, bold: true };
    case "docHead":
      return { size: 13, bold: true };
    case "docItalic":
    case "docCenter":
    case "docBody":
    case "docField":
      return { size: 13 };
    case "title":
      return { size: 14, bold: true };
    case "subtitle":
      return { size: 12, bold: true };
    case "header":
    case "section":
    case "subtotal":
    case "total":
    case "signature":
      return { size: 11, bold: true };
    default:
      return { size: 11 };
  }
};

/** Printable width and height of a page in points. */
export const printableArea = (orientation: PrintSetup["orientation"]): { width: number; height: number } => {
  const [w, h] = orientation === "portrait" ? [A4.short, A4.long] : [A4.long, A4.short];
  return {
    width: (w - DOC_MARGINS.left - DOC_MARGINS.right) * PT_PER_MM,
    height: (h - DOC_MARGINS.top - DOC_MARGINS.bottom) * PT_PER_MM,
  };
};

/** Width of Excel columns in points as printed (a width unit is a "0" of Calibri 11, 7 px, plus 5 px padding). */
export const printedWidth = (widths: readonly number[]): number =>
  widths.reduce((s, w) => s + (w * 7 + 5) * 0.75, 0);

export interface Signer {
  /** "TM. HỘI ĐỒNG" where the signer signs for the body. */
  authority?: string;
  title: string;
  /** "(Ký, ghi rõ họ tên)" by default; the member's form prints "(Ký và ghi rõ họ tên)". */
  note?: string;
  name: string;
}

export class DocSheet {
  readonly plan: SheetPlan;
  /** The next free row. */
  row = 0;
  private readonly heights: number[] = [];
  private readonly together: [number, number][] = [];
  private readonly breaks: number[] = [];
  private repeat: { first: number; last: number } | null = null;
  /** Off for sheets of several documents (notices, forms): another document's header must not repeat. */
  repeatHeader = true;

  constructor(
    name: string,
    kind: SheetKind,
    /** Widths of the printed columns (Excel units); a hidden column after them holds anchors, if any. */
    readonly widths: readonly number[],
    readonly orientation: PrintSetup["orientation"]
  ) {
    this.plan = emptyPlan(name, kind);
  }

  get last(): number {
    return this.widths.length - 1;
  }

  /** Column of the hidden anchors, right of the printed ones. */
  get anchorCol(): number {
    return this.widths.length;
  }

  private grow(row: number, height: number): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, height);
  }

  /** Text in a span of columns of a row (merged when wider than one); the row grows to hold it. */
  cell(
    row: number,
    col: number,
    span: number,
    text: string | number | null,
    style: StyleName,
    extra?: Partial<PlannedCell>
  ): void {
    put(this.plan, row, col, text, style, extra);
    if (span > 1) this.plan.merges.push(range(row, col, 1, span));
    const shown = text === null ? "" : String(text);
    this.grow(
      row,
      rowHeightFor([{ text: shown, widths: this.widths.slice(col, col + span), font: fontOf(style) }])
    );
  }

  /** A line across the whole width, on the next row. */
  line(text: string, style: StyleName, extra?: Partial<PlannedCell>): number {
    const r = this.row++;
    this.cell(r, 0, this.widths.length, text, style, extra);
    return r;
  }

  /** Blank rows (a blank line of the document's body font). */
  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.grow(this.row++, heightForLines(1, { size: 13 }));
  }

  /** A hidden key beside a row, for reading the row back (fields the secretariat fills in). */
  anchor(row: number, key: string): void {
    put(this.plan, row, this.anchorCol, key, "anchor");
  }

  /**
   * The header block: issuing body | national name, "" | motto, number line | place and date.
   * `split` is the first column of the right-hand block.
   */
  header(body: string, numberLine: string | null, placeDate: string, split: number): void {
    const r = this.row;
    const right = this.widths.length - split;
    // The body's name may wrap to three lines: it spans the rows of the national name and the motto, so the
    // motto stays right under the national name.
    const name = body.toUpperCase();
    put(this.plan, r, 0, name, "docHead");
    this.plan.merges.push(range(r, 0, 2, split));
    this.cell(r, split, right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "docHead");
    this.cell(r + 1, split, right, "Độc lập - Tự do - Hạnh phúc", "docHead");
    const needed = rowHeightFor([
      { text: name, widths: this.widths.slice(0, split), font: fontOf("docHead") },
    ]);
    this.grow(r + 1, Math.max(heightForLines(1, { size: 13 }), needed - (this.heights[r] ?? 0)));
    if (numberLine) this.cell(r + 2, 0, split, numberLine, "docCenter");
    this.cell(r + 2, split, right, placeDate, "docItalic");
    this.row = r + 3;
    this.blank();
  }

  /** The document type ("BÁO CÁO") and its subject, centred. */
  title(type: string, subject?: string): void {
    this.line(type, "docTitle");
    if (subject) this.line(subject, "docHead");
    this.blank();
  }

  /** A table's header row, repeated on every printed page (one repeated header per sheet). */
  tableHeader(labels: readonly string[], spans?: readonly number[]): number {
    const r = this.row++;
    let col = 0;
    labels.forEach((t, i) => {
      const span = spans?.[i] ?? 1;
      this.cell(r, col, span, t, "header");
      col += span;
    });
    if (!this.repeat && this.repeatHeader) this.repeat = { first: r, last: r };
    return r;
  }

  /** Rows that must print on one page (moved to the next page whole when they would straddle one). */
  keepTogether(first: number, last: number): void {
    this.together.push([first, last]);
  }

  /** A page break before this row. */
  breakBefore(row: number): void {
    if (row > 0) this.breaks.push(row);
  }

  /**
   * Signature blocks side by side on the next rows, each centred over its columns: [first column, span].
   * Kept on one page with the `withRows` rows above them (the line that introduces them).
   */
  signatures(blocks: readonly { cols: [number, number]; signer: Signer }[], withRows = 0): void {
    const first = this.row;
    const top = first - withRows;
    let end = first;
    for (const { cols, signer } of blocks) {
      let r = first;
      const [col, span] = cols;
      if (signer.authority) this.cell(r++, col, span, signer.authority, "docHead");
      this.cell(r++, col, span, signer.title, "docHead");
      this.cell(r++, col, span, signer.note ?? "(Ký, ghi rõ họ tên)", "docItalic");
      r += 4; // room to sign
      this.cell(r, col, span, signer.name || " ", "docHead");
      end = Math.max(end, r);
    }
    for (let r = first; r <= end; r++) this.grow(r, heightForLines(1, { size: 13 }));
    this.keepTogether(Math.max(0, top), end);
    this.row = end + 1;
  }

  /** "Nơi nhận:" and its list, bottom left. */
  recipients(list: readonly string[], span: number): void {
    this.cell(this.row++, 0, span, "Nơi nhận:", "docBody");
    for (const item of list) this.cell(this.row++, 0, span, `- ${item};`, "docBody");
  }

  /**
   * The scales a printing program may print the sheet at when fitting it to the page width: 100 % where the
   * columns' font is Calibri (Excel), down to what a wider substitute font needs (LibreOffice without Carlito
   * measures a width unit with DejaVu Sans, about 7 pt instead of 5.25 pt).
   */
  private scales(): number[] {
    const { width } = printableArea(this.orientation);
    const widest = this.widths.reduce((s, w) => s + w * 7 + 7, 0);
    const low = Math.min(1, width / widest);
    return [1, ...[0.25, 0.5, 0.75, 1].map((f) => 1 - f * (1 - low))].filter((v, i, a) => a.indexOf(v) === i);
  }

  /**
   * Page breaks that keep each block on one page at every plausible scale: the rows are walked once, the page
   * filling tracked per scale; a block that would straddle a page at any scale starts a new page (a manual
   * break resets every scale alike). A block taller than a page is left to run on.
   */
  private keepBreaks(heights: readonly number[]): Set<number> {
    const room = printableArea(this.orientation).height * 0.96;
    const repeat = this.repeat;
    const repeatHeight = repeat ? heights.slice(repeat.first, repeat.last + 1).reduce((a, b) => a + b, 0) : 0;
    const scales = this.scales();
    const used = scales.map(() => 0);
    const breaks = new Set(this.breaks);
    const blocks = new Map<number, number>();
    for (const [first, last] of this.together) blocks.set(first, Math.max(last, blocks.get(first) ?? first));
    const prefix = [0];
    for (const h of heights) prefix.push(prefix[prefix.length - 1]! + h);
    const fresh = (r: number): number => (repeat && r > repeat.last ? repeatHeight : 0);
    for (let r = 0; r < heights.length; r++) {
      const last = blocks.get(r);
      if (last !== undefined && !breaks.has(r)) {
        const tall = prefix[Math.min(last, heights.length - 1) + 1]! - prefix[r]!;
        const straddles = scales.some((s, i) => used[i]! > 0 && used[i]! + tall * s > room);
        const fits = scales.every((s) => fresh(r) + tall * s <= room);
        if (straddles && fits) breaks.add(r);
      }
      const h = heights[r]!;
      scales.forEach((s, i) => {
        if ((breaks.has(r) || used[i]! + h * s > room) && used[i]! > 0) used[i] = fresh(r);
        used[i]! += h * s;
      });
    }
    return breaks;
  }

  /** Writes the heights, widths and print setup; adds breaks that keep blocks whole. */
  finish(footer = "Trang &P/&N"): SheetPlan {
    const n = this.row;
    const heights = Array.from({ length: n }, (_, r) => this.heights[r] ?? heightForLines(1, { size: 11 }));
    const breaks = this.keepBreaks(heights);
    heights.forEach((height, index) => this.plan.rows.push({ index, height }));
    this.widths.forEach((width, index) => this.plan.columns.push({ index, width }));
    this.plan.columns.push({ index: this.anchorCol, width: 4, hidden: true });
    this.plan.print = {
      orientation: this.orientation,
      paper: "A4",
      // Every document is planned to fit its page width at 100 %; fitting is only a guard.
      fitToWidth: true,
      ...(this.repeat ? { repeatRows: this.repeat } : {}),
      footer,
      breaksBefore: [...breaks].filter((r) => r > 0).sort((a, b) => a - b),
      margins: { ...DOC_MARGINS },
    };
    return this.plan;
  }
}

/** "Bắc Ninh, ngày 05 tháng 02 năm 2027" (a leading zero for days 1–9 and months 1–2, as the decree writes). */
export const placeDateLine = (place: string, iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  let date = "ngày …… tháng …… năm ……";
  if (m) {
    const month = Number(m[2]);
    date = `ngày ${m[3]} tháng ${month < 3 ? `0${month}` : month} năm ${m[1]}`;
  }
  return place ? `${place}, ${date}` : `……, ${date}`;
};
