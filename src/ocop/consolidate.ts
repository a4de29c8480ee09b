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

const countStars = (products: readonly ProductResult[]): Consolidation["starCounts"] => {
  const counts: Consolidation["starCounts"] = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const p of products) counts[p.stars ?? 0]++;
  return counts;
};

/**
 * Aggregates, classifies and ranks without checking first: for callers that have validated already
 * (and for the benchmark). Products come back in the official order.
 */
export const computeResults = (
  session: Session,
  catalogue: Catalogue,
  scores: readonly MemberScores[],
  settings: CouncilSettings = session.settings
): ProductResult[] => {
  const effective = sessionCatalogue(session, catalogue).catalogue;
  const index = indexSession(session, effective);
  const points = indexScores(index, scores);
  const members = [...index.members.values()];
  const classified = [...index.products.values()].map((ip) => {
    const productPoints = points.get(ip.key);
    return classify(
      aggregateProduct(ip, productPoints, members, settings),
      settings,
      effective,
      productPoints
    );
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
 * replace built-in ones of the same code.
 */
export const consolidate = (
  session: Session,
  catalogue: Catalogue,
  scores: readonly MemberScores[]
): Consolidation => {
  const { settings, findings: settingFindings } = parseSettings(session.settings);
  const findings = [...settingFindings, ...validateAll(session, catalogue, scores)];
  const base = {
    sessionId: session.id,
    edition: catalogue.edition.id,
    level: session.council.level,
    settings,
    findings,
  };
  if (hasErrors(findings)) return { ...base, products: [], starCounts: countStars([]) };
  const products = computeResults(session, catalogue, scores, settings);
  return { ...base, products, starCounts: countStars(products) };
};
