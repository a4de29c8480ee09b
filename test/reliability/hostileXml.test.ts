/**
 * Sheet XML a spreadsheet reads differently from a naive scan, and zip packages readers disagree on: each
 * case is TV01's valid book (or a crafted package) edited at the byte level, read by the parts host (what
 * `ocop` and the task pane use) through both codecs (fflate and Node's zlib), which must agree. A case is
 * either refused with its exact finding at its cell, or reads exactly as the untouched book.
 */
import { checkSheets } from "../../src/app/checkSheets";
import { consolidateWorkbook } from "../../src/app/consolidate";
import { sha256Hex } from "../../src/app/hash";
import { portableCodec, type ZipCodec } from "../../src/hosts/xlsx/parts/codec";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { packageFindings } from "../../src/hosts/xlsx/packageGuard";
import type { Finding } from "../../src/ocop/findings";
import type { ProductResult } from "../../src/ocop/results";
import { FILE, M, S, SHEET, at, cellOf, editBook, prepareBooks, value } from "./bookCases";
import { COUNCIL_FILE, bookFile, brief, errorsOf, expectFinding, type Expected } from "./harness";
import { convertWithSoffice } from "./soffice";
import { XlsxPackage } from "./xlsxXml";
import { type CraftEntry, craftZip, minimalWorkbookEntries, sheetXml } from "./zipcraft";

const CODECS: [string, ZipCodec][] = [
  ["fflate", portableCodec],
  ["node zlib", nodeCodec],
];

beforeAll(async () => {
  await prepareBooks();
}, 120_000);

interface Run {
  check: Finding[];
  consolidate: Finding[];
  written: boolean;
  products: ProductResult[];
}

/** Check and consolidate through the parts host with one codec. */
const runWith = async (bytes: Uint8Array, codec: ZipCodec): Promise<Run> => {
  const open = (b: Uint8Array, fileName: string) => PartsHost.fromBuffer(b, { fileName, codec });
  const checked = await checkSheets(await open(bytes, FILE), { file: FILE });
  const books = await Promise.all(
    [...S.validBooks].map(async ([m, b]) => {
      const mine = m === M ? bytes : b;
      return { host: await open(mine, bookFile(m)), file: bookFile(m), sha256: await sha256Hex(mine) };
    })
  );
  const r = await consolidateWorkbook(await open(S.c.council, COUNCIL_FILE), {
    books,
    file: COUNCIL_FILE,
    sha256: await sha256Hex(S.c.council),
    now: new Date("2023-06-20T09:00:00Z"),
    tool: "test",
  });
  return {
    check: checked.findings,
    consolidate: r.findings,
    written: r.written,
    products: r.consolidation?.products ?? [],
  };
};

/** Both codecs, which must find and compute the same. */
const run = async (bytes: Uint8Array): Promise<Run> => {
  const [a, b] = await Promise.all(CODECS.map(([, codec]) => runWith(bytes, codec)));
  expect(b!.check).toEqual(a!.check);
  expect(b!.consolidate).toEqual(a!.consolidate);
  expect(b!.products).toEqual(a!.products);
  return a!;
};

const refused = async (bytes: Uint8Array, expected: Expected[]): Promise<Finding[]> => {
  const r = await run(bytes);
  const out = expected.map((e) => expectFinding(r.check, e));
  for (const e of expected) expectFinding(r.consolidate, e);
  if (expected.some((e) => e.severity === "error")) expect(r.written).toBe(false);
  return out;
};

/** No error, and the ranking is the untouched book's; warnings, if expected, are there. */
const accepted = async (bytes: Uint8Array, warnings: Expected[] = []): Promise<void> => {
  const r = await run(bytes);
  expect(brief(errorsOf(r.check))).toEqual([]);
  expect(brief(errorsOf(r.consolidate))).toEqual([]);
  for (const w of warnings) expectFinding(r.check, w);
  expect(r.written).toBe(true);
  expect(r.products).toEqual(S.baseline);
};

