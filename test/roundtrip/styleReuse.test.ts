/**
 * Writing the same sheets again must not grow the file's style lists: the parts host reuses an equal font,
 * fill, border and cell format already in xl/styles.xml instead of appending another (a re-consolidation used
 * to grow fonts 11 → 14 and cell formats 51 → 70 at each run).
 */
import { unzipSync, strFromU8 } from "fflate";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { nodeCodec as codec } from "../../src/hosts/xlsx/parts/nodeCodec";
import { STYLE_NAMES } from "../../src/layout/palette";
import { emptyPlan, type SheetPlan } from "../../src/layout/plan";

const counts = (bytes: Uint8Array): Record<string, number> => {
  const xml = strFromU8(unzipSync(bytes)["xl/styles.xml"]!);
  const count = (list: string, item: string): number => {
    const m = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml);
    return m ? (m[1]!.match(new RegExp(`<${item}[\\s/>]`, "g")) ?? []).length : 0;
  };
  return {
    numFmts: count("numFmts", "numFmt"),
    fonts: count("fonts", "font"),
    fills: count("fills", "fill"),
    borders: count("borders", "border"),
    cellXfs: count("cellXfs", "xf"),
  };
};

/** A sheet with every style, with and without number formats, some cells unlocked (as the results and setup sheets). */
const plan = (name: string): SheetPlan => ({
  ...emptyPlan(name, "results"),
  cells: STYLE_NAMES.flatMap((style, row) => [
    { row, col: 0, value: style, style },
    { row, col: 1, value: 1.5, style, numberFormat: "0.00" },
    { row, col: 2, value: 0.75, style, numberFormat: "0.0%" },
  ]),
  unlocked: [{ row: 0, col: 2, rowCount: STYLE_NAMES.length, colCount: 1 }],
  protection: {},
});

describe("the parts host's styles", () => {
  it("do not grow when the same sheets are written again, in the same session or after reopening", async () => {
    let host = PartsHost.createEmpty({ codec });
    await host.apply({ plans: [plan("Kết quả"), plan("Bảng xếp hạng")] });
    const first = await host.toBuffer();
    const once = counts(first);
    expect(once.cellXfs).toBeGreaterThan(STYLE_NAMES.length);

    host = await PartsHost.fromBuffer(first, { codec });
    await host.apply({ plans: [plan("Kết quả"), plan("Bảng xếp hạng")] });
    const second = await host.toBuffer();
    expect(counts(second)).toEqual(once);

    host = await PartsHost.fromBuffer(second, { codec });
    await host.apply({ plans: [plan("Kết quả")] });
    expect(counts(await host.toBuffer())).toEqual(once);
  });
});
