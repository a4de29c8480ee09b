/**
 * What the printed documents are planned from. The council's deliberation (rounds, members abstaining on a
 * product, the chair's decisions on flagged products) is optional: without it a session is one round with no
 * recusal, and a flagged product's decision is left for the secretariat to write in.
 */
import type { Catalogue } from "../../ocop/criteria/types";
import type { Consolidation } from "../../ocop/results";
import type { MemberScores, Session } from "../../ocop/session";

export interface DeliberationRound {
  number: number;
  /** ISO date, when known. */
  date?: string;
  /** What the round was for ("Chấm lại sản phẩm có chênh lệch lớn"). */
  note?: string;
}

export interface Recusal {
  member: string;
  product: string;
  reason?: string;
}

export interface FlagDecision {
  product: string;
  /** The council's decision as the chair stated it. */
  decision: string;
}

export interface Deliberation {
  rounds: DeliberationRound[];
  recusals: Recusal[];
  decisions: FlagDecision[];
}

export interface DocumentInput {
  session: Session;
  consolidation: Consolidation;
  /** The run's date (ISO), used where the session has no meeting date. */
  runDate: string;
  deliberation?: Deliberation;
}

export interface FormsInput extends DocumentInput {
  catalogue: Catalogue;
  scores: MemberScores[];
}

/** "Không có" where a list is empty: the documents never leave a heading without a line under it. */
export const NONE = "Không có";

export const roundsOf = (d: Deliberation | undefined): DeliberationRound[] =>
  d?.rounds.length ? d.rounds : [{ number: 1 }];

export const decisionOf = (d: Deliberation | undefined, product: string): string | null =>
  d?.decisions.find((x) => x.product === product)?.decision ?? null;

export const meetingDate = (input: DocumentInput): string => input.session.council.date || input.runDate;
