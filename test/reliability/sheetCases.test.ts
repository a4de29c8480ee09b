/**
 * Sheet-level corpus: a valid member book or council workbook, one edit away from bad. Each case says
 * which finding must come out (code, severity, sheet, cell, member/product/criterion), that its words
 * name the place in Vietnamese and English, and that consolidation refuses to write on an error. Cases
 * that are not errors (a moved row, a renamed sheet, another password) must give the same result as
 * the untouched book.
 */
import { normaliseCode } from "../../src/ocop/text";
import { ExcelJsHost } from "../reference/exceljsHost";
import { exportMemberBooks } from "../../src/app/memberBook";
import { setUpSession } from "../../src/app/setUpSession";
import { importBooks, inspectBooks } from "../../src/app/secretariat/collect";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { ProductResult } from "../../src/ocop/results";
import { type Corpus, PASSWORD, fillSheet, filledCouncil } from "./corpus";
import {
  ANH,
  FILE,
  M,
  S,
  SHEET,
  at,
  cellOf,
  editBook,
  expectAccepted,
  expectRefused,
  prepareBooks,
  row,
  runBook,
  value,
} from "./bookCases";
import { COUNCIL_FILE, bookFile, brief, check, consolidateBytes, errorsOf, expectFinding } from "./harness";
import { XlsxPackage, addr, colName } from "./xlsxXml";
import { testWorkbooks } from "../helpers/workbooks";

let c: Corpus;
let P1: string;
let P2: string;
let P3: string;
let validBooks: Map<string, Uint8Array>;
let baseline: ProductResult[];

beforeAll(async () => {
  await prepareBooks();
  ({ c, P1, P2, P3, validBooks, baseline } = S);
}, 120_000);

describe("score cells", () => {
  it("text in a score cell", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { text: "ba điểm" }));
    const [f] = await expectRefused(bytes, [
      { code: "score.notANumber", severity: "error", where: at(P1, "1.a") },
    ]);
    expect(f!.params.value).toBe("ba điểm");
  });

  it("a number typed as text", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { text: "3" }));
    const [f] = await expectRefused(bytes, [{ code: "score.text", severity: "error", where: at(P1, "1.a") }]);
    expect(f!.params).toMatchObject({ value: "3", number: 3, numberAllowed: true });
  });

  it("a number that is not an allowed level (2 where 0, 1, 3, 5)", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { number: 2 }));
    const [f] = await expectRefused(bytes, [
      { code: "score.notAllowed", severity: "error", where: at(P1, "1.a") },
    ]);
    expect(f!.allowed).toEqual([0, 1, 3, 5]);
  });

  it("a negative number", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P2, "1.b"), { number: -1 }));
    await expectRefused(bytes, [{ code: "score.negative", severity: "error", where: at(P2, "1.b") }]);
  });

  it("a number above the criterion's maximum", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { number: 50 }));
    const [f] = await expectRefused(bytes, [
      { code: "score.aboveMax", severity: "error", where: at(P1, "1.a") },
    ]);
    expect(f!.params).toMatchObject({ value: 50, max: 5 });
  });

  it("a decimal with a comma (typed as text) where the level is whole", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.b"), { text: "1,5" }));
    const [f] = await expectRefused(bytes, [{ code: "score.text", severity: "error", where: at(P1, "1.b") }]);
    expect(f!.params).toMatchObject({ number: 1.5, numberAllowed: false });
  });

  it("a decimal with a dot (a number) where the level is whole", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.b"), { number: 1.5 }));
    await expectRefused(bytes, [{ code: "score.notAllowed", severity: "error", where: at(P1, "1.b") }]);
  });

  it("a formula in a score cell, even one whose result is allowed", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { formula: "1+2", cached: 3 }));
    const [f] = await expectRefused(bytes, [
      { code: "score.formula", severity: "error", where: at(P1, "1.a") },
    ]);
    expect(String(f!.params.formula)).toContain("1+2");
  });

  it("a formula copying another member's cell", async () => {
    const bytes = await editBook((p) =>
      p.setCell(SHEET, cellOf(P2, "1.a"), { formula: `${cellOf(P1, "1.a")}`, cached: value(P1, "1.a") })
    );
    await expectRefused(bytes, [{ code: "score.formula", severity: "error", where: at(P2, "1.a") }]);
  });

  it("an empty score", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P2, "1.c"), null));
    await expectRefused(bytes, [{ code: "score.missing", severity: "error", where: at(P2, "1.c") }]);
  });

  it("a score of blanks only", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P2, "1.c"), { text: "   " }));
    await expectRefused(bytes, [{ code: "score.missing", severity: "error", where: at(P2, "1.c") }]);
  });

  it("TRUE in a score cell", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { bool: true }));
    await expectRefused(bytes, [{ code: "score.notANumber", severity: "error", where: at(P1, "1.a") }]);
  });

  it("an error value (#N/A) in a score cell", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, cellOf(P1, "1.a"), { error: "#N/A" }));
    await expectRefused(bytes, [{ code: "score.notANumber", severity: "error", where: at(P1, "1.a") }]);
  });

  it("a whole product left blank: one finding, not one per criterion", async () => {
    const bytes = await editBook(async (p) => {
      for (const [k, a] of c.layouts.get(M)!.cells)
        if (k.startsWith(`${P3}|`)) await p.setCell(SHEET, a, null);
    });
    const r = await runBook(bytes);
    expectFinding(r.check, {
      code: "score.productMissing",
      severity: "error",
      where: { file: FILE, sheet: SHEET, member: M, product: P3 },
    });
    expect(r.check.filter((f) => f.code === "score.missing")).toEqual([]);
    expect(r.written).toBe(false);
  });
});

