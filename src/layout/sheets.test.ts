import { loadEdition } from "../ocop/criteria/builtin";
import { withCustomForms } from "../ocop/criteria/catalogue";
import { hasErrors } from "../ocop/findings";
import { miniSession } from "../../test/helpers/miniCatalogue";
import { planToGrid } from "../../test/helpers/planGrid";
import { LAYOUT_CODES } from "./codes";
import { parseCriteriaSheet, planCriteriaSheet } from "./criteriaSheet";
import { LAYOUT_VERSION, parseMeta, planMeta } from "./meta";
import { SHEETS } from "./names";
import {
  membersFromRows,
  parseSessionSheet,
  planMembersSheet,
  planProductsSheet,
  planSessionSheet,
  productsFromRows,
} from "./setupSheets";

import { DEFAULT_SETTINGS, SETTINGS, SETTING_KEYS, choicesOf } from "../ocop/settings";

const session = miniSession();

describe("setup sheets", () => {
  it("read back the session, products and members they were planned from", () => {
    const s = parseSessionSheet(planToGrid(planSessionSheet(session, ["mini"])).values, session);
    expect(s.findings).toEqual([]);
    expect(s.council).toEqual(session.council);
    expect(s.settings).toEqual(session.settings);
    expect(
      productsFromRows(planToGrid(planProductsSheet(session, ["01", "02"])).values, {}).products
    ).toEqual(session.products);
    expect(membersFromRows(planToGrid(planMembersSheet(session)).values, {}).members).toEqual(
      session.members
    );
  });

  it("report a setting typed wrong at its cell and keep the previous value", () => {
    const g = planToGrid(planSessionSheet(session, ["mini"]));
    const row = g.values.findIndex((r) => r[0] === "quorum");
    g.values[row]![2] = "nhiều";
    const s = parseSessionSheet(g.values, session, "council.xlsx");
    expect(s.settings.quorum).toBe(session.settings.quorum);
    expect(s.findings).toEqual([
      expect.objectContaining({
        code: LAYOUT_CODES.setupValueInvalid,
        where: { file: "council.xlsx", sheet: SHEETS.session, cell: `C${row + 1}` },
      }),
    ]);
  });
});

describe("the session sheet's settings", () => {
  it("has one row per setting of the table, a list for each choice, and reads typed words back", () => {
    const plan = planSessionSheet(session, ["mini"]);
    const g = planToGrid(plan);
    const rowOf = (key: string) => g.values.findIndex((r) => r[0] === key);
    for (const key of SETTING_KEYS) expect(rowOf(key)).toBeGreaterThan(0);
    const tieRow = rowOf("tieBreak");
    const list = plan.validations.find((v) => v.range.row === tieRow && v.range.col === 2)?.list;
    expect(list).toEqual(choicesOf(SETTINGS.tieBreak).map(([, w]) => w.vi));
    // The words an older sheet wrote, an English label and a percentage typed as text are all understood.
    g.values[tieRow]![2] = "Theo mã sản phẩm";
    g.values[rowOf("minimumLevelRule")]![2] = "every member gives at least the level";
    g.values[rowOf("quorum")]![2] = "80%";
    g.values[rowOf("dropExtremes")]![2] = "có";
    const s = parseSessionSheet(g.values, session);
    expect(s.findings).toEqual([]);
    expect(s.settings).toMatchObject({
      tieBreak: "code",
      minimumLevelRule: "all",
      quorum: 0.8,
      dropExtremes: true,
    });
  });

  it("names the allowed bounds of a number out of range", () => {
    const g = planToGrid(planSessionSheet(session, ["mini"]));
    g.values[g.values.findIndex((r) => r[0] === "spreadThreshold")]![2] = 120;
    const s = parseSessionSheet(g.values, session);
    expect(s.settings.spreadThreshold).toBe(session.settings.spreadThreshold);
    expect(s.findings.map((f) => f.params.allowed)).toEqual([["từ 0 điểm đến 100 điểm"]]);
  });
});