/** The cell element `<c r="A1" …>…</c>` (or self-closed) in a sheet's XML. */
const CELL = (a: string): RegExp => new RegExp(`<c r="${a}"(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</c>)`);

/** Edits TV01's score sheet XML as text. */
const editXml = (edit: (xml: string) => string): Promise<Uint8Array> =>
  editBook((p) => p.editSheet(SHEET, edit));

const withCell = (xml: string, a: string, replace: (cell: string) => string): string => {
  const m = CELL(a).exec(xml);
  if (!m) throw new Error(`no cell ${a}`);
  return xml.slice(0, m.index) + replace(m[0]) + xml.slice(m.index + m[0].length);
};

const scoreCell = (product: string, criterion: string) => ({
  a: cellOf(product, criterion),
  v: value(product, criterion),
});

describe("XML markup that holds no cells", () => {
  it("a score inside a comment is no score (the cell is empty, as LibreOffice shows it)", async () => {
    const { a } = scoreCell(S.P1, "1.a");
    const bytes = await editXml((x) =>
      withCell(x, a, (c) => `<!-- ${c.replace(/<v>[^<]*<\/v>/, "<v>5</v>")} -->`)
    );
    await refused(bytes, [{ code: "score.missing", severity: "error", where: at(S.P1, "1.a") }]);
  });

  it("a score inside a processing instruction is no score", async () => {
    const { a } = scoreCell(S.P1, "1.a");
    const bytes = await editXml((x) => withCell(x, a, (c) => `<?ocop ${c}?>`));
    await refused(bytes, [{ code: "score.missing", severity: "error", where: at(S.P1, "1.a") }]);
  });

  it("a comment holding a whole row of scores next to the real row changes nothing", async () => {
    const { a } = scoreCell(S.P2, "1.b");
    const bytes = await editXml((x) =>
      withCell(
        x,
        a,
        (c) => `${c}<!-- <c r="${a}"><v>0</v></c></row><row r="999"><c r="A999"><v>1</v></c> -->`
      )
    );
    await accepted(bytes);
  });

  it("comments, a stylesheet instruction and blank text between rows change nothing", async () => {
    const bytes = await editXml((x) =>
      x
        .replace(
          /(<\?xml[^?]*\?>)/,
          '$1\n<?xml-stylesheet type="text/xsl" href="x.xsl"?><!-- made by hand -->'
        )
        .replace(/<\/row>/g, "</row>\n  <!-- row end -->\n  ")
    );
    await accepted(bytes);
  });

  it("a value written as CDATA reads as its text (a score of 3 is 3)", async () => {
    const { a, v } = scoreCell(S.P1, "1.a");
    const bytes = await editXml((x) =>
      withCell(x, a, (c) => c.replace(/<v>[^<]*<\/v>/, `<v><![CDATA[${v}]]></v>`))
    );
    await accepted(bytes);
  });

  it("CDATA holding markup is text, not a cell", async () => {
    const { a } = scoreCell(S.P1, "1.a");
    const bytes = await editXml((x) =>
      withCell(
        x,
        a,
        () => `<c r="${a}" t="inlineStr"><is><t><![CDATA[<c r="${a}"><v>3</v></c>]]></t></is></c>`
      )
    );
    const [f] = await refused(bytes, [
      { code: "score.notANumber", severity: "error", where: at(S.P1, "1.a") },
    ]);
    expect(f!.params.value).toBe(`<c r="${a}"><v>3</v></c>`);
  });
});

