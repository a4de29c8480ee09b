/**
 * Every finding code the rules emit. Modules use these constants rather than string literals so a typo
 * fails to compile, and the message tables are tested against this list (both languages, no gaps).
 */
export const CODES = {
  // The catalogue: schema (shape of a JSON file or a criteria sheet) and integrity (the numbers add up).
  catalogueSchema: "catalogue.schema",
  formEdition: "catalogue.formEdition",
  formIncomplete: "catalogue.formIncomplete",
  formTotal: "catalogue.formTotal",
  partMissing: "catalogue.partMissing",
  partUnknown: "catalogue.partUnknown",
  partDuplicate: "catalogue.partDuplicate",
  partMax: "catalogue.partMax",
  partSum: "catalogue.partSum",
  sectionSum: "catalogue.sectionSum",
  criterionIdDuplicate: "catalogue.criterionIdDuplicate",
  criterionNoLevels: "catalogue.criterionNoLevels",
  levelRange: "catalogue.levelRange",
  maxUnreachable: "catalogue.maxUnreachable",
  levelPointsDuplicate: "catalogue.levelPointsDuplicate",
  minStarsOrder: "catalogue.minStarsOrder",
  editionPartsTotal: "catalogue.editionPartsTotal",
  bandsStart: "catalogue.bandsStart",
  bandsEnd: "catalogue.bandsEnd",
  bandsGap: "catalogue.bandsGap",
  bandsOverlap: "catalogue.bandsOverlap",
  bandEmpty: "catalogue.bandEmpty",
  bandsStars: "catalogue.bandsStars",
  formMissing: "catalogue.formMissing",
  setFormMissing: "catalogue.setFormMissing",
  customFormReplaces: "catalogue.customFormReplaces",
  customFormAdded: "catalogue.customFormAdded",
  customFormRejected: "catalogue.customFormRejected",
  // The session as the secretariat set it up.
  editionMismatch: "session.editionMismatch",
  productDuplicate: "session.productDuplicate",
  memberDuplicate: "session.memberDuplicate",
  formUnknown: "session.formUnknown",
  noMembers: "session.noMembers",
  levelNotInEdition: "session.levelNotInEdition",
  // A product's dossier (26/2026 Điều 6.1, 7.6.a).
  dossierCurrentStarsMissing: "dossier.currentStarsMissing",
  dossierReevaluationWindow: "dossier.reevaluationWindow",
  noProducts: "session.noProducts",
  settingInvalid: "settings.invalid",
  // Members' sheets.
  memberUnknown: "member.unknown",
  memberSheetDuplicate: "member.duplicate",
  memberSheetMissing: "member.missingSheet",
  // Score cells.
  scoreMissing: "score.missing",
  scoreProductMissing: "score.productMissing",
  scoreText: "score.text",
  scoreNotANumber: "score.notANumber",
  scoreFormula: "score.formula",
  scoreNegative: "score.negative",
  scoreAboveMax: "score.aboveMax",
  scoreNotAllowed: "score.notAllowed",
  scoreDuplicate: "score.duplicate",
  scoreUnknownProduct: "score.unknownProduct",
  scoreUnknownCriterion: "score.unknownCriterion",
  // The council's deliberation (issue 14): rounds, recusals, the chair, decisions, publishing.
  recusalScored: "recusal.scored",
  recusalUnknownMember: "recusal.unknownMember",
  deliberationUnknownProduct: "deliberation.unknownProduct",
  chairNotNamed: "deliberation.chairNotNamed",
  needsDiscussion: "deliberation.needsDiscussion",
  scoreChangedAfterClose: "round.changedAfterClose",
} as const;

export type OcopCode = (typeof CODES)[keyof typeof CODES];

export const ALL_OCOP_CODES: readonly OcopCode[] = Object.values(CODES);
