/**
 * The outcome words the sheets print for a product, from the process of the session's edition and level
 * (ocop/process.ts): "Đề nghị công nhận 4 sao", "Tiềm năng 5 sao", … A province result of 5 stars is printed
 * as "Tiềm năng 5 sao", never as a recognised "5 sao" (26/2026 Điều 7.3.e).
 */
import { POTENTIAL_5, levelProcess, outcomeWords, type Outcome } from "../ocop/process";
import type { Consolidation, ProductResult } from "../ocop/results";

export const outcomeLabel = (c: Pick<Consolidation, "edition" | "level">, outcome: Outcome): string =>
  outcomeWords(outcome, levelProcess(c.edition, c.level)).vi;

export const outcomeSentence = (c: Pick<Consolidation, "edition" | "level">, outcome: Outcome): string =>
  outcomeWords(outcome, levelProcess(c.edition, c.level)).viLong;

/** The class as the ranking prints it: "4 sao"; "Tiềm năng 5 sao" where only the Ministry can recognise 5★. */
export const classLabel = (r: Pick<ProductResult, "stars" | "outcome">): string =>
  r.stars === null ? "—" : r.outcome === "potential-5" ? POTENTIAL_5.vi : `${r.stars} sao`;

/** The outcomes a level can give, in the order lists and counts print them. */
export const outcomesAt = (c: Pick<Consolidation, "edition" | "level">): Outcome[] => {
  const byStars = levelProcess(c.edition, c.level).byStars;
  const seen: Outcome[] = [];
  for (const s of [5, 4, 3, 2, 1] as const) if (!seen.includes(byStars[s])) seen.push(byStars[s]);
  return [...seen, "withheld"];
};
