/**
 * The printed documents after `ocop consolidate`, read back with ExcelJS (the reference reader): the key cells
 * of each document, the minutes' fields kept across a second run, and `ocop print` (to PDF through LibreOffice,
 * or exit 2 with how to print without it).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { consolidate } from "../../src/ocop/consolidate";
import type { Consolidation } from "../../src/ocop/results";
import type { MemberScores } from "../../src/ocop/session";
import { generateScores } from "../../src/sim/generate";
import { ExcelJsHost } from "../reference/exceljsHost";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";
import type { SheetGrid } from "../../src/hosts/workbook";
import { DOCUMENT_SHEETS, formSheetName } from "../../src/layout/documents";
import { outcomeLabel } from "../../src/layout/outcomes";
import { isDraft } from "../../src/layout/draft";
import { printCommand } from "../../src/cli/commands/print";
import { sofficeOnPath } from "../../src/cli/pdf";
import { cli, fillBook, initExample, tempDir } from "../helpers/flow";

const texts = (g: SheetGrid): string[] => g.values.flat().filter((v): v is string => typeof v === "string");
const rowOf = (g: SheetGrid, pred: (row: unknown[]) => boolean): unknown[] | undefined => g.values.find(pred);

/** Products still await discussion in this session ("harsh" scores): every document starts with the DỰ THẢO
 * mark (two rows, layout/draft.ts) naming them; the documents' own layout follows it. */
let drafts = 0;
const undraft = (g: SheetGrid): SheetGrid => {
  if (!isDraft(g.values[0]?.[0])) return g;
  drafts++;
  return { ...g, values: g.values.slice(2), formulas: g.formulas.slice(2) };
};

