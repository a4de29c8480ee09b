/**
 * readSheetXml against ExcelJS (test/reference/exceljsHost + readGrid), the independent reader: for the same bytes,
 * every sheet must come out as ExcelJS reads it wherever ExcelJS follows ECMA-376 (docs/sheetgrid.md). Where
 * ExcelJS departs from the standard (a cached formula result of 0 or FALSE read as empty, the 1900 date system a
 * day early before March 1900, cached TRUE or text in a date format made a date, t="str" text decoded twice),
 * the test compares with the standard's value instead and says so at the cell (`standard` below). Real books
 * made by the use cases, and hand-written sheet XML for what they do not contain.
 */
import { parseAddress } from "../../src/layout/a1";
import { enteredValues } from "../../src/layout/scoreSheet";
import type { CellValue, ListValidation, Visibility } from "../../src/layout/plan";
import { planMemberBook } from "../../src/app/memberBook";
import { setUpSession } from "../../src/app/setUpSession";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import { generateScores, generateSession } from "../../src/sim/generate";
import type { SheetGrid } from "../../src/hosts/workbook";
import { ExcelJsHost } from "../reference/exceljsHost";
import { craftZip } from "../reliability/zipcraft";
import { buildCorpus, filledBook, filledCouncil, type Corpus } from "../reliability/corpus";
import { bookFile, consolidateBytes } from "../reliability/harness";
import { readSheetXml, type SheetReadContext } from "../../src/hosts/xlsx/parts/readSheetXml";
import { dateStyles, parseSharedStrings } from "../../src/hosts/xlsx/parts/cellValues";
import { TALL_BAND } from "../../src/hosts/xlsx/parts/sheetValidations";
import { attribute, element, elements, startTag } from "../../src/hosts/xlsx/parts/xml";
import { ZipParts } from "../../src/hosts/xlsx/parts/zip";

// ------------------------------------------------------------------------------------------ helpers

/** Every sheet of a package read by readSheetXml, the way a parts host would wire it. */
const readParts = (bytes: Uint8Array): Map<string, SheetGrid> => {
  const zip = ZipParts.open(bytes);
  const wb = zip.text("xl/workbook.xml")!;
  const rels = elements(zip.text("xl/_rels/workbook.xml.rels")!, "Relationship").map((el) => {
    const tag = startTag(el);
    const target = attribute(tag, "Target")!;
    return {
      id: attribute(tag, "Id")!,
      type: attribute(tag, "Type") ?? "",
      part: target.startsWith("/") ? target.slice(1) : `xl/${target}`,
    };
  });
  const partOf = (suffix: string): string | undefined => rels.find((r) => r.type.endsWith(suffix))?.part;
  const ss = partOf("/sharedStrings");
  const st = partOf("/styles");
  const pr = element(wb, "workbookPr");
  const flag = pr ? attribute(startTag(pr.text), "date1904") : undefined;
  const base = {
    sharedStrings: parseSharedStrings(ss ? zip.text(ss) : undefined),
    dateStyles: dateStyles(st ? zip.text(st) : undefined),
    date1904: flag === "1" || flag === "true",
  };
  const sheets = elements(element(wb, "sheets")!.text, "sheet").map((el) => {
    const tag = startTag(el);
    return {
      name: attribute(tag, "name")!,
      visibility: (attribute(tag, "state") ?? "visible") as Visibility,
      part: rels.find((r) => r.id === attribute(tag, "r:id"))!.part,
    };
  });
  const read = (s: (typeof sheets)[number], otherSheet: SheetReadContext["otherSheet"]): SheetGrid =>
    readSheetXml(zip.text(s.part)!, { ...base, name: s.name, visibility: s.visibility, otherSheet });
  // Values never depend on validations, so another sheet is read without looking further.
  const valuesOf = (name: string): CellValue[][] | null => {
    const s = sheets.find((x) => x.name === name);
    return s ? read(s, () => null).values : null;
  };
  return new Map(sheets.map((s) => [s.name, read(s, valuesOf)]));
};

const readExcelJS = async (bytes: Uint8Array): Promise<SheetGrid[]> => {
  const host = await ExcelJsHost.fromBuffer(bytes);
  const names = (await host.listSheets()).map((s) => s.name);
  return (await host.readSheets(names)).sheets;
};

