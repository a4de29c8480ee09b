/**
 * Closing a round: once the secretariat closes it, the members' sheets of that round must keep the
 * values the history recorded. A changed cell is a finding naming the cell, the old and the new value.
 */
import type { Finding } from "./findings";
import { compareWithHistory, type Round, type ScoreChange } from "./history";
import type { MemberScores } from "./session";
import { CODES } from "./codes";

const shown = (v: unknown): string => (v === null || v === undefined || v === "" ? "(trống)" : String(v));

export const changedAfterClose = (
  rounds: readonly Round[],
  history: readonly ScoreChange[],
  sheets: readonly MemberScores[]
): Finding[] => {
  const closed = new Set(rounds.filter((r) => r.closedAt !== null).map((r) => r.number));
  if (closed.size === 0) return [];
  const inClosed = sheets.filter((s) => closed.has(s.round ?? 1));
  return compareWithHistory(history, inClosed).map((d) => ({
    code: CODES.scoreChangedAfterClose,
    severity: "error",
    where: {
      member: d.member,
      product: d.product,
      criterion: d.criterion,
      ...(d.sheet !== undefined ? { sheet: d.sheet } : {}),
      ...(d.cell !== undefined ? { cell: d.cell } : {}),
    },
    params: {
      cell: d.cell ?? "",
      sheet: d.sheet ?? "",
      member: d.member,
      product: d.product,
      criterion: d.criterion,
      round: d.round,
      old: shown(d.old),
      new: shown(d.now),
    },
  }));
};
