/**
 * Recording a recusal: a member abstains on a product (conflict of interest), with a reason. Their cells
 * for the product are locked and greyed on the sheet of the product's current round; they are not asked,
 * not counted missing, and the product's quorum is taken over the others (src/ocop/deliberation.ts).
 * Refused once that round is closed. Scores the member already typed stay on the sheet (nothing typed is
 * lost); the consolidation leaves them out with a warning.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { planDeliberationSheet } from "../../layout/deliberation";
import type { Finding } from "../../ocop/findings";
import { isRecused, latestRoundOf, latestRounds, roundsOf } from "../../ocop/deliberation";
import type { Deliberation } from "../../ocop/history";
import { DELIBERATION_CODES } from "./codes";
import { loadCouncil, memberOf, productOf } from "./load";
import type { RoundOptions } from "./rounds";
import { planMemberRound } from "./sheets";

export interface RecusalOutcome {
  written: boolean;
  findings: Finding[];
}

export const recordRecusal = async (
  host: WorkbookHost,
  request: { member: string; product: string; reason: string },
  opts: RoundOptions = {}
): Promise<RecusalOutcome> => {
  const loaded = await loadCouncil(host, opts.load);
  if (!loaded.council) return { written: false, findings: loaded.findings };
  const council = loaded.council;
  const member = memberOf(council.session, request.member);
  const product = productOf(council.session, request.product);
  const where = { member: request.member, product: request.product };
  const fail = (code: string, params: Finding["params"]): RecusalOutcome => ({
    written: false,
    findings: [{ code, severity: "error", where, params }],
  });
  if (!member) return fail(DELIBERATION_CODES.memberUnknown, { member: request.member });
  if (!product) return fail(DELIBERATION_CODES.productUnknown, { product: request.product });
  if (!request.reason.trim()) return fail(DELIBERATION_CODES.reasonMissing, { what: "không chấm" });
  if (isRecused(council.deliberation, member.code, product.code))
    return fail(DELIBERATION_CODES.recusalDuplicate, { member: member.code, product: product.code });
  const round = latestRoundOf(latestRounds(council.deliberation), product.code);
  const state = roundsOf(council.deliberation, council.session).find((r) => r.number === round);
  if (state?.closedAt)
    return fail(DELIBERATION_CODES.closed, { round, member: member.code, product: product.code });

  const at = (opts.now ?? new Date()).toISOString();
  const deliberation: Deliberation = {
    ...council.deliberation,
    recusals: [
      ...council.deliberation.recusals,
      { member: member.code, product: product.code, reason: request.reason.trim(), at },
    ],
  };
  await host.apply({
    plans: [
      planMemberRound({ ...council, deliberation }, member, round, opts),
      planDeliberationSheet(deliberation),
    ],
  });
  return { written: true, findings: [] };
};
