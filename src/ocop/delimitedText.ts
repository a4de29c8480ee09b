/**
 * Tables typed as text: CSV as spreadsheets export it and rows pasted from Excel's clipboard. Pure, so the
 * command line and the task pane read them alike: UTF-8 with or without BOM, quoted fields with doubled
 * quotes and line breaks, CRLF or LF. Rows with only blank cells are dropped.
 */

/** Comma or semicolon (Excel in Vietnamese locales writes ";"), whichever the first line has more of. */
export const detectDelimiter = (text: string): "," | ";" => {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semis++;
  }
  return semis > commas ? ";" : ",";
};

const clean = (input: string): string => input.replace(/^\uFEFF/, "").normalize("NFC");

/** Rows of the text, and the line (1-based) where a quote opened and never closed, if one did. */
const splitLines = (text: string, sep: string): { rows: string[][]; openQuoteLine: number | null } => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return {
    rows: rows.filter((r) => r.some((c) => c.trim() !== "")),
    openQuoteLine: quoted ? quoteLine : null,
  };
};

const splitRows = (text: string, sep: string): string[][] => splitLines(text, sep).rows;

/** Excel's "sep=;" first line names the separator (and is not data). */
const SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\r|\n|$)/i;

/**
 * A CSV text read as the file says: the separator from a first line "sep=;" or else detected; with the
 * line where a quote opened and never closed (the rest of the file would be one field), if one did.
 */
export const parseCsvChecked = (input: string): { rows: string[][]; openQuoteLine: number | null } => {
  const text = clean(input);
  const sep = SEP_LINE.exec(text);
  if (!sep) return splitLines(text, detectDelimiter(text));
  const r = splitLines(text.slice(sep[0].length), sep[1]!);
  return { rows: r.rows, openQuoteLine: r.openQuoteLine === null ? null : r.openQuoteLine + 1 };
};

export const parseCsv = (input: string): string[][] => parseCsvChecked(input).rows;

/** Excel's clipboard: rows by line, cells by tab; a cell with a line break comes quoted. */
export const parseTabbed = (input: string): string[][] => splitRows(clean(input), "\t");
