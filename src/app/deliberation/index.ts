/** The deliberation's use cases (issue 14): rounds, recusals, the chair's decisions, the score history. */
export { openRound, closeRound, reopenRound, type RoundOptions, type RoundOutcome } from "./rounds";
export { recordRecusal, type RecusalOutcome } from "./recusal";
export { recordChairDecision, type DecisionOutcome } from "./decision";
export { recordScoreChanges, type ScoreChangesOutcome } from "./scoreChanges";
export { DELIBERATION_CODES } from "./codes";
