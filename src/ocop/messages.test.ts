import { ALL_OCOP_CODES } from "./codes";
import {
  defineMessages,
  describeFinding,
  describeWhere,
  hasMessage,
  knownCodes,
  registerMessages,
} from "./messages";
import type { Finding } from "./findings";
import { formatMoment, render } from "./messageFormat";
import { checkCatalogue, checkEdition, checkForm } from "./criteria/integrity";
import { parseForm } from "./criteria/schema";
import { withCustomForms } from "./criteria/catalogue";
import { parseSettings } from "./settings";
import { validateAll, validateLevel, validateMemberScores } from "./validate";
import { dossierFindings, FIRST_DOSSIER } from "./dossier";
import type { ScoreEntry } from "./session";
import { consolidate } from "./consolidate";
import { EMPTY_DELIBERATION } from "./history";
import { publishRefusal } from "./deliberation";
import { changedAfterClose } from "./closing";
import { pointsFor, sheet, tinyCatalogue, tinyEdition, tinyForm, tinySession } from "./__fixtures__/tiny";

/** At least one real finding of every kind, produced by the rules themselves. */
const gallery = (): Finding[] => {
  const out: Finding[] = [];
  const edition = tinyEdition();
  const form = (change: (f: ReturnType<typeof tinyForm>) => void) => {
    const f = tinyForm();
    change(f);
    out.push(...checkForm(f, edition));
  };
  const crit = (f: ReturnType<typeof tinyForm>, p: number, c: number) =>
    f.parts[p]!.sections[0]!.criteria[c]!;
  out.push(...parseForm({ code: "05" }).findings);
  form((f) => {
    f.edition = "other";
    f.status = "incomplete";
    f.statusNote = "unchecked";
  });
  form((f) => (f.parts[2]!.max = 36));
  form((f) => f.parts.pop());
  form((f) => f.parts.push(structuredClone(f.parts[0]!)));
  form((f) => {
    crit(f, 0, 0).max = 19;
    crit(f, 0, 1).id = "1.1";
    crit(f, 1, 0).levels = [];
    crit(f, 2, 0).levels[5]!.points = 40;
    crit(f, 0, 1).levels[0]!.minStars = 5;
    crit(f, 0, 1).levels.push({ text: "again", points: 10, minStars: null });
  });
  out.push(...checkForm(tinyForm(), { ...edition, parts: edition.parts.slice(0, 2) }));
  out.push(
    ...checkEdition({
      ...edition,
      parts: edition.parts.slice(1),
      bands: [
        { stars: 1, min: 1, max: 30 },
        { stars: 2, min: 31, max: 50 },
        { stars: 3, min: 49, max: 49 },
        { stars: 5, min: 70, max: 90 },
        { stars: 4, min: 90, max: 99 },
      ],
    })
  );
  const catalogue = tinyCatalogue();
  catalogue.edition.forms.push("09");
  catalogue.edition.classification[0]!.groups[0]!.sets.push({ code: "I.1.b", title: "Thịt", form: "02" });
  out.push(...checkCatalogue(catalogue));
  out.push(
    ...withCustomForms(tinyCatalogue(), [tinyForm(), { ...tinyForm(), code: "27" }, { code: "28" }]).findings
  );
  out.push(...parseSettings({ quorum: 2 }).findings);

  const session = tinySession(["SP1", "SP2"], 3);
  session.edition = "qd26-2026";
  session.products.push({ ...session.products[0]!, code: "SP3", form: "99" }, { ...session.products[0]! });
  session.members.push({ ...session.members[0]! });
  const good = sheet("TV1", { SP1: pointsFor(80), SP2: pointsFor(70) });
  out.push(...validateAll(session, tinyCatalogue(), [good, good, sheet("TV9", {})]));
  out.push(...validateAll(tinySession([], 0), tinyCatalogue(), []));
  const district = tinySession(["SP1"], 1);
  district.edition = "qd26-2026";
  district.council.level = "district";
  out.push(...validateLevel(district));
  out.push(
    ...dossierFindings("SP1", { ...FIRST_DOSSIER, type: "upgrade" }),
    ...dossierFindings("SP2", {
      ...FIRST_DOSSIER,
      type: "re-evaluation",
      currentStars: 4,
      certificateExpiry: "2026-12-31",
      submitted: "2026-11-30",
    })
  );
  const cells: ScoreEntry["raw"][] = [
    { value: null },
    { value: "5" },
    { value: "năm" },
    { value: 5, formula: "2+3" },
    { value: -5 },
    { value: 25 },
    { value: 7 },
  ];
  cells.forEach((raw) => {
    const scores = sheet("TV1", { SP1: pointsFor(80), SP2: pointsFor(70) });
    scores.entries[0]!.raw = raw; // criterion 1.2: levels 5, 10, 20
    out.push(...validateMemberScores(tinySession(["SP1", "SP2"], 3), tinyCatalogue(), scores));
  });
  const odd = sheet("TV1", { SP1: pointsFor(80), SP9: { "1.1": 1 } });
  odd.entries.push(
    { product: "SP1", criterion: "1.1", raw: { value: 1 } },
    { product: "SP1", criterion: "9.9", raw: { value: 1 } }
  );
  out.push(...validateMemberScores(tinySession(["SP1", "SP2"], 3), tinyCatalogue(), odd));
  // The deliberation: a recused member who scored, unknown names, no chair, an unresolved product.
  const deliberating = tinySession(["SP1"], 2);
  const spread = [sheet("TV1", { SP1: pointsFor(60) }), sheet("TV2", { SP1: pointsFor(80) })];
  const flagged = consolidate(deliberating, tinyCatalogue(), spread);
  out.push(publishRefusal(flagged)!);
  out.push(
    ...consolidate(deliberating, tinyCatalogue(), spread, {
      ...EMPTY_DELIBERATION,
      recusals: [
        { member: "TV2", product: "SP1", reason: "Người thân", at: "t" },
        { member: "TV9", product: "SP9", reason: "?", at: "t" },
      ],
    }).findings
  );
  const chairless = tinySession(["SP1"], 2);
  chairless.members[0]!.role = "member";
  out.push(...consolidate(chairless, tinyCatalogue(), spread).findings);
  out.push(
    ...changedAfterClose(
      [{ number: 1, products: ["SP1"], reason: "", openedAt: "t", closedAt: "t" }],
      [],
      [spread[0]!]
    ).slice(0, 1)
  );
  return out;
};

