/**
 * How tall a row must be for its wrapped text. Neither Excel nor LibreOffice grows a row for wrapped text a
 * program wrote, so every printed sheet sets its heights from the text, the column width and the font.
 *
 * Widths are estimated per character class in em (a fraction of the font size), generously: the metrics are
 * those of the widest fonts a reader may end up with (DejaVu, which LibreOffice substitutes for Times New Roman
 * and Calibri where those are not installed), so a row is never too short, only at times a little tall.
 */

/** Points per Excel column-width unit: one "0" of Calibri 11 is 7 px, plus padding, at 96 dpi (0.75 pt/px). */
const PT_PER_WIDTH_UNIT = 7 * 0.75;
/** Cell padding left and right, in points. */
const PADDING_PT = 4;
/** Line height as a multiple of the font size (LibreOffice and Excel print about 1.2–1.3). */
const LINE = 1.3;

/** Width of one character in em: wide capitals and marks, narrow punctuation. */
const classifyChar = (ch: string): number => {
  if (ch === " ") return 0.32;
  if (/[iljtfrI.,:;'!|()[\]]/.test(ch)) return 0.36;
  if (/[mwMW]/.test(ch)) return 0.95;
  if (/[A-ZÀ-ỸĐ]/u.test(ch) && ch === ch.toUpperCase() && ch !== ch.toLowerCase()) return 0.78;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[☑☐□★…—–]/.test(ch)) return 1.0;
  return 0.62;
};

// A province's forms measure millions of characters from a few hundred distinct ones: classify each once.
const emCache = new Map<string, number>();
const charEm = (ch: string): number => {
  let em = emCache.get(ch);
  if (em === undefined) {
    em = classifyChar(ch);
    emCache.set(ch, em);
  }
  return em;
};

export interface TextFont {
  /** Points. */
  size: number;
  bold?: boolean;
}

/** Width of a text in points at a font. */
export const textWidth = (text: string, font: TextFont): number => {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += charEm(ch);
  return em * font.size * (font.bold ? 1.1 : 1);
};

/** Printable width of a span of columns (Excel width units) in points. */
export const columnsWidthPt = (widths: readonly number[]): number =>
  widths.reduce((s, w) => s + w * PT_PER_WIDTH_UNIT, 0) - PADDING_PT;

// The same criterion texts recur on every member's form of every product: remember the last few thousand.
const LINES_CACHE_MAX = 5000;
const linesCache = new Map<string, number>();

/** Lines a text wraps to in a given width: greedy word wrap per paragraph; a word wider than the line is split. */
export const wrappedLines = (text: string, widthPt: number, font: TextFont): number => {
  const key = `${widthPt}|${font.size}|${font.bold ? 1 : 0}|${text}`;
  const known = linesCache.get(key);
  if (known !== undefined) return known;
  const lines = measureLines(text, widthPt, font);
  if (linesCache.size >= LINES_CACHE_MAX) linesCache.clear();
  linesCache.set(key, lines);
  return lines;
};

const measureLines = (text: string, widthPt: number, font: TextFont): number => {
  const room = Math.max(widthPt, font.size);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/ +/).filter((w) => w !== "");
    if (!words.length) {
      lines++;
      continue;
    }
    let used = 0;
    let count = 1;
    const space = textWidth(" ", font);
    for (const word of words) {
      const w = textWidth(word, font);
      if (w > room) {
        // A long word (a URL, a code) breaks anywhere: it fills what is left and the lines after it.
        const total = used + (used ? space : 0) + w;
        count += Math.floor(total / room);
        used = total % room;
        continue;
      }
      if (used === 0) used = w;
      else if (used + space + w <= room) used += space + w;
      else {
        count++;
        used = w;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
};

/** Row height in points for a number of lines at a font. */
export const heightForLines = (lines: number, font: TextFont): number =>
  Math.ceil(lines * font.size * LINE + 3);

/** The height a row needs for the tallest of its wrapped cells (each a text in a width of columns). */
export const rowHeightFor = (
  cells: readonly { text: string; widths: readonly number[]; font: TextFont }[],
  minimum = 0
): number =>
  cells.reduce(
    (h, c) => Math.max(h, heightForLines(wrappedLines(c.text, columnsWidthPt(c.widths), c.font), c.font)),
    minimum
  );
