/** The xlsx host on real bytes: what a plan asks for is in the file, and survives a reload. */
import { ExcelJsHost } from "../reference/exceljsHost";
import { planMeta } from "../../src/layout/meta";
import { SHEETS } from "../../src/layout/names";
import { emptyPlan, type SheetPlan } from "../../src/layout/plan";
import { planScoreSheet } from "../../src/layout/scoreSheet";
import { planProductsSheet, planSessionSheet } from "../../src/layout/setupSheets";
import { miniCatalogue, miniSession } from "../helpers/miniCatalogue";
import { partNames, partText, sheetXml } from "../helpers/xmlFill";

const session = miniSession();
const catalogue = miniCatalogue();

const councilHost = async (): Promise<ExcelJsHost> => {
  const host = ExcelJsHost.createEmpty();
  await host.apply({
    plans: [
      planSessionSheet(session, ["mini"]),
      planProductsSheet(session, ["01", "02"]),
      planScoreSheet({ session, catalogue, member: session.members[0]!, password: "bí mật" }),
      planMeta({
        layoutVersion: 1,
        kind: "council",
        session,
        member: null,
        created: "2026-06-01T00:00:00Z",
        imports: [],
      }),
    ],
  });
  return host;
};

describe("ExcelJsHost", () => {
  it("writes protection, dropdowns, print setup, frozen panes and the very hidden metadata into the file", async () => {
    const bytes = await (await councilHost()).toBuffer();
    const score = await sheetXml(bytes, "Phiếu TV01");
    expect(score).toMatch(/<sheetProtection[^>]* sheet="1"/);
    expect(score).toMatch(/<sheetProtection[^>]*algorithmName="SHA-512"/);
    expect(score).toContain('type="list"');
    expect(score).toContain("<formula1>&quot;0,10,20&quot;</formula1>");
    expect(score).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(score).toMatch(/<pane [^>]*state="frozen"/);
    expect(score).toContain("<rowBreaks");
    expect(await partText(bytes, "xl/workbook.xml")).toMatch(
      /<sheet [^>]*name="_ocop_meta" state="veryHidden"/
    );
    const reread = await ExcelJsHost.fromBuffer(bytes);
    expect((await reread.listSheets()).find((s) => s.name === SHEETS.meta)).toEqual({
      name: SHEETS.meta,
      visibility: "veryHidden",
      protected: true,
    });
  });

  it("stores user text starting with = + - @ as text and numbers as numbers", async () => {
    const host = await councilHost();
    await host.apply({ plans: [], cellWrites: [{ sheet: SHEETS.products, row: 10, col: 1, value: "=1+1" }] });
    const bytes = await host.toBuffer();
    const products = await sheetXml(bytes, SHEETS.products);
    expect(products).not.toContain("<f>");
    const { sheets } = await (
      await ExcelJsHost.fromBuffer(bytes)
    ).readSheets([SHEETS.products, SHEETS.session]);
    const values = sheets[0]!.values.flat();
    expect(values).toEqual(expect.arrayContaining(["=Cam sành", "+84 HTX B", "=1+1"]));
    expect(sheets[0]!.formulas.flat().every((f) => f === null)).toBe(true);
    expect(sheets[1]!.values.flat()).toContain(2026);
  });

  it("leaves the workbook as it was when a plan fails half-way", async () => {
    const host = await councilHost();
    const before = await host.readSheets([SHEETS.products]);
    const listBefore = await host.listSheets();
    const good = planProductsSheet({ ...session, products: [] }, []);
    const bad: SheetPlan = {
      ...emptyPlan("Hỏng", "results"),
      merges: [
        { row: 0, col: 0, rowCount: 2, colCount: 2 },
        { row: 1, col: 1, rowCount: 2, colCount: 2 },
      ],
    };
    await expect(host.apply({ plans: [good, bad] })).rejects.toThrow();
    expect(await host.listSheets()).toEqual(listBefore);
    expect(await host.readSheets([SHEETS.products])).toEqual(before);
    await expect(host.apply({ plans: [{ ...good, name: "Tên/không hợp lệ" }] })).rejects.toThrow();
    expect(await host.listSheets()).toEqual(listBefore);
  });

  it("replaces a sheet in its place in the tab order and reports unknown names as missing", async () => {
    const host = await councilHost();
    const order = (await host.listSheets()).map((s) => s.name);
    await host.apply({ plans: [planProductsSheet(session, ["01"])] });
    expect((await host.listSheets()).map((s) => s.name)).toEqual(order);
    expect(await host.readSheets(["Không có"])).toEqual({ sheets: [], missing: ["Không có"] });
  });

  it("writes a chart and keeps it through a reload and a later save", async () => {
    const plan = emptyPlan("Biểu đồ", "summary");
    ["5 sao", "4 sao", "3 sao"].forEach((t, i) =>
      plan.cells.push({ row: i, col: 0, value: t }, { row: i, col: 1, value: 3 - i })
    );
    plan.charts.push({
      kind: "column",
      title: "Số sản phẩm",
      categories: { row: 0, col: 0, rowCount: 3, colCount: 1 },
      values: { row: 0, col: 1, rowCount: 3, colCount: 1 },
      anchor: { row: 0, col: 3, rowCount: 10, colCount: 6 },
    });
    const host = ExcelJsHost.createEmpty();
    await host.apply({ plans: [plan] });
    const first = await host.toBuffer();
    const chartParts = (names: string[]) => names.filter((n) => /^xl\/charts\/.+\.xml$/.test(n));
    expect(chartParts(await partNames(first))).toHaveLength(1);
    const again = await ExcelJsHost.fromBuffer(first);
    await again.apply({ plans: [emptyPlan("Khác", "results")] });
    const second = await again.toBuffer();
    const parts = chartParts(await partNames(second));
    expect(parts).toHaveLength(1);
    const xml = (await partText(second, parts[0]!))!;
    expect(xml).toContain("'Biểu đồ'!$B$1:$B$3");
    expect(xml).toContain("Số sản phẩm");
  });

  it("puts a dropdown list longer than Excel's 255 characters in cells and reads it back whole", async () => {
    const plan = emptyPlan("Dài", "criteria");
    const list = Array.from({ length: 80 }, (_, i) => `Mục số ${i + 1}`);
    plan.validations.push({ range: { row: 0, col: 0, rowCount: 3, colCount: 1 }, list });
    const host = ExcelJsHost.createEmpty();
    await host.apply({ plans: [plan] });
    const { sheets } = await (await ExcelJsHost.fromBuffer(await host.toBuffer())).readSheets(["Dài"]);
    expect(sheets[0]!.validations[0]!.list).toEqual(list);
  });
});
