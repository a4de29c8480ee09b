import { PartsHost } from "../hosts/xlsx/parts/partsHost";
import { writeZip, ZipParts } from "../hosts/xlsx/parts/zip";
import { parseAddress } from "../layout/a1";
import { APP_CODES, LAYOUT_CODES } from "../layout/codes";
import { SHEETS, scoreSheetName } from "../layout/names";
import { miniCatalogue, miniSession } from "../../test/helpers/miniCatalogue";
import { checkSheets } from "./checkSheets";
import { consolidateWorkbook } from "./consolidate";
import { sha256Hex } from "./hash";
import { injectScoreSheet } from "./injectScoreSheet";
import { planMemberBook } from "./memberBook";
import { readWorkbook } from "./readWorkbook";
import { parseSheets } from "./scores";
import { COLLECT_CODES } from "./secretariat/messages";
import { importBooks, inspectBooks } from "./secretariat/collect";
import { setUpSession } from "./setUpSession";
import type { WorkbookHost } from "../hosts/workbook";
import { testWorkbooks } from "../../test/helpers/workbooks";

const session = miniSession();
const catalogue = miniCatalogue();
const load = async () => catalogue;

const council = async (): Promise<PartsHost> => {
  const host = PartsHost.createEmpty();
  expect((await setUpSession(host, { session, catalogue })).findings).toEqual([]);
  return host;
};

/** The cell of product × criterion on a member's sheet, found through the sheet's anchors. */
const cellOf = async (host: WorkbookHost, member: string, product: string, criterion: string) => {
  const read = await readWorkbook(host);
  const sheet = parseSheets(read.scoreSheets, read.session!, catalogue).find(
    (s) => s.grid.name === scoreSheetName(member)
  )!;
  const cell = sheet.parsed.scores!.entries.find(
    (e) => e.product === product && e.criterion === criterion
  )!.cell!;
  return { sheet: sheet.grid.name, ...parseAddress(cell)! };
};
const score = async (host: WorkbookHost, member: string, product: string, criterion: string) => {
  const read = await readWorkbook(host);
  const sheet = parseSheets(read.scoreSheets, read.session!, catalogue).find(
    (s) => s.grid.name === scoreSheetName(member)
  )!;
  return sheet.parsed.scores!.entries.find((e) => e.product === product && e.criterion === criterion)?.raw
    .value;
};

