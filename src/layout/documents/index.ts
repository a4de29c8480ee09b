/** Every printed document of a consolidation, planned in print order (forms, table, report, minutes, notices). */
import type { SheetPlan } from "../plan";
import { planAllForms, type FormsChoice } from "./forms";
import type { Deliberation, FormsInput } from "./inputs";
import { decisionsFromMinutes, parseMinutesFields } from "./minutes";
import { planMinutes } from "./minutes";
import { planNotices } from "./notices";
import { planReport } from "./report";
import { planScoreTable } from "./scoreTable";
import type { CellValue } from "../plan";

export { FORMS_WITH_EVERY_CONSOLIDATION, formCount, membersWithForms, type FormsChoice } from "./forms";
export { DOCUMENT_SHEETS, DOCUMENT_TITLES, FORM_SHEET_PREFIX, formSheetName } from "./names";
export type { Deliberation } from "./inputs";

/**
 * The documents for a run. The minutes' fields typed earlier are kept; the decisions written there on flagged
 * products also go into the score table, unless the deliberation data already holds a decision. `forms` says
 * whose evaluation forms to plan (all members who scored, by default).
 */
export const planDocuments = (
  input: FormsInput,
  minutesValues: readonly (readonly CellValue[])[] | null,
  forms: FormsChoice = "all"
): SheetPlan[] => {
  const kept = parseMinutesFields(minutesValues);
  const given = input.deliberation;
  const typed = decisionsFromMinutes(kept).filter(
    (d) => !given?.decisions.some((g) => g.product === d.product)
  );
  const deliberation: Deliberation = {
    rounds: given?.rounds ?? [],
    recusals: given?.recusals ?? [],
    decisions: [...(given?.decisions ?? []), ...typed],
  };
  const withDecisions = { ...input, deliberation };
  return [
    ...planAllForms(input, forms),
    planScoreTable(withDecisions),
    planReport(withDecisions),
    planMinutes(withDecisions, kept),
    planNotices(withDecisions),
  ];
};
