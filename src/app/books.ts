/** Reading members' workbooks against the council's session: which member, which scores, what is wrong. */
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import type { MemberScores, Session } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES, LAYOUT_CODES } from "../layout/codes";
import { readWorkbook } from "./readWorkbook";
import { parseSheets } from "./scores";
import { currentRound } from "../ocop/deliberation";
import type { Deliberation } from "../ocop/history";
import { DELIBERATION_CODES } from "./deliberation/codes";

export interface BookInput {
  host: WorkbookHost;
  file: string;
  /** Hex SHA-256 of the file's bytes (see hash.ts). */
  sha256: string;
}

export interface BookScores {
  book: BookInput;
  scores: MemberScores | null;
  findings: Finding[];
  /** The round the book's sheet belongs to (1 unless it is a later round's sheet). */
  round: number;
  /** The products a later round's sheet asks again; null for round 1 (every product). */
  products: string[] | null;
}

/**
 * A book's round must be one the council workbook holds and has not closed: a closed round's scores are
 * in the history and on its locked sheets, and a book cannot change them.
 */
const roundRefusal = (
  deliberation: Deliberation,
  round: number,
  member: string,
  where: Finding["where"]
): Finding | null => {
  const current = currentRound(deliberation);
  const stored = deliberation.rounds.find((r) => r.number === round);
  if (round > current || (round > 1 && !stored))
    return {
      code: DELIBERATION_CODES.bookRoundUnknown,
      severity: "error",
      where,
      params: { round, current, member },
    };
  if (stored?.closedAt)
    return {
      code: DELIBERATION_CODES.bookRoundClosed,
      severity: "error",
      where,
      params: { round, at: stored.closedAt, member },
    };
  return null;
};

export const readBook = async (
  book: BookInput,
  session: Session,
  catalogue: Catalogue,
  /** The council's rounds: a book of a closed round, or of a round it does not hold, is refused. */
  deliberation?: Deliberation
): Promise<BookScores> => {
  const done = (scores: MemberScores | null, findings: Finding[], products: string[] | null = null) => ({
    book,
    scores,
    findings,
    round: scores?.round ?? 1,
    products,
  });
  const read = await readWorkbook(book.host, book.file);
  const findings = [...read.findings];
  const where = { file: book.file };
  if (!read.meta) return done(null, findings);
  if (read.meta.session.id !== session.id) {
    findings.push({
      code: APP_CODES.bookOtherSession,
      severity: "error",
      where,
      params: {
        found: read.meta.session.id,
        expected: session.id,
        // Sessions are named by their titles in the message: ids mean nothing to the secretariat.
        foundName: read.meta.session.council.name,
        foundYear: read.meta.session.council.year,
        expectedName: session.council.name,
        expectedYear: session.council.year,
        // Whose book it seems to be, in the session it came from.
        member: read.meta.member ?? "",
        memberName: read.meta.session.members.find((m) => m.code === read.meta!.member)?.name ?? "",
      },
    });
    return done(null, findings);
  }
  // Same session, other criteria (the edition was changed after the books were issued): every row would
  // be unknown, so say it once.
  if (read.meta.session.edition !== session.edition) {
    findings.push({
      code: APP_CODES.bookOtherEdition,
      severity: "error",
      where,
      params: { found: read.meta.session.edition, expected: session.edition },
    });
    return done(null, findings);
  }
  if (read.scoreSheets.length === 0) {
    findings.push({ code: LAYOUT_CODES.bookNoScoreSheet, severity: "error", where, params: {} });
    return done(null, findings);
  }
  if (read.scoreSheets.length > 1) {
    findings.push({
      code: LAYOUT_CODES.bookManyScoreSheets,
      severity: "error",
      where,
      params: { count: read.scoreSheets.length },
    });
    return done(null, findings);
  }
  const [parsed] = parseSheets(read.scoreSheets, session, catalogue, book.file);
  findings.push(...parsed!.parsed.findings);
  const scores = parsed!.parsed.scores;
  if (scores && read.meta.member && normaliseCode(read.meta.member) !== scores.member) {
    findings.push({
      code: LAYOUT_CODES.bookMemberMismatch,
      severity: "error",
      where: { ...where, sheet: parsed!.grid.name, member: scores.member },
      params: { found: scores.member, expected: read.meta.member },
    });
    return done(null, findings);
  }
  const products = parsed!.parsed.anchor?.products ?? null;
  if (scores && deliberation) {
    const refusal = roundRefusal(deliberation, scores.round ?? 1, scores.member, {
      ...where,
      sheet: parsed!.grid.name,
      member: scores.member,
    });
    if (refusal) return { ...done(null, [...findings, refusal], products), round: scores.round ?? 1 };
  }
  return done(scores, findings, products);
};

/**
 * The session as a book of this round asks it of this member: products not asked again in a later round,
 * and products the member abstains on, are treated as excluded (not missing, not counted in the progress).
 */
export const askedSession = (
  session: Session,
  deliberation: Deliberation,
  member: string,
  products: readonly string[] | null
): Session => {
  const inRound = products ? new Set(products.map(normaliseCode)) : null;
  const recused = new Set(
    deliberation.recusals
      .filter((r) => normaliseCode(r.member) === normaliseCode(member))
      .map((r) => normaliseCode(r.product))
  );
  if (!inRound && !recused.size) return session;
  return {
    ...session,
    products: session.products.map((p) => {
      const key = normaliseCode(p.code);
      const asked = (!inRound || inRound.has(key)) && !recused.has(key);
      return asked || p.excluded ? p : { ...p, excluded: { reason: "" } };
    }),
  };
};