describe("use cases on the xlsx host", () => {
  it("sets a workbook up once and refuses to set it up over an existing session", async () => {
    const host = await council();
    const names = (await host.listSheets()).map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        SHEETS.session,
        SHEETS.products,
        SHEETS.members,
        "Phiếu TV01",
        "Phiếu TV02",
        SHEETS.meta,
      ])
    );
    const again = await setUpSession(host, { session: { ...session, id: "other" }, catalogue });
    expect(again.findings.map((f) => f.code)).toEqual([APP_CODES.alreadySetUp]);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(names);
  });

  it("re-creates a member's sheet for a product added later, keeping the scores entered", async () => {
    const host = await council();
    const at = await cellOf(host, "TV01", "SP01", "1.2");
    await host.apply({
      plans: [],
      cellWrites: [
        { sheet: at.sheet, row: at.row, col: at.col, value: 15 },
        ...["SP04", "Gạo nếp", "HTX D", "Xã Ba", "Gạo", "Gạo", "01"].map((value, col) => ({
          sheet: SHEETS.products,
          row: 6,
          col,
          value,
        })),
      ],
    });
    const before = await checkSheets(host, { load });
    expect(
      before.findings.some(
        (f) =>
          f.code === LAYOUT_CODES.productColumnMissing &&
          f.where.product === "SP04" &&
          f.where.member === "TV01"
      )
    ).toBe(true);
    const r = await injectScoreSheet(host, "TV01", { load });
    expect(r.written).toBe(true);
    expect(await score(host, "TV01", "SP01", "1.2")).toBe(15);
    expect(await score(host, "TV01", "SP04", "1.2")).toBeNull();
    const after = await checkSheets(host, { load });
    expect(after.findings.filter((f) => f.where.member === "TV01" && f.code.startsWith("layout."))).toEqual(
      []
    );
  });

  it('a book holding a score that is not allowed ("2,5") is never ready and is not imported', async () => {
    const host = await council();
    const read = await readWorkbook(host);
    const member = read.session!.members[1]!;
    const book = PartsHost.createEmpty();
    await book.apply({ plans: planMemberBook({ session: read.session!, catalogue, member }) });
    const at = await cellOf(book, "TV02", "SP03", "3.1");
    await book.apply({
      plans: [],
      cellWrites: [{ sheet: at.sheet, row: at.row, col: at.col, value: "2,5" }],
    });
    const files = [{ name: "TV02.xlsx", bytes: await book.toBuffer() }];
    const reports = await inspectBooks(host, files, { workbooks: testWorkbooks, load });
    expect(reports.map((r) => r.status)).toEqual(["invalid"]);
    expect(reports[0]!.findings.some((f) => f.severity === "error" && f.code !== "score.missing")).toBe(true);
    const imported = await importBooks(host, files, reports, { workbooks: testWorkbooks, load });
    expect(imported.map((r) => r.status)).toEqual(["invalid"]);
    expect(await score(host, "TV02", "SP03", "3.1")).toBeNull();
  });

  it("imports a member's book with its SHA-256, and never overwrites different scores unless confirmed", async () => {
    const host = await council();
    const read = await readWorkbook(host);
    const member = read.session!.members[1]!;
    const book = PartsHost.createEmpty();
    await book.apply({ plans: planMemberBook({ session: read.session!, catalogue, member }) });
    const at = await cellOf(book, "TV02", "SP03", "3.1");
    await book.apply({ plans: [], cellWrites: [{ sheet: at.sheet, row: at.row, col: at.col, value: 20 }] });
    const bytes = await book.toBuffer();
    const sha256 = await sha256Hex(bytes);
    const files = [{ name: "TV02.xlsx", bytes }];
    const reports = await inspectBooks(host, files, { workbooks: testWorkbooks, load });
    // A partly scored book is ready to import; its blanks are reported, not held against it.
    expect(reports.map((r) => [r.status, r.member])).toEqual([["ready", "TV02"]]);
    expect(reports[0]!.findings.filter((f) => !f.code.startsWith("score."))).toEqual([]);
    const imported = await importBooks(host, files, reports, { workbooks: testWorkbooks, load });
    expect(imported.map((r) => r.status)).toEqual(["imported"]);
    expect(await score(host, "TV02", "SP03", "3.1")).toBe(20);
    expect((await readWorkbook(host)).meta!.imports).toEqual([
      expect.objectContaining({ file: "TV02.xlsx", sha256, member: "TV02" }),
    ]);

    // The council's copy now differs from a second book: held back and said so, nothing changed...
    const mine = await cellOf(host, "TV02", "SP03", "3.1");
    await host.apply({
      plans: [],
      cellWrites: [{ sheet: mine.sheet, row: mine.row, col: mine.col, value: 35 }],
    });
    // The same scores sent again in another file (the same workbook saved by another program, which packs
    // it differently: other bytes, so not "already imported").
    const parts = ZipParts.open(bytes);
    const resaved = writeZip(
      parts.names().map((name) => ({ kind: "new" as const, name, data: parts.bytesOf(name)! })),
      { level: 9 }
    );
    expect(await sha256Hex(resaved)).not.toBe(sha256);
    const again = [{ name: "TV02 (gửi lại).xlsx", bytes: resaved }];
    const second = await inspectBooks(host, again, { workbooks: testWorkbooks, load });
    expect(second[0]!.status).toBe("duplicate");
    expect(
      second[0]!.findings.filter((f) => f.code === COLLECT_CODES.replaces).map((f) => f.params.count)
    ).toEqual([1]);
    expect((await importBooks(host, again, second, { workbooks: testWorkbooks, load }))[0]!.status).toBe(
      "duplicate"
    );
    expect(await score(host, "TV02", "SP03", "3.1")).toBe(35);
    // ... until the secretariat confirms that the book replaces it.
    const confirmed = new Set([second[0]!.id]);
    expect(
      (await importBooks(host, again, second, { workbooks: testWorkbooks, load, confirmed }))[0]!.status
    ).toBe("imported");
    expect(await score(host, "TV02", "SP03", "3.1")).toBe(20);
  });

  it("does not write results while errors stand", async () => {
    const host = await council();
    const names = (await host.listSheets()).map((s) => s.name);
    const r = await consolidateWorkbook(host, { load });
    expect(r.written).toBe(false);
    expect(r.findings.some((f) => f.severity === "error")).toBe(true);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(names);
  });

  it("refuses a member book of another session", async () => {
    const host = await council();
    const other = { ...session, id: "another-session" };
    const book = PartsHost.createEmpty();
    await book.apply({ plans: planMemberBook({ session: other, catalogue, member: other.members[0]! }) });
    const files = [{ name: "la.xlsx", bytes: await book.toBuffer() }];
    const reports = await inspectBooks(host, files, { workbooks: testWorkbooks, load });
    expect(reports.map((r) => [r.status, r.findings.map((f) => f.code)])).toEqual([
      ["invalid", [APP_CODES.bookOtherSession]],
    ]);
    const names = (await host.listSheets()).map((x) => x.name);
    expect((await importBooks(host, files, reports, { workbooks: testWorkbooks, load }))[0]!.status).toBe(
      "invalid"
    );
    expect((await readWorkbook(host)).meta!.imports).toEqual([]);
    expect((await host.listSheets()).map((x) => x.name)).toEqual(names);
  });
});
