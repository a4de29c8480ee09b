/**
 * A later round through the task pane's use cases (issue 14): the "member book" download gives the current
 * round's sheet, the collect step takes a round-2 book as that member's round-2 scores (history with the
 * file's SHA-256), and the consolidation then settles the product from round 2. A book of a closed round is
 * refused, saying what to do.
 */
import { createHash } from "node:crypto";
import { readWorkbook } from "../../src/app/readWorkbook";
import { parseSheets } from "../../src/app/scores";
import { createSecretariat } from "../../src/app/secretariat/secretariat";
import type { PickedFile, SecretariatApi } from "../../src/app/secretariat/types";
import { parseAddress } from "../../src/layout/a1";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { Catalogue } from "../../src/ocop/criteria/types";
import { describeFinding } from "../../src/ocop/messages";
import type { MemberScores, Session } from "../../src/ocop/session";
import { generateScores, generateSession } from "../../src/sim/generate";
import { testWorkbooks } from "../helpers/workbooks";
import { ExcelJsHost } from "../reference/exceljsHost";

const NOW = new Date("2026-06-15T08:00:00Z");
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let catalogue: Catalogue;
let draft: Session;
let scores: MemberScores[];

beforeAll(async () => {
  catalogue = await loadEdition("qd26-2026");
  draft = {
    ...generateSession({ products: 6, members: 5, catalogue, seed: 12, forms: ["01"] }),
    id: "",
  };
  scores = generateScores({ ...draft }, catalogue, { seed: 7 });
});

/** Types values into a book's only score sheet, as the member's Excel would. */
const fill = async (
  book: { fileName: string; bytes: Uint8Array },
  session: Session,
  value: (product: string, criterion: string) => number | null
): Promise<PickedFile> => {
  const host = await ExcelJsHost.fromBuffer(book.bytes);
  const read = await readWorkbook(host);
  const [sheet] = parseSheets(read.scoreSheets, session, catalogue);
  await host.apply({
    plans: [],
    cellWrites: sheet!.parsed.scores!.entries.map((e) => ({
      sheet: sheet!.grid.name,
      ...parseAddress(e.cell!)!,
      value: value(e.product, e.criterion),
    })),
  });
  return { name: book.fileName, bytes: await host.toBuffer() };
};

