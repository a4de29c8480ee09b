/**
 * One contract, two hosts: what a use case may rely on from any WorkbookHost.
 * Run against ExcelHost (fake Excel) and ExcelJsHost (real .xlsx files, saved and reopened before reading).
 */
import { emptyPlan, type CellValue, type PlannedCell, type SheetPlan } from "../../src/layout/plan";
import type { SheetGrid, WorkbookHost } from "../../src/hosts/workbook";
import { HOSTS, type HostFixture } from "./hosts";

const VN = "Phiếu chấm – Thành viên 1";
const APOS = "Ông Đức's sheet";

function plan(name: string, cells: PlannedCell[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { ...emptyPlan(name, "results"), cells, ...extra };
}
const v = (row: number, col: number, value: CellValue, more: Partial<PlannedCell> = {}): PlannedCell => ({
  row,
  col,
  value,
  ...more,
});

async function read(h: WorkbookHost, name: string): Promise<SheetGrid> {
  const { sheets, missing } = await h.readSheets([name]);
  expect(missing).toEqual([]);
  return sheets[0]!;
}

/** Everything a caller can observe: the sheet list and every sheet's grid. */
async function observe(h: WorkbookHost): Promise<unknown> {
  const list = await h.listSheets();
  const { sheets } = await h.readSheets(list.map((s) => s.name));
  return { list, sheets };
}

const at = (g: SheetGrid, row: number, col: number): CellValue => g.values[row]?.[col] ?? null;
const formulaAt = (g: SheetGrid, row: number, col: number): string | null => g.formulas[row]?.[col] ?? null;

describe.each(HOSTS)("WorkbookHost contract: %s", (_kind, make) => {
  let fx: HostFixture;
  beforeEach(async () => {
    fx = await make();
  });

  test("values read back as written: numbers stay numbers, user text stays text", async () => {
    await fx.host.apply({
      plans: [
        plan(VN, [
          v(0, 0, "Tiêu chí"),
          v(0, 1, 42),
          v(0, 2, 3.5),
          v(0, 3, true),
          v(1, 0, "=1+1", { asText: true }),
          v(1, 1, "+84 912 345 678", { asText: true }),
          v(1, 2, "-5 điểm", { asText: true }),
          v(1, 3, "@home", { asText: true }),
          v(2, 0, "007"),
          v(2, 1, "1.10"),
          v(2, 2, 0),
          v(2, 3, -12.25),
          v(3, 3, "Cuối"),
        ]),
      ],
    });
    const g = await read(await fx.reopen(), VN);
    expect(g.name).toBe(VN);
    expect(g.values.slice(0, 4).map((r) => r.slice(0, 4))).toEqual([
      ["Tiêu chí", 42, 3.5, true],
      ["=1+1", "+84 912 345 678", "-5 điểm", "@home"],
      ["007", "1.10", 0, -12.25],
      [null, null, null, "Cuối"],
    ]);
    expect(typeof at(g, 0, 1)).toBe("number");
    for (let c = 0; c < 4; c++) expect(formulaAt(g, 1, c)).toBeNull();
  });

  test("formulas read back without '=', also across sheets with diacritics and apostrophes", async () => {
    await fx.host.apply({
      plans: [
        plan(APOS, [v(0, 0, "Điểm"), v(0, 1, 7)]),
        plan(VN, [
          v(0, 0, 1),
          v(0, 1, 2),
          { row: 0, col: 2, formula: "SUM(A1:B1)" },
          { row: 1, col: 0, formula: "'Ông Đức''s sheet'!B1*2" },
        ]),
      ],
    });
    const g = await read(await fx.reopen(), VN);
    expect(formulaAt(g, 0, 2)).toBe("SUM(A1:B1)");
    expect(formulaAt(g, 1, 0)).toBe("'Ông Đức''s sheet'!B1*2");
    expect(formulaAt(g, 0, 0)).toBeNull();
    expect(at(g, 0, 0)).toBe(1);
  });

  test("hidden rows and columns, visibility, merges, protection", async () => {
    await fx.host.apply({
      plans: [
        plan("Visible", [v(0, 0, "x")]),
        plan("Meta", [v(0, 0, "session"), v(0, 1, "{}")], { kind: "meta", visibility: "veryHidden" }),
        plan("Hidden", [v(0, 0, "h")], { visibility: "hidden" }),
        plan("Grid", [v(0, 0, "Tiêu đề"), v(1, 0, "a"), v(2, 0, "b"), v(3, 0, "c"), v(3, 4, "e")], {
          merges: [{ row: 0, col: 0, rowCount: 1, colCount: 3 }],
          rows: [{ index: 2, hidden: true }],
          columns: [
            { index: 1, hidden: true },
            { index: 3, hidden: true, width: 12 },
          ],
          protection: {},
        }),
      ],
    });
    const h = await fx.reopen();
    const list = await h.listSheets();
    const info = (n: string) => list.find((s) => s.name === n);
    expect(info("Meta")?.visibility).toBe("veryHidden");
    expect(info("Hidden")?.visibility).toBe("hidden");
    expect(info("Visible")?.visibility).toBe("visible");
    expect(info("Grid")?.protected).toBe(true);
    expect(info("Visible")?.protected).toBe(false);
    const g = await read(h, "Grid");
    expect(g.hiddenRows).toEqual([2]);
    expect(g.hiddenCols).toEqual([1, 3]);
    expect(g.merges).toEqual([{ row: 0, col: 0, rowCount: 1, colCount: 3 }]);
    expect(g.protected).toBe(true);
    const meta = await read(h, "Meta");
    expect(meta.visibility).toBe("veryHidden");
    expect(meta.values[0]).toEqual(["session", "{}"]);
  });

  test("a values-only read gives the same values and nothing else; other sheets of the call are read whole", async () => {
    await fx.host.apply({
      plans: [
        plan("Grid", [v(0, 0, "Tiêu đề"), v(1, 0, 2), v(1, 1, null, { formula: "A2*3" }), v(2, 2, "c")], {
          merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }],
          rows: [{ index: 2, hidden: true }],
          columns: [{ index: 1, hidden: true }],
        }),
        plan("Other", [v(0, 0, 1), v(0, 1, null, { formula: "A1+1" })]),
      ],
    });
    const h = await fx.reopen();
    const whole = await read(h, "Grid");
    const { sheets } = await h.readSheets(["Grid", "Other"], { valuesOnly: ["grid"] });
    const [bare, other] = sheets;
    expect(bare!.values).toEqual(whole.values);
    expect(bare!.valuesOnly).toBe(true);
    expect(bare!.formulas.flat().every((f) => f === null)).toBe(true);
    expect(bare!.merges).toEqual([]);
    expect(bare!.hiddenRows).toEqual([]);
    expect(bare!.hiddenCols).toEqual([]);
    expect(other!.valuesOnly).toBeUndefined();
    expect(formulaAt(other!, 0, 1)).toBe("A1+1");
  });

  test("appended rows land below the last value, styled, the earlier rows and the protection untouched", async () => {
    const log = (rows: [string, number][]): SheetPlan =>
      plan(
        "Log",
        [
          v(0, 0, "NHẬT KÝ", { style: "title" }),
          v(1, 0, "Việc", { style: "header" }),
          v(1, 1, "Điểm", { style: "header" }),
          ...rows.flatMap(([what, points], i) => [
            v(2 + i, 0, what, { style: "text" }),
            v(2 + i, 1, points, { style: "number", numberFormat: "0.0" }),
          ]),
        ],
        { protection: {}, columns: [{ index: 0, width: 20 }] }
      );
    await fx.host.apply({
      plans: [
        log([
          ["một", 1],
          ["hai", 2.5],
        ]),
      ],
    });
    const h = await fx.reopen();
    await h.apply({
      plans: [],
      appends: [
        {
          plan: log([
            ["ba", 3],
            ["=bốn", 4],
          ]),
          firstRow: 2,
        },
      ],
    });
    const again = await fx.reopen();
    const g = await read(again, "Log");
    expect(g.values.map((r) => r.slice(0, 2))).toEqual([
      ["NHẬT KÝ", null],
      ["Việc", "Điểm"],
      ["một", 1],
      ["hai", 2.5],
      ["ba", 3],
      ["=bốn", 4],
    ]);
    expect(g.protected).toBe(true);
    // A second append goes below the first; a missing sheet is refused with nothing written.
    await again.apply({ plans: [], appends: [{ plan: log([["năm", 5]]), firstRow: 2 }] });
    expect((await read(again, "Log")).values.map((r) => r[0])).toEqual([
      "NHẬT KÝ",
      "Việc",
      "một",
      "hai",
      "ba",
      "=bốn",
      "năm",
    ]);
    const before = await observe(again);
    await expect(
      again.apply({
        plans: [plan("Other", [v(0, 0, "x")])],
        appends: [{ plan: { ...log([["sáu", 6]]), name: "Missing" }, firstRow: 2 }],
      })
    ).rejects.toMatchObject({ code: "notFound" });
    expect(await observe(again)).toEqual(before);
    // Two appends to one sheet would start at the same row: refused, nothing written.
    await expect(
      again.apply({
        plans: [],
        appends: [
          { plan: log([["sáu", 6]]), firstRow: 2 },
          { plan: log([["bảy", 7]]), firstRow: 2 },
        ],
      })
    ).rejects.toThrow(/Two appends/);
    expect(await observe(again)).toEqual(before);
  });

  test("list validations read back where the host can read them", async () => {
    const long = Array.from({ length: 80 }, (_, i) => `Mức ${i + 1}`);
    await fx.host.apply({
      plans: [
        plan(VN, [v(0, 0, "Điểm"), v(1, 0, null)], {
          validations: [
            { range: { row: 1, col: 0, rowCount: 3, colCount: 1 }, list: [0, 1, 2, 3] },
            { range: { row: 1, col: 1, rowCount: 3, colCount: 1 }, list: long },
          ],
        }),
      ],
    });
    const g = await read(await fx.reopen(), VN);
    if (!fx.readsValidations) {
      expect(g.validations).toEqual([]);
      return;
    }
    const lists = g.validations.map((x) => x.list.map(String));
    expect(lists).toContainEqual(["0", "1", "2", "3"]);
    expect(lists).toContainEqual(long);
  });

  test("re-applying a plan replaces the sheet whole and keeps its place", async () => {
    await fx.host.apply({
      plans: [
        plan("Một", [v(0, 0, 1)]),
        plan(VN, [v(0, 0, "cũ"), v(1, 1, 5), v(4, 4, "xa")], { rows: [{ index: 1, hidden: true }] }),
        plan("Ba", [v(0, 0, 3)]),
      ],
    });
    await fx.host.apply({ plans: [plan(VN, [v(0, 0, "mới")])] });
    const h = await fx.reopen();
    const names = (await h.listSheets()).map((s) => s.name);
    expect(names.filter((n) => ["Một", VN, "Ba"].includes(n))).toEqual(["Một", VN, "Ba"]);
    const g = await read(h, VN);
    expect(g.values).toEqual([["mới"]]);
    expect(g.hiddenRows).toEqual([]);
    // Repeatable: the same apply twice gives the same sheet.
    await h.apply({ plans: [plan(VN, [v(0, 0, "mới")])] });
    expect((await read(await fx.reopen(), VN)).values).toEqual([["mới"]]);
  });

  test("removes sheets, ignoring names that aren't there", async () => {
    await fx.host.apply({
      plans: [plan("Giữ", [v(0, 0, 1)]), plan(APOS, [v(0, 0, 2)]), plan("Bỏ", [v(0, 0, 3)])],
    });
    await fx.host.apply({ plans: [], remove: [APOS, "Bỏ", "Không có"] });
    const h = await fx.reopen();
    const names = (await h.listSheets()).map((s) => s.name);
    expect(names).toContain("Giữ");
    expect(names).not.toContain(APOS);
    expect(names).not.toContain("Bỏ");
    const { sheets, missing } = await h.readSheets(["Giữ", APOS]);
    expect(sheets.map((s) => s.name)).toEqual(["Giữ"]);
    expect(missing).toEqual([APOS]);
  });

  test("cell writes change single cells of an existing sheet; text stays text", async () => {
    await fx.host.apply({
      plans: [
        plan(VN, [v(0, 0, "Mã"), v(0, 1, "Điểm"), v(1, 0, "SP01"), v(2, 0, "SP02")], {
          unlocked: [{ row: 1, col: 1, rowCount: 2, colCount: 2 }],
          protection: { password: "ocop" },
        }),
      ],
    });
    let h = await fx.reopen();
    await h.apply({
      plans: [],
      cellWrites: [
        { sheet: VN, row: 1, col: 1, value: 4 },
        { sheet: VN, row: 2, col: 1, value: 2.5 },
        { sheet: VN, row: 1, col: 2, value: "=không phải công thức" },
        { sheet: VN, row: 2, col: 2, value: "0912" },
      ],
    });
    h = await fx.reopen();
    const g = await read(h, VN);
    expect(g.values.slice(0, 3)).toEqual([
      ["Mã", "Điểm", null],
      ["SP01", 4, "=không phải công thức"],
      ["SP02", 2.5, "0912"],
    ]);
    expect(formulaAt(g, 1, 2)).toBeNull();
    expect(g.protected).toBe(true);
  });

  test("a plan with an invalid sheet name changes nothing", async () => {
    await fx.host.apply({ plans: [plan("Trước", [v(0, 0, "x")]), plan(VN, [v(0, 0, 1)])] });
    const h = await fx.reopen();
    const before = await observe(h);
    for (const bad of ["Bad/Name", "x".repeat(32), "'quoted'", "a[1]"])
      await expect(
        h.apply({ plans: [plan("Mới", [v(0, 0, 1)]), plan(bad, [v(0, 0, 2)])], remove: [VN] })
      ).rejects.toThrow();
    expect(await observe(h)).toEqual(before);
  });

  test("a write to a locked cell of a protected sheet fails and changes nothing", async () => {
    await fx.host.apply({
      plans: [
        plan("Khoá", [v(0, 0, "locked"), v(1, 0, null)], {
          protection: { password: "pw" },
          unlocked: [{ row: 1, col: 0, rowCount: 1, colCount: 1 }],
        }),
        plan(VN, [v(0, 0, 1)]),
      ],
    });
    const h = await fx.reopen();
    const before = await observe(h);
    await expect(
      h.apply({
        plans: [plan("Mới", [v(0, 0, 1)]), plan(VN, [v(0, 0, 2)])],
        cellWrites: [
          { sheet: "Khoá", row: 1, col: 0, value: 5 },
          { sheet: "Khoá", row: 0, col: 0, value: "changed" },
        ],
      })
    ).rejects.toThrow();
    expect(await observe(h)).toEqual(before);
  });

  test("the refusal says the sheet is protected (even for a cell never written), so the pane can ask to unprotect", async () => {
    await fx.host.apply({
      plans: [
        plan("Khoá", [v(0, 0, "locked"), v(1, 0, null)], {
          protection: { password: "pw" },
          unlocked: [{ row: 1, col: 0, rowCount: 1, colCount: 1 }],
        }),
      ],
    });
    const h = await fx.reopen();
    for (const cell of [
      { row: 0, col: 0 },
      { row: 7, col: 5 },
    ])
      await expect(
        h.apply({ plans: [], cellWrites: [{ sheet: "Khoá", ...cell, value: 1 }] })
      ).rejects.toMatchObject({ name: "HostError", code: "protectedByOther", sheet: "Khoá" });
    await h.apply({ plans: [], cellWrites: [{ sheet: "Khoá", row: 1, col: 0, value: 5 }] });
    expect(at(await read(await fx.reopen(), "Khoá"), 1, 0)).toBe(5);
  });

  test("sheet names with diacritics and apostrophes: create, list, read, replace, remove", async () => {
    const names = [VN, APOS, "Kết quả (tổng hợp)", "Hạng–Sao ★"];
    await fx.host.apply({ plans: names.map((n, i) => plan(n, [v(0, 0, n), v(0, 1, i)])) });
    let h = await fx.reopen();
    expect((await h.listSheets()).map((s) => s.name)).toEqual(expect.arrayContaining(names));
    const { sheets } = await h.readSheets(names);
    expect(sheets.map((s) => [s.name, s.values[0]])).toEqual(names.map((n, i) => [n, [n, i]]));
    await h.apply({ plans: [plan(APOS, [v(0, 0, "thay")])], remove: ["Hạng–Sao ★"] });
    h = await fx.reopen();
    const after = (await h.listSheets()).map((s) => s.name);
    expect(after).toContain(APOS);
    expect(after).not.toContain("Hạng–Sao ★");
    expect((await read(h, APOS)).values).toEqual([["thay"]]);
  });
});
