/**
 * The secretariat's run: check everything, and only if no error stands, add up, classify and rank.
 * Pure and deterministic: the same session and sheets, in any order, give the same result.
 */
import type { Catalogue } from "./criteria/types";
import { hasErrors } from "./findings";
import type { CouncilSettings, MemberScores, Session } from "./session";
import type { Consolidation, ProductResult } from "./results";
import { validateAll } from "./validate";
import { parseSettings } from "./settings";
import { indexSession } from "./sessionIndex";
import { indexScores } from "./scoreIndex";
import { aggregateProduct } from "./aggregate";
import { classify } from "./classify";
import { rank } from "./rank";
import { sessionCatalogue } from "./criteria/catalogue";
import { outcomeOf } from "./process";
import { EMPTY_DELIBERATION, type Deliberation } from "./history";
import {
  chairFindings,
  deliberate,
  deliberationContext,
  deliberationFindings,
  discussionList,
  dropExempt,
  effectiveScores,
} from "./deliberation";

const countStars = (products: readonly ProductResult[]): Consolidation["starCounts"] => {
  const counts: Consolidation["starCounts"] = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const p of products) counts[p.stars ?? 0]++;
  return counts;
};

/**
 * Aggregates, classifies and ranks without checking first: for callers that have validated already
 * (and for the benchmark). Products come back in the official order. `scores` are the scores in force
 * (each product's latest round, recused members' entries left out: see `effectiveScores`).
 */
export const computeResults = (
  session: Session,
  catalogue: Catalogue,
  scores: readonly MemberScores[],
  settings: CouncilSettings = session.settings,
  deliberation: Deliberation = EMPTY_DELIBERATION
): ProductResult[] => {
  const effective = sessionCatalogue(session, catalogue).catalogue;
  const index = indexSession(session, effective);
  const points = indexScores(index, scores);
  const members = [...index.members.values()];
  const ctx = deliberationContext(session, deliberation, settings);
  const recusals = ctx.recusals;
  const none = new Set<string>();
  const classified = [...index.products.values()].map((ip) => {
    const productPoints = points.get(ip.key);
    const recused = recusals.get(ip.key);
    const result = classify(
      aggregateProduct(ip, productPoints, members, settings, recused ? new Set(recused.keys()) : none),
      settings,
      effective,
      productPoints
    );
    return deliberate(result, productPoints, ctx);
  });
  const level = session.council.level;
  return rank(classified, settings).map((r) => ({
    ...r,
    outcome: outcomeOf(session.edition, level, r.stars, r.withheld !== null),
  }));
};

/**
 * Findings always come back. Results come back only when there is no error: a ranking built on a
 * faulty sheet would be published as if it were right. The council's own forms (session.customForms)
 * replace built-in ones of the same code. The deliberation (rounds, recusals, decisions) decides which
 * round's scores count for each product and who is asked.
 */
export const consolidate = (
  session: Session,
  catalogue: Catalogue,
  scores: readonly MemberScores[],
  deliberation: Deliberation = EMPTY_DELIBERATION
): Consolidation => {
  const { settings, findings: settingFindings } = parseSettings(session.settings);
  const inForce = effectiveScores(session, deliberation, scores);
  const findings = [
    ...settingFindings,
    ...deliberationFindings(session, deliberation),
    ...chairFindings(session, deliberation, settings),
    ...inForce.findings,
    ...dropExempt(validateAll(session, catalogue, inForce.sheets), inForce.exempt, inForce.sheetOf),
  ];
  const base = {
    sessionId: session.id,
    edition: catalogue.edition.id,
    level: session.council.level,
    settings,
    findings,
  };
  if (hasErrors(findings)) return { ...base, products: [], needsDiscussion: [], starCounts: countStars([]) };
  const products = computeResults(session, catalogue, inForce.sheets, settings, deliberation);
  return { ...base, products, needsDiscussion: discussionList(products), starCounts: countStars(products) };
};
