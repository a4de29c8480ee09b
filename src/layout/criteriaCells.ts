/**
 * Points the catalogue's checks on a typed form (schema, integrity, accepted or rejected) at the cell of
 * the criteria sheet to correct. The checks name a form, part, section, criterion or level; the parser's
 * `FormRows` say on which row each of them was typed.
 */
import type { Form, Level } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import { CODES } from "../ocop/codes";
import { cellAddress } from "./a1";
import type { CriterionRows, FormRows } from "./criteriaSheet";

// The criteria sheet's columns (criteriaSheet.ts HEADERS): kind, code, number, text, points, star minimum.
const COL = { kind: 0, code: 1, number: 2, text: 3, points: 4, stars: 5 } as const;

/** The column a schema path's last key is typed in ("criteria[1.1] › max" → points). */
const COLUMN_OF_KEY: Record<string, number> = {
  id: COL.code,
  code: COL.code,
  number: COL.number,
  text: COL.text,
  title: COL.text,
  max: COL.points,
  points: COL.points,
  minStars: COL.stars,
  levelsImplicit: COL.stars,
};

interface Located {
  row: number;
  col: number;
}

interface FlatCriterion {
  id: string;
  rows: CriterionRows;
  levels: Level[];
}

const flatten = (form: Form, rows: FormRows): FlatCriterion[] => {
  const out: FlatCriterion[] = [];
  form.parts.forEach((part, p) =>
    part.sections.forEach((section, s) =>
      section.criteria.forEach((c, i) => {
        const r = rows.parts[p]?.sections[s]?.criteria[i];
        if (r) out.push({ id: c.id, rows: r, levels: c.levels });
      })
    )
  );
  return out;
};

/** An array item as `readablePath` names it: by id, code or number, else by 1-based position. */
const pick = <T extends object>(items: readonly T[], label: string): number => {
  const named = items.findIndex((item) => {
    const r = item as Record<string, unknown>;
    const name = r.id ?? r.code ?? r.number;
    return typeof name === "string" && name.trim() !== "" && name === label;
  });
  if (named >= 0) return named;
  const n = Number(label);
  return Number.isInteger(n) && n >= 1 && n <= items.length ? n - 1 : -1;
};

/** "parts[A] › sections[2] › criteria[2.1] › levels[3] › points" → the row and column typed. */
const locatePath = (form: Form, rows: FormRows, path: string): Located => {
  let at: Located = { row: rows.row, col: COL.code };
  let part = -1;
  let section = -1;
  let criterion = -1;
  for (const step of path.split(" › ")) {
    const m = /^(\w+)\[(.*)\]$/u.exec(step);
    if (!m) {
      at = { row: at.row, col: COLUMN_OF_KEY[step] ?? COL.kind };
      continue;
    }
    const [, key, label] = m as unknown as [string, string, string];
    if (key === "parts") {
      part = pick(form.parts, label);
      const r = rows.parts[part];
      if (r) at = { row: r.row, col: COL.code };
    } else if (key === "sections" && part >= 0) {
      section = pick(form.parts[part]!.sections, label);
      const r = rows.parts[part]?.sections[section];
      if (r) at = { row: r.row, col: COL.number };
    } else if (key === "criteria" && section >= 0) {
      criterion = pick(form.parts[part]!.sections[section]!.criteria, label);
      const r = rows.parts[part]?.sections[section]?.criteria[criterion];
      if (r) at = { row: r.row, col: COL.code };
    } else if (key === "levels" && criterion >= 0) {
      const r = rows.parts[part]?.sections[section]?.criteria[criterion];
      const n = Number(label) - 1;
      if (r && r.levels[n] !== undefined) at = { row: r.levels[n]!, col: COL.text };
    }
  }
  return at;
};

/**
 * The findings of one typed form with `sheet` and `cell` filled in. Findings come in the order the checks
 * emit them: a "criterion id used twice" finding moves later findings of that id to its second row.
 */
export const placeFormFindings = (
  findings: readonly Finding[],
  form: Form,
  rows: FormRows,
  sheet: string,
  file?: string
): Finding[] => {
  const criteria = flatten(form, rows);
  const occurrence = new Map<string, number>();
  const criterionAt = (id: string): FlatCriterion | undefined =>
    criteria.filter((c) => c.id === id)[occurrence.get(id) ?? 0];
  /** The row of the nth part typed with this id (a duplicated part is reported at its second line). */
  const partAt = (id: string, nth: number): number | undefined =>
    form.parts.flatMap((p, i) => (p.id === id && rows.parts[i] ? [rows.parts[i]!.row] : []))[nth];
  const seenParts = new Map<string, number>();

  return findings.map((f) => {
    const p = f.params;
    let at: Located = { row: rows.row, col: COL.code };
    const id = f.where.criterion;
    if (f.code === CODES.criterionIdDuplicate && id !== undefined)
      occurrence.set(id, (occurrence.get(id) ?? 0) + 1);
    const c = id === undefined ? undefined : criterionAt(id);
    switch (f.code) {
      case CODES.catalogueSchema:
        at = locatePath(form, rows, String(p.path));
        break;
      case CODES.partMax:
      case CODES.partSum:
      case CODES.partUnknown:
      case CODES.partDuplicate: {
        const part = String(p.part);
        const nth = f.code === CODES.partDuplicate ? (seenParts.get(part) ?? 0) + 1 : 0;
        if (f.code === CODES.partDuplicate) seenParts.set(part, nth);
        const row = partAt(part, nth);
        if (row !== undefined)
          at = {
            row,
            col: f.code === CODES.partMax || f.code === CODES.partSum ? COL.points : COL.code,
          };
        break;
      }
      case CODES.sectionSum:
        form.parts.forEach((part, i) =>
          part.sections.forEach((s, j) => {
            const r = rows.parts[i]?.sections[j];
            if (r && s.number === p.section && s.title === p.title) at = { row: r.row, col: COL.points };
          })
        );
        break;
      case CODES.criterionIdDuplicate:
        if (c) at = { row: c.rows.row, col: COL.code };
        break;
      case CODES.levelRange: {
        const n = c ? c.levels.findIndex((l) => l.text === p.level && l.points === p.points) : -1;
        const row = n >= 0 ? c!.rows.levels[n] : undefined;
        if (row !== undefined) at = { row, col: COL.points };
        else if (c) at = { row: c.rows.row, col: COL.points };
        break;
      }
      case CODES.minStarsOrder:
        if (c) at = { row: c.rows.row, col: COL.stars };
        break;
      default:
        if (c) at = { row: c.rows.row, col: COL.points };
    }
    return { ...f, where: { ...f.where, file, sheet, cell: cellAddress(at.row, at.col) } };
  });
};