describe("character references", () => {
  it("a decimal reference is the character it names (&#51; is the text 3)", async () => {
    const { a } = scoreCell(S.P1, "1.a");
    const bytes = await editXml((x) =>
      withCell(x, a, () => `<c r="${a}" t="inlineStr"><is><t>&#51;</t></is></c>`)
    );
    const [f] = await refused(bytes, [{ code: "score.text", severity: "error", where: at(S.P1, "1.a") }]);
    expect(f!.params.value).toBe("3");
  });

  it.each([["&#x110000;"], ["&#99999999999;"], ["&#0;"], ["&#xD800;"], ["&#xFFFE;"]])(
    "%s (no such character) is a finding at the cell, not a crash",
    async (ref) => {
      const { a } = scoreCell(S.P2, "1.a");
      const bytes = await editXml((x) =>
        withCell(x, a, () => `<c r="${a}" t="inlineStr"><is><t>3${ref}</t></is></c>`)
      );
      const [f] = await refused(bytes, [
        { code: "cell.badCharacter", severity: "error", where: { file: FILE, sheet: SHEET, cell: a } },
      ]);
      expect(f!.params.detail).toBe(ref);
    }
  );

  it("a bad reference in a shared string is a finding at the cell that uses it", async () => {
    const { a } = scoreCell(S.P1, "1.b");
    const bytes = await editBook(async (p) => {
      const path = "xl/sharedStrings.xml";
      const ss = p.has(path) ? await p.read(path) : null;
      if (ss === null) throw new Error("the corpus book has shared strings");
      const count = (ss.match(/<si>/g) ?? []).length;
      p.write(path, ss.replace("</sst>", "<si><t>&#x110000;</t></si></sst>"));
      await p.editSheet(SHEET, (x) => withCell(x, a, () => `<c r="${a}" t="s"><v>${count}</v></c>`));
    });
    await refused(bytes, [
      { code: "cell.badCharacter", severity: "error", where: { file: FILE, sheet: SHEET, cell: a } },
    ]);
  });
});

describe("namespace prefixes and encodings", () => {
  it("a sheet written with the x: prefix (as some writers do) reads as the same sheet", async () => {
    const bytes = await editXml((x) =>
      x
        .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (m, slash: string, name: string) =>
          name === "xml" ? m : `<${slash}x:${name}`
        )
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        )
    );
    expect(new TextDecoder().decode(bytes).length).toBeGreaterThan(0);
    await accepted(bytes);
  });

  it.each([
    ["UTF-16LE", "utf16le" as const, [0xff, 0xfe]],
    ["UTF-16BE", "utf16be" as const, [0xfe, 0xff]],
  ])("a sheet part in %s with a BOM reads as the same sheet", async (_n, enc, bom) => {
    const bytes = await editBook(async (p) => {
      const path = await p.sheetPath(SHEET);
      const xml = (await p.read(path)).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
      let body = Buffer.from(xml, "utf16le");
      if (enc === "utf16be") body = Buffer.from(body).swap16();
      writeBytes(p, path, new Uint8Array([...bom, ...body]));
    });
    await accepted(bytes);
  });
});

