/**
 * Products and members CSV files in the encodings Vietnamese offices produce, through `ocop init` (and the
 * task pane's table import): UTF-8 and UTF-16 are read, Windows-1258 is converted with a warning, TCVN3
 * and VNI are refused with how to convert, an unclosed quote is reported at its line, "sep=;" is honoured.
 * And `ocop check --json` lists the cells of a product left blank.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importMembers } from "../../src/app/secretariat/tables";
import { run } from "../../src/cli/main";
import type { FindingJson } from "../../src/cli/report";
import { decodeWindows1258 } from "../../src/ocop/csvEncoding";
import { buildCorpus, filledBook } from "./corpus";
import { XlsxPackage } from "./xlsxXml";
import { testWorkbooks } from "../helpers/workbooks";

const ROOT = join(__dirname, "..", "..");
const PRODUCTS = join(ROOT, "examples", "products.csv");
const NAME = "Nguyễn Thị Hằng Nga";
const TEXT = `Mã thành viên;Họ và tên;Chức vụ, đơn vị;Vai trò\nTV01;Trần Văn Đức;Chủ tịch UBND huyện;Chủ tịch Hội đồng\nTV02;${NAME};Trưởng phòng Nông nghiệp;Ủy viên\n`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ocop-rel-csv-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `ocop init` with this members file; the findings (JSON) and the members as written. */
const init = async (bytes: Uint8Array | string, name = "members.csv") => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  let out = "";
  const council = join(dir, `${name}.xlsx`);
  const code = await run(["init", "--products", PRODUCTS, "--members", file, "--out", council], {
    stdout: (s) => void (out += s),
    stderr: () => undefined,
  });
  return { code, out, council };
};

/** The same file through the task pane's table import, which reads CSV the same way: its findings. */
const imported = async (bytes: Uint8Array | string, name: string) =>
  importMembers(
    { name, bytes: typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes },
    testWorkbooks
  );

/** Windows-1258 bytes of Vietnamese text, as Windows writes them: base letter (with ă â ê ô ơ ư đ) and a tone mark. */
const TONE: Record<string, number> = {
  "\u0300": 0xcc,
  "\u0301": 0xec,
  "\u0303": 0xde,
  "\u0309": 0xd2,
  "\u0323": 0xf2,
};
const encode1258 = (text: string): Uint8Array => {
  const reverse = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decodeWindows1258(new Uint8Array([b]));
    if (ch !== null) reverse.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    const direct = reverse.get(ch);
    if (direct !== undefined && !Object.values(TONE).includes(direct)) {
      out.push(direct);
      continue;
    }
    const nfd = ch.normalize("NFD");
    const tone = [...nfd].find((c) => c in TONE)!;
    const base = nfd.replace(tone, "").normalize("NFC");
    out.push(base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : reverse.get(base)!, TONE[tone]!);
  }
  return new Uint8Array(out);
};

/** TCVN3 (ABC) bytes of the letters used below (TCVN 5712:1993); other letters lose their marks. */
const TCVN3: Record<string, number> = {
  à: 0xb5,
  á: 0xb8,
  ả: 0xb6,
  ã: 0xb7,
  ạ: 0xb9,
  ă: 0xa8,
  â: 0xa9,
  ê: 0xaa,
  ô: 0xab,
  ơ: 0xac,
  ư: 0xad,
  đ: 0xae,
  Đ: 0xa7,
};
/** VNI Windows: a plain letter followed by a mark byte (à = a + 0xF8, ã = a + 0xF5, ê = e + 0xE2 …). */
const VNI: Record<string, string> = {
  à: "a\xf8",
  á: "a\xf9",
  ả: "a\xfb",
  ã: "a\xf5",
  ạ: "a\xef",
  ê: "e\xe2",
  ọ: "o\xef",
  ụ: "u\xef",
  ặ: "a\xeb",
  ồ: "o\xe0",
  Á: "A\xd9",
  ă: "a\xea",
  Đ: "\xd1",
  ị: "\xf2",
};
const legacyBytes = (text: string, table: Record<string, number | string>): Uint8Array => {
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const t = table[ch];
    if (t === undefined)
      for (const c of ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "")) out.push(c.charCodeAt(0) & 0x7f);
    else if (typeof t === "number") out.push(t);
    else for (const c of t) out.push(c.charCodeAt(0));
  }
  return new Uint8Array(out);
};
const SIMPLE = "Mã thành viên;Họ và tên\nTV01;Đặng Thị Lụa\nTV02;Phạm Văn Đạt\nTV03;Lê Thị Ánh Hồng\n";

