/**
 * Text positions of a PDF (`pdftotext -bbox-layout`, poppler-utils) and the print checks on them: no two text
 * lines overlap, every line is inside its page, a signature note is on the page of its title.
 */
import { execFileSync, spawnSync } from "node:child_process";

export interface TextLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfText {
  pages: { width: number; height: number }[];
  lines: TextLine[];
}

export const popplerOnPath = (): boolean =>
  spawnSync("sh", ["-c", "command -v pdftotext && command -v pdftoppm"], { stdio: "pipe" }).status === 0;

const attr = (tag: string, name: string): number =>
  Number(new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1] ?? NaN);
const decode = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export const readPdfText = (file: string): PdfText => {
  const xml = execFileSync("pdftotext", ["-bbox-layout", file, "-"], {
    encoding: "utf8",
    maxBuffer: 512 << 20,
  });
  const pages: PdfText["pages"] = [];
  const lines: TextLine[] = [];
  const pageRe = /<page ([^>]*)>([\s\S]*?)<\/page>/g;
  for (let m = pageRe.exec(xml); m; m = pageRe.exec(xml)) {
    const page = pages.length;
    pages.push({ width: attr(m[1]!, "width"), height: attr(m[1]!, "height") });
    const lineRe = /<line ([^>]*)>([\s\S]*?)<\/line>/g;
    for (let l = lineRe.exec(m[2]!); l; l = lineRe.exec(m[2]!)) {
      const words = [...l[2]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!));
      lines.push({
        page,
        text: words.join(" "),
        xMin: attr(l[1]!, "xMin"),
        yMin: attr(l[1]!, "yMin"),
        xMax: attr(l[1]!, "xMax"),
        yMax: attr(l[1]!, "yMax"),
      });
    }
  }
  return { pages, lines };
};

/**
 * Pairs of lines on one page whose boxes overlap: across more than 1 pt horizontally and more than 40 % of the
 * shorter line's height vertically (the lines of one wrapped cell touch by a point or so, which is fine).
 */
export const overlaps = (pdf: PdfText): [TextLine, TextLine][] => {
  const out: [TextLine, TextLine][] = [];
  const byPage = new Map<number, TextLine[]>();
  for (const l of pdf.lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const lines of byPage.values()) {
    const sorted = [...lines].sort((a, b) => a.yMin - b.yMin);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.yMin < a.yMax; j++) {
        const b = sorted[j]!;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        const h = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
        if (dx > 1 && dy > 0.4 * h) out.push([a, b]);
      }
    }
  }
  return out;
};

/** Lines that reach outside their page. */
export const outside = (pdf: PdfText): TextLine[] =>
  pdf.lines.filter((l) => {
    const p = pdf.pages[l.page]!;
    return l.xMin < 0 || l.yMin < 0 || l.xMax > p.width + 0.5 || l.yMax > p.height + 0.5;
  });

/**
 * Signature notes ("(Ký, ghi rõ họ tên)", "(Ký và ghi rõ họ tên)", …) without their title right above them on
 * the same page, or without the signer's room and name under them on that page.
 */
export const splitSignatures = (pdf: PdfText, titles: RegExp): TextLine[] =>
  pdf.lines.filter((note) => {
    if (!/^\(Ký[ ,]/.test(note.text)) return false;
    const above = pdf.lines.filter(
      (l) =>
        l.page === note.page &&
        l.yMax <= note.yMin + 2 &&
        note.yMin - l.yMax < 30 &&
        Math.min(l.xMax, note.xMax) - Math.max(l.xMin, note.xMin) > 0
    );
    const hasTitle = above.some((l) => titles.test(l.text));
    // The room to sign (four blank lines) must fit under the note on the same page.
    const room = note.yMax + 4 * 13 <= pdf.pages[note.page]!.height;
    return !hasTitle || !room;
  });
