/** English texts for every finding code of the rules. Placeholders: {param}; see messages.ts. */
import type { OcopCode } from "./codes";
import { levelList, levelWords } from "./levelWords";
import { interpolate, type Params, type Template } from "./messageFormat";

const TYPES_EN: Record<string, string> = {
  number: "a number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a record",
};

const schemaMessage = (p: Params): string => {
  const path = String(p.path);
  const expected = String(p.expected ?? "");
  switch (p.kind) {
    case "missing":
      return `Required item “${path}” is missing.`;
    case "type":
      return `Item “${path}” must be ${TYPES_EN[expected] ?? expected}.`;
    case "value":
      return expected
        ? `Item “${path}” has an invalid value (allowed: ${expected}).`
        : `Item “${path}” has an invalid value.`;
    case "tooSmall":
      return `Item “${path}” is below its minimum (${expected}) or empty.`;
    case "tooBig":
      return `Item “${path}” is above its maximum (${expected}).`;
    case "format":
      return `Item “${path}” is not in the expected format (${expected}).`;
    default:
      return `Item “${path}” is invalid.`;
  }
};

const allowedHint = "Allowed points: {allowed}.";

export const MESSAGES_EN: Record<OcopCode, Template> = {
  "catalogue.schema": {
    message: (p) => schemaMessage(p),
    fix: (p) =>
      p.what === "form"
        ? "Correct this item on the criteria sheet (or in the form's form-NN.json), then check again."
        : "Correct this item in the edition's edition.json.",
  },
  "catalogue.formEdition": {
    message: "The form says it belongs to edition {formEdition} but is used in edition {edition}.",
    fix: "Check that the form is from the decision in force; if so, set its “edition” to {edition}.",
  },
  "catalogue.formIncomplete": {
    message: "The form has not been fully checked against the official text: {note}",
    fix: "Check the form against the decision; the council can enter a corrected form on the criteria sheet.",
  },
  "catalogue.formTotal": {
    message: "The form's parts add up to {total}, not 100.",
    fix: "Correct the maxima of parts A, B and C as printed in the decision (100 in all).",
  },
  "catalogue.partMissing": {
    message: "The form has no part {part} ({expected} points).",
    fix: "Add part {part} with its criteria.",
  },
  "catalogue.partUnknown": {
    message: "The form has a part {part}, which this edition does not have.",
    fix: "Remove the part or change its id to A, B or C.",
  },
  "catalogue.partDuplicate": {
    message: "Part {part} appears twice in the form.",
    fix: "Put its criteria under a single part {part}.",
  },
  "catalogue.partMax": {
    message: "Part {part} is worth {max} points; the edition says {expected}.",
    fix: "Set part {part}'s maximum to {expected}.",
  },
  "catalogue.partSum": {
    message: "The criteria of part {part} add up to {sum}, not to the part's {max}.",
    fix: "Check each criterion's maximum in part {part} against the decision and correct it.",
  },
  "catalogue.sectionSum": {
    message: "Section {section} “{title}”: its criteria add up to {sum}, not to the section's {max}.",
    fix: "Check the maxima of the criteria in section {section} against the decision and correct them.",
  },
  "catalogue.criterionIdDuplicate": {
    message: "Criterion id {id} is used twice in the form.",
    fix: "Give every criterion its own id (e.g. 1.1, 1.2).",
  },
  "catalogue.criterionNoLevels": {
    message: "The criterion has no levels.",
    fix: "Enter its levels (□) with their points; if the decision prints none, mark it all-or-nothing (0 or {max}).",
  },
  "catalogue.levelRange": {
    message: "Level “{level}” is worth {points}, outside 0 to {max}.",
    fix: "Correct the level's points as printed (0 to {max}).",
  },
  "catalogue.maxUnreachable": {
    message: "The criterion's highest level is worth {top}, so its maximum {max} cannot be reached.",
    fix: "Correct the criterion's maximum or its top level's points as printed.",
  },
  "catalogue.levelPointsDuplicate": {
    message: "Several levels are worth {points}; a score cannot tell which of them was chosen.",
    fix: "Nothing to do if the decision prints it so; if it is a typing slip, correct the level's points.",
  },
  "catalogue.minStarsOrder": {
    message:
      "The minimum for {lowStars}★ ({lowPoints} points) is above the minimum for {highStars}★ ({highPoints} points).",
    fix: "Check the star marks (***, ****, *****) on the criterion's levels.",
  },
  "catalogue.editionPartsTotal": {
    message: "The edition's parts add up to {total}, not 100.",
    fix: "Correct the parts' maxima in edition.json.",
  },
  "catalogue.bandsStart": {
    message: "The lowest band starts at {min}, not 0.",
    fix: "Set the 1★ band's lower bound to 0.",
  },
  "catalogue.bandsEnd": {
    message: "The highest band ends at {max}, not 100.",
    fix: "Set the 5★ band's upper bound to 100.",
  },
  "catalogue.bandsGap": {
    message: "No star band covers {from} to {to}.",
    fix: "Make each band start where the one below ends.",
  },
  "catalogue.bandsOverlap": {
    message: "Two star bands both cover {from} to {to}.",
    fix: "Make each band start where the one below ends.",
  },
  "catalogue.bandEmpty": {
    message: "The {stars}★ band's lower bound {min} is not below its upper bound {max}.",
    fix: "Correct the {stars}★ band's bounds.",
  },
  "catalogue.bandsStars": {
    message: "The band starting at {min} gives {stars}★; in order it should give {expected}★.",
    fix: "List the bands from 1★ to 5★ by rising points.",
  },
  "catalogue.formMissing": {
    message: "The edition lists form {code} but its data is missing.",
    fix: "Add the form's file, or enter the form on the criteria sheet.",
  },
  "catalogue.setFormMissing": {
    message: "Product group or set {set} “{title}” is scored with a form the catalogue does not hold.",
    fix: "If the council scores products of this set, enter the form on the criteria sheet.",
  },
  "catalogue.customFormReplaces": {
    message: "Form {code} “{title}” from the criteria sheet is used instead of the built-in form.",
    fix: "Nothing to do; check it if the council did not mean to replace this form.",
  },
  "catalogue.customFormAdded": {
    message: "Form {code} “{title}” from the criteria sheet is added to the catalogue.",
    fix: "Nothing to do.",
  },
  "catalogue.customFormRejected": {
    message: "Form {code} on the criteria sheet has errors and is not used.",
    fix: "Correct the errors listed for this form, then check again.",
  },
  "session.editionMismatch": {
    message: "The session uses edition {session} but the loaded catalogue is {catalogue}.",
    fix: "Choose the session's edition again on the session sheet.",
  },
  "session.productDuplicate": {
    message: "Product code {product} appears twice in the product list.",
    fix: "Give every product its own code on the products sheet.",
  },
  "session.memberDuplicate": {
    message: "Member code {member} appears twice in the council list.",
    fix: "Give every member their own code on the members sheet.",
  },
  "session.formUnknown": {
    message: "Product {product} is assigned form {form}, which edition {edition} does not hold.",
    fix: "Pick the right form for the product on the products sheet, or enter the form on the criteria sheet.",
  },
  "dossier.currentStarsMissing": {
    message: (p) =>
      `Product ${String(p.product)} has ${p.type === "upgrade" ? "an upgrade" : "a re-evaluation"} dossier but no current stars.`,
    fix: "Type the stars of its current certificate (3, 4 or 5) in the “Hạng sao đang có” column of the products sheet.",
  },
  "dossier.reevaluationWindow": {
    message:
      "Product {product}'s re-evaluation dossier was filed on {submitted}, {days} days before its certificate ends ({expiry}); Decision 26/2026 Article 7.6.a: no earlier than {earliest} and no later than {latest} days before.",
    fix: "Check the filing date and the certificate's end; if both are right, the council records the late or early filing in its minutes.",
  },
  "session.levelNotInEdition": {
    message: (p) =>
      `Edition ${String(p.edition)} has no ${levelWords(p.level, "en")} council: ${String(p.cite)}.`,
    fix: (p) =>
      `Choose the council level ${levelList(p.allowed, "en", " or ")}, or the older decision's edition if the session belongs to it.`,
  },
  "session.noMembers": {
    message: "The session has no council members.",
    fix: "Enter the council on the members sheet.",
  },
  "session.noProducts": {
    message: "The session has no products.",
    fix: "Enter the products on the products sheet.",
  },
  "settings.invalid": {
    message: "Value {value} of setting “{setting}” is invalid; the default {default} is used meanwhile.",
    fix: "Correct the setting on the session sheet.",
  },
  "member.unknown": {
    message: "A score sheet of {member}, who is not on the council list.",
    fix: "Check the member code on the sheet, or add the member on the members sheet.",
  },
  "member.duplicate": {
    message: "Member {member} has two score sheets (the first: {firstFile} {firstSheet}).",
    fix: "Keep one sheet for this member and remove the other.",
  },
  "member.missingSheet": {
    message: "No score sheet yet from member {member} {name}.",
    fix: "Add the member's sheet; if the member is absent, products are classified only when the quorum is met.",
  },
  "score.missing": {
    message: "No score.",
    fix: `Type the points of the chosen level. ${allowedHint}`,
  },
  "score.productMissing": {
    message: "The member has not scored product {product} {name} ({count} criteria empty).",
    fix: "Enter points for every criterion of this product.",
  },
  "score.text": {
    message: "The cell holds the text “{value}”, not a number.",
    fix: (p) =>
      p.numberAllowed
        ? interpolate("Clear the cell and type {number} again as a number, not text.", p, "en")
        : interpolate(`Clear the cell and type the points as a number. ${allowedHint}`, p, "en"),
  },
  "score.notANumber": {
    message: "The cell holds “{value}”, which is not a score.",
    fix: `Type the points as a number. ${allowedHint}`,
  },
  "score.formula": {
    message: "The cell holds the formula ={formula}; points must be typed in.",
    fix: `Remove the formula and type the points. ${allowedHint}`,
  },
  "score.negative": {
    message: "Score {value} is negative.",
    fix: `Type points of 0 or more. ${allowedHint}`,
  },
  "score.aboveMax": {
    message: "Score {value} is above the criterion's maximum {max}.",
    fix: `Type points of at most {max}. ${allowedHint}`,
  },
  "score.notAllowed": {
    message: "Score {value} is not the points of any of the criterion's levels.",
    fix: `Pick a level and type its points. ${allowedHint}`,
  },
  "score.duplicate": {
    message: "Criterion {criterion} is scored twice for the same product.",
    fix: "Keep one score for this criterion and delete the repeated row.",
  },
  "score.unknownProduct": {
    message: "The sheet scores product {product}, which is not in the product list.",
    fix: "Check the product code; use the score sheet the secretariat issued for this session.",
  },
  "score.unknownCriterion": {
    message: "Form {form} has no criterion {criterion}.",
    fix: "Check the criterion id; use the score sheet the secretariat issued for this session.",
  },
  // Deliberation (issue 14).
  "recusal.scored": {
    message:
      "Member {member} abstains on product {product} ({reason}) but their sheet holds scores for it; they are not counted.",
    fix: "Clear {member}'s scores for {product}, or remove the recusal if the member did score the product.",
  },
  "recusal.unknownMember": {
    message: "A recusal on product {product} names member {member}, who is not on the council.",
    fix: "Correct the member code on the “Vòng chấm” sheet (recusals) to match the members list.",
  },
  "deliberation.unknownProduct": {
    message:
      "The {what} entry on the “Vòng chấm” sheet names product {product}, which is not in the products list.",
    fix: "Correct the product code to match the Products sheet, or delete that row.",
  },
  "deliberation.chairNotNamed": {
    message: "No member has the chair's role, so whether the chair scored cannot be checked.",
    fix: "On the Members sheet, give the council's chair the role “Chủ tịch”; or turn off the setting “the chair must score”.",
  },
  "deliberation.needsDiscussion": {
    message:
      "Products {products} still have members' totals too far apart (or split on a minimum level) and are unresolved: results cannot be published.",
    fix: "Open the next scoring round for them (“ocop round … --products …” or the Open round button), or record the chair's decision (accept with a reason, or withhold), then consolidate again.",
  },
  "round.changedAfterClose": {
    message:
      "Cell {cell} (sheet {sheet}, member {member}, product {product}, criterion {criterion}) was changed after round {round} was closed: {old} → {new}.",
    fix: "Put back {old} as the score history records it; if the council wants the change, the secretariat reopens the round (with a reason) and enters it again.",
  },
};
