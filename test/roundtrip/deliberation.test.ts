/**
 * The deliberation sheets through a real file: planned, written by the parts host, read back by the
 * parts host and by ExcelJS (the independent reader), and parsed into the same history, rounds,
 * recusals and decisions. A round-2 score sheet asks only the reopened products and shows the earlier
 * scores beside them; a recused product's cells stay locked.
 */
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { ExcelJsHost } from "../reference/exceljsHost";
import { planHistorySheet, parseHistorySheet } from "../../src/layout/history";
import { planDeliberationSheet, parseDeliberationSheet } from "../../src/layout/deliberation";
import { parseScoreSheet, planScoreSheet, scoreKey } from "../../src/layout/scoreSheet";
import { SHEETS, roundSheetName } from "../../src/layout/names";
import type { Deliberation, ScoreChange } from "../../src/ocop/history";
import type { RawValue } from "../../src/ocop/session";
import { pointsFor, tinyCatalogue, tinySession } from "../../src/ocop/__fixtures__/tiny";

const changes: ScoreChange[] = [
  {
    at: "2026-06-15T08:00:00.000Z",
    member: "TV1",
    product: "SP1",
    criterion: "1.1",
    round: 1,
    old: null,
    new: 12,
    source: { kind: "book", file: "TV1.xlsx", sha256: "ab".repeat(32) },
    by: "CLI",
  },
  {
    at: "2026-06-15T08:05:00.000Z",
    member: "TV2",
    product: "SP1",
    criterion: "3.2",
    round: 1,
    old: null,
    new: 0,
    source: { kind: "paper", enteredBy: "Nguyễn Văn A", checkedBy: "Trần Thị B" },
    by: "Nguyễn Văn A",
  },
  {
    at: "2026-06-15T09:00:00.000Z",
    member: "TV1",
    product: "SP1",
    criterion: "1.1",
    round: 2,
    old: 12,
    new: null,
    source: { kind: "round", round: 2 },
    by: "Thư ký",
  },
  {
    at: "2026-06-15T09:10:00.000Z",
    member: "TV1",
    product: "SP1",
    criterion: "1.1",
    round: 2,
    old: null,
    new: 15,
    source: { kind: "pane" },
    by: "Ông/Bà TV1",
  },
  {
    at: "2026-06-15T09:20:00.000Z",
    member: "TV3",
    product: "SP2",
    criterion: "2.1",
    round: 1,
    old: 3,
    new: 4,
    source: { kind: "sheet" },
    by: "Thư ký",
  },
];

const deliberation: Deliberation = {
  rounds: [
    {
      number: 2,
      products: ["SP1", "SP3"],
      reason: "Chênh lệch quá 10 điểm",
      openedAt: "2026-06-15T09:00:00.000Z",
      closedAt: "2026-06-15T11:00:00.000Z",
      closedBy: "Nguyễn Thị Thu",
    },
  ],
  recusals: [
    { member: "TV4", product: "SP2", reason: "Người thân của chủ thể", at: "2026-06-15T07:00:00.000Z" },
  ],
  decisions: [
    {
      product: "SP3",
      round: 2,
      decision: "accept",
      reason: "Đã thảo luận, giữ kết quả",
      at: "2026-06-15T11:30:00.000Z",
    },
  ],
  reopenings: [{ round: 2, reason: "Sửa điểm nhập nhầm", at: "2026-06-15T11:10:00.000Z", by: "Thư ký" }],
  delegate: "TV2",
};

const writeAndRead = async (plans: Parameters<PartsHost["apply"]>[0]["plans"]) => {
  const host = PartsHost.createEmpty();
  await host.apply({ plans });
  return host.toBuffer();
};

