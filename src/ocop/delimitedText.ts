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

const splitRows = (text: string, sep: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
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
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
};

export const parseCsv = (input: string): string[][] => {
  const text = clean(input);
  return splitRows(text, detectDelimiter(text));
};

/** Excel's clipboard: rows by line, cells by tab; a cell with a line break comes quoted. */
export const parseTabbed = (input: string): string[][] => splitRows(clean(input), "\t");
