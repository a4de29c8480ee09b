/** Paper forms typed twice, on a real council workbook (our parts host), read back with ExcelJS. */
import ExcelJS from "exceljs";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { roundSheetName, scoreSheetName } from "../../layout/names";
import { planDeliberationSheet } from "../../layout/deliberation";
import { planScoreSheet } from "../../layout/scoreSheet";
import { EMPTY_DELIBERATION } from "../../ocop/history";
import { paperKey, type PaperEntry } from "../../ocop/paperEntry";
import { miniCatalogue, miniSession } from "../../../test/helpers/miniCatalogue";
import { readWorkbook } from "../readWorkbook";
import { parseSheets } from "../scores";
import { setUpSession } from "../setUpSession";
import { updateSession } from "./updateSession";
import { acceptPaperForm, paperForm } from "./paperEntry";

const session = miniSession();
const catalogue = miniCatalogue();
const load = async () => catalogue;
const now = new Date("2026-06-15T09:30:00Z");

const council = async (): Promise<PartsHost> => {
  const host = PartsHost.createEmpty({ fileName: "council.xlsx" });
  expect((await setUpSession(host, { session, catalogue })).findings).toEqual([]);
  return host;
};

const sp01 = (v: [string, string, string, string]): Record<string, string> => ({
  [paperKey("SP01", "1.1")]: v[0],
  [paperKey("SP01", "1.2")]: v[1],
  [paperKey("SP01", "2.1")]: v[2],
  [paperKey("SP01", "3.1")]: v[3],
});
const first: PaperEntry = { by: "Lê Thư Ký", values: sp01(["10", "15", "5", "20"]) };
const second: PaperEntry = { by: "Phạm Kiểm Tra", values: sp01(["10", "10", "5", "20"]) };

const sheetOf = async (host: PartsHost, member: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await host.toBuffer()) as unknown as ArrayBuffer);
  return book.getWorksheet(scoreSheetName(member))!;
};

/** Every sheet's values and formulas, to see that a refused form changed nothing. */
const everything = async (host: PartsHost) => {
  const names = (await host.listSheets()).map((s) => s.name);
  return (await host.readSheets(names)).sheets.map((s) => [s.name, s.values, s.formulas]);
};

const scoresOf = async (host: PartsHost, member: string) => {
  const read = await readWorkbook(host);
  const sheet = parseSheets(read.scoreSheets, read.session!, catalogue).find(
    (s) => s.grid.name === scoreSheetName(member)
  )!;
  return new Map(sheet.parsed.scores!.entries.map((e) => [`${e.product}|${e.criterion}`, e.raw.value]));
};

test("the form's cells are those of the chosen products; an unknown member or product is said, not thrown", async () => {
  const host = await council();
  const form = await paperForm(host, { member: "tv01", products: ["SP01", "SP03"] }, { load });
  expect(form.member.name).toBe("Nguyễn Văn An");
  expect(form.cells).toHaveLength(8);
  const bad = await paperForm(host, { member: "TV09", products: ["SP09"] }, { load });
  expect(bad.cells).toEqual([]);
  expect(bad.findings.map((f) => f.code)).toEqual(["paper.unknownMember", "paper.unknownProduct"]);
});

test("a disagreement writes nothing; corrected, the agreed scores go into the member's sheet, marked with both names", async () => {
  const host = await council();
  const before = await everything(host);
  const refused = await acceptPaperForm(
    host,
    { member: "TV01", products: ["SP01"], first, second },
    { load, now }
  );
  expect(refused.accepted).toBe(false);
  expect(refused.comparison.disagreements).toEqual([
    { product: "SP01", criterion: "1.2", number: "1.2", first: "15", second: "10" },
  ]);
  expect(await everything(host)).toEqual(before);
  expect((await readWorkbook(host)).history).toEqual([]);

  // The checker looks at the paper again: 15 was right.
  const corrected: PaperEntry = { ...second, values: { ...second.values, [paperKey("SP01", "1.2")]: "15" } };
  const ok = await acceptPaperForm(
    host,
    { member: "TV01", products: ["SP01"], first, second: corrected },
    { load, now }
  );
  expect(ok.accepted).toBe(true);
  expect(ok.sheet).toBe("Phiếu TV01");
  const scores = await scoresOf(host, "TV01");
  expect([...["1.1", "1.2", "2.1", "3.1"].map((c) => scores.get(`SP01|${c}`))]).toEqual([10, 15, 5, 20]);
  expect(scores.get("SP02|1.1")).toBeNull();
  // ExcelJS reads the mark under the title, with both names.
  expect((await sheetOf(host, "TV01")).getCell("B5").text).toBe(
    "Nhập từ phiếu giấy ngày 15/06/2026: Lê Thư Ký nhập, Phạm Kiểm Tra nhập lại độc lập để đối chiếu."
  );
  // Every changed cell goes to the history with source "paper" and both names.
  const recorded = (await readWorkbook(host)).history;
  expect(ok.changes).toEqual(recorded);
  expect(recorded).toHaveLength(4);
  expect(recorded[1]).toEqual({
    at: "2026-06-15T09:30:00.000Z",
    member: "TV01",
    product: "SP01",
    criterion: "1.2",
    round: 1,
    old: null,
    new: 15,
    source: { kind: "paper", enteredBy: "Lê Thư Ký", checkedBy: "Phạm Kiểm Tra" },
    by: "Lê Thư Ký",
  });
  // The other member's sheet carries no mark; the metadata lists the form.
  expect((await sheetOf(host, "TV02")).getCell("B5").text).toBe("");
  expect((await readWorkbook(host)).meta!.paper).toEqual([
    {
      member: "TV01",
      sheet: "Phiếu TV01",
      products: ["SP01"],
      enteredBy: "Lê Thư Ký",
      checkedBy: "Phạm Kiểm Tra",
      at: "2026-06-15T09:30:00.000Z",
    },
  ]);
  // The mark stays when the session is edited and the sheets planned again.
  const read = await readWorkbook(host);
  expect((await updateSession(host, read.session!, catalogue, { load })).written).toBe(true);
  expect((await sheetOf(host, "TV01")).getCell("B5").text).toMatch(
    /^Nhập từ phiếu giấy ngày 15\/06\/2026: Lê Thư Ký/
  );
});