describe("cells a spreadsheet would place elsewhere, or not read", () => {
  it("a cell whose r names another row than its <row> is a finding at that cell, not placed", async () => {
    const { a } = scoreCell(S.P1, "1.a");
    const col = a.replace(/\d+/, "");
    const elsewhere = `${col}${Number(a.replace(/\D+/, "")) + 40}`;
    const bytes = await editXml((x) => withCell(x, a, (c) => c.replace(`r="${a}"`, `r="${elsewhere}"`)));
    const [f] = await refused(bytes, [
      { code: "cell.rowMismatch", severity: "error", where: { file: FILE, sheet: SHEET, cell: elsewhere } },
      { code: "score.missing", severity: "error", where: at(S.P1, "1.a") },
    ]);
    expect(f!.params.detail).toBe(a.replace(/\D+/, ""));
  });

  it('an unknown cell type (t="zz") is a finding, not a number', async () => {
    const { a, v } = scoreCell(S.P2, "1.b");
    const bytes = await editXml((x) => withCell(x, a, () => `<c r="${a}" t="zz"><v>${v}</v></c>`));
    const [f] = await refused(bytes, [
      { code: "cell.unknownType", severity: "error", where: { file: FILE, sheet: SHEET, cell: a } },
    ]);
    expect(f!.params.detail).toBe("zz");
  });

  const appendRow = (rowXml: string) => (x: string) => x.replace("</sheetData>", `${rowXml}</sheetData>`);

  it("a row numbered 4294967297 is a warning, not a crash, and changes nothing", async () => {
    const bytes = await editXml(appendRow('<row r="4294967297"><c r="A4294967297"><v>5</v></c></row>'));
    await accepted(bytes, [
      {
        code: "cell.outsideSheet",
        severity: "warning",
        where: { file: FILE, sheet: SHEET, cell: "A4294967297" },
      },
    ]);
  });

  it("a cell at row 10,000,000 (beyond the sheet) is a warning and changes nothing", async () => {
    const bytes = await editXml(appendRow('<row r="10000000"><c r="B10000000"><v>5</v></c></row>'));
    await accepted(bytes, [
      {
        code: "cell.outsideSheet",
        severity: "warning",
        where: { file: FILE, sheet: SHEET, cell: "B10000000" },
      },
    ]);
  });

  it("a cell in a column beyond XFD is a warning and changes nothing", async () => {
    const bytes = await editXml(appendRow('<row r="200"><c r="XFE200"><v>5</v></c></row>'));
    await accepted(bytes, [
      { code: "cell.outsideSheet", severity: "warning", where: { file: FILE, sheet: SHEET, cell: "XFE200" } },
    ]);
  });

  it("a cell at XFD1048576 is a far-away warning; the grid stays the size of the form", async () => {
    const bytes = await editXml(appendRow('<row r="1048576"><c r="XFD1048576"><v>5</v></c></row>'));
    await accepted(bytes, [
      { code: "cell.farAway", severity: "warning", where: { file: FILE, sheet: SHEET, cell: "XFD1048576" } },
    ]);
    for (const [, codec] of CODECS) {
      const host = await PartsHost.fromBuffer(bytes, { fileName: FILE, codec });
      const grid = (await host.readSheets([SHEET])).sheets[0]!;
      expect(grid.values.length).toBeLessThan(1000);
      expect(Math.max(...grid.values.map((r) => r.length))).toBeLessThan(200);
    }
  });

  it("text far to the right of the form (column ZZ… of a middle row) is a far-away warning", async () => {
    const bytes = await editXml(
      appendRow('<row r="300"><c r="XFA300" t="inlineStr"><is><t>ghi chú</t></is></c></row>')
    );
    const r = await run(bytes);
    expectFinding(r.check, {
      code: "cell.farAway",
      severity: "warning",
      where: { file: FILE, sheet: SHEET, cell: "XFA300" },
    });
    expect(r.products).toEqual(S.baseline);
  });

  it("a thousand stray cells spread over the sheet are reported (capped), never laid out densely", async () => {
    let rows = "";
    for (let i = 0; i < 1000; i++)
      rows += `<row r="${2000 + i * 1000}"><c r="${i % 2 ? "XFD" : "AAA"}${2000 + i * 1000}"><v>1</v></c></row>`;
    const bytes = await editXml(appendRow(rows));
    const r = await run(bytes);
    const far = r.check.filter((f) => f.code === "cell.farAway");
    expect(far.length).toBeGreaterThan(0);
    expect(far.length).toBeLessThanOrEqual(100);
    expect(r.products).toEqual(S.baseline);
  });
});

/** JSZip takes bytes too: a part written as it must be, not re-encoded. */
const writeBytes = (p: XlsxPackage, path: string, bytes: Uint8Array): void => {
  (p as unknown as { zip: { file(path: string, data: Uint8Array): void } }).zip.file(path, bytes);
};