describe("rows and columns", () => {
  it("a deleted criterion row", async () => {
    const bytes = await editBook((p) => p.deleteRow(SHEET, row("01", "1.b")));
    await expectRefused(bytes, [
      {
        code: "layout.criterionRowDeleted",
        severity: "error",
        where: {
          file: FILE,
          sheet: SHEET,
          cell: `A${c.layouts.get(M)!.blockRows.get("01")}`,
          member: M,
          criterion: "1.b",
          form: "01",
        },
      },
    ]);
  });

  it("a duplicated criterion row (copied below itself, validation and all)", async () => {
    const r = row("01", "1.b");
    const bytes = await editBook(async (p) => {
      const cells = await p.rowCells(SHEET, r);
      await p.insertRow(SHEET, r + 1);
      await p.pasteRow(SHEET, r + 1, cells);
      await p.extendValidation(SHEET, `E${r}`, `E${r + 1}:F${r + 1}`);
    });
    const [f] = await expectRefused(bytes, [
      {
        code: "layout.criterionRowDuplicated",
        severity: "error",
        where: { file: FILE, sheet: SHEET, cell: `A${r + 1}`, member: M, criterion: "1.b" },
      },
    ]);
    expect(f!.params.first).toBe(`A${r}`);
  });

  it("a criterion row moved within its block (cut and insert) reads the same", async () => {
    const r = row("01", "1.b");
    const target = row("01", "1.d") + 1;
    const bytes = await editBook(async (p) => {
      const cells = await p.rowCells(SHEET, r);
      await p.insertRow(SHEET, target);
      await p.pasteRow(SHEET, target, cells);
      await p.deleteRow(SHEET, r);
    });
    await expectAccepted(bytes);
  });

  it("a criterion row moved into the other form's block", async () => {
    const r = row("01", "1.b");
    const target = row("02", "1.c");
    const bytes = await editBook(async (p) => {
      const cells = await p.rowCells(SHEET, r);
      await p.insertRow(SHEET, target);
      await p.pasteRow(SHEET, target, cells);
      await p.deleteRow(SHEET, r);
    });
    await expectRefused(bytes, [
      {
        code: "layout.criterionRowDeleted",
        severity: "error",
        where: { sheet: SHEET, member: M, criterion: "1.b", form: "01" },
      },
      {
        code: "layout.criterionRowDuplicated",
        severity: "error",
        where: { sheet: SHEET, cell: `A${target - 1}`, member: M, criterion: "1.b" },
      },
    ]);
  });

  it("inserted blank rows and a hidden row read the same", async () => {
    const bytes = await editBook(async (p) => {
      await p.insertRow(SHEET, row("01", "1.c"));
      await p.insertRow(SHEET, row("02", "1.a"));
      await p.editSheet(SHEET, (x) =>
        x.replace(`<row r="${row("01", "1.a")}"`, `<row r="${row("01", "1.a")}" hidden="1"`)
      );
    });
    await expectAccepted(bytes);
  });

  it("a deleted product column", async () => {
    const bytes = await editBook((p) => p.deleteColumn(SHEET, c.layouts.get(M)!.productCols.get(P2)!));
    await expectRefused(bytes, [
      {
        code: "layout.productColumnMissing",
        severity: "error",
        where: {
          file: FILE,
          sheet: SHEET,
          cell: `A${c.layouts.get(M)!.blockRows.get("01")}`,
          member: M,
          product: P2,
          form: "01",
        },
      },
    ]);
  });

  it("a product column from another session (unknown product code in the hidden row)", async () => {
    const colsRow = c.layouts.get(M)!.colsRows.get("01")!;
    const col = c.layouts.get(M)!.productCols.get(P2)!;
    const bytes = await editBook((p) =>
      p.setCell(SHEET, addr(colsRow - 1, col), { text: "72-99999-999-2022" })
    );
    const [f] = await expectRefused(bytes, [
      {
        code: "layout.productColumnUnknown",
        severity: "error",
        where: {
          file: FILE,
          sheet: SHEET,
          cell: addr(colsRow - 1, col),
          member: M,
          product: "72-99999-999-2022",
        },
      },
      {
        code: "layout.productColumnMissing",
        severity: "error",
        where: { sheet: SHEET, member: M, product: P2 },
      },
    ]);
    expect(f!.params.column).toBe(colName(col));
  });

  it("a duplicated product column", async () => {
    const L = c.layouts.get(M)!;
    const from = L.productCols.get(P1)!;
    const to = L.productCols.get(P2)! + 1; // G, next to the block
    const bytes = await editBook(async (p) => {
      for (let r = L.colsRows.get("01")!; r < L.blockRows.get("02")!; r++) {
        const v = await p.getCell(SHEET, addr(r - 1, from));
        if (typeof v.value === "string") await p.setCell(SHEET, addr(r - 1, to), { text: v.value });
        else if (typeof v.value === "number" && !v.formula)
          await p.setCell(SHEET, addr(r - 1, to), { number: v.value });
      }
    });
    const [f] = await expectRefused(bytes, [
      {
        code: "layout.productColumnDuplicate",
        severity: "error",
        where: {
          file: FILE,
          sheet: SHEET,
          cell: addr(L.colsRows.get("01")! - 1, to),
          member: M,
          product: P1,
        },
      },
    ]);
    expect(f!.params.first).toBe(addr(L.colsRows.get("01")! - 1, from));
  });

  it("product columns swapped (moved) read the same", async () => {
    const L = c.layouts.get(M)!;
    const e = L.productCols.get(P1)!;
    const fcol = L.productCols.get(P2)!;
    const bytes = await editBook(async (p) => {
      for (let r = L.colsRows.get("01")!; r < L.blockRows.get("02")! - 1; r++) {
        const a = await p.getCell(SHEET, addr(r - 1, e));
        const b = await p.getCell(SHEET, addr(r - 1, fcol));
        const spec = (v: typeof a) =>
          v.formula
            ? {
                formula: v.formula.replace(
                  /[EF](\d+)/g,
                  (_m, n: string) => `${colName(e === fcol ? e : v === a ? fcol : e)}${n}`
                ),
              }
            : typeof v.value === "string"
              ? { text: v.value }
              : typeof v.value === "number"
                ? { number: v.value }
                : null;
        await p.setCell(SHEET, addr(r - 1, e), spec(b));
        await p.setCell(SHEET, addr(r - 1, fcol), spec(a));
      }
    });
    await expectAccepted(bytes);
  });
});

