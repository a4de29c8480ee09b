/**
 * Re-creates one member's score sheet in the council workbook (after products were added, or a row was
 * damaged), keeping every score already entered: the old sheet is read, then planned again with its values.
 */
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import { normaliseCode } from "../ocop/text";
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES } from "../layout/codes";
import { scoreSheetName } from "../layout/names";
import { enteredValues, planScoreSheet } from "../layout/scoreSheet";
import { catalogueFor, type EditionLoader } from "./catalogue";
import { readWorkbook } from "./readWorkbook";
import { unrepairableErrors } from "./repairableFaults";
import { parseSheets } from "./scores";

export const injectScoreSheet = async (
  host: WorkbookHost,
  memberCode: string,
  opts: { password?: string; load?: EditionLoader; file?: string } = {}
): Promise<{ findings: Finding[]; written: boolean }> => {
  const read = await readWorkbook(host, opts.file);
  const findings = [...read.findings];
  if (!read.session || read.meta?.kind !== "council") return { findings, written: false };
  const session = read.session;
  const member = session.members.find((m) => normaliseCode(m.code) === normaliseCode(memberCode));
  if (!member) {
    findings.push({
      code: APP_CODES.memberNotInSession,
      severity: "error",
      where: { file: opts.file, member: memberCode },
      params: { member: memberCode },
    });
    return { findings, written: false };
  }
  const { catalogue, findings: cf } = await catalogueFor(session, opts.load);
  findings.push(...cf);
  const name = scoreSheetName(member.code);
  const own = parseSheets(
    read.scoreSheets.filter((g) => g.name === name),
    session,
    catalogue,
    opts.file
  )[0];
  const blocking = unrepairableErrors(own?.parsed.findings ?? []);
  if (hasErrors(blocking)) return { findings: [...findings, ...blocking], written: false };
  await host.apply({
    plans: [
      planScoreSheet({
        session,
        catalogue,
        member,
        existing: enteredValues(own?.parsed.scores ?? null),
        password: opts.password,
        editionTitle: catalogue.edition.decision,
      }),
    ],
    select: { sheet: name, row: 0, col: 1 },
  });
  return { findings, written: true };
};
