/**
 * Opening, closing and reopening scoring rounds. Opening round N asks every member again for the chosen
 * products only, on a sheet of its own ("Phiếu TV01 vòng 2") that shows their earlier scores; the other
 * products keep their scores. Closing records the sheets' values in the history and locks the sheets;
 * reopening is explicit, with a reason, and logged. Each is one read and one apply.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { planDeliberationSheet } from "../../layout/deliberation";
import { historyWrite } from "../../layout/history";
import type { SheetPlan } from "../../layout/plan";
import type { Finding } from "../../ocop/findings";
import { currentRound, roundsOf } from "../../ocop/deliberation";
import { sheetChanges, type Deliberation, type Round } from "../../ocop/history";
import type { EditionLoader } from "../catalogue";
import { DELIBERATION_CODES } from "./codes";
import { loadCouncil, productOf, type Council } from "./load";
import { planMemberRound } from "./sheets";

export interface RoundOptions {
  load?: EditionLoader;
  password?: string;
  now?: Date;
  /** What does it, for the history's «Người ghi» (the tool: "CLI", "ocop-taskpane"). */
  by?: string;
  /** The person who does it, when known (a name typed in the pane, `--by` on the command line). */
  person?: string;
}

export interface RoundOutcome {
  written: boolean;
  findings: Finding[];
  round: number | null;
  /** Sheets written or rewritten. */
  sheets: string[];
}

const refused = (findings: Finding[]): RoundOutcome => ({
  written: false,
  findings,
  round: null,
  sheets: [],
});

const error = (code: string, params: Finding["params"] = {}, where: Finding["where"] = {}): Finding => ({
  code,
  severity: "error",
  where,
  params,
});

/** The rounds with round 1 stored explicitly (closing round 1 needs a row to carry its time). */
const withRoundOne = (council: Council): Deliberation => ({
  ...council.deliberation,
  rounds: roundsOf(council.deliberation, council.session),
});

export const openRound = async (
  host: WorkbookHost,
  request: { products: string[]; reason: string },
  opts: RoundOptions = {}
): Promise<RoundOutcome> => {
  const loaded = await loadCouncil(host, opts.load);
  if (!loaded.council) return refused(loaded.findings);
  const council = loaded.council;
  const findings: Finding[] = [];
  const codes: string[] = [];
  for (const code of request.products) {
    const p = productOf(council.session, code);
    if (!p) findings.push(error(DELIBERATION_CODES.productUnknown, { product: code }, { product: code }));
    else if (p.excluded)
      findings.push(error(DELIBERATION_CODES.productExcluded, { product: p.code }, { product: p.code }));
    else if (!codes.includes(p.code)) codes.push(p.code);
  }
  if (request.products.length === 0) findings.push(error(DELIBERATION_CODES.noProducts));
  if (!request.reason.trim())
    findings.push(error(DELIBERATION_CODES.reasonMissing, { what: "mở vòng chấm" }));
  if (findings.length) return refused(findings);

  const number = currentRound(council.deliberation) + 1;
  const at = (opts.now ?? new Date()).toISOString();
  const round: Round = {
    number,
    products: codes,
    reason: request.reason.trim(),
    openedAt: at,
    closedAt: null,
  };
  const deliberation: Deliberation = {
    ...council.deliberation,
    rounds: [...council.deliberation.rounds, round],
  };
  const next: Council = { ...council, deliberation };
  const plans: SheetPlan[] = council.session.members.map((m) => planMemberRound(next, m, number, opts));
  plans.push(planDeliberationSheet(deliberation));
  await host.apply({ plans, select: { sheet: plans[0]!.name, row: 0, col: 1 } });
  return { written: true, findings: [], round: number, sheets: plans.map((p) => p.name) };
};

const findRound = (council: Council, wanted: number | undefined): Round | Finding => {
  const rounds = roundsOf(council.deliberation, council.session);
  const current = currentRound(council.deliberation);
  const number = wanted ?? current;
  return (
    rounds.find((r) => r.number === number) ??
    error(DELIBERATION_CODES.roundUnknown, { round: number, current })
  );
};

const isFinding = (x: Round | Finding): x is Finding => "code" in x;

export const closeRound = async (
  host: WorkbookHost,
  request: { round?: number } = {},
  opts: RoundOptions = {}
): Promise<RoundOutcome> => {
  const loaded = await loadCouncil(host, opts.load, { history: true });
  if (!loaded.council) return refused(loaded.findings);
  const council = loaded.council;
  const round = findRound(council, request.round);
  if (isFinding(round)) return refused([round]);
  if (round.closedAt)
    return refused([error(DELIBERATION_CODES.alreadyClosed, { round: round.number, at: round.closedAt })]);
  const at = (opts.now ?? new Date()).toISOString();
  // What the sheets hold at closing is what the history keeps: `check` compares with it later.
  const inRound = council.scores.filter((s) => (s.round ?? 1) === round.number);
  const added = sheetChanges(council.history, inRound, at, opts.by ?? "");
  const base = withRoundOne(council);
  const deliberation: Deliberation = {
    ...base,
    rounds: base.rounds.map((r) =>
      r.number === round.number
        ? { ...r, closedAt: at, ...(opts.person?.trim() ? { closedBy: opts.person.trim() } : {}) }
        : r
    ),
  };
  const next: Council = { ...council, deliberation };
  const plans: SheetPlan[] = council.session.members.map((m) =>
    planMemberRound(next, m, round.number, { ...opts, locked: true })
  );
  const history = historyWrite(council.read.historySheet, added);
  plans.push(planDeliberationSheet(deliberation), ...history.plans);
  await host.apply({ plans, appends: history.appends });
  return { written: true, findings: [], round: round.number, sheets: plans.map((p) => p.name) };
};

export const reopenRound = async (
  host: WorkbookHost,
  request: { round?: number; reason: string },
  opts: RoundOptions = {}
): Promise<RoundOutcome> => {
  const loaded = await loadCouncil(host, opts.load);
  if (!loaded.council) return refused(loaded.findings);
  const council = loaded.council;
  const round = findRound(council, request.round);
  if (isFinding(round)) return refused([round]);
  if (!round.closedAt) return refused([error(DELIBERATION_CODES.notClosed, { round: round.number })]);
  if (!request.reason.trim())
    return refused([error(DELIBERATION_CODES.reasonMissing, { what: "mở lại vòng chấm" })]);
  const at = (opts.now ?? new Date()).toISOString();
  const base = withRoundOne(council);
  const deliberation: Deliberation = {
    ...base,
    rounds: base.rounds.map((r) => {
      if (r.number !== round.number) return r;
      const { closedBy: _closedBy, ...open } = r;
      void _closedBy;
      return { ...open, closedAt: null };
    }),
    reopenings: [
      ...base.reopenings,
      { round: round.number, reason: request.reason.trim(), at, by: opts.by ?? "" },
    ],
  };
  const next: Council = { ...council, deliberation };
  const plans: SheetPlan[] = council.session.members.map((m) => planMemberRound(next, m, round.number, opts));
  plans.push(planDeliberationSheet(deliberation));
  await host.apply({ plans });
  return { written: true, findings: [], round: round.number, sheets: plans.map((p) => p.name) };
};