describe("anchors, lists and sheet settings", () => {
  it("an edited criterion anchor (c:1.b → c:1.z)", async () => {
    const r = row("01", "1.b");
    const bytes = await editBook((p) => p.setCell(SHEET, `A${r}`, { text: "c:1.z" }));
    await expectRefused(bytes, [
      {
        code: "layout.criterionRowUnknown",
        severity: "error",
        where: { file: FILE, sheet: SHEET, cell: `A${r}`, member: M, criterion: "1.Z", form: "01" },
      },
      {
        code: "layout.criterionRowDeleted",
        severity: "error",
        where: { sheet: SHEET, member: M, criterion: "1.b", form: "01" },
      },
    ]);
  });

  it("an edited block anchor (#block:01 → #block:99)", async () => {
    const b = c.layouts.get(M)!.blockRows.get("01")!;
    const bytes = await editBook((p) => p.setCell(SHEET, `A${b}`, { text: "#block:99" }));
    await expectRefused(bytes, [
      {
        code: "layout.blockUnknownForm",
        severity: "error",
        where: { file: FILE, sheet: SHEET, cell: `A${b}`, member: M, form: "99" },
      },
    ]);
  });

  it("an edited sheet anchor: the member changed (TV01 → TV02) inside TV01's book", async () => {
    const bytes = await editBook(async (p) => {
      const anchor = (await p.getCell(SHEET, "A1")).value as string;
      await p.setCell(SHEET, "A1", { text: anchor.replace('"member":"TV01"', '"member":"TV02"') });
    });
    await expectRefused(bytes, [
      { code: "book.memberMismatch", severity: "error", where: { file: FILE, sheet: SHEET, member: "TV02" } },
    ]);
  });

  it("a damaged sheet anchor (not JSON any more)", async () => {
    const bytes = await editBook((p) => p.setCell(SHEET, "A1", { text: '{"ocop":"score","v":1,"session":' }));
    await expectRefused(bytes, [
      { code: "layout.notScoreSheet", severity: "error", where: { file: FILE, sheet: SHEET, cell: "A1" } },
    ]);
  });

  it("a sheet anchor from a newer version of the add-in", async () => {
    const bytes = await editBook(async (p) => {
      const anchor = (await p.getCell(SHEET, "A1")).value as string;
      await p.setCell(SHEET, "A1", { text: anchor.replace('"v":1', '"v":99') });
    });
    await expectRefused(bytes, [
      {
        code: "layout.newerVersion",
        severity: "error",
        where: { file: FILE, sheet: SHEET, cell: "A1", member: M },
      },
    ]);
  });

  it("a changed allowed-points list", async () => {
    const r = row("01", "1.a");
    const bytes = await editBook((p) =>
      p.editSheet(SHEET, (x) =>
        x.replace(
          new RegExp(`(<dataValidation\\b[^>]*sqref="E${r}[^"]*"[^>]*><formula1>)[^<]*(</formula1>)`),
          "$1&quot;0,1,2,3,4,5&quot;$2"
        )
      )
    );
    const [f] = await expectRefused(bytes, [
      {
        code: "layout.allowedListChanged",
        severity: "error",
        where: { file: FILE, sheet: SHEET, cell: `E${r}`, member: M, product: P1, criterion: "1.a" },
      },
    ]);
    expect(f!.allowed).toEqual([0, 1, 3, 5]);
  });

  it("a removed points list is a warning, and the scores still count", async () => {
    const r = row("01", "1.a");
    const bytes = await editBook((p) =>
      p.editSheet(SHEET, (x) =>
        x.replace(
          new RegExp(`<dataValidation\\b[^>]*sqref="E${r}[^"]*"[^>]*>[\\s\\S]*?</dataValidation>`),
          ""
        )
      )
    );
    const res = await runBook(bytes);
    expectFinding(res.check, {
      code: "layout.validationRemoved",
      severity: "warning",
      where: { file: FILE, sheet: SHEET, cell: `E${r}`, member: M, criterion: "1.a" },
    });
    expect(brief(errorsOf(res.consolidate))).toEqual([]);
    expect(res.products).toEqual(baseline);
  });

  it("the sheet protected again with a different password reads the same", async () => {
    const bytes = await editBook((p) =>
      p.editSheet(SHEET, (x) =>
        x.replace(
          /<sheetProtection\b[^>]*\/>/,
          '<sheetProtection sheet="1" objects="1" scenarios="1" password="CC3D"/>'
        )
      )
    );
    await expectAccepted(bytes);
  });

  it("the sheet unprotected reads the same", async () => {
    const bytes = await editBook((p) =>
      p.editSheet(SHEET, (x) => x.replace(/<sheetProtection\b[^>]*\/>/, ""))
    );
    await expectAccepted(bytes);
  });

  it("a renamed score sheet reads the same (found by its anchor)", async () => {
    const bytes = await editBook((p) => p.renameSheet(SHEET, "Điểm của tôi"));
    await expectAccepted(bytes);
  });

  it("merged cells over score cells", async () => {
    const r = row("01", "1.a");
    const bytes = await editBook(async (p) => {
      await p.setCell(SHEET, `F${r}`, null); // Excel keeps only the first cell's value when merging
      await p.editSheet(SHEET, (x) =>
        x.replace(
          /<mergeCells count="(\d+)">/,
          (_m, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="E${r}:F${r}"/>`
        )
      );
    });
    await expectRefused(bytes, [
      {
        code: "layout.scoreCellsMerged",
        severity: "error",
        where: { file: FILE, sheet: SHEET, cell: `E${r}`, member: M },
      },
    ]);
  });
});

describe("whole sheets and workbooks", () => {
  it("a member book with its score sheet deleted", async () => {
    const bytes = await editBook((p) => p.removeSheet(SHEET));
    const r = await runBook(bytes);
    expectFinding(r.check, { code: "book.noScoreSheet", severity: "error", where: { file: FILE } });
    expectFinding(r.consolidate, { code: "book.noScoreSheet", severity: "error", where: { file: FILE } });
    expect(r.written).toBe(false);
  });

  it("a member book with two score sheets", async () => {
    const bytes = await editBook((p) => p.copySheet(SHEET, "Phiếu TV01 (2)"));
    const r = await runBook(bytes);
    expectFinding(r.consolidate, { code: "book.manyScoreSheets", severity: "error", where: { file: FILE } });
    expect(r.written).toBe(false);
  });

  it("a member book of another session", async () => {
    const other = { ...c.session, id: "reliability-other-0002" };
    const host = ExcelJsHost.createEmpty();
    await setUpSession(host, { session: other, catalogue: c.catalogue });
    const books = new Map<string, ExcelJsHost>();
    await exportMemberBooks(await ExcelJsHost.fromBuffer(await host.toBuffer()), (m) => {
      const h = ExcelJsHost.createEmpty();
      books.set(m.code, h);
      return h;
    });
    const pkg = await XlsxPackage.load(await books.get(M)!.toBuffer());
    await fillSheet(pkg, c, M);
    const r = await runBook(await pkg.save());
    const f = expectFinding(r.consolidate, {
      code: "book.otherSession",
      severity: "error",
      where: { file: FILE },
    });
    expect(f.params).toMatchObject({ found: "reliability-other-0002", expected: c.session.id });
    expect(r.written).toBe(false);
  });

  it("a member book made for another edition of the criteria (same session id): one finding, not one per row", async () => {
    const catalogue = await loadEdition("qd26-2026");
    const other = { ...c.session, edition: "qd26-2026" as const };
    const host = ExcelJsHost.createEmpty();
    await setUpSession(host, { session: other, catalogue });
    const books = new Map<string, ExcelJsHost>();
    await exportMemberBooks(
      await ExcelJsHost.fromBuffer(await host.toBuffer()),
      (m) => {
        const h = ExcelJsHost.createEmpty();
        books.set(m.code, h);
        return h;
      },
      { load: async () => catalogue }
    );
    const r = await runBook(await books.get(M)!.toBuffer());
    const f = expectFinding(r.consolidate, {
      code: "book.otherEdition",
      severity: "error",
      where: { file: FILE },
    });
    expect(f.params).toMatchObject({ found: "qd26-2026", expected: c.session.edition });
    expect(r.consolidate.filter((x) => x.code === "layout.criterionRowUnknown")).toEqual([]);
    expect(r.written).toBe(false);
  });

  it("a member book for a member who is not in the members list", async () => {
    const stranger = { code: "TV09", name: "Người ngoài", title: "", role: "member" as const };
    const session = { ...c.session, members: [...c.session.members, stranger] };
    const host = ExcelJsHost.createEmpty();
    await setUpSession(host, { session, catalogue: c.catalogue });
    const books = new Map<string, ExcelJsHost>();
    await exportMemberBooks(await ExcelJsHost.fromBuffer(await host.toBuffer()), (m) => {
      const h = ExcelJsHost.createEmpty();
      books.set(m.code, h);
      return h;
    });
    const bytes = await books.get("TV09")!.toBuffer();
    const checked = await consolidateBytes(c.council, [
      ...[...validBooks].map(([m, b]) => ({ file: bookFile(m), bytes: b })),
      { file: bookFile("TV09"), bytes },
    ]);
    expectFinding(checked.result.findings, {
      code: "member.unknown",
      severity: "error",
      where: { file: bookFile("TV09"), member: "TV09" },
    });
    expect(checked.result.written).toBe(false);
  });

  it("Unicode: the book of member “TV-Ánh” (read back as TV-ÁNH) with its sheet name and anchor in decomposed form (NFD) reads the same", async () => {
    const member = ANH;
    const sheet = c.layouts.get(member)!.sheet;
    const pkg = await XlsxPackage.load(validBooks.get(member)!);
    const anchor = (await pkg.getCell(sheet, "A1")).value as string;
    await pkg.setCell(sheet, "A1", { text: anchor.normalize("NFD") });
    await pkg.renameSheet(sheet, sheet.normalize("NFD"));
    const bytes = await pkg.save();
    expect(bytes).not.toEqual(validBooks.get(member));
    await expectAccepted(bytes, member);
  });

  it("Unicode: a product code in the hidden row typed in lower case with stray spaces reads the same", async () => {
    const colsRow = c.layouts.get(M)!.colsRows.get("01")!;
    const col = c.layouts.get(M)!.productCols.get(P2)!;
    const bytes = await editBook((p) =>
      p.setCell(SHEET, addr(colsRow - 1, col), { text: ` ${P2.toLowerCase()} ` })
    );
    await expectAccepted(bytes);
  });
});

describe("the council workbook", () => {
  let council: Uint8Array;
  beforeAll(async () => {
    council = await filledCouncil(c);
  });

  const editCouncil = async (edit: (pkg: XlsxPackage) => Promise<void>): Promise<Uint8Array> => {
    const pkg = await XlsxPackage.load(council);
    await edit(pkg);
    return pkg.save();
  };

  const runCouncil = async (bytes: Uint8Array) => {
    const checked = await check(bytes, COUNCIL_FILE);
    const { result } = await consolidateBytes(bytes);
    return {
      check: checked.findings,
      consolidate: result.findings,
      written: result.written,
      products: result.consolidation?.products ?? [],
    };
  };

  it("filled in place, it consolidates to the same ranking as the books", async () => {
    const r = await runCouncil(council);
    expect(brief(errorsOf(r.check))).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.products).toEqual(baseline);
  });

  it("two sheets for one member", async () => {
    const bytes = await editCouncil((p) => p.copySheet(SHEET, "Phiếu TV01 (2)"));
    const r = await runCouncil(bytes);
    expectFinding(r.check, {
      code: "member.duplicate",
      severity: "error",
      where: { file: COUNCIL_FILE, sheet: "Phiếu TV01 (2)", member: M },
    });
    expect(r.written).toBe(false);
  });

  it("a sheet for a member who is not in the members list", async () => {
    const bytes = await editCouncil(async (p) => {
      await p.copySheet(SHEET, "Phiếu TV09");
      const anchor = (await p.getCell("Phiếu TV09", "A1")).value as string;
      await p.setCell("Phiếu TV09", "A1", { text: anchor.replace('"member":"TV01"', '"member":"TV09"') });
    });
    const r = await runCouncil(bytes);
    expectFinding(r.check, {
      code: "member.unknown",
      severity: "error",
      where: { file: COUNCIL_FILE, sheet: "Phiếu TV09", member: "TV09" },
    });
    expect(r.written).toBe(false);
  });

  it("a member removed from the members list whose sheet is still there", async () => {
    const bytes = await editCouncil(async (p) => {
      const sheet = "Thành viên";
      const xml = await p.read(await p.sheetPath(sheet));
      // The row that holds the code "TV-Ánh" (a shared string): clear all its cells.
      const strings = await p.read("xl/sharedStrings.xml");
      const idx = [...strings.matchAll(/<si>([\s\S]*?)<\/si>/g)].findIndex((m) => m[1]!.includes(">TV-Ánh<"));
      const rowNo = new RegExp(`<c r="[A-Z]+(\\d+)"[^>]*t="s"[^>]*><v>${idx}</v>`).exec(xml)![1]!;
      await p.editSheet(sheet, (x) => x.replace(new RegExp(`<row r="${rowNo}"[^>]*>[\\s\\S]*?</row>`), ""));
    });
    const r = await runCouncil(bytes);
    expectFinding(r.check, {
      code: "member.unknown",
      severity: "error",
      where: { file: COUNCIL_FILE, sheet: "Phiếu TV-Ánh", member: ANH },
    });
    expect(r.written).toBe(false);
  });

  it("a member's sheet copied in from another session's workbook", async () => {
    const bytes = await editCouncil(async (p) => {
      const anchor = (await p.getCell(SHEET, "A1")).value as string;
      await p.setCell(SHEET, "A1", { text: anchor.replace(c.session.id, "reliability-other-0002") });
    });
    const r = await runCouncil(bytes);
    const f = expectFinding(r.check, {
      code: "layout.otherSession",
      severity: "error",
      where: { file: COUNCIL_FILE, sheet: SHEET, cell: "A1", member: M },
    });
    expect(f.params.found).toBe("reliability-other-0002");
    expect(r.written).toBe(false);
  });

  it("the hidden metadata sheet deleted", async () => {
    const bytes = await editCouncil((p) => p.removeSheet("_ocop_meta"));
    const r = await runCouncil(bytes);
    expectFinding(r.check, {
      code: "layout.metaMissing",
      severity: "error",
      where: { file: COUNCIL_FILE, sheet: "_ocop_meta" },
    });
    expect(r.written).toBe(false);
  });

  it("the hidden metadata edited (session JSON damaged)", async () => {
    const bytes = await editCouncil(async (p) => {
      const v = await p.getCell("_ocop_meta", "B7");
      await p.setCell("_ocop_meta", "B7", { text: String(v.value).slice(0, 40) });
    });
    const r = await runCouncil(bytes);
    expectFinding(r.check, {
      code: "layout.metaInvalid",
      severity: "error",
      where: { file: COUNCIL_FILE, sheet: "_ocop_meta" },
    });
    expect(r.written).toBe(false);
  });

  it("importing a valid book for member “TV-Ánh” (diacritics in the code) into the council workbook", async () => {
    const host = await ExcelJsHost.fromBuffer(c.council, { fileName: COUNCIL_FILE });
    const member = ANH;
    const bytes = validBooks.get(member)!;
    const files = [{ name: bookFile(member), bytes }];
    const reports = await inspectBooks(host, files, { workbooks: testWorkbooks });
    expect(brief(reports[0]!.findings)).toEqual([]);
    const imported = await importBooks(host, files, reports, {
      workbooks: testWorkbooks,
      password: PASSWORD,
    });
    expect(imported.map((r) => [r.status, r.member])).toEqual([["imported", normaliseCode(member)]]);
  });
});
