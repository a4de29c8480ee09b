/**
 * The chair's decision on a product still flagged after the last round the council holds: accept the
 * result (with a reason) or withhold the class. Refused for a product that is not awaiting discussion.
 * The decision is printed in the ranking's notes and the audit log at the next consolidation.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { planDeliberationSheet } from "../../layout/deliberation";
import { consolidate as runRules } from "../../ocop/consolidate";
import { hasErrors, type Finding } from "../../ocop/findings";
import type { ChairDecision, Deliberation } from "../../ocop/history";
import { normaliseCode } from "../../ocop/text";
import { DELIBERATION_CODES } from "./codes";
import { loadCouncil, productOf } from "./load";
import type { RoundOptions } from "./rounds";

export interface DecisionOutcome {
  written: boolean;
  findings: Finding[];
  decision: ChairDecision | null;
}

export const recordChairDecision = async (
  host: WorkbookHost,
  request: { product: string; decision: ChairDecision["decision"]; reason: string },
  opts: RoundOptions = {}
): Promise<DecisionOutcome> => {
  const loaded = await loadCouncil(host, opts.load);
  if (!loaded.council) return { written: false, findings: loaded.findings, decision: null };
  const council = loaded.council;
  const fail = (code: string, params: Finding["params"]): DecisionOutcome => ({
    written: false,
    findings: [{ code, severity: "error", where: { product: request.product }, params }],
    decision: null,
  });
  const product = productOf(council.session, request.product);
  if (!product) return fail(DELIBERATION_CODES.productUnknown, { product: request.product });
  if (!request.reason.trim())
    return fail(DELIBERATION_CODES.reasonMissing, { what: "quyết định của Chủ tịch" });
  const c = runRules(council.session, council.catalogue, council.scores, council.deliberation);
  if (hasErrors(c.findings)) return fail(DELIBERATION_CODES.notConsolidated, { product: product.code });
  const result = c.products.find((p) => normaliseCode(p.product) === normaliseCode(product.code));
  if (!result?.needsDiscussion)
    return fail(DELIBERATION_CODES.notFlagged, { product: product.code, round: result?.round ?? 1 });
  const decision: ChairDecision = {
    product: product.code,
    round: result.round ?? 1,
    decision: request.decision,
    reason: request.reason.trim(),
    at: (opts.now ?? new Date()).toISOString(),
  };
  const deliberation: Deliberation = {
    ...council.deliberation,
    decisions: [...council.deliberation.decisions, decision],
  };
  await host.apply({ plans: [planDeliberationSheet(deliberation)] });
  return { written: true, findings: [], decision };
};
