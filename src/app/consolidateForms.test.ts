/**
 * Which members' evaluation forms a consolidation writes: all of them for a council of ordinary size; above
 * FORMS_WITH_EVERY_CONSOLIDATION, only those asked for, kept up to date by later runs; none on request.
 */
import { PartsHost } from "../hosts/xlsx/parts/partsHost";
import { FORMS_WITH_EVERY_CONSOLIDATION, FORM_SHEET_PREFIX, formSheetName } from "../layout/documents";
import { enteredValues } from "../layout/scoreSheet";
import { generateScores, generateSession } from "../sim/generate";
import { miniCatalogue } from "../../test/helpers/miniCatalogue";
import { consolidateWorkbook } from "./consolidate";
import { planMemberBook } from "./memberBook";
import { setUpSession } from "./setUpSession";

const catalogue = miniCatalogue();
const load = async () => catalogue;

/** A council of `members` × `products` with every member's book filled in. */
const council = async (members: number, products: number) => {
  const session = { ...generateSession({ products, members, catalogue, seed: 7 }), edition: "mini" };
  const host = PartsHost.createEmpty();
  expect((await setUpSession(host, { session, catalogue })).findings).toEqual([]);
  const scores = generateScores(session, catalogue, { seed: 7 });
  const books = [];
  for (const [i, member] of session.members.entries()) {
    const book = PartsHost.createEmpty();
    await book.apply({
      plans: planMemberBook({ session, catalogue, member, existing: enteredValues(scores[i]!) }),
    });
    books.push({ host: book, file: `${member.code}.xlsx`, sha256: "0".repeat(64) });
  }
  return { session, host, books };
};

const formSheets = async (host: PartsHost): Promise<string[]> =>
  (await host.listSheets()).map((s) => s.name).filter((n) => n.startsWith(FORM_SHEET_PREFIX));

describe("members' evaluation forms in the consolidation", () => {
  it("writes every member's forms while the council is of ordinary size", async () => {
    const { host, books, session } = await council(5, 10);
    const r = await consolidateWorkbook(host, { books, load });
    expect(r.written).toBe(true);
    expect(r.formsDeferred).toBeUndefined();
    expect(await formSheets(host)).toEqual(session.members.map((m) => formSheetName(m.code)));
  });

  it("above the limit writes them on demand, keeps them current, and removes them on request", async () => {
    // 16 members × 100 products: 1,600 forms, over the 1,500 written with every run.
    const { host, books, session } = await council(16, 100);
    expect(16 * 100).toBeGreaterThan(FORMS_WITH_EVERY_CONSOLIDATION);
    const first = await consolidateWorkbook(host, { books, load });
    expect(first.written).toBe(true);
    expect(first.formsDeferred).toEqual({
      forms: 1600,
      limit: FORMS_WITH_EVERY_CONSOLIDATION,
      written: [],
      notWritten: session.members.map((m) => m.code),
    });
    expect(await formSheets(host)).toEqual([]);

    const asked = await consolidateWorkbook(host, { load, forms: ["tv03"] });
    expect(asked.written).toBe(true);
    expect(await formSheets(host)).toEqual([formSheetName("TV03")]);
    const sheet = (await host.readSheets([formSheetName("TV03")])).sheets[0]!;
    // One printed form per product, each with the member as the assessor.
    expect(sheet.values.flat().filter((v) => v === "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP")).toHaveLength(
      100
    );

    // A later run with the default choice keeps the forms already written up to date, and adds no others.
    const again = await consolidateWorkbook(host, { load });
    expect(again.formsDeferred?.written).toEqual(["TV03"]);
    expect(await formSheets(host)).toEqual([formSheetName("TV03")]);

    await consolidateWorkbook(host, { load, forms: "none" });
    expect(await formSheets(host)).toEqual([]);
  }, 120_000);

  it("refuses a member who is not on the council and leaves the workbook as it was", async () => {
    const { host, books } = await council(5, 10);
    expect((await consolidateWorkbook(host, { books, load })).written).toBe(true);
    const snapshot = async () => {
      const names = (await host.listSheets()).map((s) => s.name);
      return { names, sheets: (await host.readSheets(names)).sheets.map((s) => [s.values, s.formulas]) };
    };
    const before = await snapshot();
    const r = await consolidateWorkbook(host, { load, forms: ["TV01", "TV99"] });
    expect(r.written).toBe(false);
    expect(r.findings).toContainEqual(
      expect.objectContaining({ code: "documents.formsUnknownMember", where: { member: "TV99" } })
    );
    expect(await snapshot()).toEqual(before);
  });
});
