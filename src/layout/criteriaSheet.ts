/**
 * The criteria sheet: every form's parts, sections, criteria and levels (text, points, star minimum)
 * as rows with a "kind" column. The add-in writes it as a reference ("Tiêu chí"); a council may type a
 * form of its own in the same shape ("Tiêu chí riêng"), which is parsed back to a Form and then goes
 * through the catalogue's schema and integrity check like a built-in one.
 */
import type { Criterion, Form, FormPart, Level, PartId, Section } from "../ocop/criteria/types";
import { normaliseFormCode } from "../ocop/criteria/catalogue";
import type { Finding } from "../ocop/findings";
import { cellAddress } from "./a1";
import { FORMAT, cellText, put, range } from "./build";
import { LAYOUT_CODES } from "./codes";
import { looseKey } from "./labels";
import { foldText } from "../ocop/text";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";

type Kind = "form" | "part" | "section" | "criterion" | "level" | "requirement" | "note";

const KIND_LABEL: Record<Kind, string> = {
  form: "Phiếu",
  part: "Phần",
  section: "Mục",
  criterion: "Tiêu chí",
  level: "Mức",
  requirement: "Yêu cầu",
  note: "Ghi chú",
};
// Diacritics matter here ("Mục" is a section, "Mức" a level), so words are compared case- and space-folded only.
const KIND_BY_WORD = new Map<string, Kind>([
  ...Object.entries(KIND_LABEL).map(([k, w]) => [foldText(w), k as Kind] as const),
  ["form", "form"],
  ["part", "part"],
  ["section", "section"],
  ["criterion", "criterion"],
  ["level", "level"],
  ["requirement", "requirement"],
  ["note", "note"],
]);

const HEADERS = [
  "Loại dòng",
  "Mã",
  "Số",
  "Nội dung",
  "Điểm",
  "Mức tối thiểu để đạt",
  "Mức loại (ghi chú của phiếu)",
];
const HEADER_ROW = 2;

/** Marks a criterion the decision prints without levels: 0 or its maximum. */
const ALL_OR_NOTHING = "Đạt / không đạt";

const stars = (n: 3 | 4 | 5 | null): string => (n ? "*".repeat(n) : "");

export const planCriteriaSheet = (
  forms: Form[],
  name: string = SHEETS.criteria,
  editable = false
): SheetPlan => {
  const plan = emptyPlan(name, "criteria");
  put(
    plan,
    0,
    0,
    editable ? "TIÊU CHÍ RIÊNG CỦA HỘI ĐỒNG" : "BỘ TIÊU CHÍ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
    "title"
  );
  put(
    plan,
    1,
    0,
    editable
      ? "Mỗi dòng một mục: Phiếu (mã, tên), Phần (A/B/C, điểm tối đa), Mục, Tiêu chí (mã, số, nội dung, điểm tối đa), Mức (nội dung, điểm, *** nếu là mức tối thiểu)."
      : "Tham khảo: nội dung và điểm của từng mức. Dấu *** / **** / ***** là mức tối thiểu để sản phẩm đạt 3, 4, 5 sao; cột G ghi mức loại (Hội đồng chọn mức đó thì hồ sơ bị loại).",
    "muted"
  );
  HEADERS.forEach((h, c) => put(plan, HEADER_ROW, c, h, "header"));
  let row = HEADER_ROW + 1;
  const line = (
    kind: Kind,
    code: string,
    number: string,
    text: string,
    points: number | null,
    min = "",
    style: "text" | "wrap" | "section" | "subtotal" | "title" | "muted" = "wrap",
    knockout = ""
  ): void => {
    put(plan, row, 0, KIND_LABEL[kind], style === "wrap" ? "text" : style);
    put(plan, row, 1, code, style === "wrap" ? "text" : style);
    put(plan, row, 2, number, style === "wrap" ? "text" : style);
    put(plan, row, 3, text, style);
    put(plan, row, 4, points, style === "wrap" ? "number" : style, { numberFormat: FORMAT.points });
    put(plan, row, 5, min, style === "wrap" ? "text" : style);
    if (knockout) put(plan, row, 6, knockout, "wrap");
    row++;
  };
  for (const form of forms) {
    line(
      "form",
      form.code,
      "",
      form.title,
      form.parts.reduce((s, p) => s + p.max, 0),
      "",
      "section"
    );
    for (const part of form.parts) {
      line("part", part.id, "", part.title, part.max, "", "section");
      for (const section of part.sections) {
        line("section", "", section.number, section.title, section.max, "", "subtotal");
        for (const c of section.criteria) {
          line("criterion", c.id, c.number, c.text, c.max, c.levelsImplicit ? ALL_OR_NOTHING : "", "text");
          if (c.requirement) line("requirement", "", "", c.requirement, null, "", "muted");
          for (const n of c.notes) line("note", "", "", n, null, "", "muted");
          for (const l of c.levels)
            line("level", "", "", l.text, l.points, stars(l.minStars), "wrap", l.knockout ?? "");
        }
      }
    }
    row++;
  }
  plan.columns.push(
    { index: 0, width: 9 },
    { index: 1, width: 8 },
    { index: 2, width: 6 },
    { index: 3, width: 90 },
    { index: 4, width: 8 },
    { index: 5, width: 12 },
    { index: 6, width: 40 }
  );
  plan.freeze = { rows: HEADER_ROW + 1, cols: 0 };
  plan.print = {
    orientation: "portrait",
    paper: "A4",
    fitToWidth: true,
    repeatRows: { first: HEADER_ROW, last: HEADER_ROW },
    footer: "Trang &P/&N",
  };
  if (editable) {
    plan.unlocked.push(range(HEADER_ROW + 1, 0, 2000, HEADERS.length));
    plan.validations.push({ range: range(HEADER_ROW + 1, 0, 2000, 1), list: Object.values(KIND_LABEL) });
  } else {
    plan.protection = {};
  }
  return plan;
};