describe("message tables", () => {
  it("have a Vietnamese and an English text for every code the rules emit", () => {
    for (const code of ALL_OCOP_CODES) {
      expect([code, hasMessage(code, "vi")]).toEqual([code, true]);
      expect([code, hasMessage(code, "en")]).toEqual([code, true]);
    }
    expect(new Set(knownCodes("vi"))).toEqual(new Set(knownCodes("en")));
  });

  it("cover every code in real findings, rendering each without a leftover placeholder", () => {
    const findings = gallery();
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(ALL_OCOP_CODES));
    for (const f of findings)
      for (const lang of ["vi", "en"] as const) {
        const d = describeFinding(f, lang);
        expect(d.message).not.toMatch(/\{\w+\}/u);
        expect(d.fix).not.toMatch(/\{\w+\}/u);
        expect(d.message.length).toBeGreaterThan(5);
        expect(d.fix.length).toBeGreaterThan(5);
      }
  });
});

describe("describeFinding", () => {
  const notAllowed: Finding = {
    code: "score.notAllowed",
    severity: "error",
    where: { member: "TV2", product: "SP-01", criterion: "1.5", sheet: "TV2", cell: "E14" },
    params: { value: 2.5, max: 3 },
    allowed: [0, 1, 2, 3],
  };

  it("writes numbers and lists the Vietnamese way in Vietnamese", () => {
    const d = describeFinding(notAllowed, "vi");
    expect(d.message).toBe("Điểm 2,5 không phải điểm của một mức trong tiêu chí.");
    expect(d.fix).toContain("Các mức điểm được phép: 0; 1; 2; 3.");
    expect(d.where).toBe("Thành viên TV2 · Sản phẩm SP-01 · Tiêu chí 1.5 · Ô 'TV2'!E14");
  });

  it("writes them the English way in English", () => {
    const d = describeFinding(notAllowed, "en");
    expect(d.message).toBe("Score 2.5 is not the points of any of the criterion's levels.");
    expect(d.fix).toContain("Allowed points: 0, 1, 2, 3.");
    expect(d.where).toBe("Member TV2 · Product SP-01 · Criterion 1.5 · Cell 'TV2'!E14");
  });

  it("tells the member to retype a text number as a number", () => {
    const f: Finding = {
      code: "score.text",
      severity: "error",
      where: {},
      params: { value: "2", number: 2, numberAllowed: true },
    };
    expect(describeFinding(f, "vi").fix).toBe("Xóa ô và gõ lại số 2 (dạng số, không phải chữ).");
  });

  it("writes a stored moment as the reader's local time and date, not as ISO text", () => {
    const at = "2026-06-15T08:05:00.000Z";
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
    for (const lang of ["vi", "en"] as const) {
      const text = render("Vòng {round} đã khóa lúc {at}.", { round: 2, at }, lang);
      expect(text).toBe(`Vòng 2 đã khóa lúc ${local}.`);
    }
    // Text that only looks like a date stays as typed.
    expect(formatMoment("2026-06-15")).toBe("2026-06-15");
    expect(formatMoment("SP-2026-06-15T")).toBe("SP-2026-06-15T");
  });

  it("renders an unknown code rather than failing", () => {
    const d = describeFinding(
      { code: "layout.somethingNew", severity: "warning", where: {}, params: { a: 1 } },
      "en"
    );
    expect(d.message).toContain("layout.somethingNew");
  });

  it("takes templates other modules register", () => {
    registerMessages(
      defineMessages({
        vi: { "test.rowDeleted": { message: "Dòng {row} bị xóa.", fix: "Khôi phục dòng {row}." } },
        en: { "test.rowDeleted": { message: "Row {row} was deleted.", fix: "Restore row {row}." } },
      })
    );
    const f: Finding = {
      code: "test.rowDeleted",
      severity: "error",
      where: { sheet: "TV1" },
      params: { row: 12 },
    };
    expect(describeFinding(f, "en")).toEqual({
      message: "Row 12 was deleted.",
      fix: "Restore row 12.",
      where: "Sheet TV1",
    });
    expect(describeFinding(f, "vi").message).toBe("Dòng 12 bị xóa.");
  });

  it("describes an empty place as empty", () => {
    expect(describeWhere({}, "vi")).toBe("");
  });
});