describe("printed documents in the result workbook", () => {
  let dir: string;
  let setup: Awaited<ReturnType<typeof initExample>>;
  let scores: MemberScores[];
  let expected: Consolidation;
  let result: string;
  let grids: Map<string, SheetGrid>;

  const read = async (file: string, names: string[]): Promise<Map<string, SheetGrid>> => {
    const host = await ExcelJsHost.fromBuffer(readFileSync(file));
    const { sheets, missing } = await host.readSheets(names);
    expect(missing).toEqual([]);
    return new Map(sheets.map((s) => [s.name, undraft(s)]));
  };

  beforeAll(async () => {
    dir = tempDir();
    setup = await initExample(dir);
    scores = generateScores(setup.session, setup.catalogue, { seed: 14, pattern: ["typical", "harsh"] });
    for (const s of scores)
      await fillBook(join(dir, "books", `${s.member}.xlsx`), s, setup.session, setup.catalogue);
    result = join(dir, "result.xlsx");
    const r = await cli(["consolidate", setup.council, ...setup.books, "--out", result]);
    expect(r.code).toBe(0);
    expected = consolidate(setup.session, setup.catalogue, scores);
    grids = await read(result, [
      formSheetName("TV01"),
      DOCUMENT_SHEETS.scoreTable,
      DOCUMENT_SHEETS.report,
      DOCUMENT_SHEETS.minutes,
      DOCUMENT_SHEETS.notices,
    ]);
  }, 180_000);

  it("marks every document DỰ THẢO while products await the council's discussion", () => {
    const waiting = expected.products.filter((p) => p.range !== null && p.range > 10);
    expect(waiting.length).toBeGreaterThan(0);
    expect(drafts).toBe(grids.size);
  });

  it("writes each member's forms: the form's title, the member's levels ticked, the total, the signature", () => {
    const g = grids.get(formSheetName("TV01"))!;
    const all = texts(g);
    const products = setup.session.products.filter((p) => !p.excluded);
    expect(all.filter((t) => t === "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP")).toHaveLength(products.length);
    expect(all.filter((t) => t === "(Ký và ghi rõ họ tên)")).toHaveLength(products.length);
    // The first product's total is TV01's total in the consolidation.
    const first = products[0]!;
    const total = rowOf(g, (r) => r[0] === "TỔNG CỘNG")!;
    const mine = expected.products
      .find((p) => p.product === first.code)!
      .members.find((m) => m.member === "TV01")!;
    expect(total[2]).toBeCloseTo(mine.total, 9);
    expect(all.some((t) => t.includes("\n☑ "))).toBe(true);
    expect(all).toContain(`Mã số sản phẩm: ${first.code}`);
  });

  it("writes the score table: each member's parts and total per product, the mean, and the council's signatures", () => {
    const g = grids.get(DOCUMENT_SHEETS.scoreTable)!;
    const r0 = expected.products[0]!;
    const at = g.values.findIndex((r) => r[1] === r0.product);
    expect(at).toBeGreaterThan(0);
    for (const [i, m] of r0.members.entries()) {
      const row = g.values[at + 1 + i]!;
      expect(row[1]).toBe(m.member);
      expect(row.slice(3, 7)).toEqual([m.parts.A, m.parts.B, m.parts.C, m.total]);
    }
    const mean = g.values[at + 1 + r0.members.length]!;
    expect(mean[2]).toBe("Điểm trung bình");
    expect(mean[6]).toBeCloseTo(r0.mean!, 9);
    expect(texts(g)).toEqual(
      expect.arrayContaining(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TM. HỘI ĐỒNG", "CHỦ TỊCH"])
    );
  });

  it("writes the report: motto right with the place and date under it, ranking with outcomes, proposals, signatures", () => {
    const g = grids.get(DOCUMENT_SHEETS.report)!;
    expect(g.values[0]![3]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(g.values[1]![3]).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(String(g.values[2]![3])).toMatch(/ngày 15 tháng 6 năm 2026$/);
    expect(g.values[2]![0]).toBe("Số: ……/BC-HĐ");
    const all = texts(g);
    expect(all).toContain("BÁO CÁO");
    for (const r of expected.products) {
      const row = rowOf(g, (x) => x[1] === r.product)!;
      expect(row[6]).toBe(outcomeLabel(expected, r.outcome));
    }
    expect(all.some((t) => t.startsWith("- Số vòng đánh giá: 1"))).toBe(true);
    expect(all.some((t) => /không tham gia đánh giá sản phẩm \(tự rút\): Không có/.test(t))).toBe(true);
    expect(all.join(" ")).not.toMatch(/Hội đồng (công nhận|cấp giấy chứng nhận)/);
    const chair = setup.session.members.find((m) => m.role === "chair")!.name;
    expect(all).toEqual(expect.arrayContaining(["THƯ KÝ HỘI ĐỒNG", "TM. HỘI ĐỒNG", "CHỦ TỊCH", chair]));
  });

  it("writes one notice per commune, with each product's result and next steps", () => {
    const g = grids.get(DOCUMENT_SHEETS.notices)!;
    const all = texts(g);
    const communes = new Set(setup.session.products.map((p) => p.commune));
    expect(all.filter((t) => t === "THÔNG BÁO")).toHaveLength(communes.size);
    for (const c of communes)
      expect(all).toContain(`Kính gửi: UBND ${c} và các chủ thể OCOP có sản phẩm dưới đây.`);
    for (const r of expected.products) expect(g.values.filter((x) => x[1] === r.product)).toHaveLength(1);
  });

  it("keeps what the secretariat typed into the minutes when consolidating again", async () => {
    const typed = "Hội đồng thống nhất đề nghị theo bảng xếp hạng.";
    const host = await PartsHost.fromBuffer(readFileSync(result), { codec: nodeCodec });
    // The row as the file has it (the draft mark included), where the secretariat types.
    const [raw] = (await host.readSheets([DOCUMENT_SHEETS.minutes])).sheets;
    const at = raw!.values.findIndex((r) => r[0] === "Kết luận của Chủ tịch:");
    expect(at).toBeGreaterThan(0);
    await host.apply({
      plans: [],
      cellWrites: [{ sheet: DOCUMENT_SHEETS.minutes, row: at, col: 1, value: typed }],
    });
    const edited = join(dir, "edited.xlsx");
    writeFileSync(edited, await host.toBuffer());
    const again = join(dir, "again.xlsx");
    const r = await cli(["consolidate", edited, "--out", again]);
    expect(r.code).toBe(0);
    const m = (await read(again, [DOCUMENT_SHEETS.minutes])).get(DOCUMENT_SHEETS.minutes)!;
    expect(rowOf(m, (x) => x[0] === "Kết luận của Chủ tịch:")![1]).toBe(typed);
  }, 120_000);

  it("ocop print without LibreOffice exits 2 and says how to install it or print from Excel", async () => {
    const err: string[] = [];
    const code = await printCommand(
      [result, "--out-dir", join(dir, "pdf")],
      { stdout: () => {}, stderr: (s) => err.push(s) },
      {
        hasSoffice: () => false,
      }
    );
    expect(code).toBe(2);
    expect(err.join("")).toMatch(/libreoffice-calc/);
    expect(err.join("")).toMatch(/Tệp > In/);
    expect(existsSync(join(dir, "pdf"))).toBe(false);
  });

  it("ocop print writes one PDF per document and leaves the input as it was", async () => {
    if (!sofficeOnPath()) {
      expect(process.env.CI === "true").toBe(false);
      return;
    }
    const before = readFileSync(result);
    const r = await cli(["print", result, "--out-dir", join(dir, "pdf")]);
    expect(r.code).toBe(0);
    const files = [
      "Bang-tong-hop-diem",
      "Bao-cao-ket-qua",
      "Bien-ban-hop",
      "Thong-bao-ket-qua",
      "Phieu-danh-gia-TV01",
    ];
    for (const f of files)
      expect(
        readFileSync(join(dir, "pdf", `${f}.pdf`))
          .subarray(0, 5)
          .toString()
      ).toBe("%PDF-");
    expect(readFileSync(result).equals(before)).toBe(true);
  }, 600_000);
});
