/** The synthetic councils the benchmark runs on (src/sim/generate.ts), from a district's to a province's. */
import { loadEdition, DEFAULT_EDITION } from "../src/ocop/criteria/builtin";
import type { Catalogue } from "../src/ocop/criteria/types";
import type { MemberScores, Session } from "../src/ocop/session";
import { generateScores, generateSession } from "../src/sim/generate";

export interface CouncilSize {
  products: number;
  members: number;
}

/** Six forms from different product groups, so every score sheet has six blocks. */
export const FORMS = ["01", "06", "07", "11", "14", "21"] as const;
export const SEED = 2026;
export const EDITION = DEFAULT_EDITION;

export const DISTRICT: CouncilSize = { products: 10, members: 5 };
export const PROVINCE: CouncilSize = { products: 400, members: 15 };
/** Above a province, for Excel on the web's payload limits: every request and response must stay under 4 MB. */
export const LARGE: CouncilSize = { products: 800, members: 30 };

export const sizeLabel = (s: CouncilSize): string => `${s.members} members × ${s.products} products`;

export interface Council {
  size: CouncilSize;
  catalogue: Catalogue;
  session: Session;
  /** One complete, valid sheet per member: harsh, lenient and typical members in turn. */
  scores: MemberScores[];
}

export const makeCouncil = async (size: CouncilSize): Promise<Council> => {
  const catalogue = await loadEdition(EDITION);
  const session = generateSession({ ...size, catalogue, seed: SEED, forms: FORMS });
  const scores = generateScores(session, catalogue, {
    seed: SEED + 1,
    pattern: ["typical", "harsh", "lenient"],
  });
  return { size, catalogue, session, scores };
};
