/** The use cases the task pane, the standalone page and the command line call. */
export { setUpSession, planCouncilWorkbook, type SetUpOptions } from "./setUpSession";
export { planMemberBook, exportMemberBooks, type MemberBookOptions } from "./memberBook";
export { injectScoreSheet } from "./injectScoreSheet";
export { checkSheets, groupBySheet, type CheckResult } from "./checkSheets";
export { importBooks, inspectBooks } from "./secretariat/collect";
export { consolidateWorkbook, type ConsolidateOptions, type ConsolidateResult } from "./consolidate";
export { readWorkbook, type WorkbookRead } from "./readWorkbook";
export { catalogueFor, type EditionLoader } from "./catalogue";
export { sha256Hex } from "./hash";
export type { BookInput } from "./books";
export {
  openRound,
  closeRound,
  reopenRound,
  recordRecusal,
  recordChairDecision,
  recordScoreChanges,
  DELIBERATION_CODES,
  type RoundOptions,
  type RoundOutcome,
  type RecusalOutcome,
  type DecisionOutcome,
  type ScoreChangesOutcome,
} from "./deliberation";