describe("zip entries readers disagree on", () => {
  const refusedPackage = async (entries: CraftEntry[], code: string): Promise<Finding> => {
    const bytes = craftZip(entries);
    const found: Finding[][] = [];
    for (const [, codec] of CODECS) {
      let error: unknown = null;
      try {
        await PartsHost.fromBuffer(bytes, { fileName: "hội đồng.xlsx", codec });
      } catch (e) {
        error = e;
      }
      const f = packageFindings(error);
      expect(f).not.toBeNull();
      found.push(f!);
    }
    expect(found[1]).toEqual(found[0]);
    return expectFinding(found[0]!, { code, severity: "error", where: { file: "hội đồng.xlsx" } });
  };
  const base = () => minimalWorkbookEntries(sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'));

  it("two entries whose names differ only in case are refused as ambiguous", async () => {
    const entries = [
      ...base(),
      { name: "XL/WORKSHEETS/SHEET1.XML", data: sheetXml('<row r="1"><c r="A1"><v>5</v></c></row>') },
    ];
    const f = await refusedPackage(entries, "file.ambiguousParts");
    expect(f.params).toMatchObject({ entry: "XL/WORKSHEETS/SHEET1.XML", other: "xl/worksheets/sheet1.xml" });
  });

  it("the same with only the file name's case changed (Sheet1.xml)", async () => {
    const entries = [...base(), { name: "xl/worksheets/Sheet1.xml", data: sheetXml("") }];
    await refusedPackage(entries, "file.ambiguousParts");
  });

  it.each([
    ["../../evil.xml"],
    ["xl/../../evil.xml"],
    ["/etc/evil.xml"],
    ["C:/evil.xml"],
    ["xl\\worksheets\\sheet2.xml"],
    ["xl/./sheet.xml"],
  ])("an entry named %s is refused", async (name) => {
    const f = await refusedPackage([...base(), { name, data: "<x/>" }], "file.unsafePartName");
    expect(f.params.entry).toBe(name);
  });
});

describe("read as LibreOffice reads it", () => {
  /** Row 1 as the parts host reads it (both codecs), and as LibreOffice Calc exports it to CSV. */
  const both = async (entries: CraftEntry[]): Promise<{ ours: string; calc: string }> => {
    const bytes = craftZip(entries);
    const rows: string[] = [];
    for (const [, codec] of CODECS) {
      const host = await PartsHost.fromBuffer(bytes, { fileName: "t.xlsx", codec });
      const grid = (await host.readSheets(["Sheet1"])).sheets[0]!;
      rows.push((grid.values[0] ?? []).map((v) => (v === null ? "" : String(v))).join(","));
    }
    expect(rows[1]).toBe(rows[0]);
    const csv = new TextDecoder().decode(
      convertWithSoffice(bytes, "t.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76")
    );
    return { ours: rows[0]!.replace(/,+$/, ""), calc: csv.split(/\r?\n/)[0]!.replace(/,+$/, "") };
  };

  it("comments, a processing instruction and CDATA", async () => {
    const r = await both(
      minimalWorkbookEntries(
        sheetXml(
          '<row r="1"><c r="A1"><v>1</v></c><!-- <c r="B1"><v>5</v></c> --><?pi <c r="C1"><v>7</v></c>?>' +
            '<c r="D1"><v><![CDATA[3]]></v></c><c r="E1" t="inlineStr"><is><t>&#51;&#x34;</t></is></c></row>'
        )
      )
    );
    expect(r.ours).toBe("1,,,3,34");
    expect(r.calc).toBe(r.ours);
  }, 120_000);

  it("the x: prefix and a UTF-16 part", async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-16"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>2</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Vải</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    const entries = minimalWorkbookEntries("");
    entries[4] = { ...entries[4]!, data: new Uint8Array([0xff, 0xfe, ...Buffer.from(xml, "utf16le")]) };
    const r = await both(entries);
    expect(r.ours).toBe("2,Vải");
    expect(r.calc).toBe(r.ours);
  }, 120_000);
});