/**
 * Validations as row runs (tall ranges cut into rows), sorted: what is left to compare when readSheetXml kept
 * a band taller than TALL_BAND rows whole, which readGrid cuts into one range per row.
 */
const rowRuns = (validations: ListValidation[]): string[] =>
  validations
    .flatMap((v) =>
      Array.from(
        { length: v.range.rowCount },
        (_, i) => `${v.range.row + i},${v.range.col},${v.range.colCount}:${JSON.stringify(v.list)}`
      )
    )
    .sort();

/** A cell where ExcelJS departs from ECMA-376, with the value the standard gives (and why, for the reader). */
interface Standard {
  sheet: string;
  cell: string;
  value: CellValue;
  why: string;
}

/** ExcelJS's grids with the standard's value put in where ExcelJS departs from it (each such cell checked first). */
const toStandard = (grids: SheetGrid[], standard: readonly Standard[]): SheetGrid[] =>
  grids.map((g) => {
    const fixes = standard.filter((f) => f.sheet === g.name);
    if (fixes.length === 0) return g;
    const values = g.values.map((r) => [...r]);
    for (const f of fixes) {
      const { row, col } = parseAddress(f.cell)!;
      while (values.length <= row) values.push([]);
      const r = values[row]!;
      while (r.length <= col) r.push(null);
      // The departure is real: ExcelJS reads something else there (else the entry says nothing).
      expect({ cell: f.cell, why: f.why, exceljs: r[col] }).not.toEqual({
        cell: f.cell,
        why: f.why,
        exceljs: f.value,
      });
      r[col] = f.value;
    }
    return { ...g, values };
  });

/**
 * Every sheet the same from both readers, ExcelJS corrected to the standard at the cells listed; returns ours
 * for further checks.
 */
/**
 * ExcelJS reads a formula's cached result of 0 as empty (docs/sheetgrid.md); the add-in stores every formula's
 * value (score sheets' part totals are often 0), so at a formula cell ExcelJS leaves empty the standard's value
 * is the 0 the file holds. Only formula cells, only 0: any other difference still fails.
 */
const cachedZeros = (grids: SheetGrid[], ours: ReadonlyMap<string, SheetGrid>): SheetGrid[] =>
  grids.map((g) => {
    const mine = ours.get(g.name);
    if (!mine) return g;
    const values = g.values.map((row, r) =>
      row.map((v, c) => (v === null && g.formulas[r]?.[c] && mine.values[r]?.[c] === 0 ? 0 : v))
    );
    return { ...g, values };
  });

const expectSame = async (
  bytes: Uint8Array,
  standard: readonly Standard[] = []
): Promise<Map<string, SheetGrid>> => {
  const ours = readParts(bytes);
  const theirs = cachedZeros(toStandard(await readExcelJS(bytes), standard), ours);
  expect([...ours.keys()]).toEqual(theirs.map((s) => s.name));
  for (const grid of theirs) {
    const mine = ours.get(grid.name)!;
    if (mine.validations.some((v) => v.range.rowCount > 1)) {
      // The one deliberate difference: tall bands whole (and only those are taller than one row).
      expect(mine.validations.filter((v) => v.range.rowCount > 1 && v.range.rowCount <= TALL_BAND)).toEqual(
        []
      );
      expect(rowRuns(mine.validations)).toEqual(rowRuns(grid.validations));
      expect({ sheet: grid.name, grid: { ...mine, validations: [] } }).toStrictEqual({
        sheet: grid.name,
        grid: { ...grid, validations: [] },
      });
    } else expect({ sheet: grid.name, grid: mine }).toStrictEqual({ sheet: grid.name, grid });
  }
  return ours;
};

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface HandSheet {
  name: string;
  /** Everything inside <worksheet>. */
  body: string;
  state?: Visibility;
}

/** A minimal package around hand-written sheet XML (no library wrote it). */
const handBook = (
  sheets: HandSheet[],
  opts: { sharedStrings?: string[]; styles?: string; workbookPr?: string } = {}
): Uint8Array => {
  const esc = (s: string): string =>
    s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join("");
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    )
    .join("");
  const entries = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${opts.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : ""}${opts.styles ? `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` : ""}</Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${opts.workbookPr ?? ""}<sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
        )
        .join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${opts.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${opts.styles ? `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
    },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${s.body}</worksheet>`,
    })),
    ...(opts.sharedStrings
      ? [
          {
            name: "xl/sharedStrings.xml",
            data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">${opts.sharedStrings.join("")}</sst>`,
          },
        ]
      : []),
    ...(opts.styles ? [{ name: "xl/styles.xml", data: opts.styles }] : []),
  ];
  return craftZip(entries);
};

