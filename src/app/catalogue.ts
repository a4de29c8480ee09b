/** The catalogue a session scores against: its edition, with the council's own forms in place. */
import { loadEdition } from "../ocop/criteria/builtin";
import { withCustomForms } from "../ocop/criteria/catalogue";
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import type { Session } from "../ocop/session";

export type EditionLoader = (id: string) => Promise<Catalogue>;

export const catalogueFor = async (
  session: Session,
  load: EditionLoader = loadEdition
): Promise<{ catalogue: Catalogue; findings: Finding[] }> => {
  const base = await load(session.edition);
  if (!session.customForms.length) return { catalogue: base, findings: [] };
  return withCustomForms(base, session.customForms);
};
