/**
 * The whole council flow on real files: `ocop init` on the example CSVs, `ocop books`, scores typed into
 * the member books by a raw-XML filler (not ExcelJS), `ocop check`, `ocop consolidate`; the results must
 * equal the rules' own computation on the same scores.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { consolidate } from "../../src/ocop/consolidate";
import type { MemberScores } from "../../src/ocop/session";
import { generateScores } from "../../src/sim/generate";
import { ExcelJsHost } from "../reference/exceljsHost";
import { SHEETS, scoreSheetName } from "../../src/layout/names";
import { outcomeLabel } from "../../src/layout/outcomes";
import { cli, EXAMPLES, fillBook, initExample, tempDir } from "../helpers/flow";
import { readWorkbook } from "../../src/app/readWorkbook";

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("ocop init → books → fill → check → consolidate", () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof initExample>>;
  let scores: MemberScores[];

  beforeAll(async () => {
    dir = tempDir();
    setup = await initExample(dir);
    scores = generateScores(setup.session, setup.catalogue, {
      seed: 2026,
      pattern: ["typical", "harsh", "lenient"],
    });
    for (const s of scores)
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
  });

  it("makes one book per member of the example session", () => {
    expect(setup.session.members).toHaveLength(7);
    expect(setup.books.map((b) => b.split("/").pop())).toEqual(
      setup.session.members.map((m) => `${m.code}.xlsx`)
    );
    expect(new Set(setup.session.products.map((p) => p.form)).size).toBeGreaterThanOrEqual(2);
  });

  it("checks the filled books clean", async () => {
    const r = await cli(["check", ...setup.books, "--json"]);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("consolidates to exactly what the rules compute, without touching the inputs", async () => {
    const before = [setup.council, ...setup.books].map(sha);
    const out = join(dir, "result.xlsx");
    const r = await cli(["consolidate", setup.council, ...setup.books, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const expected = consolidate(setup.session, setup.catalogue, scores);
    const got = JSON.parse(r.stdout) as {
      level: string;
      products: {
        outcome: string;
        code: string;
        members: Record<string, number>;
        mean: number;
        stars: number;
        rank: number;
      }[];
    };
    expect(got.products.map((p) => p.code)).toEqual(expected.products.map((p) => p.product));
    // 26/2026 without --level: a province council (Điều 4.1), whose 3★ and 4★ are proposals only.
    expect(got.level).toBe("province");
    expect(expected.products.some((p) => p.outcome === "propose-3")).toBe(true);
    got.products.forEach((p, i) => {
      const e = expected.products[i]!;
      expect(p.mean).toBeCloseTo(e.mean!, 9);
      expect(p.stars).toBe(e.stars);
      expect(p.rank).toBe(e.rank);
      expect(p.outcome).toBe(e.outcome);
      expect(p.members).toEqual(Object.fromEntries(e.members.map((m) => [m.member, m.total])));
    });
    expect([setup.council, ...setup.books].map(sha)).toEqual(before);

    // The written ranking sheet lists the same products in the same order with the same means.
    const host = await ExcelJsHost.fromBuffer(readFileSync(out));
    const { sheets } = await host.readSheets([
      SHEETS.ranking,
      SHEETS.results,
      SHEETS.summary,
      SHEETS.audit,
      scoreSheetName("TV03"),
    ]);
    const ranking = sheets.find((s) => s.name === SHEETS.ranking)!;
    const header = ranking.values.findIndex((row) => row[0] === "STT");
    const rows = ranking.values.slice(header + 1, header + 1 + expected.products.length);
    expect(rows.map((row) => row[1])).toEqual(expected.products.map((p) => p.product));
    rows.forEach((row, i) => expect(row[6]).toBeCloseTo(expected.products[i]!.mean!, 9));
    expect(rows.map((row) => row[7])).toEqual(expected.products.map((p) => p.stars));
    expect(rows.map((row) => row[8])).toEqual(
      expected.products.map((p) => outcomeLabel({ edition: "qd26-2026", level: "province" }, p.outcome))
    );
    expect(rows.map((row) => row[8])).toContain("Đề nghị công nhận 3 sao");
    // The proposal list of 3★ products names exactly those products, under the decision's own words.
    const [list] = (await host.readSheets(["Đề nghị công nhận 3 sao"])).sheets;
    const listed = list!.values.flat();
    for (const p of expected.products) expect(listed.includes(p.product)).toBe(p.outcome === "propose-3");
    expect(listed).toContain("Đề nghị Chủ tịch UBND cấp tỉnh công nhận sản phẩm OCOP đạt 3 sao");
    expect(listed.join(" ")).not.toMatch(/GIẤY CHỨNG NHẬN SẢN PHẨM OCOP ĐẠT/);
    // The audit log names every input with its SHA-256.
    const audit = sheets.find((s) => s.name === SHEETS.audit)!.values.flat();
    for (const hash of before) expect(audit).toContain(hash);
    // The member's scores from the book now stand on their sheet in the result workbook.
    const tv03 = sheets.find((s) => s.name === scoreSheetName("TV03"))!;
    const numbers = tv03.values.flat().filter((v) => typeof v === "number").length;
    expect(numbers).toBeGreaterThan(scores.find((s) => s.member === "TV03")!.entries.length);
  });

  it("writes the results as CSV for other tools (--csv): UTF-8 with BOM, one row per product", async () => {
    const work = tempDir();
    const out = join(work, "result.xlsx");
    const csv = join(work, "ket-qua.csv");
    const before = [setup.council, ...setup.books].map(sha);
    const r = await cli(["consolidate", setup.council, ...setup.books, "--out", out, "--csv", csv, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { csv: string }).csv).toBe(csv);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Read back by Python's csv module, not by our own CSV reader.
    const rows = JSON.parse(
      execFileSync(
        "/usr/bin/python3",
        [
          "-c",
          "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))))",
          csv,
        ],
        { encoding: "utf8" }
      )
    ) as string[][];
    expect(rows[0]).toEqual([
      "code",
      "name",
      "owner",
      "commune",
      "form",
      "members",
      "mean",
      "mean_A",
      "mean_B",
      "mean_C",
      "min",
      "max",
      "spread",
      "stars",
      "outcome",
      "outcome_text",
      "rank",
      "notes",
    ]);
    const expected = consolidate(setup.session, setup.catalogue, scores);
    const body = rows.slice(1);
    expect(body.map((row) => row[0])).toEqual(expected.products.map((p) => p.product));
    const round = (n: number | null) => (n === null ? "" : String(Math.round(n * 10_000) / 10_000));
    body.forEach((row, i) => {
      const e = expected.products[i]!;
      const product = setup.session.products.find((p) => p.code === e.product)!;
      expect(row.slice(1, 5)).toEqual([product.name, product.owner, product.commune, e.form]);
      expect(Number(row[5])).toBe(e.count);
      expect(Number(row[6])).toBeCloseTo(e.mean!, 4);
      expect(row.slice(7, 10)).toEqual([round(e.partMeans!.A), round(e.partMeans!.B), round(e.partMeans!.C)]);
      expect(row.slice(10, 13)).toEqual([round(e.min), round(e.max), round(e.range)]);
      expect(row[13]).toBe(e.stars === null ? "" : String(e.stars));
      expect(row[14]).toBe(e.outcome);
      expect(row[16]).toBe(e.rank === null ? "" : String(e.rank));
    });
    expect(body.map((row) => row[15])).toContain("Đề nghị công nhận 3 sao");
    expect([setup.council, ...setup.books].map(sha)).toEqual(before);

    // An input, or the workbook itself, is never overwritten by the CSV: exit 2, nothing written.
    const again = join(work, "again.xlsx");
    expect(
      (await cli(["consolidate", setup.council, ...setup.books, "--out", again, "--csv", setup.books[0]!]))
        .code
    ).toBe(2);
    expect(
      (await cli(["consolidate", setup.council, ...setup.books, "--out", again, "--csv", again])).code
    ).toBe(2);
    expect(existsSync(again)).toBe(false);
    expect([setup.council, ...setup.books].map(sha)).toEqual(before);
    // --csv belongs to consolidate only.
    expect((await cli(["check", setup.books[0]!, "--csv", join(work, "x.csv")])).code).toBe(2);
  });

  it("refuses to consolidate while a score is missing, and says where and what is allowed", async () => {
    const work = tempDir();
    const copy = join(work, "TV02.xlsx");
    writeFileSync(copy, readFileSync(join(dir, "books", "TV02.xlsx")));
    const tv02 = scores.find((s) => s.member === "TV02")!;
    let blanked = "";
    await fillBook(copy, tv02, setup.session, setup.catalogue, (cells) => {
      blanked = [...cells.keys()][5]!;
      cells.set(blanked, null);
    });
    const check = await cli(["check", copy, "--json"]);
    expect(check.code).toBe(1);
    const findings = JSON.parse(check.stdout) as {
      code: string;
      cell: string;
      sheet: string;
      file: string;
      member: string;
      allowed?: number[];
    }[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "score.missing",
      cell: blanked,
      sheet: scoreSheetName("TV02"),
      file: "TV02.xlsx",
      member: "TV02",
    });
    expect(findings[0]!.allowed!.length).toBeGreaterThan(1);

    const others = setup.books.filter((b) => !b.endsWith("TV02.xlsx"));
    const out = join(work, "result.xlsx");
    const r = await cli(["consolidate", setup.council, ...others, copy, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(blanked);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 for an unreadable input or a wrong call", async () => {
    const junk = join(dir, "junk.xlsx");
    writeFileSync(junk, "not a workbook");
    expect((await cli(["check", junk])).code).toBe(2);
    expect((await cli(["check", join(dir, "nope.xlsx")])).code).toBe(2);
    expect((await cli(["consolidate", setup.council])).code).toBe(2); // no --out
    expect((await cli(["consolidate", setup.council, "--out", setup.council])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["init", "--products", "x.csv"])).code).toBe(2);
  });

  it("makes a council at a level its edition has: no district council under 26/2026", async () => {
    const work = tempDir();
    const init = (...extra: string[]) =>
      cli([
        "init",
        "--products",
        join(EXAMPLES, "products.csv"),
        "--members",
        join(EXAMPLES, "members.csv"),
        "--out",
        join(work, "c.xlsx"),
        ...extra,
      ]);
    const district = await init("--level", "district", "--edition", "qd26-2026", "--json");
    expect(district.code).toBe(2);
    const [finding] = (JSON.parse(district.stdout) as { findings: { code: string; message: string }[] })
      .findings;
    expect(finding!.code).toBe("session.levelNotInEdition");
    expect(finding!.message).toContain("Điều 4.1");
    expect(finding!.message).toContain("cấp huyện");
    expect(existsSync(join(work, "c.xlsx"))).toBe(false);
    expect((await init("--level", "nowhere")).code).toBe(2);

    const central = await init("--level", "central", "--title", "Hội đồng cấp trung ương");
    expect(central.code).toBe(0);
    const read = await readWorkbook(await ExcelJsHost.fromBuffer(readFileSync(join(work, "c.xlsx"))));
    expect(read.session!.council.level).toBe("central");
    // The older editions keep their district councils, and make one by default.
    // (Only form 01 of the example: some 148/2023 forms are incomplete at the source.)
    const one = join(work, "one.csv");
    const [head, first] = readFileSync(join(EXAMPLES, "products.csv"), "utf8").split(/\r?\n/);
    writeFileSync(one, `${head}\n${first}\n`);
    const old = await init("--edition", "qd148-2023", "--products", one);
    expect(old.code).toBe(0);
    const oldRead = await readWorkbook(await ExcelJsHost.fromBuffer(readFileSync(join(work, "c.xlsx"))));
    expect(oldRead.session!.council.level).toBe("district");
  });
});