/** One hand-written sheet read by readSheetXml alone (for behaviour ExcelJS does not share). */
const readOne = (body: string, ctx: Partial<SheetReadContext> = {}): SheetGrid =>
  readSheetXml(`<worksheet ${NS}>${body}</worksheet>`, {
    name: "S",
    visibility: "visible",
    sharedStrings: [],
    dateStyles: new Set(),
    date1904: false,
    otherSheet: () => null,
    ...ctx,
  });

// ------------------------------------------------------------------------------------------ real books

describe("readSheetXml on books the use cases make", () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await buildCorpus();
  });

  it("reads the council workbook as set up, and with every member's scores typed in, like ExcelJS", async () => {
    await expectSame(corpus.council);
    const filled = await expectSame(await filledCouncil(corpus));
    const member = corpus.session.members[0]!.code;
    const layout = corpus.layouts.get(member)!;
    const grid = filled.get(layout.sheet)!;
    // The typed scores are there (not only empty cells agreeing).
    const [key, a1] = [...layout.cells][0]!;
    const { row, col } = parseAddress(a1)!;
    expect(grid.values[row]![col]).toBe(corpus.scores.get(member)!.get(key));
    expect(grid.validations.length).toBeGreaterThan(10);
    expect(grid.merges.length).toBeGreaterThan(0);
    expect(grid.protected).toBe(true);
  });

  it("reads member books as issued and as returned with scores, like ExcelJS", async () => {
    for (const m of corpus.session.members) {
      await expectSame(corpus.books.get(m.code)!);
      await expectSame(await filledBook(corpus, m.code));
    }
  });

  it("reads the results sheets consolidation writes (formulas, merges, hidden rows), like ExcelJS", async () => {
    const books = await Promise.all(
      corpus.session.members.map(async (m) => ({
        file: bookFile(m.code),
        bytes: await filledBook(corpus, m.code),
      }))
    );
    const { result, host } = await consolidateBytes(await filledCouncil(corpus, []), books);
    expect(result.written).toBe(true);
    const ours = await expectSame(await host.toBuffer());
    const formulas = [...ours.values()].flatMap((g) => g.formulas.flat().filter((f) => f !== null));
    expect(formulas.length).toBeGreaterThan(10);
  });

  it("reads a member book planned with scores already entered (the bench's kind), like ExcelJS", async () => {
    const catalogue = await loadEdition("qd148-2023");
    const session = generateSession({
      products: 14,
      members: 3,
      catalogue,
      seed: 11,
      forms: ["01", "06", "21"],
    });
    const council = ExcelJsHost.createEmpty();
    await setUpSession(council, { session, catalogue, now: new Date("2026-01-02T03:04:05Z") });
    await expectSame(await council.toBuffer());
    const scores = generateScores(session, catalogue, { seed: 12, pattern: ["typical", "harsh", "lenient"] });
    const book = ExcelJsHost.createEmpty();
    const member = session.members[1]!;
    await book.apply({
      plans: planMemberBook({
        session,
        catalogue,
        member,
        existing: enteredValues(scores[1]!),
        now: new Date("2026-01-02T03:04:05Z"),
      }),
    });
    await expectSame(await book.toBuffer());
  });
});

// ------------------------------------------------------------------------------------------ hand-written XML

const SHARED = [
  "<si><t>plain</t></si>",
  '<si><t xml:space="preserve"> spaced &amp; &lt;tagged&gt; </t></si>',
  '<si><r><rPr><b/><sz val="11"/></rPr><t>rich </t></r><r><t>text</t></r></si>',
  '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
  "<si><t>line_x000D_break _x005f_ &#x1EA1;&#7841;</t></si>",
  "<si><t/></si>",
  '<si><r><t>a_x0041_</t></r><r><rPr><i/></rPr><t xml:space="preserve"> b</t></r></si>',
  "<si><t>Tiếng Việt: Đạt</t></si>",
];

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="5"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[Red]0.00"/><numFmt numFmtId="166" formatCode="&quot;day &quot;0"/><numFmt numFmtId="167" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/><numFmt numFmtId="168" formatCode="#,##0 &quot;đ&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="46" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf><xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="30" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const VALUES_SHEET = `<dimension ref="A1:K9"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; &#x1EA1; _x000D_</t></is></c><c r="B2" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t>_x0041_line</t></r></is></c><c r="C2" t="str"><v>str &amp;amp;lt; text</v></c><c r="D2" t="inlineStr"><is><t></t></is></c><c r="E2" s="3"/><c r="F2"/><c r="G2" t="inlineStr"><is><t>a\r\nb\rc</t></is></c>
  <c r="H2">
    <v> 12 </v>
  </c></row>
