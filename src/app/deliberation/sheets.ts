/** A member's sheet of one round planned again from what it holds, with recusals locked (and the round's lock). */
import { enteredValues, planScoreSheet } from "../../layout/scoreSheet";
import type { SheetPlan } from "../../layout/plan";
import type { Member, MemberScores, RawValue } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";
import { previousScores } from "../consolidate";
import type { Council } from "./load";

export const sheetOf = (
  council: Pick<Council, "scores">,
  member: string,
  round: number
): MemberScores | undefined =>
  council.scores.find((s) => normaliseCode(s.member) === normaliseCode(member) && (s.round ?? 1) === round);

export const planMemberRound = (
  council: Pick<Council, "session" | "catalogue" | "deliberation" | "scores">,
  member: Member,
  round: number,
  opts: {
    locked?: boolean;
    password?: string;
    /** Values to put on the sheet instead of those the council's sheet of the round holds (a book's). */
    existing?: ReadonlyMap<string, RawValue>;
  } = {}
): SheetPlan => {
  const { session, catalogue, deliberation } = council;
  const r = deliberation.rounds.find((x) => x.number === round);
  const plan = planScoreSheet({
    session,
    catalogue,
    member,
    existing: opts.existing ?? enteredValues(sheetOf(council, member.code, round) ?? null),
    password: opts.password,
    editionTitle: catalogue.edition.decision,
    recused: deliberation.recusals
      .filter((x) => normaliseCode(x.member) === normaliseCode(member.code))
      .map((x) => x.product),
    ...(round > 1 && r
      ? {
          round: {
            number: round,
            products: r.products,
            previous: previousScores(council.scores, normaliseCode(member.code), round),
          },
        }
      : {}),
  });
  // A closed round: the sheet stays protected with no cell open for editing.
  return opts.locked ? { ...plan, unlocked: [] } : plan;
};
