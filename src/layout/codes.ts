/**
 * Finding codes the layout, the use cases and the command line emit (the rules' codes live in
 * src/ocop/codes.ts). Their message templates are appended to src/ocop/messages.ts in vi and en.
 */
export const LAYOUT_CODES = {
  // The hidden metadata sheet.
  metaMissing: "layout.metaMissing",
  metaInvalid: "layout.metaInvalid",
  newerLayout: "layout.newerVersion",
  // A member's score sheet, parsed by its anchors.
  notScoreSheet: "layout.notScoreSheet",
  otherSession: "layout.otherSession",
  blockUnknownForm: "layout.blockUnknownForm",
  blockDuplicate: "layout.blockDuplicate",
  blockMissing: "layout.blockMissing",
  blockNoProducts: "layout.blockNoProductRow",
  productColumnUnknown: "layout.productColumnUnknown",
  productColumnDuplicate: "layout.productColumnDuplicate",
  productColumnMissing: "layout.productColumnMissing",
  productWrongForm: "layout.productWrongForm",
  criterionRowDeleted: "layout.criterionRowDeleted",
  criterionRowDuplicated: "layout.criterionRowDuplicated",
  criterionRowUnknown: "layout.criterionRowUnknown",
  scoreCellsMerged: "layout.scoreCellsMerged",
  allowedListChanged: "layout.allowedListChanged",
  validationRemoved: "layout.validationRemoved",
  // Setup sheets and CSV files.
  setupSheetMissing: "setup.sheetMissing",
  setupColumnMissing: "setup.columnMissing",
  setupCodeMissing: "setup.codeMissing",
  setupNameMissing: "setup.nameMissing",
  setupFormMissing: "setup.formMissing",
  setupValueInvalid: "setup.valueInvalid",
  setupRoleUnknown: "setup.roleUnknown",
  // The custom criteria sheet.
  criteriaRowOrphan: "criteria.rowOrphan",
  criteriaKindUnknown: "criteria.kindUnknown",
  criteriaNumberInvalid: "criteria.numberInvalid",
  criteriaSheetMissing: "criteria.sheetMissing",
  criteriaNoForms: "criteria.noForms",
  criteriaFormDuplicate: "criteria.formDuplicate",
  // Workbooks and files.
  fileUnreadable: "file.unreadable",
  bookNoScoreSheet: "book.noScoreSheet",
  bookManyScoreSheets: "book.manyScoreSheets",
  bookMemberMismatch: "book.memberMismatch",
  scoreSheetReplaced: "book.sheetReplaced",
  // The deliberation sheets (issue 14).
  historyRowInvalid: "history.rowInvalid",
  deliberationRowInvalid: "deliberation.rowInvalid",
} as const;

export type LayoutCode = (typeof LAYOUT_CODES)[keyof typeof LAYOUT_CODES];

export const ALL_LAYOUT_CODES: readonly LayoutCode[] = Object.values(LAYOUT_CODES);

/** Codes the command line and the use cases add on top of the layout's. */
export const APP_CODES = {
  alreadySetUp: "setup.alreadySetUp",
  memberNotInSession: "setup.memberNotFound",
  bookOtherSession: "book.otherSession",
  bookOtherEdition: "book.otherEdition",
  csvEmpty: "csv.empty",
} as const;
