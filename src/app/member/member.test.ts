import { emptyPlan } from "../../layout/plan";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { loadEdition } from "../../ocop/criteria/builtin";
import { describeFinding } from "../../ocop/messages";
import { buildMemberBook, checkMemberSheet, insertMemberSheet, readMemberSheet, writeScore } from "./actions";
import { findMember, openMemberContext } from "./context";
import { writeExampleCouncilBook } from "./example";
import { nextUnscored, stepCell } from "./sheet";

const openExample = async () => {
  const host = PartsHost.createEmpty({ fileName: "mau.xlsx" });
  await writeExampleCouncilBook(host);
  const opened = await openMemberContext(host);
  if (!opened.ok) throw new Error("no session");
  return { host, context: opened.context };
};

describe("member use cases on the example council workbook", () => {
  test("the council workbook is recognised; its members are listed; no member is implied", async () => {
    const { context } = await openExample();
    expect(context.kind).toBe("council");
    expect(context.bookMember).toBeNull();
    expect(context.session.members).toHaveLength(5);
    expect(context.session.products).toHaveLength(4);
  });

  test("a sheet of that name that is not this session's score sheet is never overwritten", async () => {
    const { host, context } = await openExample();
    const member = context.session.members[1]!;
    await host.apply({
      plans: [{ ...emptyPlan("Phiếu TV02", "score"), cells: [{ row: 0, col: 0, value: "ghi chú riêng" }] }],
    });
    const result = await insertMemberSheet(host, context, member);
    expect(result).toMatchObject({ ok: false, finding: { code: "memberSheet.foreign" } });
    const { sheets } = await host.readSheets(["Phiếu TV02"]);
    expect(sheets[0]!.values[0]![0]).toBe("ghi chú riêng");
  });

  test("a workbook without metadata is not a session", async () => {
    const opened = await openMemberContext(PartsHost.createEmpty());
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.findings[0]!.code).toBe("layout.metaMissing");
  });

  test("insert, score, re-insert keeps the scores; the model follows the sheet", async () => {
    const { host, context } = await openExample();
    const member = findMember(context.session, "tv02")!;
    await host.apply({ plans: [], remove: ["Phiếu TV02"] });
    expect(await readMemberSheet(host, context, member)).toBeNull();
    const inserted = await insertMemberSheet(host, context, member);
    expect(inserted).toMatchObject({ ok: true, sheet: "Phiếu TV02", kept: 0, replaced: false });

    let sheet = (await readMemberSheet(host, context, member))!;
    expect(sheet.cells.length).toBe(sheet.total);
    expect(sheet.total).toBe(2 * 32 + 2 * 32);
    expect(sheet.scored).toBe(0);
    // Scoring order: the first product's column, top to bottom, then the next product.
    const [first, second] = sheet.cells;
    expect(second!.col).toBe(first!.col);
    expect(second!.row).toBeGreaterThan(first!.row);
    expect(stepCell(sheet, first, 1)).toBe(second);

    const level = first!.flat.criterion.levels.at(-1)!.points;
    await writeScore(host, first!, level);
    await writeScore(host, second!, 99);
    sheet = (await readMemberSheet(host, context, member))!;
    expect(sheet.cells[0]!.state).toBe("valid");
    expect(sheet.cells[1]!.state).toBe("invalid");
    expect(sheet.scored).toBe(1);
    expect(sheet.invalid).toBe(1);
    expect(nextUnscored(sheet, sheet.cells[0])).toBe(sheet.cells[1]);
    expect(sheet.products[0]!.sum).toBe(level);

    const again = await insertMemberSheet(host, context, member);
    expect(again).toMatchObject({ ok: true, kept: 2, replaced: true });
    sheet = (await readMemberSheet(host, context, member))!;
    expect(sheet.cells[0]!.value).toBe(level);
    expect(sheet.cells[1]!.value).toBe(99);
  });

  test("checking reports the invalid value with its cell and changes nothing", async () => {
    const { host, context } = await openExample();
    const member = context.session.members[0]!;
    await host.apply({ plans: [], remove: ["Phiếu TV01"] });
    const missing = await checkMemberSheet(host, context, member);
    expect(missing.map((f) => f.code)).toEqual(["memberSheet.missing"]);
    expect(describeFinding(missing[0]!, "vi").message).toContain("TV01");

    await insertMemberSheet(host, context, member);
    const sheet = (await readMemberSheet(host, context, member))!;
    await writeScore(host, sheet.cells[0]!, 99);
    const before = await host.toBuffer();
    const findings = await checkMemberSheet(host, context, member);
    const bad = findings.find((f) => f.where.cell === sheet.cells[0]!.address)!;
    expect(bad.code).toBe("score.aboveMax");
    expect(findings.filter((f) => f.code === "score.productMissing")).toHaveLength(3);
    expect((await host.toBuffer()).length).toBe(before.length);
  });

  test("a member workbook built from the council workbook carries the member and their scores", async () => {
    const { host, context } = await openExample();
    const member = context.session.members[2]!;
    await insertMemberSheet(host, context, member);
    const sheet = (await readMemberSheet(host, context, member))!;
    await writeScore(host, sheet.cells[3]!, sheet.cells[3]!.flat.criterion.max);
    const target = PartsHost.createEmpty();
    await buildMemberBook(host, context, member, target);
    const reopened = await PartsHost.fromBuffer(await target.toBuffer());
    const opened = await openMemberContext(reopened, loadEdition);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.context.kind).toBe("member");
    expect(opened.context.bookMember?.code).toBe(member.code);
    const back = (await readMemberSheet(reopened, opened.context, member))!;
    expect(back.cells[3]!.value).toBe(sheet.cells[3]!.flat.criterion.max);
    expect(back.scored).toBe(1);
  });
});
