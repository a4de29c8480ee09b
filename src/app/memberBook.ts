/**
 * A member workbook: the member's score sheet, the criteria reference, the products and the metadata,
 * self-contained so it can be filled anywhere and checked or imported later. After a new round is opened
 * (issue 14) the book holds that round's sheet ("Phiếu TV01 vòng 2"): only the products asked again, the
 * member's earlier scores beside them, recused cells locked.
 */
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import { normaliseCode } from "../ocop/text";
import type { Member, MemberScores, RawValue, Session } from "../ocop/session";
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES } from "../layout/codes";
import { planCriteriaSheet } from "../layout/criteriaSheet";
import { LAYOUT_VERSION, planMeta } from "../layout/meta";
import { roundSheetName } from "../layout/names";
import type { SheetPlan } from "../layout/plan";
import { blocksOf, planScoreSheet } from "../layout/scoreSheet";
import { currentRound, roundsOf } from "../ocop/deliberation";
import { EMPTY_DELIBERATION, type Deliberation } from "../ocop/history";
import { planDeliberationSheet } from "../layout/deliberation";
import { planProductsSheet } from "../layout/setupSheets";
import { catalogueFor, type EditionLoader } from "./catalogue";
import { readWorkbook } from "./readWorkbook";
import { parseSheets } from "./scores";
import { DELIBERATION_CODES } from "./deliberation/codes";
import { planMemberRound } from "./deliberation/sheets";

export interface MemberBookOptions {
  session: Session;
  catalogue: Catalogue;
  member: Member;
  existing?: ReadonlyMap<string, RawValue>;
  password?: string;
  now?: Date;
  /** The score sheet to carry instead of the round-1 sheet planned from `existing` (a later round's). */
  sheet?: SheetPlan;
}

export const planMemberBook = (opts: MemberBookOptions): SheetPlan[] => {
  const { session, catalogue, member } = opts;
  const forms = blocksOf(session, catalogue).map((b) => b.form);
  return [
    opts.sheet ??
      planScoreSheet({
        session,
        catalogue,
        member,
        existing: opts.existing,
        password: opts.password,
        editionTitle: catalogue.edition.decision,
      }),
    planCriteriaSheet(forms),
    { ...planProductsSheet(session, []), protection: {} },
    planMeta({
      layoutVersion: LAYOUT_VERSION,
      kind: "member",
      session,
      member: member.code,
      created: (opts.now ?? new Date()).toISOString(),
      imports: [],
    }),
  ];
};

/**
 * The council's rounds and the member's own recusals, on a hidden read-only "Vòng chấm" sheet, so that the
 * book checked on its own (`ocop check`) knows which products its sheet asks and which it does not.
 */
export const planRoundsCopy = (d: Deliberation, member: string, password?: string): SheetPlan[] => {
  const recusals = d.recusals.filter((r) => normaliseCode(r.member) === normaliseCode(member));
  if (!d.rounds.length && !recusals.length) return [];
  const plan = planDeliberationSheet({ ...EMPTY_DELIBERATION, rounds: d.rounds, recusals });
  return [{ ...plan, visibility: "hidden", unlocked: [], protection: password ? { password } : {} }];
};

export interface ExportResult {
  findings: Finding[];
  /** Members whose book was written. */
  members: string[];
  /** The round the books are for (the council's current round; 1 before any other was opened). */
  round: number;
  /** The products the round asks again (every product in round 1). */
  products: string[];
  /** Set when that round is closed: the books are read-only copies, their scores are not taken back. */
  closedAt: string | null;
}

/**
 * Writes one member's book per target, for the council's current round, carrying over scores already on
 * the council's sheet of that round. `target` is called once per member and returns an empty host to fill
 * (e.g. a new PartsHost).
 */
export const exportMemberBooks = async (
  council: WorkbookHost,
  target: (member: Member) => WorkbookHost | Promise<WorkbookHost>,
  opts: {
    members?: string[];
    password?: string;
    load?: EditionLoader;
    now?: Date;
    file?: string;
    onProgress?: (done: number, total: number) => void;
  } = {}
): Promise<ExportResult> => {
  const read = await readWorkbook(council, opts.file);
  const findings = [...read.findings];
  const none = { findings, members: [], round: 1, products: [], closedAt: null };
  if (!read.session || read.meta?.kind !== "council") return none;
  const session = read.session;
  const { catalogue, findings: cf } = await catalogueFor(session, opts.load);
  findings.push(...cf);
  const scores = parseSheets(read.scoreSheets, session, catalogue, opts.file)
    .map((p) => p.parsed.scores)
    .filter((s): s is MemberScores => s !== null);
  const book = { session, catalogue, deliberation: read.deliberation, scores };
  const number = currentRound(read.deliberation);
  const round = roundsOf(read.deliberation, session).find((r) => r.number === number)!;
  const closedAt = round.closedAt;
  if (closedAt)
    findings.push({
      code: DELIBERATION_CODES.booksOfClosedRound,
      severity: "warning",
      where: { file: opts.file },
      params: { round: number, at: closedAt },
    });
  const wanted = opts.members?.map(normaliseCode);
  const members = session.members.filter((m) => !wanted || wanted.includes(normaliseCode(m.code)));
  for (const code of wanted ?? []) {
    if (!session.members.some((m) => normaliseCode(m.code) === code)) {
      findings.push({
        code: APP_CODES.memberNotInSession,
        severity: "error",
        where: { file: opts.file, member: code },
        params: { member: code },
      });
    }
  }
  const written: string[] = [];
  for (const [i, member] of members.entries()) {
    const host = await target(member);
    // The round's sheet as the council workbook plans it (scores carried over, recusals locked and greyed,
    // locked whole when the round is closed).
    const sheet = planMemberRound(book, member, number, {
      password: opts.password,
      locked: closedAt !== null,
    });
    await host.apply({
      plans: [
        ...planMemberBook({ session, catalogue, member, password: opts.password, now: opts.now, sheet }),
        ...planRoundsCopy(read.deliberation, member.code, opts.password),
      ],
      select: { sheet: roundSheetName(member.code, number), row: 0, col: 1 },
    });
    written.push(member.code);
    opts.onProgress?.(i + 1, members.length);
  }
  return { findings, members: written, round: number, products: round.products, closedAt };
};
