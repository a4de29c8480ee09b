/**
 * A later round on real files, the way a secretariat runs it from the command line: the round-1 books come
 * back with a product far apart, `ocop round` opens round 2 for it, `ocop books` issues round-2 books (only
 * that product, the round-1 scores beside it, a recused member's cells locked), the members fill them, and
 * `ocop consolidate` takes their scores as round 2: the product is settled and its mean comes from round 2.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { generateScores } from "../../src/sim/generate";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { readWorkbook } from "../../src/app/readWorkbook";
import { parseSheets } from "../../src/app/scores";
import { SHEETS } from "../../src/layout/names";
import type { MemberScores } from "../../src/ocop/session";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Json {
  written: boolean;
  needsDiscussion: { product: string; round: number }[];
  products: { code: string; mean: number | null; round: number; members: Record<string, number> }[];
  findings: { code: string; severity: string; message: string; fix: string; file: string | null }[];
}

const open = async (file: string) =>
  readWorkbook(await PartsHost.fromBuffer(new Uint8Array(readFileSync(file))), file);

describe("round 2 through member books: ocop books → fill → ocop consolidate", () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof initExample>>;
  let flagged: string;
  let odd: string;
  let recused: string;
  let chair: string;
  let round1: Json;
  let scores: MemberScores[];
  const r2 = () => join(dir, "council-r2.xlsx");
  const books2 = () => join(dir, "books2");
  const book2 = (m: string) => join(books2(), `${m}.xlsx`);

  beforeAll(async () => {
    dir = tempDir();
    setup = await initExample(dir);
    scores = generateScores(setup.session, setup.catalogue, { seed: 5, pattern: "typical" });
    flagged = setup.session.products.find((p) => !p.excluded)!.code;
    chair = setup.session.members.find((m) => m.role === "chair")?.code ?? scores[0]!.member;
    const others = scores.map((s) => s.member).filter((m) => m !== chair);
    odd = others[0]!;
    recused = others[1]!;
    // One member leaves the product at 0 on every criterion: far from the others.
    for (const e of scores.find((s) => s.member === odd)!.entries)
      if (e.product === flagged) e.raw = { value: 0 };
    for (const s of scores)
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
    const c = await cli([
      "consolidate",
      setup.council,
      ...setup.books,
      "--out",
      join(dir, "result.xlsx"),
      "--json",
    ]);
    round1 = JSON.parse(c.stdout) as Json;
    const opened = await cli([
      "round",
      join(dir, "result.xlsx"),
      "--products",
      flagged,
      "--out",
      join(dir, "opened.xlsx"),
      "--reason",
      "Chênh lệch quá 10 điểm",
    ]);
    if (opened.code !== 0) throw new Error(opened.stdout + opened.stderr);
    // A member abstains on the product in round 2 (conflict of interest found during the discussion).
    const rec = await cli([
      "round",
      join(dir, "opened.xlsx"),
      "--recuse",
      recused,
      "--product",
      flagged,
      "--reason",
      "Người thân làm ở cơ sở",
      "--out",
      r2(),
    ]);
    if (rec.code !== 0) throw new Error(rec.stdout + rec.stderr);
  }, 180_000);

  it("round 1 flags the product (the starting point)", () => {
    expect(round1.needsDiscussion.map((n) => n.product)).toContain(flagged);
  });

  it("ocop books gives each member the round-2 sheet: only the product asked again, round 1 beside it", async () => {
    const r = await cli(["books", r2(), "--out-dir", books2()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Phiếu vòng chấm 2: chỉ hỏi lại ${flagged}`);
    expect(readdirSync(books2()).sort()).toEqual(setup.session.members.map((m) => `${m.code}.xlsx`).sort());
    for (const m of setup.session.members) {
      const read = await open(book2(m.code));
      expect(read.sheetNames).toContain(`Phiếu ${m.code} vòng 2`);
      expect(read.sheetNames).not.toContain(`Phiếu ${m.code}`);
      const [sheet] = parseSheets(read.scoreSheets, setup.session, setup.catalogue);
      expect(sheet!.parsed.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(sheet!.parsed.scores!.round).toBe(2);
      // Only the product asked again, not yet scored in this round.
      expect(new Set(sheet!.parsed.scores!.entries.map((e) => e.product))).toEqual(new Set([flagged]));
      expect(sheet!.parsed.scores!.entries.every((e) => e.raw.value === null)).toBe(true);
    }
    // The member's round-1 scores are printed beside the new column: the odd member's are all 0.
    const previousTotal = async (member: string): Promise<number> => {
      const read = await open(book2(member));
      const grid = read.scoreSheets[0]!;
      const header = grid.values.findIndex((row) => row.some((v) => v === `${flagged} (vòng trước)`));
      const col = grid.values[header]!.indexOf(`${flagged} (vòng trước)`);
      const column = grid.values.slice(header + 2).map((row) => row[col]);
      return Math.max(...column.filter((v): v is number => typeof v === "number"));
    };
    expect(await previousTotal(odd)).toBe(0);
    expect(await previousTotal(chair)).toBe(round1.products.find((p) => p.code === flagged)!.members[chair]);
  }, 120_000);

  it("the round-2 book's earlier scores and the recused member's cells are locked; the others' cells open", async () => {
    const cellsOf = async (member: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(book2(member)) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(`Phiếu ${member} vòng 2`)!;
      let scoreCol = 0;
      let prevCol = 0;
      let firstRow = 0;
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (cell.value === `${flagged} (vòng trước)`) prevCol = c;
          else if (cell.value === flagged && !scoreCol && r > 1 && ws.getRow(r).hidden === false) {
            scoreCol = c;
            firstRow = r + 2;
          }
        })
      );
      expect(scoreCol).toBeGreaterThan(0);
      expect(prevCol).toBeGreaterThan(scoreCol);
      // The first criterion row with a dropdown in the score column.
      let row = firstRow;
      while (row < firstRow + 40 && !ws.getCell(row, scoreCol).dataValidation?.type) row++;
      expect(row).toBeLessThan(firstRow + 40);
      return {
        protectedSheet: Boolean(
          (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet
        ),
        score: ws.getCell(row, scoreCol).protection?.locked,
        previous: ws.getCell(row, prevCol).protection?.locked,
      };
    };
    const open2 = await cellsOf(chair);
    expect(open2.protectedSheet).toBe(true);
    expect(open2.score).toBe(false);
    expect(open2.previous).not.toBe(false);
    const rec = await cellsOf(recused);
    expect(rec.score).not.toBe(false);
  }, 60_000);

  it("ocop consolidate takes the round-2 books as round 2: the product is settled, its mean from round 2", async () => {
    // Everyone who scores round 2 gives the chair's round-1 scores: no spread left.
    const agreed = scores.find((s) => s.member === chair)!.entries.filter((e) => e.product === flagged);
    for (const m of setup.session.members) {
      if (m.code === recused) continue;
      await fillBook(book2(m.code), { member: m.code, entries: agreed }, setup.session, setup.catalogue);
    }
    // Each book checks on its own: the round's product is asked, the recused member is not.
    for (const m of setup.session.members) expect((await cli(["check", book2(m.code)])).code).toBe(0);
    const wrong = join(dir, "wrong.xlsx");
    copyFileSync(book2(chair), wrong);
    await fillBook(wrong, { member: chair, entries: agreed }, setup.session, setup.catalogue, (cells) => {
      cells.set([...cells.keys()][0]!, 99);
    });
    const checked = await cli(["check", wrong, "--json"]);
    expect(checked.code).toBe(1);
    const bad = (JSON.parse(checked.stdout) as { severity: string; sheet: string; product: string }[]).filter(
      (f) => f.severity === "error"
    );
    expect(bad).toEqual([expect.objectContaining({ sheet: `Phiếu ${chair} vòng 2`, product: flagged })]);
    const files = readdirSync(books2()).map((f) => join(books2(), f));
    const out = join(dir, "final.xlsx");
    const r = await cli(["consolidate", r2(), ...files, "--out", out, "--json"]);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
    expect(json.needsDiscussion.map((n) => n.product)).not.toContain(flagged);
    const product = json.products.find((p) => p.code === flagged)!;
    const chairTotal = round1.products.find((p) => p.code === flagged)!.members[chair]!;
    expect(product.round).toBe(2);
    expect(product.mean).toBeCloseTo(chairTotal, 6);
    expect(Object.keys(product.members)).not.toContain(recused);
    expect(round1.products.find((p) => p.code === flagged)!.mean).not.toBeCloseTo(chairTotal, 1);
    // Other products keep their round-1 means.
    const other = json.products.find((p) => p.code !== flagged && p.mean !== null)!;
    expect(other.mean).toBe(round1.products.find((p) => p.code === other.code)!.mean);

    const read = await open(out);
    // The council's round-2 sheets now hold the books' scores; round 1's stay as they were.
    const parsed = parseSheets(read.scoreSheets, read.session!, setup.catalogue);
    const chairR2 = parsed.find((p) => p.grid.name === `Phiếu ${chair} vòng 2`)!.parsed.scores!;
    expect(chairR2.entries.map((e) => e.raw.value)).toEqual(agreed.map((e) => e.raw.value));
    const oddR1 = parsed.find((p) => p.grid.name === `Phiếu ${odd}`)!.parsed.scores!;
    expect(oddR1.entries.filter((e) => e.product === flagged).every((e) => e.raw.value === 0)).toBe(true);
    // The history names each round-2 book with its SHA-256.
    const fromBook = read.history.filter(
      (h) => h.round === 2 && h.member === chair && h.source.kind === "book"
    );
    expect(fromBook.length).toBe(agreed.length);
    expect(fromBook[0]!.source).toEqual({
      kind: "book",
      file: expect.stringContaining(`${chair}.xlsx`),
      sha256: sha(book2(chair)),
    });
    // Round 1's totals of the product stay in the audit log.
    const { sheets } = await (
      await PartsHost.fromBuffer(new Uint8Array(readFileSync(out)))
    ).readSheets([SHEETS.audit]);
    const log = sheets[0]!.values.map((row) => row.map((v) => String(v ?? "")).join(" | "));
    const line = log.find((l) => l.includes(`Điểm vòng 1: ${flagged}`));
    expect(line).toBeDefined();
    expect(line).toContain(`${odd} 0`);
  }, 180_000);

  it("refuses a round-2 book against a workbook without round 2, and a book of a closed round", async () => {
    // The round-1 council workbook has no round 2.
    const old = await cli([
      "consolidate",
      join(dir, "result.xlsx"),
      book2(chair),
      "--out",
      join(dir, "x.xlsx"),
      "--json",
    ]);
    expect(old.code).toBe(1);
    const unknown = (JSON.parse(old.stdout) as Json).findings.find((f) => f.code === "book.roundUnknown")!;
    expect(unknown.message).toContain("vòng 2");
    expect(unknown.message).toContain(chair);
    expect(unknown.file).toContain(`${chair}.xlsx`);
    expect(unknown.fix).toContain("ocop round --out");
    // Round 2 closed: the book cannot change it any more.
    const closed = join(dir, "closed.xlsx");
    expect(
      (await cli(["round", join(dir, "final.xlsx"), "--close", "--by", "Nguyễn Thị Thu", "--out", closed]))
        .code
    ).toBe(0);
    // Who closed it is kept with the round (--by names a person).
    const rounds = (await readWorkbook(await PartsHost.fromBuffer(new Uint8Array(readFileSync(closed)))))
      .deliberation.rounds;
    expect(rounds.find((r) => r.number === 2)).toEqual(
      expect.objectContaining({ closedBy: "Nguyễn Thị Thu" })
    );
    const copy = join(dir, "late.xlsx");
    copyFileSync(book2(chair), copy);
    const late = await cli(["consolidate", closed, copy, "--out", join(dir, "y.xlsx"), "--json"]);
    expect(late.code).toBe(1);
    const refusal = (JSON.parse(late.stdout) as Json).findings.find((f) => f.code === "book.roundClosed")!;
    expect(refusal.message).toContain("vòng 2 đã khóa");
    expect(refusal.fix).toContain("--reopen --round 2");
    // Books issued now are read-only copies, and say so.
    const again = await cli(["books", closed, "--out-dir", join(dir, "books3")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Vòng chấm 2 (vòng hiện tại) đã khóa");
  }, 180_000);
});
