/**
 * The integrity check: do a form's numbers add up, can every maximum be reached, do the star bands
 * cover 0–100 exactly once. It runs on every form, built-in or typed by a council, and on every edition,
 * so a transcription slip is caught before anyone scores against it.
 */
import type { Catalogue, Edition, Form, PartId } from "./types";
import type { Finding, Severity, Where } from "../findings";
import { CODES, type OcopCode } from "../codes";

// Sums of printed points are compared with a tolerance so 0.5-point levels never trip on float noise.
const TOLERANCE = 1e-9;
const differs = (a: number, b: number): boolean => Math.abs(a - b) > TOLERANCE;
const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);
const round = (n: number): number => Math.round(n * 1e6) / 1e6;

type Params = Finding["params"];
const finding = (code: OcopCode, severity: Severity, where: Where, params: Params): Finding => ({
  code,
  severity,
  where,
  params,
});

/** Checks one form against its edition. Errors make the form unusable for scoring; warnings do not. */
export const checkForm = (form: Form, edition: Edition): Finding[] => {
  const out: Finding[] = [];
  const at = (criterion?: string): Where =>
    criterion === undefined ? { form: form.code } : { form: form.code, criterion };

  if (form.edition !== edition.id)
    out.push(finding(CODES.formEdition, "warning", at(), { formEdition: form.edition, edition: edition.id }));
  if (form.status === "incomplete")
    out.push(finding(CODES.formIncomplete, "warning", at(), { note: form.statusNote ?? "" }));

  // Parts: exactly the edition's parts, each with the edition's maximum.
  const seen = new Set<PartId>();
  for (const part of form.parts) {
    const expected = edition.parts.find((p) => p.id === part.id);
    if (seen.has(part.id)) out.push(finding(CODES.partDuplicate, "error", at(), { part: part.id }));
    else if (!expected) out.push(finding(CODES.partUnknown, "error", at(), { part: part.id }));
    else if (differs(part.max, expected.max))
      out.push(
        finding(CODES.partMax, "error", at(), { part: part.id, max: part.max, expected: expected.max })
      );
    seen.add(part.id);
  }
  for (const p of edition.parts)
    if (!seen.has(p.id)) out.push(finding(CODES.partMissing, "error", at(), { part: p.id, expected: p.max }));

  const partsTotal = round(sum(form.parts.map((p) => p.max)));
  if (differs(partsTotal, 100)) out.push(finding(CODES.formTotal, "error", at(), { total: partsTotal }));

  // Sections and criteria: maxima add up; levels reach the maximum and stay within it.
  const ids = new Set<string>();
  for (const part of form.parts) {
    const partSum = round(sum(part.sections.flatMap((s) => s.criteria.map((c) => c.max))));
    if (differs(partSum, part.max))
      out.push(finding(CODES.partSum, "error", at(), { part: part.id, sum: partSum, max: part.max }));
    for (const section of part.sections) {
      const sectionSum = round(sum(section.criteria.map((c) => c.max)));
      if (section.max !== null && differs(sectionSum, section.max))
        out.push(
          finding(CODES.sectionSum, "error", at(), {
            section: section.number,
            title: section.title,
            sum: sectionSum,
            max: section.max,
          })
        );
      for (const c of section.criteria) {
        const where = at(c.id);
        if (ids.has(c.id)) out.push(finding(CODES.criterionIdDuplicate, "error", where, { id: c.id }));
        ids.add(c.id);
        if (c.levelsImplicit) continue;
        if (c.levels.length === 0) {
          out.push(finding(CODES.criterionNoLevels, "error", where, { max: c.max }));
          continue;
        }
        for (const level of c.levels)
          if (level.points < -TOLERANCE || level.points > c.max + TOLERANCE)
            out.push(
              finding(CODES.levelRange, "error", where, {
                points: level.points,
                max: c.max,
                level: level.text,
              })
            );
        const top = Math.max(...c.levels.map((l) => l.points));
        if (differs(top, c.max)) out.push(finding(CODES.maxUnreachable, "error", where, { top, max: c.max }));
        const points = c.levels.map((l) => l.points);
        const repeated = [...new Set(points.filter((p, i) => points.indexOf(p) !== i))];
        if (repeated.length > 0)
          out.push(finding(CODES.levelPointsDuplicate, "warning", where, { points: repeated }));
        // A higher class should never ask for fewer points than a lower one on the same criterion.
        const marked = c.levels.filter((l) => l.minStars !== null);
        for (const a of marked)
          for (const b of marked)
            if (a.minStars! < b.minStars! && a.points > b.points + TOLERANCE)
              out.push(
                finding(CODES.minStarsOrder, "warning", where, {
                  lowStars: a.minStars!,
                  lowPoints: a.points,
                  highStars: b.minStars!,
                  highPoints: b.points,
                })
              );
      }
    }
  }
  return out;
};

/** Checks an edition's own numbers: parts add up to 100, the bands tile [0, 100]. */
export const checkEdition = (edition: Edition): Finding[] => {
  const out: Finding[] = [];
  const where: Where = {};
  const total = round(sum(edition.parts.map((p) => p.max)));
  if (differs(total, 100)) out.push(finding(CODES.editionPartsTotal, "error", where, { total }));

  const bands = [...edition.bands].sort((a, b) => a.min - b.min);
  bands.forEach((band, i) => {
    if (band.min >= band.max) out.push(finding(CODES.bandEmpty, "error", where, { ...band }));
    if (band.stars !== i + 1)
      out.push(
        finding(CODES.bandsStars, "error", where, { stars: band.stars, expected: i + 1, min: band.min })
      );
    const next = bands[i + 1];
    if (!next) return;
    if (next.min > band.max + TOLERANCE)
      out.push(finding(CODES.bandsGap, "error", where, { from: band.max, to: next.min }));
    else if (next.min < band.max - TOLERANCE)
      out.push(finding(CODES.bandsOverlap, "error", where, { from: next.min, to: band.max }));
  });
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first && differs(first.min, 0)) out.push(finding(CODES.bandsStart, "error", where, { min: first.min }));
  if (last && differs(last.max, 100)) out.push(finding(CODES.bandsEnd, "error", where, { max: last.max }));
  return out;
};

/**
 * The whole catalogue: the edition, every form it holds, every form it lists but lacks, and every
 * product set that points at a form the catalogue does not hold (a council can supply it).
 */
export const checkCatalogue = (catalogue: Catalogue): Finding[] => {
  const { edition, forms } = catalogue;
  const out = checkEdition(edition);
  for (const code of edition.forms)
    if (!forms.has(code)) out.push(finding(CODES.formMissing, "error", { form: code }, { code }));
  for (const form of forms.values()) out.push(...checkForm(form, edition));
  for (const type of edition.classification)
    for (const group of type.groups) {
      const targets = [
        ...(group.form ? [{ code: group.code, title: group.title, form: group.form }] : []),
        ...group.sets.filter((s) => s.form !== null),
      ];
      for (const t of targets)
        if (t.form !== null && !forms.has(t.form))
          out.push(
            finding(CODES.setFormMissing, "warning", { form: t.form }, { set: t.code, title: t.title })
          );
    }
  return out;
};