<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3"><v>0</v></c><c r="F3" t="n"><v>-12.5E-1</v></c><c r="G3"><v>3.000000000000001</v></c></row>
<row r="4"><c r="B4"><v>1</v></c><c><v>2</v></c><c t="s"><v>7</v></c><c r="H4" t="b"><v>1</v></c><c><v>9</v></c></row>
<row r="6" spans="1:11"><c r="A6" s="3"/><c r="K6" s="4"/></row>
<row r="7"><c r="A7"><v>7</v></c><c r="M7" s="0"/></row>
</sheetData>`;

const DATES_SHEET = `<sheetData>
<row r="1"><c r="A1" s="1"><v>45292</v></c><c r="B1" s="2"><v>45292.5</v></c><c r="C1" s="3"><v>45292</v></c><c r="D1" s="4"><v>45292</v></c><c r="E1" s="5"><v>1.25</v></c><c r="F1" s="6"><v>60</v></c><c r="G1" s="7"><v>61.75</v></c><c r="H1" s="8"><v>45292</v></c><c r="I1" s="9"><v>45292</v></c></row>
<row r="2"><c r="A2" s="1"><f>TODAY()</f><v>45300</v></c><c r="B2" s="1"><f>A1-A1</f><v>0</v></c><c r="C2" s="2"><f>A1+1</f></c><c r="D2" s="1" t="b"><f>TRUE()</f><v>1</v></c><c r="E2" s="0"><v>45292</v></c><c r="F2" s="1"><v>1</v></c><c r="G2" s="1"><v>59</v></c><c r="H2" s="1"><v>-1</v></c><c r="I2" s="1" t="str"><f>"5"</f><v>5</v></c></row>
</sheetData>`;

const FORMULAS_SHEET = `<sheetData>
<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>A1+B1</f><v>3</v></c><c r="D1"><f>A1-A1</f><v>0</v></c><c r="E1" t="str"><f>"x"&amp;A1</f><v>x1</v></c><c r="F1" t="b"><f>A1=1</f><v>1</v></c><c r="G1" t="b"><f>A1=2</f><v>0</v></c><c r="H1" t="e"><f>NA()</f><v>#N/A</v></c><c r="I1"><f>A1*3</f></c><c r="J1" t="str"><f>""</f><v></v></c></row>
<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c><c r="C2"><f t="shared" ref="C2:E4" si="0">A2*$B$1+SUM(A$1:B2)+LOG10(A2)+'Other sheet'!B2+Sheet2!A1</f><v>10</v></c><c r="D2"><f t="shared" si="0"/><v>11</v></c><c r="E2"><f t="shared" si="0"/><v>0</v></c></row>
<row r="3"><c r="A3"><v>6</v></c><c r="C3"><f t="shared" si="0"/><v>12</v></c><c r="D3"><f t="shared" si="0"/></c><c r="F3"><f t="shared" ref="F3:F4" si="1">ROUND(A3/7,2)</f><v>0.86</v></c></row>
<row r="4"><c r="C4"><f t="shared" si="0"/><v>13</v></c><c r="F4"><f t="shared" si="1"/><v>0</v></c><c r="G4"><f t="array" ref="G4:G5">SUM(A1:A3*B1:B3)</f><v>27</v></c><c r="H4"><f t="shared" si="0">A4+1</f><v>1</v></c></row>
</sheetData>`;

describe("readSheetXml on hand-written sheet XML, like ExcelJS", () => {
  it("reads shared, inline and rich strings, booleans, errors and numbers; style-only cells are not used", async () => {
    const ours = await expectSame(
      handBook([{ name: "Values", body: VALUES_SHEET }], { sharedStrings: SHARED, styles: STYLES }),
      [
        {
          sheet: "Values",
          cell: "C2",
          value: "str &amp;lt; text",
          why: "XML text is decoded once (ExcelJS: twice)",
        },
      ]
    );
    const g = ours.get("Values")!;
    expect(g.values[0]!.slice(0, 8)).toEqual([
      "plain",
      " spaced & <tagged> ",
      "rich text",
      "漢字",
      "line\rbreak _x005f_ ạạ",
      "",
      "aA b",
      "Tiếng Việt: Đạt",
    ]);
    expect(g.values[1]!.slice(0, 4)).toEqual(["inline & ạ _x000D_", "inAline", "str &amp;lt; text", null]);
    expect(g.values[2]!.slice(0, 7)).toEqual([true, false, "#N/A", "#DIV/0!", 0, -1.25, 3.000000000000001]);
    // Cells without r follow the one before.
    expect(g.values[3]).toEqual([null, 1, 2, "Tiếng Việt: Đạt", null, null, null, true, 9]);
    expect(g.values).toHaveLength(7);
  });

  it("turns numbers (and formula results) in date formats into ISO dates, in the 1900 and 1904 systems", async () => {
    // ECMA-376 Part 1, 18.17.4.1: in the 1900 system serial 1 is 1900-01-01 and serial 60 is 1900-02-29, a day
    // the calendar does not have; ExcelJS counts every serial from 1899-12-30, a day early before March 1900.
    const early = "1900 system: serial 1 is 1900-01-01 (ExcelJS: a day early before 1900-03-01)";
    const noDay = "no day of the calendar: the number stays (ExcelJS makes a date of it)";
    const g = (
      await expectSame(handBook([{ name: "Dates", body: DATES_SHEET }], { styles: STYLES }), [
        { sheet: "Dates", cell: "E1", value: "1900-01-01T06:00:00.000Z", why: early },
        { sheet: "Dates", cell: "F1", value: 60, why: "serial 60 is 1900-02-29, which never was" },
        { sheet: "Dates", cell: "B2", value: 0, why: "serial 0 is 1900-01-00; a cached 0 is a value" },
        { sheet: "Dates", cell: "D2", value: true, why: "a cached TRUE is a boolean, not a date" },
        { sheet: "Dates", cell: "F2", value: "1900-01-01", why: early },
        { sheet: "Dates", cell: "G2", value: "1900-02-28", why: early },
        { sheet: "Dates", cell: "H2", value: -1, why: noDay },
        { sheet: "Dates", cell: "I2", value: "5", why: "a cached text result is text, not a date" },
      ])
    ).get("Dates")!;
    expect(g.values[0]).toEqual([
      "2024-01-01",
      "2024-01-01T12:00:00.000Z",
      45292,
      45292,
      "1900-01-01T06:00:00.000Z",
      60,
      "1900-03-01T18:00:00.000Z",
      45292,
      45292,
    ]);
    expect(g.values[1]).toEqual(["2024-01-09", 0, null, true, 45292, "1900-01-01", "1900-02-28", -1, "5"]);
    // 1904 system: serial 0 is 1904-01-01, and ExcelJS agrees.
    const g1904 = (
      await expectSame(
        handBook([{ name: "Dates", body: DATES_SHEET }], {
          styles: STYLES,
          workbookPr: '<workbookPr date1904="1"/>',
        }),
        [
          { sheet: "Dates", cell: "D2", value: true, why: "a cached TRUE is a boolean, not a date" },
          { sheet: "Dates", cell: "H2", value: -1, why: noDay },
          { sheet: "Dates", cell: "I2", value: "5", why: "a cached text result is text, not a date" },
        ]
      )
    ).get("Dates")!;
    expect(g1904.values[0]![0]).toBe("2028-01-02");
    expect(g1904.values[1]!.slice(1, 2)).toEqual(["1904-01-01"]);
    expect(g1904.values[1]![5]).toBe("1904-01-02");
  });

  it("reads formulas with their cached results, shared formulas translated for every follower, array formulas", async () => {
    const cached = "a cached result of 0 or FALSE is that value (ExcelJS: empty)";
    const g = (
      await expectSame(
        handBook([
          { name: "F", body: FORMULAS_SHEET },
          { name: "Other sheet", body: "<sheetData/>" },
        ]),
        [
          { sheet: "F", cell: "D1", value: 0, why: cached },
          { sheet: "F", cell: "G1", value: false, why: cached },
          { sheet: "F", cell: "E2", value: 0, why: cached },
          { sheet: "F", cell: "F4", value: 0, why: cached },
        ]
      )
    ).get("F")!;
    expect(g.formulas[0]).toEqual([
      null,
      null,
      "A1+B1",
      "A1-A1",
      '"x"&A1',
      "A1=1",
      "A1=2",
      "NA()",
      "A1*3",
      '""',
    ]);
    // Cached results as the file holds them, 0 and FALSE included; no cached result, or an empty text, is null.
    expect(g.values[0]).toEqual([1, 2, 3, 0, "x1", true, false, "#N/A", null, null]);
    expect(g.formulas[1]![3]).toBe("B2*$B$1+SUM(B$1:C2)+LOG10(B2)+'Other sheet'!C2+Sheet2!B1");
    expect(g.formulas[3]![4 - 2]).toBe("A4*$B$1+SUM(A$1:B4)+LOG10(A4)+'Other sheet'!B4+Sheet2!A3");
    expect(g.formulas[3]![5]).toBe("ROUND(A4/7,2)");
    expect(g.formulas[3]![6]).toBe("SUM(A1:A3*B1:B3)");
    expect(g.formulas[3]![7]).toBe("A4+1");
  });

  it("keeps a merge's value on its master only, and reads hidden rows and columns within the used columns", async () => {
    const body = `<cols><col min="2" max="2" width="3" hidden="1" customWidth="1"/><col min="4" max="5" hidden="true"/><col min="9" max="16384" hidden="1"/></cols><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c><c r="B1" t="inlineStr"><is><t>echo</t></is></c><c r="C1"><f>1+1</f><v>2</v></c></row>
