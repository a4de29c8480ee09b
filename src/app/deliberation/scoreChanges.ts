/**
 * Recording score changes in "Lịch sử điểm", in the same apply as the score writes they accompany (the
 * member pane's cell, a paper form's agreed scores). Refused, with nothing written, when a change falls
 * in a closed round. One read (the history and the rounds) and one apply.
 */
import type { ApplyRequest, WorkbookHost } from "../../hosts/workbook";
import { parseDeliberationSheet } from "../../layout/deliberation";
import { historyWrite, parseHistorySheet } from "../../layout/history";
import { SHEETS } from "../../layout/names";
import type { Finding } from "../../ocop/findings";
import { hasErrors } from "../../ocop/findings";
import type { ScoreChange } from "../../ocop/history";
import { DELIBERATION_CODES } from "./codes";

export interface ScoreChangesOutcome {
  written: boolean;
  findings: Finding[];
}

export const recordScoreChanges = async (
  host: WorkbookHost,
  changes: readonly ScoreChange[],
  also: Partial<ApplyRequest> = {}
): Promise<ScoreChangesOutcome> => {
  const names = [SHEETS.history, SHEETS.deliberation];
  const { sheets } = await host.readSheets(names, { valuesOnly: names });
  const grid = (name: string) => sheets.find((s) => s.name === name)?.values ?? null;
  const history = parseHistorySheet(grid(SHEETS.history));
  const { deliberation, findings: df } = parseDeliberationSheet(grid(SHEETS.deliberation));
  const closed = new Set(deliberation.rounds.filter((r) => r.closedAt !== null).map((r) => r.number));
  const findings: Finding[] = [...history.findings, ...df];
  for (const c of changes)
    if (closed.has(c.round))
      findings.push({
        code: DELIBERATION_CODES.closed,
        severity: "error",
        where: { member: c.member, product: c.product, criterion: c.criterion },
        params: { round: c.round, member: c.member, product: c.product },
      });
  if (hasErrors(findings)) return { written: false, findings };
  const rows = historyWrite(history.present, changes);
  await host.apply({
    ...also,
    plans: [...(also.plans ?? []), ...rows.plans],
    appends: [...(also.appends ?? []), ...rows.appends],
  });
  return { written: true, findings };
};
