/**
 * What every deliberation use case starts from, in one read of the workbook: the session, its
 * catalogue, the members' sheets of every round, the history and the deliberation.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import type { Catalogue } from "../../ocop/criteria/types";
import type { Finding } from "../../ocop/findings";
import type { Deliberation, ScoreChange } from "../../ocop/history";
import type { MemberScores, Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";
import { catalogueFor, type EditionLoader } from "../catalogue";
import { readWorkbook, type WorkbookRead } from "../readWorkbook";
import { parseSheets } from "../scores";
import { DELIBERATION_CODES } from "./codes";

export interface Council {
  read: WorkbookRead;
  session: Session;
  catalogue: Catalogue;
  /** Every member's sheet of every round, as parsed (sheets that did not parse are left out). */
  scores: MemberScores[];
  history: ScoreChange[];
  deliberation: Deliberation;
}

export type Loaded = { council: Council; findings: Finding[] } | { council: null; findings: Finding[] };

export const loadCouncil = async (host: WorkbookHost, load?: EditionLoader): Promise<Loaded> => {
  const read = await readWorkbook(host);
  if (!read.session || !read.meta || read.meta.kind !== "council")
    return {
      council: null,
      findings: [
        ...read.findings,
        { code: DELIBERATION_CODES.notCouncil, severity: "error", where: {}, params: {} },
      ],
    };
  const session = read.session;
  const { catalogue, findings } = await catalogueFor(session, load);
  const scores = parseSheets(read.scoreSheets, session, catalogue)
    .map((p) => p.parsed.scores)
    .filter((s): s is MemberScores => s !== null);
  return {
    council: { read, session, catalogue, scores, history: read.history, deliberation: read.deliberation },
    findings: [...read.findings, ...findings],
  };
};

/** The session's product with this code (any case, spaces), or undefined. */
export const productOf = (session: Session, code: string) =>
  session.products.find((p) => normaliseCode(p.code) === normaliseCode(code));

export const memberOf = (session: Session, code: string) =>
  session.members.find((m) => normaliseCode(m.code) === normaliseCode(code));
