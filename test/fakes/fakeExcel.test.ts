/** The fake must behave like Excel where the host depends on it, or the host's tests prove nothing. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, to check the fake throws where Excel would. */
import { FakeExcel, FakeOfficeError, PROTOCOL } from "./fakeExcel";

type Ctx = Excel.RequestContext;

const setup = (options?: ConstructorParameters<typeof FakeExcel>[0]) => {
  const fake = new FakeExcel(options);
  const run = <T>(fn: (ctx: Ctx) => Promise<T>, opts: Excel.RunOptions = {}) => fake.excelRun(opts, fn);
  return { fake, run };
};

describe("fake Excel: proxies and sync", () => {
  test("commands wait for sync; reading an unloaded or unsynced property throws PropertyNotLoaded", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const rg = ws.getRange("A1:B1");
      rg.values = [[1, "a"]];
      expect(fake.cell("Sheet1", 0, 0)).toBeUndefined();
      expect(rg.values).toEqual([[1, "a"]]); // what the code set is readable locally
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      ws.load("name");
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(ws.name).toBe("Sheet1");
      expect(fake.cell("Sheet1", 0, 1)?.value).toBe("a");
      const items = ctx.workbook.worksheets;
      expect(() => items.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(fake.stats.syncs).toBe(1);
  });

  test("getItemOrNullObject: isNullObject after sync; loading a null object is allowed, using it is not", async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const none = ctx.workbook.worksheets.getItemOrNullObject("Không có");
      const some = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => none.isNullObject).toThrow();
      none.load("name");
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(some.isNullObject).toBe(false);
      none.getRange("A1").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
      ctx.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("sheet names: ≤ 31 characters, no : \\ / ? * [ ], unique regardless of case", async () => {
    const { fake, run } = setup();
    for (const bad of [
      "a:b",
      "a\\b",
      "a/b",
      "a?b",
      "a*b",
      "a[b",
      "a]b",
      "x".repeat(32),
      "'x",
      "x'",
      "",
      "history",
    ])
      await expect(run(async (ctx) => void ctx.workbook.worksheets.add(bad))).rejects.toMatchObject({
        code: "InvalidArgument",
      });
    await expect(run(async (ctx) => void ctx.workbook.worksheets.add("SHEET1"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await run(async (ctx) => {
      ctx.workbook.worksheets.add("Phiếu chấm – Ông Đức's (1)");
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(["Sheet1", "Phiếu chấm – Ông Đức's (1)"]);
  });

  test("strings starting with = + - become formulas unless the cell is text ('@'); numbers are parsed", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2:B2").numberFormat = [["@", "@"]];
      ws.getRange("A1:F1").values = [["=1+1", "+A1", "-5", "007", "'=x", "TRUE"]];
      ws.getRange("A2:B2").values = [["=1+1", "007"]];
      const rg = ws.getRange("A1:B2");
      rg.load("values,formulas");
      await ctx.sync();
      expect(rg.formulas).toEqual([
        ["=1+1", "=+A1"],
        ["=1+1", "007"],
      ]);
      expect(rg.values).toEqual([
        ["", ""],
        ["=1+1", "007"],
      ]);
    });
    expect(fake.cell("Sheet1", 0, 2)?.value).toBe(-5);
    expect(fake.cell("Sheet1", 0, 3)?.value).toBe(7);
    expect(fake.cell("Sheet1", 0, 4)?.value).toBe("=x");
    expect(fake.cell("Sheet1", 0, 5)?.value).toBe(true);
  });

  test("null in a 2-D array leaves the cell alone; array size must match the range", async () => {
    const { fake, run } = setup();
    fake.setCells("Sheet1", 0, 0, [["giữ", "đổi"]]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, "mới"]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect([fake.cell("Sheet1", 0, 0)?.value, fake.cell("Sheet1", 0, 1)?.value]).toEqual(["giữ", "mới"]);
  });

  test("protected sheets refuse writes to locked cells and formatting; protect/unprotect only when needed", async () => {
    const { fake, run } = setup();
    fake.protectSheet("Sheet1", "pw");
    fake.unlockCells("Sheet1", { row: 1, col: 0, rows: 1, cols: 1 });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A2").values = [[5]];
      await ctx.sync();
      ws.getRange("A1").values = [[5]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.getRange("A2").format.font.bold = true;
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.protection.protect();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.protection.unprotect("wrong");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "BadPassword" });
      ws.protection.unprotect("pw");
      ws.getRange("A1").values = [[6]];
      ws.protection.protect({ allowFormatColumns: true }, "pw2");
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", 1, 0)?.value).toBe(5);
    expect(fake.cell("Sheet1", 0, 0)?.value).toBe(6);
    expect(fake.sheet("Sheet1").protection).toMatchObject({ protected: true, password: "pw2" });
  });

  test("a failing command stops the request: earlier commands stay, later ones are dropped", async () => {
    const { fake, run } = setup();
    await expect(
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [[1]];
        ctx.workbook.worksheets.add("Sheet1");
        ws.getRange("A2").values = [[2]];
        await ctx.sync();
      })
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect(fake.cell("Sheet1", 0, 0)?.value).toBe(1);
    expect(fake.cell("Sheet1", 1, 0)).toBeUndefined();
  });

  test("a request over 5 MB fails whole with RequestPayloadSizeLimitExceeded; stats record the largest request", async () => {
    const { fake, run } = setup();
    const big = Array.from({ length: 600 }, (_, r) =>
      Array.from({ length: 100 }, (_, c) => `ô ${r}:${c} – nội dung dài`)
    );
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 600, 100).values = big;
        ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(600, 0, 600, 100).values = big;
        ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(1200, 0, 600, 100).values = big;
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("Sheet1", 0, 0)).toBeUndefined();
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(fake.stats.maxRequestCells).toBe(180_000);
    const desktop = setup({ payloadLimitBytes: null });
    await desktop.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 600, 100).values = big;
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(600, 0, 600, 100).values = big;
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(1200, 0, 600, 100).values = big;
    });
    expect(desktop.fake.stats.syncs).toBe(1); // the implicit sync at the end of Excel.run
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded; stats record the largest response", async () => {
    const { fake, run } = setup();
    const text = Array.from({ length: 1000 }, (_, r) =>
      Array.from({ length: 100 }, (_, c) => `ô ${r}:${c} – nội dung`)
    );
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1000, 100).values = text;
    });
    fake.resetStats();
    await expect(
      run(async (ctx) => {
        const rg = ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1000, 100);
        rg.load("values,formulas");
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.stats.maxResponseBytes).toBeGreaterThan(5 * 1024 * 1024);
    const desktop = setup({ responseLimitBytes: null });
    await desktop.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1000, 100).load("values");
      await ctx.sync();
    });
  });

  test("every command and every object path (with its parents) costs protocol bytes beyond its values", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      for (let r = 0; r < 100; r++) ws.getRangeByIndexes(r, 0, 1, 1).format.font.bold = true;
      await ctx.sync();
    });
    const [req] = fake.stats.requests;
    // 100 ranges × (range, format, font) + the sheet, the collection and the workbook.
    expect(req).toMatchObject({ commands: 100, objectPaths: 303 });
    expect(req!.bytes).toBeGreaterThan(100 * PROTOCOL.commandBytes + 303 * PROTOCOL.objectPathBytes);
  });

  test("a new table rewrites its header row: blanks named, repeats numbered, formulas and numbers made text", async () => {
    const { fake, run } = setup();
    fake.setCells("Sheet1", 0, 0, [["Mã", "mã", "", "=B1", 5, "Column3"]]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.tables.add(ws.getRange("A1:F3"), true);
    });
    const headers = [0, 1, 2, 3, 4, 5].map((c) => fake.cell("Sheet1", 0, c));
    expect(headers.map((h) => h?.value)).toEqual(["Mã", "mã2", "Column4", "Column5", "5", "Column3"]);
    expect(headers.some((h) => h?.formula !== undefined)).toBe(false);
  });

  test("a table cannot be added or renamed on a protected sheet (AccessDenied)", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A2").values = [["Mã"], ["TV01"]];
      ws.tables.add(ws.getRange("A1:A2"), true).name = "T_A";
    });
    fake.protectSheet("Sheet1");
    const rename = run(async (ctx) => {
      ctx.workbook.tables.getItemOrNullObject("T_A").name = "T_B";
      await ctx.sync();
    });
    await expect(rename).rejects.toMatchObject({ code: "AccessDenied" });
    const add = run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.tables.add(ws.getRange("C1:C2"), true);
      await ctx.sync();
    });
    await expect(add).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.sheet("Sheet1").tables.map((t) => t.name)).toEqual(["T_A"]);
  });

  test("borders: edges on the outer cells, inside lines between cells; a bad index fails; a protected sheet refuses", async () => {
    const { fake, run } = setup();
    await run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").format;
      for (const edge of ["EdgeTop", "InsideHorizontal"] as const)
        f.borders.getItem(edge).style = "Continuous";
      await ctx.sync();
      const top = f.borders.getItem("EdgeTop");
      top.load("style");
      const bottom = f.borders.getItem("EdgeBottom");
      bottom.load("style");
      await ctx.sync();
      expect([top.style, bottom.style]).toEqual(["Continuous", "None"]);
      // A single row has no line between rows: InsideHorizontal draws nothing there.
      ctx.workbook.worksheets
        .getItem("Sheet1")
        .getRange("D1:E1")
        .format.borders.getItem("InsideHorizontal").style = "Continuous";
      await ctx.sync();
    });
    const side = (r: number, c: number, s: string) =>
      fake.cell("Sheet1", r, c)?.format?.[`border.${s}.style`];
    expect([side(0, 0, "top"), side(0, 0, "bottom"), side(1, 1, "top"), side(1, 1, "bottom")]).toEqual([
      "Continuous",
      "Continuous",
      "Continuous",
      undefined,
    ]);
    expect(side(0, 3, "top")).toBeUndefined();
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets
          .getItem("Sheet1")
          .getRange("A1")
          .format.borders.getItem("Diagonal" as Excel.BorderIndex).style = "Continuous";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    fake.protectSheet("Sheet1");
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.borders.getItem("EdgeTop").color =
          "#9E9E9E";
        await ctx.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("requirement sets: isSetSupported follows maxApi; newer members fail with ApiNotFound at sync", async () => {
    const { fake, run } = setup({ maxApi: "1.8" });
    expect(fake.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(fake.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(fake.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.pageLayout.orientation = "Landscape";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      const m = ws.getRange().getMergedAreasOrNullObject();
      m.load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    fake.maxApi = "1.13";
    expect(fake.requirements.isSetSupported("ExcelApi", "1.10")).toBe(true);
  });

  test("renaming a sheet rewrites formulas that refer to it; deleting it leaves #REF!", async () => {
    const { fake, run } = setup();
    fake.addSheet("~tmp1");
    fake.setCells("Sheet1", 0, 0, [["='~tmp1'!A1+1"]]);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("~tmp1").name = "Ông Đức's";
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", 0, 0)?.formula).toBe("='Ông Đức''s'!A1+1");
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Ông Đức's").delete();
    });
    expect(fake.cell("Sheet1", 0, 0)?.formula).toBe("=#REF!A1+1");
  });

  test("a workbook keeps one visible sheet; cell-edit mode needs delayForCellEdit", async () => {
    const { fake, run } = setup();
    await expect(
      run(async (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").visibility = "VeryHidden"))
    ).rejects.toMatchObject({
      code: "InvalidOperation",
    });
    fake.cellEditMode = true;
    await expect(run(async (ctx) => ctx.sync())).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    let done = false;
    const delayed = run(async (ctx) => ctx.sync(), { delayForCellEdit: true }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect([done, fake.waitingForCellEdit]).toEqual([false, 1]); // held while the cell is being edited
    fake.cellEditMode = false;
    await delayed;
    expect(done).toBe(true);
  });

  test("installGlobals provides Office and Excel for code that uses the globals", async () => {
    const { fake } = setup();
    const uninstall = fake.installGlobals();
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
      const n = await Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets;
        s.load("items/name");
        await ctx.sync();
        return s.items.length;
      });
      expect(n).toBe(1);
    } finally {
      uninstall();
    }
  });
});
