/**
 * `ocop consolidate --json` reports the products that need another round (`needsDiscussion`, exit 0),
 * and `ocop round` opens the next round for them into a new file, never over its input.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateScores } from "../../src/sim/generate";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { readWorkbook } from "../../src/app/readWorkbook";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("ocop consolidate → needsDiscussion → ocop round", () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof initExample>>;
  let flagged: string;

  beforeAll(async () => {
    dir = tempDir();
    setup = await initExample(dir);
    const scores = generateScores(setup.session, setup.catalogue, { seed: 5, pattern: "typical" });
    // One member leaves a product at 0 on every criterion: far from the others.
    flagged = setup.session.products.find((p) => !p.excluded)!.code;
    const chair = setup.session.members.find((m) => m.role === "chair")?.code;
    const odd = scores.find((s) => s.member !== chair) ?? scores[0]!;
    for (const e of odd.entries) if (e.product === flagged) e.raw = { value: 0 };
    for (const s of scores)
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
  }, 120_000);

  it("reports the product needing another round, exits 0 and marks the documents as drafts", async () => {
    const out = join(dir, "result.xlsx");
    const r = await cli(["consolidate", setup.council, ...setup.books, "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      needsDiscussion: { product: string; round: number; reasons: string[] }[];
      products: { code: string; needsDiscussion: boolean; round: number }[];
    };
    expect(json.needsDiscussion.map((n) => n.product)).toContain(flagged);
    expect(json.needsDiscussion.find((n) => n.product === flagged)).toEqual(
      expect.objectContaining({ round: 1, reasons: ["spread"] })
    );
    expect(json.products.find((p) => p.code === flagged)!.needsDiscussion).toBe(true);
    const text = await cli(["consolidate", setup.council, ...setup.books, "--out", join(dir, "r2.xlsx")]);
    expect(text.stdout).toContain("DỰ THẢO: sản phẩm chờ Hội đồng thảo luận");
    expect(text.stdout).toContain(flagged);
  }, 120_000);

  it("opens round 2 for the product into --out; the input is untouched and cannot be the output", async () => {
    const result = join(dir, "result.xlsx");
    const before = sha(result);
    const out = join(dir, "council-r2.xlsx");
    const same = await cli(["round", result, "--products", flagged, "--out", result]);
    expect(same.code).toBe(2);
    const r = await cli([
      "round",
      result,
      "--products",
      flagged,
      "--out",
      out,
      "--reason",
      "Chênh lệch quá 10 điểm",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đã mở vòng chấm 2");
    expect(sha(result)).toBe(before);
    expect(existsSync(out)).toBe(true);
    const read = await readWorkbook(await PartsHost.fromBuffer(new Uint8Array(readFileSync(out))));
    expect(read.deliberation.rounds).toEqual([
      expect.objectContaining({
        number: 2,
        products: [flagged],
        reason: "Chênh lệch quá 10 điểm",
        closedAt: null,
      }),
    ]);
    expect(read.sheetNames.filter((n) => n.endsWith("vòng 2"))).toHaveLength(setup.session.members.length);
    // The round is open for the product: consolidating now lists the missing round-2 scores, not round 1.
    const c = await cli(["consolidate", out, "--out", join(dir, "r3.xlsx"), "--json"]);
    expect(c.code).toBe(1);
    const findings = (JSON.parse(c.stdout) as { findings: { code: string; sheet: string | null }[] })
      .findings;
    expect(findings.some((f) => f.code === "score.productMissing" && /vòng 2$/u.test(f.sheet ?? ""))).toBe(
      true
    );
  }, 120_000);

  it("refuses an unknown product with a message naming it, and a wrong call with usage", async () => {
    const result = join(dir, "result.xlsx");
    const r = await cli(["round", result, "--products", "KHONG-CO", "--out", join(dir, "x.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { written: boolean; findings: { code: string; message: string }[] };
    expect(json.written).toBe(false);
    expect(json.findings[0]!.code).toBe("round.productUnknown");
    expect(json.findings[0]!.message).toContain("KHONG-CO");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
    const wrong = await cli(["round", result, "--close", "--reopen", "--out", join(dir, "y.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("ocop round council.xlsx --products");
  }, 60_000);
});
