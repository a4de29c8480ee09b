/**
 * What every deliberation use case starts from, in one read of the workbook: the session, its
 * catalogue, the members' sheets of every round (their values: the use cases plan sheets again from
 * them and check nothing else), the deliberation, and the history when the use case compares with it.
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
  /** Empty unless loaded with `history: true`. */
  history: ScoreChange[];
  deliberation: Deliberation;
}

export type Loaded = { council: Council; findings: Finding[] } | { council: null; findings: Finding[] };

export const loadCouncil = async (
  host: WorkbookHost,
  load?: EditionLoader,
  opts: { history?: boolean } = {}
): Promise<Loaded> => {
  // Values alone and no history unless asked: a province's workbook then reads in one request in Excel.
  const read = await readWorkbook(host, undefined, { valuesOnly: true, history: opts.history ?? false });
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