const readStars = (v: CellValue | undefined): 3 | 4 | 5 | null | undefined => {
  const t = cellText(v);
  if (t === "") return null;
  const n = /^\*+$/.test(t) ? t.length : Number(t);
  return n === 3 || n === 4 || n === 5 ? n : undefined;
};

const readNumber = (v: CellValue | undefined): number | null => {
  if (typeof v === "number") return v;
  const t = cellText(v).replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
};

/**
 * Where each item of a typed form stands on the sheet (0-based rows), in the same order as the form's
 * parts, sections, criteria and levels, so a check on the form can point at the row to correct.
 */
export interface FormRows {
  row: number;
  parts: PartRows[];
}
export interface PartRows {
  row: number;
  sections: SectionRows[];
}
export interface SectionRows {
  row: number;
  criteria: CriterionRows[];
}
export interface CriterionRows {
  row: number;
  levels: number[];
}

export interface ParsedCriteria {
  /** Forms as typed, to be checked by the catalogue (`withCustomForms`). */
  forms: Form[];
  /** `rows[i]` locates `forms[i]`. */
  rows: FormRows[];
  findings: Finding[];
}

/** Reads forms typed in the criteria sheet's shape. Structural problems become findings with the cell. */
export const parseCriteriaSheet = (
  rows: CellValue[][],
  edition: string,
  sheet: string,
  file?: string
): ParsedCriteria => {
  const findings: Finding[] = [];
  const forms: Form[] = [];
  const located: FormRows[] = [];
  let formRows: FormRows | null = null;
  let partRows: PartRows | null = null;
  let sectionRows: SectionRows | null = null;
  let criterionRows: CriterionRows | null = null;
  let form: Form | null = null;
  let part: FormPart | null = null;
  let section: Section | null = null;
  let criterion: Criterion | null = null;
  const where = (r: number, c: number) => ({ file, sheet, cell: cellAddress(r, c), form: form?.code });
  const orphan = (r: number, kind: string, needs: string): void => {
    findings.push({
      code: LAYOUT_CODES.criteriaRowOrphan,
      severity: "error",
      where: where(r, 0),
      params: { kind, needs },
    });
  };
  const number = (r: number, v: CellValue | undefined): number | null => {
    const n = readNumber(v);
    if (Number.isNaN(n)) {
      findings.push({
        code: LAYOUT_CODES.criteriaNumberInvalid,
        severity: "error",
        where: where(r, 4),
        params: { value: cellText(v) },
      });
      return null;
    }
    return n;
  };
  const start = rows.findIndex((row) => looseKey(cellText(row[0])) === looseKey(HEADERS[0]!));
  for (let r = start + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const word = cellText(row[0]);
    if (word === "" && row.every((v) => cellText(v) === "")) continue;
    const kind = KIND_BY_WORD.get(foldText(word));
    if (!kind) {
      findings.push({
        code: LAYOUT_CODES.criteriaKindUnknown,
        severity: "error",
        where: where(r, 0),
        params: { value: word, allowed: Object.values(KIND_LABEL) },
      });
      continue;
    }
    const code = cellText(row[1]);
    const num = cellText(row[2]);
    const text = cellText(row[3]);
    switch (kind) {
      case "form":
        form = {
          edition,
          code: normaliseFormCode(code),
          title: text,
          productType: null,
          group: null,
          citation: { decision: "", annex: "", form: code, source: `${sheet}` },
          status: "complete",
          statusNote: null,
          exclusion: null,
          notes: [],
          parts: [],
        };
        forms.push(form);
        formRows = { row: r, parts: [] };
        located.push(formRows);
        part = section = criterion = null;
        break;
      case "part":
        if (!form) {
          orphan(r, KIND_LABEL.part, KIND_LABEL.form);
          break;
        }
        part = { id: code.toUpperCase() as PartId, title: text, max: number(r, row[4]) ?? 0, sections: [] };
        form.parts.push(part);
        partRows = { row: r, sections: [] };
        formRows!.parts.push(partRows);
        section = criterion = null;
        break;
      case "section":
        if (!part) {
          orphan(r, KIND_LABEL.section, KIND_LABEL.part);
          break;
        }
        section = { number: num || code, title: text, max: number(r, row[4]), criteria: [] };
        part.sections.push(section);
        sectionRows = { row: r, criteria: [] };
        partRows!.sections.push(sectionRows);
        criterion = null;
        break;
      case "criterion": {
        if (!part) {
          orphan(r, KIND_LABEL.criterion, KIND_LABEL.part);
          break;
        }
        if (!section) {
          // A criterion straight under a part gets a section of its own, as the decision prints it.
          section = { number: num || code, title: text, max: null, criteria: [] };
          part.sections.push(section);
          sectionRows = { row: r, criteria: [] };
          partRows!.sections.push(sectionRows);
        }
        criterion = {
          id: code || num,
          number: num || code,
          text,
          max: number(r, row[4]) ?? 0,
          requirement: null,
          notes: [],
          levelsImplicit: foldText(cellText(row[5])) === foldText(ALL_OR_NOTHING),
          levels: [],
        };
        section.criteria.push(criterion);
        criterionRows = { row: r, levels: [] };
        sectionRows!.criteria.push(criterionRows);
        break;
      }
      case "level": {
        if (!criterion) {
          orphan(r, KIND_LABEL.level, KIND_LABEL.criterion);
          break;
        }
        const minStars = readStars(row[5]);
        if (minStars === undefined) {
          findings.push({
            code: LAYOUT_CODES.criteriaNumberInvalid,
            severity: "error",
            where: where(r, 5),
            params: { value: cellText(row[5]) },
          });
        }
        const knockout = cellText(row[6]);
        const level: Level = {
          text,
          points: number(r, row[4]) ?? 0,
          minStars: minStars ?? null,
          // The form's note that makes this level a knock-out, kept with the level it names.
          ...(knockout ? { knockout } : {}),
        };
        criterion.levels.push(level);
        criterionRows!.levels.push(r);
        break;
      }
      case "requirement":
        if (criterion) criterion.requirement = text;
        else orphan(r, KIND_LABEL.requirement, KIND_LABEL.criterion);
        break;
      case "note":
        if (criterion) criterion.notes.push(text);
        else if (form) form.notes.push(text);
        else orphan(r, KIND_LABEL.note, KIND_LABEL.form);
        break;
    }
  }
  for (const f of forms) {
    for (const p of f.parts)
      for (const s of p.sections)
        for (const c of s.criteria) if (c.levels.length === 0) c.levelsImplicit = true;
  }
  return { forms, rows: located, findings };
};
