/**
 * Edits an .xlsx package at the XML level, the way Excel, LibreOffice or a hand would leave it, without
 * ExcelJS: so the reader is tested on files it did not write. Cells are written as numbers, inline
 * strings, formulas with cached values, booleans or errors; rows and columns are deleted, inserted,
 * moved and copied with every reference on the sheet shifted (cells, formulas, merges, validations).
 */
import JSZip from "jszip";

export type CellSpec =
  | { number: number }
  | { text: string }
  | { formula: string; cached?: number }
  | { bool: boolean }
  | { error: string }
  | null;

const COLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const colName = (c: number): string =>
  c < 26 ? COLS[c]! : colName(Math.floor(c / 26) - 1) + COLS[c % 26]!;
export const colIndex = (letters: string): number =>
  letters.split("").reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
/** "E12" from 0-based row and column. */
export const addr = (row: number, col: number): string => `${colName(col)}${row + 1}`;
export const parseAddr = (a: string): { row: number; col: number } => {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`bad address ${a}`);
  return { row: Number(m[2]) - 1, col: colIndex(m[1]!) };
};

export interface StoredCell {
  value: string | number | boolean | null;
  formula?: string;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

/** Maps a 1-based (row, col) reference; null when the cell itself is gone. */
type RefMap = (row: number, col: number) => { row: number; col: number } | null;
/** How a range's corners move: a deleted first row moves the start down, a deleted last row the end up. */
type RangeMap = (
  a: { row: number; col: number },
  b: { row: number; col: number }
) => [{ row: number; col: number }, { row: number; col: number }] | null;

interface Shift {
  cell: RefMap;
  range: RangeMap;
}

const deleteRowShift = (r: number): Shift => ({
  cell: (row, col) => (row === r ? null : { row: row > r ? row - 1 : row, col }),
  range: (a, b) => {
    if (a.row === r && b.row === r) return null;
    const top = a.row > r ? a.row - 1 : a.row;
    const bottom = b.row >= r ? b.row - 1 : b.row;
    return [
      { row: top, col: a.col },
      { row: bottom, col: b.col },
    ];
  },
});

const insertRowShift = (r: number): Shift => ({
  cell: (row, col) => ({ row: row >= r ? row + 1 : row, col }),
  range: (a, b) => [
    { row: a.row >= r ? a.row + 1 : a.row, col: a.col },
    { row: b.row >= r ? b.row + 1 : b.row, col: b.col },
  ],
});

const deleteColShift = (c: number): Shift => ({
  cell: (row, col) => (col === c ? null : { row, col: col > c ? col - 1 : col }),
  range: (a, b) => {
    if (a.col === c && b.col === c) return null;
    return [
      { row: a.row, col: a.col > c ? a.col - 1 : a.col },
      { row: b.row, col: b.col >= c ? b.col - 1 : b.col },
    ];
  },
});

const mapRef = (ref: string, m: RefMap): string | null => {
  const p = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(ref);
  if (!p) return ref;
  const to = m(Number(p[4]), colIndex(p[2]!) + 1);
  return to ? `${p[1]}${colName(to.col - 1)}${p[3]}${to.row}` : null;
};

const mapRange = (range: string, s: Shift): string | null => {
  const [x, y] = range.split(":");
  if (y === undefined) return mapRef(x!, s.cell);
  const pa = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(x!);
  const pb = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(y);
  if (!pa || !pb) return range;
  const r = s.range(
    { row: Number(pa[2]), col: colIndex(pa[1]!) + 1 },
    { row: Number(pb[2]), col: colIndex(pb[1]!) + 1 }
  );
  if (!r || r[1].row < r[0].row || r[1].col < r[0].col) return null;
  return `${colName(r[0].col - 1)}${r[0].row}:${colName(r[1].col - 1)}${r[1].row}`;
};

/** Formula text with every A1 reference shifted; a reference to a deleted cell becomes #REF!. */
const mapFormula = (f: string, s: Shift): string =>
  f.replace(/(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g, (_whole, a: string, b?: string) => {
    if (b) return mapRange(`${a}:${b}`, s) ?? "#REF!";
    return mapRef(a, s.cell) ?? "#REF!";
  });

export class XlsxPackage {
  private constructor(private zip: JSZip) {}

  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  async save(): Promise<Uint8Array> {
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  async read(path: string): Promise<string> {
    const f = this.zip.file(path);
    if (!f) throw new Error(`no part ${path}`);
    return f.async("string");
  }

  write(path: string, text: string): void {
    this.zip.file(path, text);
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  /** Sheet names in tab order with their parts and relationship ids. */
  async sheets(): Promise<{ name: string; path: string; rid: string; sheetId: string }[]> {
    const wb = await this.read("xl/workbook.xml");
    const rels = await this.read("xl/_rels/workbook.xml.rels");
    const target = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])![1]!;
      const t = /\bTarget="([^"]*)"/.exec(m[0])![1]!;
      target.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
    }
    return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
      const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])![1]!);
      const rid = /\br:id="([^"]*)"/.exec(m[0])![1]!;
      const sheetId = /\bsheetId="([^"]*)"/.exec(m[0])![1]!;
      return { name, path: target.get(rid)!, rid, sheetId };
    });
  }

  async sheetPath(name: string): Promise<string> {
    const s = (await this.sheets()).find(
      (x) => x.name.normalize("NFC").toLowerCase() === name.normalize("NFC").toLowerCase()
    );
    if (!s) throw new Error(`no sheet ${name}`);
    return s.path;
  }

  private async sharedStrings(): Promise<string[]> {
    if (!this.has("xl/sharedStrings.xml")) return [];
    const xml = await this.read("xl/sharedStrings.xml");
    return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
      unescapeXml([...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""))
    );
  }

  /** A cell as stored: its value (shared strings resolved) and formula. */
  async getCell(sheet: string, a: string): Promise<StoredCell> {
    const xml = await this.read(await this.sheetPath(sheet));
    const m = new RegExp(`<c r="${a}"((?:\\s[^>]*?)?)(?:/>|>([\\s\\S]*?)</c>)`).exec(xml);
    if (!m) return { value: null };
    return this.decode(m[1] ?? "", m[2] ?? "", await this.sharedStrings());
  }

  /** Every stored cell of a sheet, in one pass. */
  async allCells(sheet: string): Promise<Map<string, StoredCell>> {
    const xml = await this.read(await this.sheetPath(sheet));
    const shared = await this.sharedStrings();
    const out = new Map<string, StoredCell>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"((?:\s[^>]*?)?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      out.set(m[1]!, this.decode(m[2] ?? "", m[3] ?? "", shared));
    }
    return out;
  }

  private decode(attrs: string, body: string, shared: string[]): StoredCell {
    const t = /\bt="([^"]*)"/.exec(attrs)?.[1];
    const f = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(body)?.[1];
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const out: StoredCell = { value: null };
    if (f !== undefined) out.formula = unescapeXml(f);
    if (t === "s") out.value = shared[Number(v)] ?? null;
    else if (t === "inlineStr")
      out.value = unescapeXml(
        [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join("")
      );
    else if (t === "str" || t === "e") out.value = v === undefined ? null : unescapeXml(v);
    else if (t === "b") out.value = v === "1";
    else out.value = v === undefined ? null : Number(v);
    return out;
  }

  /** Writes one cell, keeping its style; creates the row and the cell where missing. */
  async setCell(sheet: string, a: string, spec: CellSpec): Promise<void> {
    const path = await this.sheetPath(sheet);
    let xml = await this.read(path);
    const { row } = parseAddr(a);
    const re = new RegExp(`<c r="${a}"((?:\\s[^>]*?)?)(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    const style = m ? (/\bs="(\d+)"/.exec(m[1] ?? "")?.[1] ?? null) : null;
    const s = style ? ` s="${style}"` : "";
    const cell =
      spec === null
        ? `<c r="${a}"${s}/>`
        : "number" in spec
          ? `<c r="${a}"${s}><v>${spec.number}</v></c>`
          : "text" in spec
            ? `<c r="${a}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(spec.text)}</t></is></c>`
            : "formula" in spec
              ? `<c r="${a}"${s}><f>${escapeXml(spec.formula)}</f>${spec.cached === undefined ? "" : `<v>${spec.cached}</v>`}</c>`
              : "bool" in spec
                ? `<c r="${a}"${s} t="b"><v>${spec.bool ? 1 : 0}</v></c>`
                : `<c r="${a}"${s} t="e"><v>${escapeXml(spec.error)}</v></c>`;
    if (m) {
      xml = xml.slice(0, m.index) + cell + xml.slice(m.index + m[0].length);
    } else {
      xml = this.insertCell(xml, row + 1, a, cell);
    }
    this.write(path, xml);
  }

  private insertCell(xml: string, rowNumber: number, a: string, cell: string): string {
    const rowRe = new RegExp(`<row r="${rowNumber}"([^>]*?)(/>|>([\\s\\S]*?)</row>)`);
    const m = rowRe.exec(xml);
    const col = parseAddr(a).col;
    if (m) {
      const cells = [...(m[3] ?? "").matchAll(/<c r="([A-Z]+)\d+"[\s\S]*?(?:\/>|<\/c>)/g)];
      const after = cells.find((c) => colIndex(c[1]!) > col);
      const body = m[3] ?? "";
      const at = after ? after.index! : body.length;
      const newBody = body.slice(0, at) + cell + body.slice(at);
      const attrs = (m[1] ?? "").replace(/\s*spans="[^"]*"/, "");
      return (
        xml.slice(0, m.index) +
        `<row r="${rowNumber}"${attrs}>${newBody}</row>` +
        xml.slice(m.index + m[0].length)
      );
    }
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)];
    const next = rows.find((r) => Number(r[1]) > rowNumber);
    const newRow = `<row r="${rowNumber}">${cell}</row>`;
    if (next) return xml.slice(0, next.index) + newRow + xml.slice(next.index);
    return xml.replace(/<sheetData\/>|<\/sheetData>/, (t) =>
      t === "<sheetData/>" ? `<sheetData>${newRow}</sheetData>` : `${newRow}</sheetData>`
    );
  }

  /** Applies a shift to every reference on a sheet and drops what it deletes. */
  private async shift(sheet: string, s: Shift): Promise<void> {
    const path = await this.sheetPath(sheet);
    let xml = await this.read(path);
    // Cells (and the rows that hold them).
    xml = xml.replace(/<sheetData>([\s\S]*)<\/sheetData>/, (_, data: string) => {
      const rows = [...data.matchAll(/<row r="(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)];
      const out = new Map<number, { attrs: string; cells: { col: number; xml: string }[] }>();
      for (const r of rows) {
        const rowNo = Number(r[1]);
        const attrs = (r[2] ?? "").replace(/\s*spans="[^"]*"/, "");
        for (const c of (r[3] ?? "").matchAll(/<c r="([A-Z]+)(\d+)"([\s\S]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
          const to = s.cell(rowNo, colIndex(c[1]!) + 1);
          if (!to) continue;
          const body = (c[5] ?? "").replace(/<f([^>]*)>([\s\S]*?)<\/f>/, (_f, fa: string, ft: string) => {
            const ref = /\bref="([^"]*)"/.exec(fa)?.[1];
            const fa2 = ref ? fa.replace(ref, mapRange(ref, s) ?? ref) : fa;
            return `<f${fa2}>${mapFormula(ft, s)}</f>`;
          });
          const cellXml = `<c r="${colName(to.col - 1)}${to.row}"${c[3]}${c[4] === "/>" ? "/>" : `>${body}</c>`}`;
          const entry = out.get(to.row) ?? { attrs: "", cells: [] };
          entry.cells.push({ col: to.col, xml: cellXml });
          out.set(to.row, entry);
        }
        // Row attributes (hidden, height) follow the row when it survives.
        const to = s.cell(rowNo, 1) ?? s.cell(rowNo, 2);
        if (to) {
          const entry = out.get(to.row) ?? { attrs: "", cells: [] };
          entry.attrs = attrs;
          out.set(to.row, entry);
        }
      }
      const rowsXml = [...out.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([n, r]) => {
          const cells = r.cells.sort((a, b) => a.col - b.col).map((c) => c.xml);
          return cells.length
            ? `<row r="${n}"${r.attrs}>${cells.join("")}</row>`
            : `<row r="${n}"${r.attrs}/>`;
        })
        .join("");
      return `<sheetData>${rowsXml}</sheetData>`;
    });
    // Ranges: merges, validations, conditional formats, selections.
    xml = xml.replace(/<mergeCell ref="([^"]*)"\/>/g, (_, ref: string) => {
      const to = mapRange(ref, s);
      return to && to.includes(":") ? `<mergeCell ref="${to}"/>` : "";
    });
    xml = xml.replace(
      /<mergeCells count="\d+">/,
      () => `<mergeCells count="${(xml.match(/<mergeCell ref=/g) ?? []).length}">`
    );
    xml = xml.replace(/\bsqref="([^"]*)"/g, (_, refs: string) => {
      const kept = refs
        .split(/\s+/)
        .map((r) => mapRange(r, s))
        .filter((r): r is string => r !== null);
      return `sqref="${kept.join(" ")}"`;
    });
    xml = xml.replace(/<dataValidation\b[^>]*sqref=""[^>]*>[\s\S]*?<\/dataValidation>/g, "");
    xml = xml.replace(
      /<dataValidations count="\d+">/,
      () => `<dataValidations count="${(xml.match(/<dataValidation\b/g) ?? []).length}">`
    );
    xml = xml.replace(/<dimension ref="[^"]*"\/>/, "");
    this.write(path, xml);
  }

  /** Deletes a row (1-based) as Excel's "Delete row" does: rows below move up. */
  async deleteRow(sheet: string, rowNumber: number): Promise<void> {
    await this.shift(sheet, deleteRowShift(rowNumber));
  }

  /** Inserts an empty row before `rowNumber` (1-based). */
  async insertRow(sheet: string, rowNumber: number): Promise<void> {
    await this.shift(sheet, insertRowShift(rowNumber));
  }

  /** Deletes a column (0-based index) as Excel does: columns to the right move left. */
  async deleteColumn(sheet: string, col: number): Promise<void> {
    await this.shift(sheet, deleteColShift(col + 1));
  }

  /** The cells of a row as XML fragments keyed by column (0-based), for copying. */
  async rowCells(sheet: string, rowNumber: number): Promise<Map<number, string>> {
    const xml = await this.read(await this.sheetPath(sheet));
    const m = new RegExp(`<row r="${rowNumber}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`).exec(xml);
    const out = new Map<number, string>();
    for (const c of (m?.[1] ?? "").matchAll(/<c r="([A-Z]+)\d+"([\s\S]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
      out.set(colIndex(c[1]!), `${c[2]}${c[3] === "/>" ? "/>" : `>${c[4]}</c>`}`);
    }
    return out;
  }

  /** Puts copied cells on a row (which must be empty), as a paste does. */
  async pasteRow(sheet: string, rowNumber: number, cells: Map<number, string>): Promise<void> {
    const path = await this.sheetPath(sheet);
    let xml = await this.read(path);
    for (const [col, rest] of [...cells].sort((a, b) => a[0] - b[0])) {
      xml = this.insertCell(
        xml,
        rowNumber,
        addr(rowNumber - 1, col),
        `<c r="${addr(rowNumber - 1, col)}"${rest}`
      );
    }
    this.write(path, xml);
  }

  /** Adds `range` to the list validation that covers `cell` (as copying a row copies its validation). */
  async extendValidation(sheet: string, cell: string, range: string): Promise<void> {
    const path = await this.sheetPath(sheet);
    let xml = await this.read(path);
    const { row, col } = parseAddr(cell);
    xml = xml.replace(/<dataValidation\b[^>]*sqref="([^"]*)"/g, (tag, refs: string) => {
      const covers = refs.split(/\s+/).some((r) => {
        const [a, b] = r.split(":");
        const p = parseAddr(a!);
        const q = parseAddr(b ?? a!);
        return row >= p.row && row <= q.row && col >= p.col && col <= q.col;
      });
      return covers ? tag.replace(`sqref="${refs}"`, `sqref="${refs} ${range}"`) : tag;
    });
    this.write(path, xml);
  }

  /** Rewrites the raw XML of a sheet. */
  async editSheet(sheet: string, edit: (xml: string) => string): Promise<void> {
    const path = await this.sheetPath(sheet);
    this.write(path, edit(await this.read(path)));
  }

  /** Renames a sheet in the workbook part (and its defined names). */
  async renameSheet(from: string, to: string): Promise<void> {
    let wb = await this.read("xl/workbook.xml");
    const sheets = await this.sheets();
    const s = sheets.find(
      (x) => x.name.normalize("NFC").toLowerCase() === from.normalize("NFC").toLowerCase()
    );
    if (!s) throw new Error(`no sheet ${from}`);
    wb = wb.replace(`name="${escapeXml(s.name)}"`, `name="${escapeXml(to)}"`);
    this.write("xl/workbook.xml", wb);
  }

  /** Copies a sheet as Excel's "Move or Copy… > Create a copy" does, under a new name, at the end. */
  async copySheet(from: string, to: string): Promise<void> {
    const sheets = await this.sheets();
    const src = sheets.find(
      (x) => x.name.normalize("NFC").toLowerCase() === from.normalize("NFC").toLowerCase()
    );
    if (!src) throw new Error(`no sheet ${from}`);
    const n = Math.max(...sheets.map((x) => Number(/(\d+)\.xml$/.exec(x.path)?.[1] ?? 0))) + 1;
    const path = `xl/worksheets/sheet${n}.xml`;
    this.write(path, (await this.read(src.path)).replace(/\btabSelected="1"/, 'tabSelected="0"'));
    const relsPath = src.path.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
    if (this.has(relsPath))
      this.write(
        path.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels"),
        await this.read(relsPath)
      );
    const rid = `rIdCopy${n}`;
    let rels = await this.read("xl/_rels/workbook.xml.rels");
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`
    );
    this.write("xl/_rels/workbook.xml.rels", rels);
    let ct = await this.read("[Content_Types].xml");
    ct = ct.replace(
      "</Types>",
      `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    );
    this.write("[Content_Types].xml", ct);
    const sheetId = Math.max(...sheets.map((x) => Number(x.sheetId))) + 1;
    let wb = await this.read("xl/workbook.xml");
    wb = wb.replace(
      "</sheets>",
      `<sheet name="${escapeXml(to)}" sheetId="${sheetId}" r:id="${rid}"/></sheets>`
    );
    this.write("xl/workbook.xml", wb);
  }

  /** Removes a sheet from the workbook (the part stays, unreferenced, as some tools leave it). */
  async removeSheet(name: string): Promise<void> {
    let wb = await this.read("xl/workbook.xml");
    wb = wb.replace(new RegExp(`<sheet\\b[^>]*name="${escapeXml(name)}"[^>]*/>`), "");
    // Defined names pointing at sheets by index would now be wrong; print titles are not needed here.
    wb = wb.replace(/<definedNames>[\s\S]*?<\/definedNames>/, "");
    this.write("xl/workbook.xml", wb);
  }
}