<row r="2" hidden="1"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>
<row r="3" hidden="1"/>
<row r="5" hidden="true" customHeight="1" ht="0"><c r="E5" s="3"/></row>
<row r="6"><c r="F6"><v>6</v></c><c r="J6" s="3"/></row>
</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="F6:G8"/><mergeCell ref="E10:F10"/></mergeCells>`;
    const g = (await expectSame(handBook([{ name: "M", body }], { styles: STYLES }))).get("M")!;
    expect(g.values[0]).toEqual(["Title", null, null, null, null, null]);
    expect(g.formulas[0]![2]).toBeNull();
    expect(g.merges).toEqual([
      { row: 0, col: 0, rowCount: 1, colCount: 3 },
      { row: 5, col: 5, rowCount: 3, colCount: 2 },
      { row: 9, col: 4, rowCount: 1, colCount: 2 },
    ]);
    expect(g.hiddenRows).toEqual([1, 2, 4]);
    // Up to J, where row 6's style-only cell ends: never out to column 16384.
    expect(g.hiddenCols).toEqual([1, 3, 4, 8, 9]);
  });

  it("bounds hidden columns by the used width when only style-only rows go further", async () => {
    const body = `<cols><col min="3" max="16384" hidden="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>1</v></c></row><row r="2"><c r="Z2" s="3"/></row></sheetData>`;
    const g = (await expectSame(handBook([{ name: "C", body }], { styles: STYLES }))).get("C")!;
    expect(g.hiddenCols).toEqual([2, 3]);
    // …but a merge's cells count (ExcelJS creates them), and so do the style-only cells (Z2) of a row it covers.
    const merged = body.replace(
      "</sheetData>",
      '<row r="3"><c r="K3" s="3"/></row></sheetData><mergeCells count="2"><mergeCell ref="F2:H3"/><mergeCell ref="B1"/></mergeCells>'
    );
    const m = (await expectSame(handBook([{ name: "C", body: merged }], { styles: STYLES }))).get("C")!;
    expect(m.hiddenCols).toEqual(Array.from({ length: 24 }, (_, i) => i + 2));
  });

  it("reads list validations: multi-range sqref, inline lists, ranges on this sheet and on another", async () => {
    const body = `<sheetData>
<row r="1"><c r="H1" t="inlineStr"><is><t>Đạt</t></is></c></row>
<row r="2"><c r="H2"><v>2</v></c></row>
<row r="3"><c r="H3" t="inlineStr"><is><t></t></is></c></row>
<row r="4"><c r="H4" t="inlineStr"><is><t>x &amp; y</t></is></c><c r="I4" t="b"><v>1</v></c></row>
<row r="6"><c r="H6" t="inlineStr"><is><t>merged</t></is></c></row>
</sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="H6:H7"/></mergeCells>
<dataValidations count="7">
<dataValidation type="list" allowBlank="1" showInputMessage="1" promptTitle="Điểm" prompt="0 &lt; 1 > -1" sqref=" B2:D3  F2 B5:B6 C5 "><formula1>"0,1,2,x"</formula1></dataValidation>
<dataValidation type="whole" operator="between" sqref="J1:J3"><formula1>0</formula1><formula2>10</formula2></dataValidation>
<dataValidation type="list" sqref="E8"><formula1>"a b, ""q"" ,,3.5,-1,1e3"</formula1></dataValidation>
<dataValidation type="list" sqref="F8:G9"><formula1>$H$1:$I$7</formula1></dataValidation>
<dataValidation type="list" sqref="A10"><formula1>'Bob''s list'!$A$1:$A$4</formula1></dataValidation>
<dataValidation type="list" sqref="A11"><formula1>Missing!$A$1:$A$4</formula1></dataValidation>
<dataValidation type="list" sqref="A12"><formula1>=Lists</formula1></dataValidation>
</dataValidations>`;
    const other = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>one</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4" t="inlineStr"><is><t>four</t></is></c></row></sheetData>`;
    const ours = await expectSame(
      handBook([
        { name: "V", body },
        { name: "Bob's list", body: other, state: "hidden" },
      ])
    );
    const g = ours.get("V")!;
    expect(g.protected).toBe(true);
    expect(ours.get("Bob's list")!.visibility).toBe("hidden");
    expect(g.validations.map((v) => v.range)).toEqual([
      { row: 1, col: 1, rowCount: 1, colCount: 3 },
      { row: 1, col: 5, rowCount: 1, colCount: 1 },
      { row: 2, col: 1, rowCount: 1, colCount: 3 },
      { row: 4, col: 1, rowCount: 1, colCount: 2 },
      { row: 5, col: 1, rowCount: 1, colCount: 1 },
      { row: 7, col: 4, rowCount: 1, colCount: 1 },
      { row: 7, col: 5, rowCount: 1, colCount: 2 },
      { row: 8, col: 5, rowCount: 1, colCount: 2 },
      { row: 9, col: 0, rowCount: 1, colCount: 1 },
      { row: 10, col: 0, rowCount: 1, colCount: 1 },
      { row: 11, col: 0, rowCount: 1, colCount: 1 },
    ]);
    expect(g.validations[0]!.list).toEqual([0, 1, 2, "x"]);
    expect(g.validations[5]!.list).toEqual(["a b", '"q"', "", 3.5, -1, 1000]);
    // On this sheet a merged follower echoes its master, as ExcelJS's getCell does.
    expect(g.validations[6]!.list).toEqual(["Đạt", 2, "x & y", "true", "merged", "merged"]);
    expect(g.validations[8]!.list).toEqual(["one", 3, "four"]);
    expect(g.validations[9]!.list).toEqual([]);
    expect(g.validations[10]!.list).toEqual([]);
  });

  it("resolves overlapping validation rules like ExcelJS (a later rule takes the cells over)", async () => {
    const body = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations count="4">
<dataValidation type="list" sqref="A1:C3"><formula1>"a"</formula1></dataValidation>
<dataValidation type="list" sqref="B2 A5"><formula1>"b"</formula1></dataValidation>
<dataValidation type="decimal" sqref="C1:C2"><formula1>0</formula1></dataValidation>
<dataValidation type="list" sqref="A3:B4"><formula1>"c"</formula1></dataValidation>
</dataValidations>`;
    const g = (await expectSame(handBook([{ name: "O", body }]))).get("O")!;
    expect(
      g.validations.map((v) => `${v.list[0]}:${v.range.row},${v.range.col}+${v.range.colCount}`)
    ).toEqual(["a:0,0+2", "a:1,0+1", "a:2,2+1", "c:2,0+2", "c:3,0+2", "b:1,1+1", "b:4,0+1"]);
  });

  it("decodes entities in names, attributes and text, and reads sheet states and protection written as true", async () => {
    const body = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;</t></is></c></row></sheetData><sheetProtection sheet="true"/>`;
    const ours = await expectSame(
      handBook([
        { name: "A & B <c>", body },
        { name: "Hidden", body: "<sheetData/>", state: "veryHidden" },
      ])
    );
    const g = ours.get("A & B <c>")!;
    expect(g.values).toEqual([[`<&>"'AB`]]);
    expect(g.protected).toBe(true);
    expect(ours.get("Hidden")).toMatchObject({ visibility: "veryHidden", values: [], hiddenCols: [] });
  });
});