describe("the metadata sheet", () => {
  const meta = {
    layoutVersion: LAYOUT_VERSION,
    kind: "member" as const,
    session,
    member: "TV01",
    created: "2026-06-01",
    imports: [],
  };

  it("fills in a setting an older workbook did not store, and reports a damaged one without losing the session", () => {
    const { dropExtremes: _gone, ...older } = session.settings;
    const withSettings = (settings: object) =>
      planToGrid(
        planMeta({ ...meta, session: { ...session, settings: settings as typeof session.settings } })
      ).values;
    expect(parseMeta(withSettings(older)).meta?.session.settings).toEqual(session.settings);
    const damaged = parseMeta(withSettings({ ...session.settings, quorum: 7 }));
    expect(damaged.meta?.session.settings.quorum).toBe(DEFAULT_SETTINGS.quorum);
    expect(damaged.findings.map((f) => [f.code, f.params.setting])).toEqual([["settings.invalid", "quorum"]]);
  });

  it("round-trips and is refused when damaged or newer", () => {
    const g = planToGrid(planMeta(meta));
    expect(parseMeta(g.values).meta).toEqual(meta);
    const broken = g.values.map((r) => (r[0] === "session" ? ["session", "{not json"] : r));
    expect(parseMeta(broken).findings.map((f) => f.code)).toEqual([LAYOUT_CODES.metaInvalid]);
    const newer = g.values.map((r) => (r[0] === "ocop-meta" ? ["ocop-meta", LAYOUT_VERSION + 1] : r));
    expect(parseMeta(newer).findings.map((f) => f.code)).toEqual([LAYOUT_CODES.newerLayout]);
    expect(parseMeta(null).findings.map((f) => f.code)).toEqual([LAYOUT_CODES.metaMissing]);
  });
});

describe("the criteria sheet", () => {
  it("reads a built-in form back to the same form, which passes the catalogue's checks as a council's own", async () => {
    const catalogue = await loadEdition("qd26-2026");
    const form = catalogue.forms.get("11")!;
    const parsed = parseCriteriaSheet(
      planToGrid(planCriteriaSheet([form], SHEETS.customCriteria, true)).values,
      form.edition,
      SHEETS.customCriteria
    );
    expect(parsed.findings).toEqual([]);
    const [back] = parsed.forms;
    expect(back!.parts).toEqual(form.parts);
    const merged = withCustomForms(catalogue, parsed.forms);
    expect(hasErrors(merged.findings)).toBe(false);
    expect(merged.catalogue.forms.get("11")!.parts).toEqual(form.parts);
  });

  it("keeps a form's knock-out levels through the criteria sheet (column G quotes the note)", async () => {
    const catalogue = await loadEdition("qd26-2026");
    const form = catalogue.forms.get("16")!;
    const grid = planToGrid(planCriteriaSheet([form], SHEETS.customCriteria, true)).values;
    expect(grid.flat()).toContain(
      "Ghi chú: Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo."
    );
    const [back] = parseCriteriaSheet(grid, form.edition, SHEETS.customCriteria).forms;
    expect(back!.parts).toEqual(form.parts);
    const marked = back!.parts.flatMap((p) =>
      p.sections.flatMap((s) => s.criteria.flatMap((c) => c.levels.filter((l) => l.knockout).map(() => c.id)))
    );
    expect(marked).toEqual(["6.1", "6.2", "6.3", "6.4"]);
  });

  it("reports a level typed before any criterion, with its cell", () => {
    const rows = [
      ["Loại dòng", "Mã", "Số", "Nội dung", "Điểm", ""],
      ["Phiếu", "90", "", "Riêng", 100, ""],
      ["Mức", "", "", "Lạc chỗ", 1, ""],
    ];
    const r = parseCriteriaSheet(rows, "qd26-2026", SHEETS.customCriteria, "council.xlsx");
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: LAYOUT_CODES.criteriaRowOrphan,
        where: expect.objectContaining({ cell: "A3" }),
      }),
    ]);
  });
});
