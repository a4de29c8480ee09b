/**
 * The parts host against the ExcelJS host on the same files: what `ocop consolidate` writes part by part
 * must read the same through ExcelJS, keep every part it did not change byte for byte, and leave the
 * workbook with one selected tab and no stale calculation chain.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { join } from "node:path";
import { generateScores } from "../../src/sim/generate";
import { ExcelJsHost } from "../reference/exceljsHost";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { ZipParts } from "../../src/hosts/xlsx/parts/zip";
import { SHEETS } from "../../src/layout/names";
import { emptyPlan } from "../../src/layout/plan";
import type { SheetGrid } from "../../src/hosts/workbook";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";

describe("the parts host on a council's files", () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof initExample>>;
  let out: string;

  beforeAll(async () => {
    dir = tempDir();
    setup = await initExample(dir);
    // Saved once through ExcelJS, as the add-in's standalone page saves it: with shared strings, a part
    // a consolidation must carry over untouched (the parts host writes strings inline).
    const resaved = await ExcelJsHost.fromBuffer(new Uint8Array(readFileSync(setup.council)));
    writeFileSync(setup.council, await resaved.toBuffer());
    const scores = generateScores(setup.session, setup.catalogue, { seed: 11, pattern: "typical" });
    for (const s of scores)
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
    out = join(dir, "result.xlsx");
    const r = await cli(["consolidate", setup.council, ...setup.books, "--out", out]);
    expect(r.code).toBe(0);
  }, 120_000);

  it("writes a workbook ExcelJS reads exactly as the parts host does, sheet by sheet", async () => {
    const bytes = new Uint8Array(readFileSync(out));
    const viaExcelJs = await ExcelJsHost.fromBuffer(bytes);
    const viaParts = await PartsHost.fromBuffer(bytes);
    const list = await viaExcelJs.listSheets();
    expect(await viaParts.listSheets()).toEqual(list);
    const names = list.map((s) => s.name);
    const a = await viaExcelJs.readSheets(names);
    const b = await viaParts.readSheets(names);
    expect(b.missing).toEqual([]);
    // The parts reader keeps a list rule over many rows as one tall range (ExcelJS: one range per row).
    const perRow = (g: SheetGrid) => ({
      ...g,
      validations: g.validations
        .flatMap((v) =>
          Array.from({ length: v.range.rowCount }, (_, i) => ({
            list: v.list,
            range: { ...v.range, row: v.range.row + i, rowCount: 1 },
          }))
        )
        .sort((x, y) => x.range.row - y.range.row || x.range.col - y.range.col),
    });
    for (const [i, sheet] of a.sheets.entries()) expect(perRow(b.sheets[i]!)).toEqual(perRow(sheet));
    expect(names).toEqual(
      expect.arrayContaining([SHEETS.ranking, SHEETS.results, SHEETS.summary, SHEETS.audit])
    );
  });

  it("copies the parts it did not change byte for byte", () => {
    const before = ZipParts.open(new Uint8Array(readFileSync(setup.council)));
    const after = ZipParts.open(new Uint8Array(readFileSync(out)));
    const same = before.names().filter((n) => {
      const x = before.raw(n)!;
      const y = after.raw(n);
      return y !== undefined && y.crc32 === x.crc32 && Buffer.from(y.data).equals(Buffer.from(x.data));
    });
    // The setup sheets with their tables, and the shared strings, are untouched by a consolidation.
    expect(same).toEqual(
      expect.arrayContaining(["xl/sharedStrings.xml", "xl/tables/table1.xml", "xl/tables/table2.xml"])
    );
    expect(same.filter((n) => n.startsWith("xl/worksheets/sheet")).length).toBeGreaterThanOrEqual(3);
  });

  it("leaves one selected tab, the ranking, and asks Excel to recalculate on open", () => {
    const zip = ZipParts.open(new Uint8Array(readFileSync(out)));
    const selected = zip
      .names()
      .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
      .filter((n) => /<sheetView\b[^>]*tabSelected="1"/.test(zip.text(n)!));
    expect(selected).toHaveLength(1);
    const workbook = zip.text("xl/workbook.xml")!;
    const active = Number(/activeTab="(\d+)"/.exec(workbook)![1]);
    const names = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    expect(names[active]).toBe(SHEETS.ranking);
    expect(workbook).toMatch(/fullCalcOnLoad="1"/);
    expect(zip.has("xl/calcChain.xml")).toBe(false);
  });

  it("a refused apply changes nothing", async () => {
    const host = await PartsHost.fromBuffer(new Uint8Array(readFileSync(out)));
    const before = await host.readSheets([SHEETS.ranking]);
    await expect(
      host.apply({ plans: [emptyPlan("Kết quả", "results"), emptyPlan("bad/name", "results")] })
    ).rejects.toThrow(/Invalid sheet name/);
    expect((await host.listSheets()).map((s) => s.name)).not.toContain("Kết quả");
    expect(await host.readSheets([SHEETS.ranking])).toEqual(before);
  });

  it("a sheet password is stored as Excel's SHA-512 hash, never as the password", async () => {
    const pw = join(dir, "pw.xlsx");
    const r = await cli([
      "consolidate",
      setup.council,
      ...setup.books,
      "--out",
      pw,
      "--password",
      "Bí mật 2026",
    ]);
    expect(r.code).toBe(0);
    const zip = ZipParts.open(new Uint8Array(readFileSync(pw)));
    const sheets = zip
      .names()
      .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
      .map((n) => zip.text(n)!);
    const hashed = sheets.filter((x) =>
      /<sheetProtection[^>]*algorithmName="SHA-512"[^>]*hashValue="[A-Za-z0-9+/=]{88}"/.test(x)
    );
    expect(hashed.length).toBe(setup.session.members.length);
    expect(sheets.some((x) => x.includes("Bí mật"))).toBe(false);
  }, 60_000);

  it("a book `ocop books` makes names OCOP as its author and the time it was made", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "books", "TV01.xlsx")) as unknown as ArrayBuffer);
    expect(wb.creator).toBe("OCOP");
    // The command's clock (the test's: 2026-06-15 08:00 UTC), not a date baked into the code.
    expect(wb.created.toISOString()).toBe("2026-06-15T08:00:00.000Z");
  });
});