test("scores already on the sheet are kept where the paper cell is blank; only changed cells are recorded", async () => {
  const host = await council();
  const entries: PaperEntry = { by: "An", values: sp01(["20", "20", "25", "35"]) };
  await acceptPaperForm(
    host,
    { member: "TV02", products: ["SP01"], first: entries, second: { ...entries, by: "Bình" } },
    { load, now }
  );
  const partial = sp01(["0", "20", "", "35"]);
  const r = await acceptPaperForm(
    host,
    {
      member: "TV02",
      products: ["SP01"],
      first: { by: "An", values: partial },
      second: { by: "Bình", values: partial },
    },
    { load, now }
  );
  expect(r.accepted).toBe(true);
  expect(r.changes.map((c) => [c.criterion, c.old, c.new])).toEqual([["1.1", 20, 0]]);
  // The history keeps both forms' lines, oldest first.
  expect((await readWorkbook(host)).history.map((c) => [c.criterion, c.old, c.new]).slice(-1)).toEqual([
    ["1.1", 20, 0],
  ]);
  expect((await readWorkbook(host)).history).toHaveLength(5);
  const scores = await scoresOf(host, "TV02");
  expect(scores.get("SP01|2.1")).toBe(25);
  expect(scores.get("SP01|1.1")).toBe(0);
});

test("invalid values and the same person twice are refused with the cell and the reason", async () => {
  const host = await council();
  const wrong: PaperEntry = { by: "An", values: sp01(["12", "15", "5", "20"]) };
  const r = await acceptPaperForm(
    host,
    { member: "TV01", products: ["SP01"], first: wrong, second: { ...wrong, by: "an" } },
    { load, now }
  );
  expect(r.accepted).toBe(false);
  expect(r.findings.map((f) => f.code)).toEqual(["paper.sameEnterer"]);
  expect(r.comparison.invalid.map((f) => [f.code, f.where.product, f.where.criterion])).toEqual([
    ["score.notAllowed", "SP01", "1.1"],
    ["score.notAllowed", "SP01", "1.1"],
  ]);
});

test("a reopened product's scores go to the member's sheet of its round; an abstention or a closed round refuses the form", async () => {
  const host = await council();
  const deliberation = {
    ...EMPTY_DELIBERATION,
    rounds: [
      {
        number: 1,
        products: ["SP01", "SP02", "SP03"],
        reason: "",
        openedAt: "",
        closedAt: "2026-06-15T08:00:00Z",
      },
      {
        number: 2,
        products: ["SP01"],
        reason: "Chênh lệch quá 10 điểm",
        openedAt: "2026-06-15T08:30:00Z",
        closedAt: null,
      },
    ],
    recusals: [{ member: "TV01", product: "SP03", reason: "Người thân", at: "2026-06-15T07:00:00Z" }],
  };
  const member = session.members[0]!;
  await host.apply({
    plans: [
      planDeliberationSheet(deliberation),
      planScoreSheet({
        session,
        catalogue,
        member,
        round: { number: 2, products: ["SP01"] },
        recused: ["SP03"],
      }),
    ],
  });
  const refused = await paperForm(host, { member: "TV01", products: ["SP02", "SP03"] }, { load });
  expect(refused.findings.map((f) => [f.code, f.where.product])).toEqual([
    ["paper.roundClosed", "SP02"],
    ["paper.recused", "SP03"],
    ["paper.roundClosed", "SP03"],
  ]);
  const entry = (by: string): PaperEntry => ({ by, values: sp01(["20", "20", "25", "35"]) });
  const r = await acceptPaperForm(
    host,
    { member: "TV01", products: ["SP01"], first: entry("An"), second: entry("Bình") },
    { load, now }
  );
  expect(r.accepted).toBe(true);
  expect(r.sheet).toBe(roundSheetName("TV01", 2));
  const read = await readWorkbook(host);
  const sheets = parseSheets(read.scoreSheets, read.session!, catalogue).map((s) => s.parsed.scores!);
  const r2 = sheets.find((s) => s.member === "TV01" && s.round === 2)!;
  expect(r2.entries.map((e) => e.raw.value)).toEqual([20, 20, 25, 35]);
  const r1 = sheets.find((s) => s.member === "TV01" && (s.round ?? 1) === 1)!;
  expect(r1.entries.every((e) => e.raw.value === null)).toBe(true);
  expect(read.history.map((c) => c.round)).toEqual([2, 2, 2, 2]);
});
