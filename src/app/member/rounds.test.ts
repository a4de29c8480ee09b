/**
 * The member's pane on a later round (issue 14): in a round-2 book it finds "Phiếu TV02 vòng 2", asks only the
 * product scored again with the member's round-1 score beside each cell, and once the secretariat closed the
 * round its check says so and how to get it reopened.
 */
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { describeFinding } from "../../ocop/messages";
import { closeRound, openRound } from "../deliberation";
import { exportMemberBooks } from "../memberBook";
import { buildMemberBook, checkMemberSheet, insertMemberSheet, readMemberSheet, writeScore } from "./actions";
import { findMember, memberRound, openMemberContext } from "./context";
import { writeExampleCouncilBook } from "./example";
import { readWorkbook } from "../readWorkbook";

const NOW = new Date("2026-06-15T08:00:00Z");

const contextOf = async (host: PartsHost) => {
  const opened = await openMemberContext(host);
  if (!opened.ok) throw new Error("no session");
  return opened.context;
};

describe("the member's pane in a later round", () => {
  let council: PartsHost;
  let product: string;
  let earlier: number;

  beforeAll(async () => {
    council = PartsHost.createEmpty({ fileName: "council.xlsx" });
    await writeExampleCouncilBook(council);
    const context = await contextOf(council);
    const member = findMember(context.session, "TV02")!;
    // TV02 scores the first criterion of the first product in round 1.
    const first = (await readMemberSheet(council, context, member))!.cells[0]!;
    product = first.product.code;
    earlier = Math.max(...first.flat.criterion.levels.map((l) => l.points));
    await writeScore(council, first, earlier);
    const opened = await openRound(council, { products: [product], reason: "Chênh lệch" }, { now: NOW });
    expect(opened.written).toBe(true);
  });

  const bookOf = async (member: string): Promise<PartsHost> => {
    let book: PartsHost | null = null;
    const r = await exportMemberBooks(
      council,
      (m) => {
        const h = PartsHost.createEmpty({ fileName: `${m.code}.xlsx` });
        if (m.code === member) book = h;
        return h;
      },
      { members: [member], now: NOW }
    );
    expect(r.round).toBe(2);
    return book!;
  };

  test("in a round-2 book the pane reads the round-2 sheet: the product asked again, round 1 beside", async () => {
    const book = await bookOf("TV02");
    const context = await contextOf(book);
    const member = context.bookMember!;
    expect(memberRound(context, member)).toMatchObject({
      number: 2,
      sheet: "Phiếu TV02 vòng 2",
      closedAt: null,
    });
    const sheet = (await readMemberSheet(book, context, member))!;
    expect(sheet.sheet).toBe("Phiếu TV02 vòng 2");
    expect(new Set(sheet.cells.map((c) => c.product.code))).toEqual(new Set([product]));
    expect(sheet.cells[0]!.previous).toBe(earlier);
    expect(sheet.cells[1]!.previous).toBeNull();
    // Checking the empty book names only the product asked again.
    const findings = await checkMemberSheet(book, context, member);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.where.product === undefined || f.where.product === product)).toBe(true);
    expect(findings.every((f) => f.where.sheet === "Phiếu TV02 vòng 2")).toBe(true);
    // Re-inserting repairs the round-2 sheet in place: the book still holds one score sheet.
    const again = await insertMemberSheet(book, context, member);
    expect(again).toMatchObject({ ok: true, sheet: "Phiếu TV02 vòng 2", replaced: true });
    const read = await readWorkbook(book);
    expect(read.scoreSheets.map((g) => g.name)).toEqual(["Phiếu TV02 vòng 2"]);
    expect((await readMemberSheet(book, context, member))!.cells[0]!.previous).toBe(earlier);
    // The book the pane saves (standalone page) is a round-2 book too.
    const saved = PartsHost.createEmpty({ fileName: "TV02-luu.xlsx" });
    await buildMemberBook(book, context, member, saved, () => NOW);
    const savedContext = await contextOf(saved);
    expect(memberRound(savedContext, member)).toMatchObject({ number: 2, sheet: "Phiếu TV02 vòng 2" });
    expect((await readMemberSheet(saved, savedContext, member))!.cells[0]!.previous).toBe(earlier);
  });

  test("once the round is closed, the check says so, when, and that the secretariat must reopen it", async () => {
    expect((await closeRound(council, {}, { now: NOW, by: "Thư ký" })).written).toBe(true);
    const context = await contextOf(council);
    const member = findMember(context.session, "TV02")!;
    expect(memberRound(context, member)).toMatchObject({ number: 2, closedAt: NOW.toISOString() });
    const findings = await checkMemberSheet(council, context, member);
    const closed = findings.find((f) => f.code === "memberSheet.roundClosed")!;
    expect(closed.severity).toBe("error");
    const text = describeFinding(closed, "vi");
    expect(text.message).toContain("Vòng chấm 2");
    expect(text.message).toContain("khóa");
    expect(text.fix).toContain("mở lại vòng 2");
    // A book issued now is locked too, and its pane says the same.
    const book = await bookOf("TV02");
    const bookContext = await contextOf(book);
    expect(memberRound(bookContext, bookContext.bookMember!).closedAt).toBe(NOW.toISOString());
  });
});
