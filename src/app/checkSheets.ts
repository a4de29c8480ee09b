/**
 * Checks a council workbook or a member workbook: setup sheets, every score sheet's layout and values.
 * Returns the findings, also grouped by sheet for the task pane.
 */
import { CODES } from "../ocop/codes";
import type { Finding } from "../ocop/findings";
import type { MemberScores, Session } from "../ocop/session";
import { validateAll } from "../ocop/validate";
import { dropExempt, effectiveScores } from "../ocop/deliberation";
import { changedAfterClose } from "../ocop/closing";
import { normaliseCode } from "../ocop/text";
import { LAYOUT_CODES } from "../layout/codes";
import type { WorkbookHost } from "../hosts/workbook";
import type { WorkbookMeta } from "../layout/meta";
import { catalogueFor, type EditionLoader } from "./catalogue";
import { readWorkbook } from "./readWorkbook";
import { parseSheets, withoutEchoes } from "./scores";

export interface CheckResult {
  kind: WorkbookMeta["kind"] | null;
  session: Session | null;
  findings: Finding[];
  bySheet: Map<string, Finding[]>;
  scores: MemberScores[];
}

export const groupBySheet = (findings: Finding[]): Map<string, Finding[]> => {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.where.sheet ?? "";
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
};

export const checkSheets = async (
  host: WorkbookHost,
  opts: { file?: string; load?: EditionLoader } = {}
): Promise<CheckResult> => {
  const read = await readWorkbook(host, opts.file);
  const findings = [...read.findings];
  const kind = read.meta?.kind ?? null;
  if (!read.session) return { kind, session: null, findings, bySheet: groupBySheet(findings), scores: [] };
  const session = read.session;
  const { catalogue, findings: cf } = await catalogueFor(session, opts.load);
  findings.push(...cf);
  const parsed = parseSheets(read.scoreSheets, session, catalogue, opts.file);
  const scores: MemberScores[] = [];
  for (const p of parsed) {
    findings.push(...p.parsed.findings);
    if (p.parsed.scores) scores.push(p.parsed.scores);
  }
  // A member workbook must hold its own member's sheet, as import and consolidation require (books.ts).
  if (kind === "member") {
    const expected = read.meta?.member ? normaliseCode(read.meta.member) : null;
    if (!parsed.length)
      findings.push({
        code: LAYOUT_CODES.bookNoScoreSheet,
        severity: "error",
        where: { file: opts.file },
        params: {},
      });
    for (const p of parsed) {
      const found = p.parsed.scores?.member;
      if (expected && found && found !== expected)
        findings.push({
          code: LAYOUT_CODES.bookMemberMismatch,
          severity: "error",
          where: { file: opts.file, sheet: p.grid.name, member: found },
          params: { found, expected: read.meta!.member! },
        });
    }
  }
  // Each product's latest round counts and recused members are not asked (issue 14); a cell changed in a
  // closed round is a finding naming the cell, the old value (from the history) and the new one.
  const inForce = effectiveScores(session, read.deliberation, scores);
  let rules = [
    ...inForce.findings,
    ...dropExempt(validateAll(session, catalogue, inForce.sheets), inForce.exempt, inForce.sheetOf),
    // A member's book has no history to compare with: its closed round's sheet is locked instead.
    ...(kind === "member" ? [] : changedAfterClose(read.deliberation.rounds, read.history, scores)),
  ].map((f) => ({
    ...f,
    where: { file: opts.file, ...f.where },
  }));
  // A member workbook holds one member: the others' sheets are not missing from it.
  if (kind === "member") rules = rules.filter((f) => f.code !== CODES.memberSheetMissing);
  findings.push(...rules);
  const all = withoutEchoes(findings);
  return { kind, session, findings: all, bySheet: groupBySheet(all), scores: inForce.sheets };
};
