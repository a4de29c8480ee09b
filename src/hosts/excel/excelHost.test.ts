import { emptyPlan, type PlannedCell, type SheetPlan } from "../../layout/plan";
import { lintPlan } from "../../../test/helpers/planLint";
import { HostError } from "../workbook";
import { FakeExcel } from "../../../test/fakes/fakeExcel";
import { renameSheetRefs, parseAreas } from "./a1";
import { toHostError } from "./errors";
import { ExcelHost, LISTS_SHEET, excelWouldConvert } from "./excelHost";
import { PALETTE } from "../../layout/palette";

const plan = (name: string, cells: PlannedCell[], extra: Partial<SheetPlan> = {}): SheetPlan => ({
  ...emptyPlan(name, "results"),
  cells,
  ...extra,
});

function setup(maxApi = "1.17") {
  const fake = new FakeExcel({ maxApi });
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  return { fake, host };
}

describe("ExcelHost.apply", () => {
  test("writes through temporary sheets: the replaced sheet keeps its tab position and other sheets survive", async () => {
    const { fake, host } = setup();
    await host.apply({ plans: [plan("A", [{ row: 0, col: 0, value: 1 }]), plan("B", []), plan("C", [])] });
    expect(fake.sheetNames()).toEqual(["Sheet1", "A", "B", "C"]);
    fake.resetStats();
    await host.apply({
      plans: [plan("B", [{ row: 0, col: 0, value: "mới" }]), plan("A", [{ row: 0, col: 0, value: 2 }])],
    });
    expect(fake.sheetNames()).toEqual(["Sheet1", "A", "B", "C"]);
    expect(fake.cell("B", 0, 0)?.value).toBe("mới");
    expect(fake.calls).toContain("Worksheet.delete");
    expect(fake.calls.filter((c) => c === "WorksheetCollection.add")).toHaveLength(2);
  });

  test("formulas between sheets rebuilt together point at the new sheets, not #REF!", async () => {
    const { fake, host } = setup();
    const apply = () =>
      host.apply({
        plans: [
          plan("Kết quả", [{ row: 0, col: 0, formula: "'Phiếu 1'!B2+Tổng!A1" }]),
          plan("Phiếu 1", [{ row: 1, col: 1, value: 5 }]),
          plan("Tổng", [{ row: 0, col: 0, value: 1 }]),
        ],
      });
    await apply();
    await apply();
    expect(fake.cell("Kết quả", 0, 0)?.formula).toBe("='Phiếu 1'!B2+'Tổng'!A1");
  });

  test("a failure while building leaves the workbook exactly as it was", async () => {
    const { fake, host } = setup();
    await host.apply({
      plans: [
        plan("A", [{ row: 0, col: 0, value: 1 }], {
          tables: [{ name: "Bang", range: { row: 0, col: 0, rowCount: 1, colCount: 1 } }],
        }),
      ],
      cellWrites: [],
    });
    fake.setCells("Sheet1", 0, 0, [["giữ nguyên"]]);
    const before = fake.snapshot();
    fake.injectFault("DataValidation.rule=", "InvalidArgument");
    const err = await host
      .apply({
        plans: [
          plan("A", [{ row: 0, col: 0, value: 2 }], {
            validations: [{ range: { row: 0, col: 0, rowCount: 1, colCount: 1 }, list: [1, 2] }],
          }),
          plan("Mới", []),
        ],
        cellWrites: [{ sheet: "Sheet1", row: 0, col: 0, value: "đã đổi" }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe("invalidRequest");
    expect(fake.snapshot()).toEqual(before);
  });

  test("a failure after rows were appended clears them and protects the sheet again", async () => {
    const { fake, host } = setup();
    const log = (rows: string[]) =>
      plan(
        "Nhật ký",
        [{ row: 0, col: 0, value: "NHẬT KÝ" }, ...rows.map((r, i) => ({ row: 1 + i, col: 0, value: r }))],
        {
          protection: {},
        }
      );
    await host.apply({ plans: [log(["một", "hai"]), plan("A", [])] });
    const before = fake.snapshot();
    // The swap deletes the replaced "A" after the rows went in: the whole request is undone.
    fake.injectFault("Worksheet.delete", "GeneralException");
    const err = await host
      .apply({
        plans: [plan("A", [{ row: 0, col: 0, value: 1 }])],
        appends: [{ plan: log(["ba"]), firstRow: 1 }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheet("Nhật ký")?.protection.protected).toBe(true);
    // Without the fault the row lands below "hai".
    await host.apply({ plans: [], appends: [{ plan: log(["ba"]), firstRow: 1 }] });
    expect(fake.cell("Nhật ký", 3, 0)?.value).toBe("ba");
  });

  test("a failure in the swap (after renames) is rolled back too, cell writes included", async () => {
    const { fake, host } = setup();
    await host.apply({ plans: [plan("A", [{ row: 0, col: 0, value: 1 }]), plan("B", [])] });
    const before = fake.snapshot();
    fake.injectFault("Worksheet.delete", "GeneralException");
    await expect(
      host.apply({
        plans: [plan("A", [{ row: 0, col: 0, value: 2 }])],
        remove: ["B"],
        cellWrites: [{ sheet: "Sheet1", row: 3, col: 3, value: 9 }],
      })
    ).rejects.toMatchObject({ code: "unknown", officeCode: "GeneralException" });
    expect(fake.snapshot()).toEqual(before);
  });

  test("a failure after an old sheet was deleted is reported as not fully restored", async () => {
    const { fake, host } = setup();
    await host.apply({ plans: [plan("A", []), plan("B", [])] });
    let deletes = 0;
    fake.injectFault((d) => d === "Worksheet.delete" && ++deletes === 2);
    const err = (await host
      .apply({ plans: [plan("A", []), plan("B", [])] })
      .catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.message).toMatch(/could not be fully restored/);
  });

  test("invalid or reserved names are refused before Excel is touched", async () => {
    const { fake, host } = setup();
    for (const name of ["a/b", "x".repeat(32), "'a", "History", "~tmp1", LISTS_SHEET])
      await expect(host.apply({ plans: [plan(name, [])] })).rejects.toMatchObject({ code: "invalidName" });
    await expect(host.apply({ plans: [plan("A", []), plan("a", [])] })).rejects.toMatchObject({
      code: "invalidName",
    });
    expect(fake.stats.syncs).toBe(0);
  });

  test("cell writes: unlocked cells of a protected sheet are fine; locked ones, missing or rebuilt sheets are refused", async () => {
    const { fake, host } = setup();
    await host.apply({
      plans: [
        plan("P", [{ row: 0, col: 0, value: "khóa" }], {
          protection: { password: "pw" },
          unlocked: [{ row: 1, col: 0, rowCount: 5, colCount: 1 }],
        }),
      ],
    });
    expect(fake.sheet("P").protection).toMatchObject({ protected: true, password: "pw" });
    await host.apply({ plans: [], cellWrites: [{ sheet: "P", row: 1, col: 0, value: "=1+1" }] });
    expect(fake.cell("P", 1, 0)).toMatchObject({ value: "=1+1" });
    expect(fake.cell("P", 1, 0)?.formula).toBeUndefined();
    await expect(
      host.apply({ plans: [], cellWrites: [{ sheet: "P", row: 0, col: 0, value: 1 }] })
    ).rejects.toMatchObject({
      code: "protectedByOther",
      sheet: "P",
    });
    await expect(
      host.apply({ plans: [], cellWrites: [{ sheet: "Không có", row: 0, col: 0, value: 1 }] })
    ).rejects.toMatchObject({
      code: "notFound",
    });
    await expect(
      host.apply({ plans: [plan("P", [])], cellWrites: [{ sheet: "P", row: 1, col: 0, value: 1 }] })
    ).rejects.toMatchObject({ code: "invalidRequest" });
  });

  test("a protected workbook structure is reported, not half-applied", async () => {
    const { fake, host } = setup();
    fake.state.protection.protected = true;
    await expect(host.apply({ plans: [plan("A", [])] })).rejects.toMatchObject({ code: "protectedByOther" });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  test("text that Excel would convert is stored as text ('@'), numbers as numbers", async () => {
    const { fake, host } = setup();
    const texts = [
      "=SUM(A1)",
      "+1",
      "-x",
      "@me",
      "'quoted",
      "007",
      "1.10",
      "2025-01-05",
      "3/4",
      "TRUE",
      "12%",
      "Jan 5",
      "10:30",
    ];
    await host.apply({
      plans: [
        plan("T", [...texts.map((t, i) => ({ row: i, col: 0, value: t })), { row: 0, col: 1, value: 7 }]),
      ],
    });
    texts.forEach((t, i) => {
      expect(fake.cell("T", i, 0)).toMatchObject({ value: t, numberFormat: "@" });
      expect(fake.cell("T", i, 0)?.formula).toBeUndefined();
    });
    expect(fake.cell("T", 0, 1)).toEqual({ value: 7 });
    for (const t of texts) expect(excelWouldConvert(t)).toBe(true);
    for (const t of ["Tiêu chí 1", "SP 01 – Trà", "Ông Đức's"]) expect(excelWouldConvert(t)).toBe(false);
  });

  test("validation lists: inline when short, otherwise on the very hidden list sheet (reused, not listed)", async () => {
    const { fake, host } = setup();
    const long = Array.from({ length: 60 }, (_, i) => `Mức độ ${i + 1}`);
    const withComma = ["a, b", "c"];
    const validations = [
      {
        range: { row: 1, col: 0, rowCount: 3, colCount: 1 },
        list: [0, 1, 2],
        prompt: { title: "Điểm", message: "0–2" },
      },
      { range: { row: 1, col: 1, rowCount: 3, colCount: 1 }, list: long },
      { range: { row: 1, col: 2, rowCount: 3, colCount: 1 }, list: withComma },
    ];
    await host.apply({ plans: [plan("V", [], { validations })] });
    const rules = fake
      .sheet("V")
      .validations.map((x) => (x.rule as { list: { source: string } }).list.source);
    expect(rules[0]).toBe("0,1,2");
    expect(rules[1]).toBe(`='${LISTS_SHEET}'!$A$1:$A$60`);
    expect(rules[2]).toBe(`='${LISTS_SHEET}'!$B$1:$B$2`);
    expect(fake.sheet(LISTS_SHEET).visibility).toBe("VeryHidden");
    expect(fake.cell(LISTS_SHEET, 59, 0)?.value).toBe("Mức độ 60");
    expect((await host.listSheets()).map((s) => s.name)).not.toContain(LISTS_SHEET);
    await host.apply({
      plans: [plan("V", [], { validations }), plan("W", [], { validations: [validations[1]!] })],
    });
    expect(fake.sheet("W").validations[0]!.rule).toEqual({
      list: { inCellDropDown: true, source: `='${LISTS_SHEET}'!$A$1:$A$60` },
    });
    expect(fake.sheet(LISTS_SHEET).usedRect(true)?.cols).toBe(2);
  });

  test("large data is split so no request exceeds the limit: syncs = 1 + ceil(size / 4 MB)", async () => {
    const { fake, host } = setup();
    const rows = 2000;
    const cols = 100;
    const cells: PlannedCell[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) cells.push({ row: r, col: c, value: `Nhận xét ${r}-${c} của hội đồng` });
    await host.apply({ plans: [plan("Lớn", cells)] });
    const total = fake.stats.requests.reduce((n, r) => n + r.bytes, 0);
    expect(total).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.stats.maxRequestCells).toBeLessThanOrEqual(500_000);
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(1 + Math.ceil(total / (4 * 1024 * 1024)));
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / (3 * 1024 * 1024)));
    expect(fake.cell("Lớn", rows - 1, cols - 1)?.value).toBe(`Nhận xét ${rows - 1}-${cols - 1} của hội đồng`);
  });

  test("a request the fake refuses as too large maps to payloadTooLarge", async () => {
    const fake = new FakeExcel();
    const host = new ExcelHost({
      run: fake.excelRun,
      requirements: fake.requirements,
      limits: {
        requestBytes: 50 * 1024 * 1024,
        chunkBytes: 50 * 1024 * 1024,
        chunkCells: 10_000_000,
        requestCells: 10_000_000,
      },
    });
    const cells: PlannedCell[] = [];
    for (let r = 0; r < 4000; r++)
      for (let c = 0; c < 60; c++) cells.push({ row: r, col: c, value: `văn bản dài ${r} ${c}` });
    await expect(host.apply({ plans: [plan("X", cells)] })).rejects.toMatchObject({
      code: "payloadTooLarge",
    });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  test("print setup needs ExcelApi 1.9: applied when present, skipped with a warning when not", async () => {
    const print = {
      orientation: "landscape" as const,
      paper: "A4" as const,
      fitToWidth: true,
      repeatRows: { first: 0, last: 2 },
      footer: "Trang &P",
    };
    const modern = setup("1.17");
    const r1 = await modern.host.apply({ plans: [plan("In", [], { print })] });
    expect(r1.warnings).toEqual([]);
    expect(modern.fake.sheet("In").pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$3",
      "headerFooter.centerFooter": "Trang &P",
    });
    const old = setup("1.8");
    const r2 = await old.host.apply({
      plans: [
        plan("In", [{ row: 0, col: 0, value: 1 }], {
          print,
          merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }],
        }),
      ],
    });
    expect(r2.warnings).toEqual([expect.stringMatching(/Print setup of "In" skipped.*1\.9/)]);
    expect(old.host.lastWarnings).toEqual(r2.warnings);
    const read = await old.host.readSheets(["In"]);
    expect(read.warnings).toEqual([expect.stringMatching(/1\.13/)]);
    expect(read.sheets[0]!.merges).toEqual([]);
  });

  test("a wide sheet prints in sections: title columns, a break before each section and block, a set scale", async () => {
    const print = {
      orientation: "landscape" as const,
      paper: "A4" as const,
      fitToWidth: false,
      scale: 80,
      repeatRows: { first: 3, last: 3 },
      repeatCols: { first: 0, last: 2 },
      colBreaksBefore: [14],
      breaksBefore: [0, 20, 45],
    };
    const { fake, host } = setup("1.17");
    const p = plan("Rộng", [{ row: 0, col: 0, value: 1 }], { print });
    expect((await host.apply({ plans: [p] })).warnings).toEqual([]);
    // Applied again (a later run rewrites the sheet): still one break, not two.
    expect((await host.apply({ plans: [p] })).warnings).toEqual([]);
    expect(fake.sheet("Rộng").pageLayout).toMatchObject({
      zoom: { scale: 80 },
      printTitleRows: "$4:$4",
      printTitleColumns: "$A:$C",
      verticalPageBreaks: ["O1"],
      // A break before each block but the first row (Excel has none to make there).
      horizontalPageBreaks: ["A21", "A46"],
    });
  });

  test("tables, charts, freeze panes, tab colour, widths, visibility and selection", async () => {
    const { fake, host } = setup();
    const p = plan(
      "Xếp hạng",
      [
        { row: 0, col: 0, value: "Sản phẩm", style: "header" },
        { row: 0, col: 1, value: "Điểm", style: "header" },
        { row: 1, col: 0, value: "Trà" },
        { row: 1, col: 1, value: 80 },
      ],
      {
        tables: [{ name: "BangXepHang", range: { row: 0, col: 0, rowCount: 2, colCount: 2 } }],
        charts: [
          {
            kind: "bar",
            title: "Điểm",
            categories: { row: 1, col: 0, rowCount: 1, colCount: 1 },
            values: { row: 1, col: 1, rowCount: 1, colCount: 1 },
            anchor: { row: 4, col: 0, rowCount: 10, colCount: 6 },
          },
        ],
        freeze: { rows: 1, cols: 1 },
        tabColor: "#00B050",
        columns: [{ index: 0, width: 30 }],
      }
    );
    await host.apply({
      plans: [p, plan("Ẩn", [], { visibility: "veryHidden" })],
      select: { sheet: "Xếp hạng", row: 1, col: 1 },
    });
    expect(await host.getSelection()).toEqual({ sheet: "Xếp hạng", row: 1, col: 1 });
    // Same table name again: the old sheet's table goes with it. The rebuilt sheet is selected again.
    await host.apply({ plans: [p], select: { sheet: "Xếp hạng", row: 0, col: 0 } });
    const s = fake.sheet("Xếp hạng");
    expect(s.tables.map((t) => t.name)).toEqual(["BangXepHang"]);
    expect(s.charts[0]).toMatchObject({
      type: "BarClustered",
      title: "Điểm",
      xValues: { row: 1, col: 0, rows: 1, cols: 1 },
    });
    expect(s.freeze).toEqual({ rows: 1, cols: 1 });
    expect(s.tabColor).toBe("#00B050");
    expect(s.colWidths.get(0)).toBeCloseTo((30 * 7 + 5) * 0.75);
    expect(s.cell(0, 0)?.format).toMatchObject({
      "font.bold": true,
      "fill.color": `#${PALETTE.header.fill}`,
    });
    expect(fake.sheet("Ẩn").visibility).toBe("VeryHidden");
    expect(await host.getSelection()).toEqual({ sheet: "Xếp hạng", row: 0, col: 0 });
    await expect(
      host.apply({
        plans: [
          plan("Khác", [], {
            tables: [{ name: "bangxephang", range: { row: 0, col: 0, rowCount: 1, colCount: 1 } }],
          }),
        ],
      })
    ).rejects.toMatchObject({ code: "nameTaken" });
  });

  test("at least one sheet stays visible", async () => {
    const { host } = setup();
    await expect(
      host.apply({ plans: [plan("M", [], { visibility: "veryHidden" })], remove: ["Sheet1"] })
    ).rejects.toMatchObject({
      code: "invalidRequest",
    });
  });
});

describe("ExcelHost reads", () => {
  test("readSheets: A1-based grid, formulas, hidden lines, merges, missing names; 3 syncs", async () => {
    const { fake, host } = setup();
    fake.addSheet("Dữ liệu");
    fake.setCells("Dữ liệu", 1, 1, [
      [1, "=A1*2"],
      ["x", null],
    ]);
    const s = fake.sheet("Dữ liệu");
    s.hiddenRows.add(2);
    s.hiddenCols.add(0);
    s.merges.push({ row: 0, col: 3, rows: 2, cols: 2 });
    s.cellForWrite(3, 0).numberFormat = "@";
    s.cellForWrite(3, 0).value = "=không";
    fake.resetStats();
    const { sheets, missing } = await host.readSheets(["dữ liệu", "Không có", "Dữ liệu"]);
    expect(fake.stats.syncs).toBe(3);
    expect(missing).toEqual(["Không có"]);
    expect(sheets).toHaveLength(1);
    const g = sheets[0]!;
    expect(g.name).toBe("Dữ liệu");
    expect(g.values).toEqual([
      [null, null, null],
      [null, 1, null],
      [null, "x", null],
      ["=không", null, null],
    ]);
    expect(g.formulas[1]).toEqual([null, null, "A1*2"]);
    expect(g.formulas[3]).toEqual([null, null, null]);
    expect(g.hiddenRows).toEqual([2]);
    expect(g.hiddenCols).toEqual([0]);
    expect(g.merges).toEqual([{ row: 0, col: 3, rowCount: 2, colCount: 2 }]);
    const empty = await host.readSheets(["Sheet1"]);
    expect(empty.sheets[0]).toMatchObject({ values: [], formulas: [], hiddenRows: [], merges: [] });
  });

  test("works while the user edits a cell (delayForCellEdit)", async () => {
    const { fake, host } = setup();
    fake.cellEditMode = true;
    await expect(fake.run(async (ctx) => ctx.sync())).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    // The host asks Excel to wait: the call is held, not failed, and goes through once the edit ends.
    const listed = host.listSheets();
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.waitingForCellEdit).toBe(1);
    fake.cellEditMode = false;
    await expect(listed).resolves.toHaveLength(1);
  });

  test("selection: current cell, change events, cleanup", async () => {
    const { fake, host } = setup();
    fake.addSheet("Phiếu");
    await fake.userSelect("Phiếu", 4, 2);
    expect(await host.getSelection()).toEqual({ sheet: "Phiếu", row: 4, col: 2 });
    const seen: unknown[] = [];
    const stop = await host.onSelectionChanged((sel) => seen.push(sel));
    await fake.userSelect("Sheet1", 0, 1);
    expect(seen).toEqual([{ sheet: "Sheet1", row: 0, col: 1 }]);
    stop();
    await new Promise((r) => setTimeout(r, 0));
    await fake.userSelect("Phiếu", 1, 1);
    expect(seen).toHaveLength(1);
  });
});

describe("errors and addresses", () => {
  test.each([
    ["AccessDenied", "protectedByOther"],
    ["InvalidOperation", "invalidRequest"],
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["RequestPayloadSizeLimitExceeded", "payloadTooLarge"],
    ["ResponsePayloadSizeLimitExceeded", "payloadTooLarge"],
    ["ApiNotFound", "apiMissing"],
    ["ItemNotFound", "notFound"],
    ["ItemAlreadyExists", "nameTaken"],
    ["InvalidArgument", "invalidRequest"],
    ["GeneralException", "unknown"],
    ["SomethingNew", "unknown"],
  ])("%s → %s", (officeCode, code) => {
    const e = Object.assign(new Error("x"), { code: officeCode });
    expect(toHostError(e)).toMatchObject({ code, officeCode });
  });

  test("renameSheetRefs skips string literals and handles quoted names", () => {
    const map = (n: string) => (n.toUpperCase() === "A" ? "~tmp1" : n === "Ông's" ? "~tmp2" : undefined);
    expect(renameSheetRefs(`A!B1+'Ông''s'!C2&"A!x"&AA!B1`, map)).toBe(`'~tmp1'!B1+'~tmp2'!C2&"A!x"&AA!B1`);
  });

  test("parseAreas", () => {
    expect(parseAreas("'Phiếu, 1'!A1:B2, 'Phiếu, 1'!$D$4")).toEqual([
      { row: 0, col: 0, rowCount: 2, colCount: 2 },
      { row: 3, col: 3, rowCount: 1, colCount: 1 },
    ]);
  });
});

test("styles look the same whether sent by RangeAreas (ExcelApi 1.9+) or rectangle by rectangle (1.8)", async () => {
  const cells: PlannedCell[] = [];
  for (let r = 0; r < 40; r++)
    for (let c = 0; c < 6; c++)
      cells.push({
        row: r,
        col: c,
        value: r * c,
        style: r === 0 ? "header" : (r + c) % 2 ? "score" : "total",
      });
  const formats = async (maxApi: string) => {
    const { fake, host } = setup(maxApi);
    await host.apply({ plans: [plan("Kiểu", cells)] });
    const sheet = fake.sheet("Kiểu");
    return { formats: [...sheet.cells.entries()].map(([k, c]) => [k, c.format]), calls: fake.calls };
  };
  const old = await formats("1.8");
  const areas = await formats("1.17");
  expect(areas.formats).toEqual(old.formats);
  // One command per style property for all its rectangles, instead of one per rectangle.
  const fills = (calls: string[]) => calls.filter((c) => c === "RangeFill.color=").length;
  expect(fills(areas.calls)).toBeLessThan(fills(old.calls));
});

test("a protected sheet with a table: the table gets its name before the sheet is protected", async () => {
  const { fake, host } = setup();
  const protectedTable = plan(
    "Thành viên",
    [
      { row: 0, col: 0, value: "Mã" },
      { row: 1, col: 0, value: "TV01" },
    ],
    {
      tables: [{ name: "T_ThanhVien", range: { row: 0, col: 0, rowCount: 2, colCount: 1 } }],
      protection: { password: "ocop" },
    }
  );
  await host.apply({ plans: [protectedTable] });
  await host.apply({ plans: [protectedTable] }); // replaced: the old table must give up its name first
  expect(fake.sheet("Thành viên").tables.map((t) => t.name)).toEqual(["T_ThanhVien"]);
  expect(fake.sheet("Thành viên").protection.protected).toBe(true);
});

test("table headers: lint-clean headers come back as written; ones the linter refuses Excel rewrites", async () => {
  const { host } = setup();
  const table = (name: string, headers: string[]) =>
    plan(name, [...headers.map((value, col) => ({ row: 0, col, value })), { row: 1, col: 0, value: "x" }], {
      tables: [{ name: `T_${name}`, range: { row: 0, col: 0, rowCount: 2, colCount: headers.length } }],
    });
  const clean = table("Sach", ["Mã", "Tên", "Hạng"]);
  const dirty = table("Ban", ["Mã", "mã", ""]);
  expect(lintPlan(clean)).toEqual([]);
  expect(lintPlan(dirty).map((p) => p.kind)).toEqual(["tableHeaderDuplicate", "tableHeaderBlank"]);
  await host.apply({ plans: [clean, dirty] });
  const { sheets } = await host.readSheets(["Sach", "Ban"]);
  expect(sheets[0]!.values[0]).toEqual(["Mã", "Tên", "Hạng"]);
  expect(sheets[1]!.values[0]).not.toEqual(["Mã", "mã", null]);
});

test("a call held while a cell is edited can be cancelled: it fails as cancelled and writes nothing", async () => {
  const { fake, host } = setup();
  const before = fake.snapshot();
  fake.cellEditMode = true;
  const apply = host.apply({ plans: [plan("Mới", [{ row: 0, col: 0, value: 1 }])] });
  await new Promise((r) => setTimeout(r, 10));
  expect(fake.waitingForCellEdit).toBe(1);
  host.cancelWaiting();
  fake.cellEditMode = false;
  await expect(apply).rejects.toMatchObject({ name: "HostError", reason: "cancelled" });
  expect(fake.snapshot()).toEqual(before);
  // The next call is not affected.
  await expect(host.listSheets()).resolves.toHaveLength(1);
});
