/**
 * A reader that does not recalculate (openpyxl with data_only=True, as pandas and mail previews do) must see
 * every total the score sheets show: each formula the add-in writes carries its computed value.
 * Needs /usr/bin/python3 with openpyxl (apt: python3-openpyxl); without it this test fails and says so.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { MemberScores } from "../../src/ocop/session";
import { consolidate } from "../../src/ocop/consolidate";
import { generateScores } from "../../src/sim/generate";
import { scoreSheetName } from "../../src/layout/names";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";
import { PYTHON, readWithOpenpyxl } from "../helpers/openpyxl";

describe("stored values for readers that do not recalculate", () => {
  it("has python3 with openpyxl (apt-get install -y python3-openpyxl)", () => {
    const probe = spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "pipe" });
    expect(probe.status).toBe(0);
  });

  it("openpyxl data_only reads every member's total for every product after consolidation", async () => {
    const dir = tempDir();
    const setup = await initExample(dir);
    const scores: MemberScores[] = generateScores(setup.session, setup.catalogue, {
      seed: 15,
      pattern: "typical",
    });
    for (const s of scores)
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
    const out = join(dir, "result.xlsx");
    const r = await cli(["consolidate", setup.council, ...setup.books, "--out", out]);
    expect(r.code).toBe(0);
    const expected = consolidate(setup.session, setup.catalogue, scores);
    const { totals } = readWithOpenpyxl(out);
    let seen = 0;
    for (const p of expected.products)
      for (const m of p.members) {
        expect(totals[scoreSheetName(m.member)]?.[p.product]).toBeCloseTo(m.total, 9);
        seen++;
      }
    expect(seen).toBe(setup.session.members.length * setup.session.products.length);
    // A blank book shows 0, not an empty cell, before anyone has scored.
    const blank = readWithOpenpyxl(setup.books[0]!).totals;
    const first = Object.values(blank)[0]!;
    expect(Object.values(first).every((v) => v === 0)).toBe(true);
  }, 120_000);
});
