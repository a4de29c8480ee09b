import { miniSession } from "../../test/helpers/miniCatalogue";
import { planToGrid } from "../../test/helpers/planGrid";
import type { Consolidation } from "../ocop/results";
import { AUDIT_LABELS, auditEntry, parseAuditSheet, planAuditSheet, type AuditRun } from "./audit";
import type { CellValue } from "./plan";

const session = miniSession();
const consolidation = (stars: Partial<Consolidation["starCounts"]>, warnings = 0): Consolidation => {
  const starCounts = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, ...stars };
  const count = Object.values(starCounts).reduce((a, b) => a + b, 0);
  return {
    sessionId: session.id,
    edition: session.edition,
    level: session.council.level,
    settings: session.settings,
    products: Array.from({ length: count }, () => ({}) as Consolidation["products"][number]),
    findings: Array.from({ length: warnings }, () => ({
      code: "score.spread",
      severity: "warning" as const,
      where: { product: "SP01" },
      params: {},
    })),
    starCounts,
  };
};
const run = (at: string, books: { file: string; member: string; sha256: string }[] = []): AuditRun => ({
  at,
  tool: "ocop-test",
  editionTitle: "QĐ thử",
  inputs: [
    { file: "=Hội đồng.xlsx", role: "council", sha256: "aa11" },
    ...books.map((b) => ({ ...b, role: "member" as const })),
  ],
  imports: [{ file: "TV02.xlsx", sha256: "bb22", member: "TV02", sheet: "Phiếu TV02", at }],
});
const valueOf = (facts: { label: string; value: CellValue }[], label: string): CellValue | undefined =>
  facts.find((f) => f.label === label)?.value;

describe("the audit log", () => {
  it("keeps every run: earlier entries read back and written again, the new one below them", () => {
    const first = planAuditSheet(run("2023-06-20T09:00:00.000Z"), consolidation({ 5: 1, 3: 2 }));
    const firstEntries = parseAuditSheet(planToGrid(first).values);
    expect(firstEntries).toHaveLength(1);

    const second = planAuditSheet(
      run("2023-06-21T10:00:00.000Z", [{ file: "TV02.xlsx", member: "TV02", sha256: "bb22" }]),
      consolidation({ 4: 3 }, 2),
      "vi",
      firstEntries
    );
    const entries = parseAuditSheet(planToGrid(second).values);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual(firstEntries[0]);
    const [a, b] = entries.map((e) => e.facts);
    expect(valueOf(a!, AUDIT_LABELS.at)).toBe("2023-06-20T09:00:00.000Z");
    expect(valueOf(b!, AUDIT_LABELS.at)).toBe("2023-06-21T10:00:00.000Z");
    expect(valueOf(b!, AUDIT_LABELS.edition)).toBe(`${session.edition} — QĐ thử`);
    expect(valueOf(b!, AUDIT_LABELS.warnings)).toBe(2);
    expect(valueOf(b!, AUDIT_LABELS.products)).toBe(3);
    expect(valueOf(a!, "Sản phẩm 5 sao")).toBe(1);
    expect(valueOf(b!, "Sản phẩm 4 sao")).toBe(3);
    expect(valueOf(b!, "Sản phẩm chưa xếp hạng")).toBe(0);
    expect(entries[1]!.inputs).toEqual([
      { file: "=Hội đồng.xlsx", role: "council", sha256: "aa11" },
      { file: "TV02.xlsx", role: "member", member: "TV02", sha256: "bb22" },
    ]);
    // A third run keeps both, in order.
    const third = planAuditSheet(run("2023-06-22T08:00:00.000Z"), consolidation({}), "vi", entries);
    expect(parseAuditSheet(planToGrid(third).values).map((e) => valueOf(e.facts, AUDIT_LABELS.at))).toEqual([
      "2023-06-20T09:00:00.000Z",
      "2023-06-21T10:00:00.000Z",
      "2023-06-22T08:00:00.000Z",
    ]);
    // Numbers stay numbers; user text stays text.
    expect(third.cells.find((c) => c.value === "=Hội đồng.xlsx")?.asText).toBe(true);
  });

  it("the new entry has the run's time, tool, edition, settings, finding counts and classes", () => {
    const e = auditEntry(run("2023-06-20T09:00:00.000Z"), consolidation({ 5: 1, 0: 1 }, 1));
    expect(e.facts.map((f) => f.label)).toEqual(
      expect.arrayContaining([
        "Chênh lệch tổng điểm tối đa giữa các thành viên (điểm)",
        "Tỷ lệ thành viên tối thiểu đã chấm (%)",
        "Thứ tự khi bằng sao và bằng điểm",
        "Bỏ tổng điểm cao nhất và thấp nhất",
        AUDIT_LABELS.errors,
      ])
    );
    // The settings as the session sheet words them: a share as a percentage, a choice by its words.
    expect(valueOf(e.facts, "Chênh lệch tổng điểm tối đa giữa các thành viên (điểm)")).toBe(10);
    expect(valueOf(e.facts, "Tỷ lệ thành viên tối thiểu đã chấm (%)")).toBe("75 %");
    expect(valueOf(e.facts, "Thứ tự khi bằng sao và bằng điểm")).toBe("Điểm phần C cao hơn xếp trước");
    expect(valueOf(e.facts, AUDIT_LABELS.tool)).toBe("ocop-test");
    expect(valueOf(e.facts, AUDIT_LABELS.errors)).toBe(0);
    expect(valueOf(e.facts, "Sản phẩm chưa xếp hạng")).toBe(1);
  });

  it("reads back the single run of a log written before runs were kept, and nothing from other sheets", () => {
    const old: CellValue[][] = [
      ["NHẬT KÝ TỔNG HỢP"],
      [],
      ["Thời điểm", "2023-05-01T08:00:00.000Z"],
      ["Công cụ", "ocop"],
      ["Mã phiên", "s-1"],
      ["Số sản phẩm", 4],
      [],
      ["Tệp đầu vào", "Loại", "Thành viên", "SHA-256"],
      ["Hội đồng.xlsx", "Sổ Hội đồng", null, "cc33"],
      ["TV01.xlsx", "Phiếu thành viên", "TV01", "dd44"],
      [],
      [],
      ["Đã nhập vào sổ", "Thời điểm", "Thành viên", "SHA-256"],
      ["Thời điểm", "2023-04-30", "TV01", "ee55"],
      [],
      ["Mức", "Mã", "Nội dung", "Vị trí"],
      ["Cảnh báo", "score.spread", "…", "…"],
    ];
    expect(parseAuditSheet(old)).toEqual([
      {
        facts: [
          { label: "Thời điểm", value: "2023-05-01T08:00:00.000Z" },
          { label: "Công cụ", value: "ocop" },
          { label: "Mã phiên", value: "s-1" },
          { label: "Số sản phẩm", value: 4 },
        ],
        inputs: [
          { file: "Hội đồng.xlsx", role: "council", sha256: "cc33" },
          { file: "TV01.xlsx", role: "member", member: "TV01", sha256: "dd44" },
        ],
      },
    ]);
    expect(parseAuditSheet(null)).toEqual([]);
    expect(parseAuditSheet([["Ghi chú của thư ký"], ["Thời điểm", "hôm qua"]])).toEqual([]);
  });
});
