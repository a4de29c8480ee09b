/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   ExcelJS cells (the reference reader of the saved file), not office-js proxies. */
/**
 * One palette on every host: a cell of each style name is written, and its fill, weight and border are read
 * back — from the fake Excel's cells for the Excel host, from the saved .xlsx through ExcelJS (the reference
 * reader) for the file hosts. Both must show what layout/palette.ts says, and nothing else.
 */
import ExcelJS from "exceljs";
import { PALETTE, STYLE_NAMES } from "../../src/layout/palette";
import { emptyPlan, type SheetPlan } from "../../src/layout/plan";
import { HOSTS, type HostFixture } from "./hosts";

interface Look {
  fill: string | null;
  bold: boolean;
  border: boolean;
}

const SHEET = "Bảng màu";

const expected: Look[] = STYLE_NAMES.map((n) => ({
  fill: PALETTE[n].fill ?? null,
  bold: PALETTE[n].bold ?? false,
  border: PALETTE[n].border ?? false,
}));

const readLooks = async (fx: HostFixture): Promise<Look[]> => {
  if (fx.fake) {
    const fake = fx.fake;
    return STYLE_NAMES.map((_, row) => {
      const f = fake.cell(SHEET, row, 0)?.format ?? {};
      const fill = f["fill.color"] as string | undefined;
      return {
        fill: fill ? fill.replace("#", "").toUpperCase() : null,
        bold: f["font.bold"] === true,
        border: ["top", "bottom", "left", "right"].every((s) => f[`border.${s}.style`] === "Continuous"),
      };
    });
  }
  const bytes = await (fx.host as unknown as { toBuffer(): Promise<Uint8Array> }).toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET)!;
  return STYLE_NAMES.map((_, row) => {
    const cell = ws.getCell(row + 1, 1);
    const fill = cell.fill as ExcelJS.FillPattern | undefined;
    const b = cell.border;
    return {
      fill:
        fill?.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb?.slice(2) ?? null) : null,
      bold: cell.font?.bold === true,
      border: [b?.top, b?.bottom, b?.left, b?.right].every((s) => s?.style === "thin"),
    };
  });
};

describe.each(HOSTS)("the palette on %s", (_kind, make) => {
  test("a cell of every style name shows the palette's fill, weight and border", async () => {
    const fx = await make();
    const plan: SheetPlan = {
      ...emptyPlan(SHEET, "results"),
      cells: STYLE_NAMES.map((style, row) => ({ row, col: 0, value: style, style })),
    };
    await fx.host.apply({ plans: [plan] });
    const looks = await readLooks(fx);
    expect(Object.fromEntries(STYLE_NAMES.map((n, i) => [n, looks[i]]))).toEqual(
      Object.fromEntries(STYLE_NAMES.map((n, i) => [n, expected[i]]))
    );
  });
});
