/**
 * Changing a session that is already set up (`setUpSession` refuses a workbook that has one): the setup
 * sheets, the criteria reference, every member's score sheet and the metadata are planned again in one
 * apply. Scores already entered are kept; the session id and the import log stay, so books already sent
 * out remain valid. A member taken off the council loses their sheet only when it is still blank.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { planCriteriaSheet } from "../../layout/criteriaSheet";
import { currentPaper, planMeta } from "../../layout/meta";
import { SHEETS, scoreSheetName, sameSheetName } from "../../layout/names";
import { blocksOf, enteredValues, planScoreSheet } from "../../layout/scoreSheet";
import { planMembersSheet, planProductsSheet, planSessionSheet } from "../../layout/setupSheets";
import { listEditions } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import type { Finding } from "../../ocop/findings";
import type { Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";
import { catalogueFor, type EditionLoader } from "../catalogue";
import { readWorkbook } from "../readWorkbook";
import { unrepairableErrors } from "../repairableFaults";
import { hasEntries, parseSheets } from "../scores";

export interface UpdateResult {
  findings: Finding[];
  written: boolean;
  /** Sheets of members no longer on the council that were kept because they hold scores. */
  kept: string[];
}

export const updateSession = async (
  host: WorkbookHost,
  next: Session,
  catalogue: Catalogue,
  opts: {
    load?: EditionLoader;
    password?: string;
    /** Sheet to show afterwards (the session sheet by default). */ select?: string;
  } = {}
): Promise<UpdateResult> => {
  const read = await readWorkbook(host);
  if (!read.meta || read.meta.kind !== "council" || !read.session) {
    return { findings: read.findings, written: false, kept: [] };
  }
  const before = read.session;
  const meta = read.meta;
  // Scores were entered against the session as it was; read them with that session's catalogue.
  const { catalogue: oldCatalogue } = await catalogueFor(before, opts.load);
  const parsed = parseSheets(read.scoreSheets, before, oldCatalogue);
  // Round-1 sheets only: a later round's sheet ("Phiếu TV01 vòng 2") is the round's, not the member's sheet.
  const entered = new Map(
    parsed
      .filter((p) => p.parsed.scores && (p.parsed.scores.round ?? 1) === 1)
      .map((p) => [normaliseCode(p.parsed.scores!.member), p.parsed.scores!])
  );
  const session: Session = { ...next, id: before.id };
  const replaced = parsed.filter((p) =>
    session.members.some((m) => sameSheetName(scoreSheetName(m.code), p.grid.name))
  );
  const blocking = replaced.flatMap((p) => unrepairableErrors(p.parsed.findings));
  if (blocking.length) return { findings: blocking, written: false, kept: [] };
  const memberCodes = new Set(session.members.map((m) => normaliseCode(m.code)));
  const kept: string[] = [];
  const remove: string[] = [];
  for (const p of parsed) {
    const member = p.parsed.scores?.member ?? p.parsed.anchor?.member;
    if (!member || memberCodes.has(normaliseCode(member))) continue;
    if (hasEntries(p.parsed.scores)) kept.push(p.grid.name);
    else remove.push(p.grid.name);
  }
  const forms = blocksOf(session, catalogue).map((b) => b.form);
  await host.apply({
    plans: [
      planSessionSheet(
        session,
        listEditions().map((e) => e.id)
      ),
      planProductsSheet(session, [...catalogue.forms.keys()]),
      planMembersSheet(session),
      ...session.members.map((member) =>
        planScoreSheet({
          session,
          catalogue,
          member,
          existing: enteredValues(entered.get(normaliseCode(member.code)) ?? null),
          recused: read.deliberation.recusals
            .filter((x) => normaliseCode(x.member) === normaliseCode(member.code))
            .map((x) => x.product),
          password: opts.password,
          editionTitle: catalogue.edition.decision,
          paper: currentPaper(meta, member.code),
        })
      ),
      planCriteriaSheet(forms),
      planMeta({ ...read.meta, session }),
    ],
    remove: remove.filter(
      (name) => !session.members.some((m) => sameSheetName(scoreSheetName(m.code), name))
    ),
    select: opts.select ? { sheet: opts.select, row: 0, col: 1 } : { sheet: SHEETS.session, row: 3, col: 2 },
  });
  return { findings: [], written: true, kept };
};