describe("the deliberation sheets through a real .xlsx", () => {
  it("give back the same history and deliberation, read by the parts host and by ExcelJS", async () => {
    const bytes = await writeAndRead([planHistorySheet(changes), planDeliberationSheet(deliberation)]);
    for (const host of [await PartsHost.fromBuffer(bytes), await ExcelJsHost.fromBuffer(bytes)]) {
      const { sheets } = await host.readSheets([SHEETS.history, SHEETS.deliberation]);
      const history = parseHistorySheet(sheets[0]!.values);
      expect(history.findings).toEqual([]);
      expect(history.changes).toEqual(changes);
      const d = parseDeliberationSheet(sheets[1]!.values);
      expect(d.findings).toEqual([]);
      expect(d.deliberation).toEqual(deliberation);
      expect(sheets[0]!.protected).toBe(true);
    }
  });

  it("reads a recusal the secretariat typed in a spare row, and names a row it cannot read", async () => {
    const plan = planDeliberationSheet({ ...deliberation, recusals: [] });
    const bytes = await writeAndRead([plan]);
    const { sheets } = await (await PartsHost.fromBuffer(bytes)).readSheets([SHEETS.deliberation]);
    const values = sheets[0]!.values.map((r) => [...r]);
    const spare = values.findIndex(
      (r, i) => r[0] === "row" && i > values.findIndex((x) => x[0] === "#recusals") + 1
    );
    values[spare]![1] = "TV3";
    values[spare]![2] = "SP1";
    values[spare]![3] = "Góp vốn vào HTX";
    values[spare + 1]![1] = "TV2";
    values[spare + 1]![2] = "SP2";
    const parsed = parseDeliberationSheet(values);
    expect(parsed.deliberation.recusals).toEqual([
      { member: "TV3", product: "SP1", reason: "Góp vốn vào HTX", at: "" },
    ]);
    expect(parsed.findings).toEqual([
      expect.objectContaining({
        code: "deliberation.rowInvalid",
        where: expect.objectContaining({ sheet: SHEETS.deliberation, cell: `D${spare + 2}` }),
      }),
    ]);
  });

  it("reports a history row whose value is not points, at its cell", () => {
    const plan = planHistorySheet(changes);
    const values: (string | number | boolean | null)[][] = [];
    for (const c of plan.cells) {
      values[c.row] ??= [];
      values[c.row]![c.col] = (c.value ?? null) as string | number | null;
    }
    values[4]![6] = "mười";
    const parsed = parseHistorySheet(values.map((r) => Array.from(r ?? [], (v) => v ?? null)));
    expect(parsed.changes).toHaveLength(changes.length - 1);
    expect(parsed.findings).toEqual([
      expect.objectContaining({ code: "history.rowInvalid", where: expect.objectContaining({ cell: "G5" }) }),
    ]);
  });

  it("writes a product's changes made together on one row, and gives each back in order", async () => {
    const book = { kind: "book" as const, file: "TV1.xlsx", sha256: "ab".repeat(32) };
    const at = "2026-06-15T08:00:00.000Z";
    const together = [
      {
        at,
        member: "TV1",
        product: "SP1",
        criterion: "1.1",
        round: 1,
        old: null,
        new: 3,
        source: book,
        by: "Thư ký",
      },
      {
        at,
        member: "TV1",
        product: "SP1",
        criterion: "1.2",
        round: 1,
        old: null,
        new: 2.5,
        source: book,
        by: "Thư ký",
      },
      {
        at,
        member: "TV1",
        product: "SP1",
        criterion: "2.1",
        round: 1,
        old: null,
        new: null,
        source: book,
        by: "Thư ký",
      },
      // A later edit of one cell keeps a row of its own, with numbers in the old and new columns.
      { ...changes[0]!, member: "TV1", product: "SP1", criterion: "1.2", old: 2.5, new: 2 },
      // Another product made at the same time starts a new row.
      {
        at,
        member: "TV1",
        product: "SP2",
        criterion: "1.1",
        round: 1,
        old: 1,
        new: 0,
        source: book,
        by: "Thư ký",
      },
      {
        at,
        member: "TV1",
        product: "SP2",
        criterion: "1.2",
        round: 1,
        old: null,
        new: 4,
        source: book,
        by: "Thư ký",
      },
    ];
    const plan = planHistorySheet(together);
    const rows = new Set(plan.cells.filter((c) => c.col === 2 && c.row >= 3).map((c) => c.row));
    expect(rows.size).toBe(3);
    const first = (col: number) => plan.cells.find((c) => c.row === 3 && c.col === col)?.value;
    expect(first(4)).toBe("1.1; 1.2; 2.1");
    expect(first(5)).toBeNull();
    expect(first(6)).toBe("3; 2,5; –");
    const bytes = await writeAndRead([plan]);
    for (const host of [await PartsHost.fromBuffer(bytes), await ExcelJsHost.fromBuffer(bytes)]) {
      const { sheets } = await host.readSheets([SHEETS.history]);
      const parsed = parseHistorySheet(sheets[0]!.values);
      expect(parsed.findings).toEqual([]);
      expect(parsed.changes).toEqual(together);
    }
  });

  it("a row listing the criteria of the row above says “như trên” and reads back as the same criteria", async () => {
    const book = { kind: "book" as const, file: "TV1.xlsx", sha256: "cd".repeat(32) };
    const at = "2026-06-15T08:00:00.000Z";
    const change = (member: string, product: string, criterion: string, value: number): ScoreChange => ({
      at,
      member,
      product,
      criterion,
      round: 1,
      old: null,
      new: value,
      source: book,
      by: "Thư ký",
    });
    const cells = (product: string, criteria: string[]) =>
      criteria.map((c, i) => change("TV1", product, c, i + 1));
    const changes = [
      ...cells("SP1", ["1.1", "1.2", "2.1"]),
      ...cells("SP2", ["1.1", "1.2", "2.1"]),
      ...cells("SP3", ["1.1", "1.2", "2.1"]),
      // Another form's criteria: listed again, then abridged on the row after.
      ...cells("SP4", ["1.1", "3.1"]),
      ...cells("SP5", ["1.1", "3.1"]),
    ];
    const plan = planHistorySheet(changes);
    const criteriaCol = plan.cells
      .filter((c) => c.col === 4 && c.row >= 3)
      .sort((a, b) => a.row - b.row)
      .map((c) => c.value);
    expect(criteriaCol).toEqual(["1.1; 1.2; 2.1", "như trên", "như trên", "1.1; 3.1", "như trên"]);
    const bytes = await writeAndRead([plan]);
    for (const host of [await PartsHost.fromBuffer(bytes), await ExcelJsHost.fromBuffer(bytes)]) {
      const { sheets } = await host.readSheets([SHEETS.history]);
      const parsed = parseHistorySheet(sheets[0]!.values);
      expect(parsed.findings).toEqual([]);
      expect(parsed.changes).toEqual(changes);
    }
    // With nothing above to refer to (the first row, or a row of one criterion), it is an error at its cell.
    const values = plan.cells.reduce<(string | number | null)[][]>((grid, c) => {
      grid[c.row] ??= [];
      grid[c.row]![c.col] = (c.value ?? null) as string | number | null;
      return grid;
    }, []);
    values[3]![4] = "Như trên";
    const parsed = parseHistorySheet(values.map((r) => Array.from(r ?? [], (v) => v ?? null)));
    expect(parsed.findings).toContainEqual(
      expect.objectContaining({ code: "history.rowInvalid", where: expect.objectContaining({ cell: "E4" }) })
    );
  });

  it("reports a shared row whose lists of criteria and values do not match, at its cell", () => {
    const book = { kind: "book" as const, file: "TV1.xlsx", sha256: "ab".repeat(32) };
    const at = "2026-06-15T08:00:00.000Z";
    const plan = planHistorySheet(
      ["1.1", "1.2"].map((criterion) => ({
        at,
        member: "TV1",
        product: "SP1",
        criterion,
        round: 1,
        old: null,
        new: 3,
        source: book,
        by: "Thư ký",
      }))
    );
    const values: (string | number | boolean | null)[][] = [];
    for (const c of plan.cells) {
      values[c.row] ??= [];
      values[c.row]![c.col] = (c.value ?? null) as string | number | null;
    }
    values[3]![6] = "3; 3; 3";
    const parsed = parseHistorySheet(values.map((r) => Array.from(r ?? [], (v) => v ?? null)));
    expect(parsed.changes).toEqual([]);
    expect(parsed.findings).toEqual([
      expect.objectContaining({ code: "history.rowInvalid", where: expect.objectContaining({ cell: "G4" }) }),
    ]);
  });

  it("plans a round-2 sheet asking only the reopened products, with the earlier scores beside", async () => {
    const session = tinySession(["SP1", "SP2", "SP3"], 4);
    const catalogue = tinyCatalogue();
    const member = session.members[3]!;
    const previous = new Map<string, RawValue>(
      Object.entries(pointsFor(61)).map(([c, v]) => [scoreKey("SP1", c), v])
    );
    const plan = planScoreSheet({
      session,
      catalogue,
      member,
      round: { number: 2, products: ["SP1", "SP2"], previous },
      recused: ["SP2"],
    });
    expect(plan.name).toBe(roundSheetName("TV4", 2));
    expect(plan.name).toBe("Phiếu TV4 vòng 2");
    const bytes = await writeAndRead([plan]);
    const { sheets } = await (await ExcelJsHost.fromBuffer(bytes)).readSheets([plan.name]);
    const grid = sheets[0]!;
    const parsed = parseScoreSheet(grid, { session, catalogue });
    expect(parsed.findings).toEqual([]);
    expect(parsed.scores!.round).toBe(2);
    expect([...new Set(parsed.scores!.entries.map((e) => e.product))]).toEqual(["SP1", "SP2"]);
    expect(parsed.scores!.entries.every((e) => e.raw.value === null)).toBe(true);
    // The earlier score of SP1 on 1.1 is printed beside the new column, on the same row.
    const cell = parsed.scores!.entries.find((e) => e.product === "SP1" && e.criterion === "1.1")!.cell!;
    const row = Number(cell.slice(1)) - 1;
    expect(grid.values[row]).toContain(pointsFor(61)["1.1"]);
    const header = grid.values.find((r) => r.includes("SP1 (vòng trước)"));
    expect(header).toBeDefined();
    // SP2's cells (recused) are not in any unlocked range; SP1's are.
    const col = (p: string) =>
      parsed.scores!.entries.find((e) => e.product === p && e.criterion === "1.1")!.cell!.charCodeAt(0) - 65;
    const unlockedAt = (c: number) =>
      plan.unlocked.some((u) => u.row === row && c >= u.col && c < u.col + u.colCount);
    expect(unlockedAt(col("SP1"))).toBe(true);
    expect(unlockedAt(col("SP2"))).toBe(false);
    expect(grid.values.some((r) => r.some((v) => String(v).includes("không chấm (xung đột lợi ích)")))).toBe(
      true
    );
  });
});