describe("CSV encodings", () => {
  it.each([
    ["UTF-8 with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(TEXT, "utf8")])],
    ["UTF-8 without a BOM", new Uint8Array(Buffer.from(TEXT, "utf8"))],
    ["UTF-16LE with a BOM", new Uint8Array([0xff, 0xfe, ...Buffer.from(TEXT, "utf16le")])],
    ["UTF-16BE with a BOM", new Uint8Array([0xfe, 0xff, ...Buffer.from(TEXT, "utf16le").swap16()])],
  ])("%s is read as it is, without a finding", async (_name, bytes) => {
    const r = await init(bytes, `m-${_name.replace(/\W+/g, "")}.csv`);
    expect(r.code).toBe(0);
    const members = await importMembers({ name: "members.csv", bytes }, testWorkbooks);
    expect(members.findings).toEqual([]);
    expect(members.rows.map((m) => m.name)).toEqual(["Trần Văn Đức", NAME]);
  });

  it("the Windows-1258 table is the code page's: every byte decodes as the WHATWG windows-1258 decoder does", () => {
    const reference = new TextDecoder("windows-1258");
    for (let b = 0x80; b <= 0xff; b++) {
      const mine = decodeWindows1258(new Uint8Array([b]));
      const ref = reference.decode(new Uint8Array([b]));
      // Bytes with no character in the code page: the reference passes them through as C1 controls.
      if (mine === null) expect(ref.charCodeAt(0)).toBe(b);
      else expect(mine).toBe(ref.normalize("NFC"));
    }
  });

  it("Windows-1258 (Excel's plain CSV on Vietnamese Windows) is converted, with a warning", async () => {
    const bytes = encode1258(TEXT);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const members = await importMembers({ name: "members-1258.csv", bytes }, testWorkbooks);
    expect(members.rows.map((m) => m.name)).toEqual(["Trần Văn Đức", NAME]);
    expect(members.findings.map((f) => [f.code, f.severity, f.where.file])).toEqual([
      ["csv.encodingConverted", "warning", "members-1258.csv"],
    ]);
    const r = await init(bytes, "members-1258.csv");
    expect(r.code).toBe(0);
  });

  it.each([
    ["TCVN3 (ABC)", () => legacyBytes(SIMPLE, TCVN3), "TCVN3 (ABC)"],
    ["VNI Windows", () => legacyBytes(SIMPLE, VNI), "VNI"],
    [
      "TCVN3 typed with ABC fonts, saved as UTF-8",
      () => new TextEncoder().encode(new TextDecoder("latin1").decode(legacyBytes(SIMPLE, TCVN3))),
      "TCVN3 (ABC)",
    ],
    [
      "VNI typed with VNI fonts, saved as UTF-8",
      () => new TextEncoder().encode(new TextDecoder("latin1").decode(legacyBytes(SIMPLE, VNI))),
      "VNI",
    ],
  ])("%s is refused, saying how to convert (exit 1, nothing written)", async (_n, make, encoding) => {
    const name = `m-${_n.replace(/\W+/g, "")}.csv`;
    const bytes = make();
    const r = await init(bytes, name);
    expect(r.code).toBe(1);
    expect(r.out).toContain(encoding);
    expect(r.out).toContain("Unikey");
    const f = await imported(bytes, name);
    expect(f.rows).toEqual([]);
    expect(f.findings.map((x) => [x.code, x.params.encoding, x.where.file])).toEqual([
      ["csv.encodingLegacy", encoding, name],
    ]);
    expect(() => readFileSync(r.council)).toThrow();
  });

  it("bytes in no known encoding are refused, not garbled into U+FFFD", async () => {
    const bytes = new Uint8Array([
      ...Buffer.from("Mã thành viên;Họ và tên\nTV01;", "utf8"),
      0xff,
      0xfe,
      0x81,
      0x8d,
      0x0a,
    ]);
    const r = await init(bytes, "m-garbage.csv");
    expect(r.code).toBe(1);
    expect(r.out).toContain("CSV UTF-8");
    expect((await imported(bytes, "m-garbage.csv")).findings.map((f) => f.code)).toEqual([
      "csv.encodingUnknown",
    ]);
  });

  it("a quote that never closes is reported at its line, not swallowed", async () => {
    const text = `${TEXT}TV03;"Lê Văn Tám;Chuyên viên;Ủy viên\nTV04;Hà Thị Bốn;Chuyên viên;Ủy viên\n`;
    const r = await init(text, "m-quote.csv");
    expect(r.code).toBe(1);
    expect(r.out).toContain("Dòng 4");
    const f = (await imported(text, "m-quote.csv")).findings.filter(
      (x) => x.code === "csv.unterminatedQuote"
    );
    expect(f.map((x) => [x.severity, x.params.line, x.where.file])).toEqual([["error", 4, "m-quote.csv"]]);
  });

  it('a first line "sep=;" names the separator and is not data', async () => {
    const bytes = `sep=;\n${TEXT.replace("Chức vụ, đơn vị", "Chức vụ")}`;
    const members = await importMembers(
      { name: "members-sep.csv", bytes: new TextEncoder().encode(bytes) },
      testWorkbooks
    );
    expect(members.findings).toEqual([]);
    expect(members.rows.map((m) => m.code)).toEqual(["TV01", "TV02"]);
    expect((await init(bytes, "m-sep.csv")).code).toBe(0);
  });
});

describe("`ocop check --json`: a product left blank", () => {
  it("keeps one readable finding and lists its cells with criterion and allowed points", async () => {
    const c = await buildCorpus();
    const member = c.session.members[0]!.code;
    const product = c.session.products[0]!.code;
    const pkg = await XlsxPackage.load(await filledBook(c, member));
    const layout = c.layouts.get(member)!;
    const blank: string[] = [];
    for (const [k, a] of layout.cells)
      if (k.startsWith(`${product}|`)) {
        await pkg.setCell(layout.sheet, a, null);
        blank.push(a);
      }
    const file = join(dir, "blank.xlsx");
    writeFileSync(file, await pkg.save());
    let out = "";
    const code = await run(["check", file, "--json"], {
      stdout: (s) => void (out += s),
      stderr: () => undefined,
    });
    expect(code).toBe(1);
    const findings = JSON.parse(out) as FindingJson[];
    const mine = findings.filter((f) => f.product === product);
    expect(mine.map((f) => f.code)).toEqual(["score.productMissing"]);
    const cells = mine[0]!.cells!;
    expect(cells.map((x) => x.cell).sort()).toEqual(blank.sort());
    for (const x of cells) {
      expect(x.criterion).not.toBe("");
      expect(x.allowed.length).toBeGreaterThan(1);
    }
  });
});