// ------------------------------------------------------------------------------------------ deviations

describe("readSheetXml where it deliberately differs from ExcelJS", () => {
  it(`keeps a list validation band taller than ${TALL_BAND} rows as one range (readGrid: one per row)`, async () => {
    const body = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations count="2"><dataValidation type="list" sqref="B2:C200 E2:E200 B300:B301"><formula1>"0,1"</formula1></dataValidation><dataValidation type="list" sqref="A1:A1048576"><formula1>"x"</formula1></dataValidation></dataValidations>`;
    const bytes = handBook([{ name: "T", body }]);
    const ours = readParts(bytes).get("T")!;
    expect(ours.validations.map((v) => v.range)).toEqual([
      { row: 1, col: 1, rowCount: 199, colCount: 2 },
      { row: 1, col: 4, rowCount: 199, colCount: 1 },
      { row: 299, col: 1, rowCount: 1, colCount: 1 },
      { row: 300, col: 1, rowCount: 1, colCount: 1 },
      { row: 0, col: 0, rowCount: 1048576, colCount: 1 },
    ]);
    // Same cells as ExcelJS's row runs, just not cut into rows.
    const [theirs] = await readExcelJS(
      handBook([{ name: "T", body: body.replace("A1:A1048576", "A1:A3").replace('"x"', '"y"') }])
    );
    const cells = (vs: SheetGrid["validations"]): string[] =>
      vs
        .filter((v) => v.list[0] === 0)
        .flatMap((v) =>
          Array.from({ length: v.range.rowCount * v.range.colCount }, (_, i) => {
            const r = v.range.row + Math.floor(i / v.range.colCount);
            const c = v.range.col + (i % v.range.colCount);
            return `${r},${c}`;
          })
        )
        .sort();
    expect(cells(ours.validations)).toEqual(cells(theirs!.validations));
  });

  it('places rows and first cells without r (ExcelJS throws), reads t="d" as a date and t="b" false as false', () => {
    const g = readOne(
      `<sheetData><row><c><v>1</v></c><c t="d"><v>2024-02-29T00:00:00</v></c><c t="d"><v>2024-02-29T13:30:00</v></c></row><row r="3"><c r="B3" t="b"><v>false</v></c><c/><c><v>4</v></c></row><row><c><v>5</v></c></row></sheetData>`
    );
    expect(g.values).toEqual([
      [1, "2024-02-29", "2024-02-29T13:30:00.000Z", null],
      [null, null, null, null],
      [null, false, null, 4],
      [5, null, null, null],
    ]);
  });

  it("stops at maxCells, counting every <c>", () => {
    const body = `<sheetData><row r="1"><c r="A1" s="1"/><c r="B1" s="1"/><c r="C1"><v>1</v></c></row></sheetData>`;
    expect(readOne(body, { maxCells: 3 }).values).toEqual([[null, null, 1]]);
    expect(() =>
      readOne(body, { maxCells: 2, onTooManyCells: (n) => new RangeError(`too many: ${n}`) })
    ).toThrow(new RangeError("too many: 3"));
    expect(() => readOne(body, { maxCells: 2 })).toThrow(/more than 2 cells/);
  });
});

describe("parseSharedStrings and dateStyles", () => {
  it("parses shared strings: runs joined, phonetic runs left out, _xHHHH_ decoded", () => {
    expect(parseSharedStrings(undefined)).toEqual([]);
    expect(parseSharedStrings(`<sst>${SHARED.join("\n")}<si/></sst>`)).toEqual([
      "plain",
      " spaced & <tagged> ",
      "rich text",
      "漢字",
      "line\rbreak _x005f_ ạạ",
      "",
      "aA b",
      "Tiếng Việt: Đạt",
      "",
    ]);
  });

  it("finds date styles among built-in and custom formats, as ExcelJS judges them", () => {
    expect([...dateStyles(STYLES)]).toEqual([1, 2, 5, 6, 7]);
    expect(dateStyles(undefined).size).toBe(0);
  });
});