describe("round 2 through the pane: member book → collect → consolidate", () => {
  let host: ExcelJsHost;
  let s: SecretariatApi;
  let session: Session;
  let flagged: string;
  let chair: string;
  const own = (member: string) => scores.find((x) => x.member === member)!;
  const score = (member: string, product: string, criterion: string) =>
    own(member).entries.find((e) => e.product === product && e.criterion === criterion)?.raw.value as
      number | undefined;

  beforeAll(async () => {
    host = ExcelJsHost.createEmpty();
    s = createSecretariat(host, {
      tool: "contract",
      workbooks: testWorkbooks,
      now: () => NOW,
      newId: () => "sess-rounds-1",
    });
    expect((await s.setUp(draft)).written).toBe(true);
    session = (await s.open()).session!;
    chair = session.members.find((m) => m.role === "chair")?.code ?? session.members[0]!.code;
    // The product the chair scored highest: a member's 0s put it far beyond the threshold.
    const total = (p: string) =>
      own(chair)
        .entries.filter((e) => e.product === p)
        .reduce((sum, e) => sum + (typeof e.raw.value === "number" ? e.raw.value : 0), 0);
    flagged = session.products
      .filter((p) => !p.excluded)
      .map((p) => p.code)
      .sort((a, b) => total(b) - total(a))[0]!;
    const odd = session.members.find((m) => m.code !== chair)!.code;
    const files: PickedFile[] = [];
    for (const m of session.members) {
      const book = await s.memberBook(m.code);
      // One member gives the product 0 everywhere: far from the others.
      files.push(
        await fill(book, session, (p, c) =>
          m.code === odd && p === flagged ? 0 : (score(m.code, p, c) ?? null)
        )
      );
    }
    const reports = await s.inspectBooks(files);
    await s.importBooks(files, reports);
    const first = await s.consolidate();
    expect(first.consolidation!.needsDiscussion!.map((n) => n.product)).toContain(flagged);
    expect((await s.openRound([flagged], "Chênh lệch quá 10 điểm")).written).toBe(true);
  }, 120_000);

  it("the member book download holds the round-2 sheet, asking only the product again", async () => {
    const book = await s.memberBook(chair);
    expect(book.fileName).toBe(`Phieu-cham_${chair}_${session.council.year}_vong-2.xlsx`);
    const read = await readWorkbook(await ExcelJsHost.fromBuffer(book.bytes));
    expect(read.meta?.kind).toBe("member");
    expect(read.scoreSheets.map((g) => g.name)).toEqual([`Phiếu ${chair} vòng 2`]);
    const [sheet] = parseSheets(read.scoreSheets, session, catalogue);
    expect(sheet!.parsed.scores!.round).toBe(2);
    expect(new Set(sheet!.parsed.scores!.entries.map((e) => e.product))).toEqual(new Set([flagged]));
    const zip = await s.allMemberBooks();
    expect(zip.fileName).toMatch(/_vong-2\.zip$/);
  }, 60_000);

  it("collect takes round-2 books as round 2, records them with their SHA-256, and settles the product", async () => {
    const files: PickedFile[] = [];
    for (const m of session.members) {
      const book = await s.memberBook(m.code);
      // Everyone agrees on the chair's round-1 scores.
      files.push(await fill(book, session, (p, c) => score(chair, p, c) ?? null));
    }
    const reports = await s.inspectBooks(files);
    expect(reports.map((r) => r.status)).toEqual(session.members.map(() => "ready"));
    expect(reports.every((r) => r.round === 2)).toBe(true);
    // Progress counts the product asked again, not the whole session.
    const criteria = own(chair).entries.filter((e) => e.product === flagged).length;
    expect(reports.map((r) => [r.filled, r.total])).toEqual(session.members.map(() => [criteria, criteria]));
    expect(reports.flatMap((r) => r.findings)).toEqual([]);

    const imported = await s.importBooks(files, reports);
    expect(imported.map((r) => r.status)).toEqual(session.members.map(() => "imported"));
    const read = await readWorkbook(host);
    const parsed = parseSheets(read.scoreSheets, session, catalogue);
    const r2 = parsed.find((p) => p.grid.name === `Phiếu ${chair} vòng 2`)!.parsed.scores!;
    expect(r2.entries.map((e) => e.raw.value)).toEqual(
      own(chair)
        .entries.filter((e) => e.product === flagged)
        .map((e) => e.raw.value)
    );
    const chairFile = files[session.members.findIndex((m) => m.code === chair)]!;
    const recorded = read.history.filter((h) => h.round === 2 && h.member === chair);
    expect(recorded).toHaveLength(criteria);
    expect(recorded[0]!.source).toEqual({ kind: "book", file: chairFile.name, sha256: sha(chairFile.bytes) });
    expect(read.meta!.imports.at(-1)!.sheet).toMatch(/ vòng 2$/);

    const run = await s.consolidate();
    expect(run.written).toBe(true);
    expect(run.consolidation!.needsDiscussion!.map((n) => n.product)).not.toContain(flagged);
    const product = run.consolidation!.products.find((p) => p.product === flagged)!;
    const chairTotal = product.members.find((m) => m.member === chair)!.total;
    expect(product.members.every((m) => m.total === chairTotal)).toBe(true);
  }, 120_000);

  it("refuses a round-2 book once round 2 is closed, saying how to reopen it", async () => {
    const book = await s.memberBook(chair);
    const file = await fill(book, session, () => 1);
    expect((await s.closeRound()).written).toBe(true);
    const [report] = await s.inspectBooks([file]);
    expect(report!.status).toBe("invalid");
    const refusal = report!.findings.find((f) => f.code === "book.roundClosed")!;
    const text = describeFinding(refusal, "vi");
    expect(text.message).toContain("vòng 2 đã khóa");
    expect(text.message).toContain(chair);
    expect(text.fix).toContain("Mở lại vòng");
    const before = (await readWorkbook(host)).history.length;
    const imported = await s.importBooks([file], [report!]);
    expect(imported[0]!.status).toBe("invalid");
    expect((await readWorkbook(host)).history.length).toBe(before);
  }, 120_000);
});
