/**
 * A member's paper form, typed twice. The pane asks for the form's cells (`paperForm`), keeps the first
 * entry out of sight while a second person types the same form, and sends both to `acceptPaperForm`: it
 * compares them cell by cell (rules in ocop/paperEntry.ts) and writes nothing while a cell disagrees or holds
 * a value that is not a level. Once every cell agrees, the agreed scores go into the member's sheet of the
 * council workbook the way an imported book's do (collect.ts: the sheet planned again with its entered
 * values), the sheet is marked "nhập từ phiếu giấy" with both names, the form is listed in the metadata, and
 * every changed cell is recorded in the history with source `paper`.
 *
 * Cost: one read of the council workbook per call, and one apply (plus the history's) when accepted.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { planMeta, type PaperRecord } from "../../layout/meta";
import { enteredValues, planScoreSheet, scoreKey } from "../../layout/scoreSheet";
import type { Finding } from "../../ocop/findings";
import type { ScoreChange } from "../../ocop/history";
import {
  comparePaperEntries,
  entererFindings,
  PAPER_CODES,
  paperCells,
  paperKey,
  type PaperCell,
  type PaperComparison,
  type PaperEntry,
} from "../../ocop/paperEntry";
import type { Member, MemberScores, RawValue, Session } from "../../ocop/session";
import { latestRoundOf, latestRounds, roundsOf } from "../../ocop/deliberation";
import type { Deliberation } from "../../ocop/history";
import { historyWrite } from "../../layout/history";
import type { SheetPlan } from "../../layout/plan";
import { normaliseCode } from "../../ocop/text";
import { catalogueFor, type EditionLoader } from "../catalogue";
import { readWorkbook } from "../readWorkbook";
import { parseSheets } from "../scores";

export type { PaperCell, PaperComparison, PaperEntry } from "../../ocop/paperEntry";

/**
 * A member's earlier scores of a later round's products, by `scoreKey`: for each product, its values on the
 * member's sheet of the highest round before `round` that asked for it (round 1 asks for every product).
 */
const earlierValues = (sheets: readonly MemberScores[], round: number): Map<string, RawValue> => {
  const out = new Map<string, RawValue>();
  const before = [...sheets]
    .filter((s) => (s.round ?? 1) < round)
    .sort((a, b) => (a.round ?? 1) - (b.round ?? 1));
  for (const s of before) for (const [k, v] of enteredValues(s)) out.set(k, v);
  return out;
};

export interface PaperFormRequest {
  member: string;
  products: string[];
}

export interface PaperForm {
  member: Member;
  /** The products' cells, product by product, criteria in printed order. */
  cells: PaperCell[];
  /** Why the form cannot be entered as asked (unknown member or product…); empty when it can. */
  findings: Finding[];
}

export interface PaperSubmission extends PaperFormRequest {
  first: PaperEntry;
  second: PaperEntry;
}

export interface PaperOutcome {
  comparison: PaperComparison;
  /** Errors that keep the form out (who typed it, unknown member or product); disagreements are in `comparison`. */
  findings: Finding[];
  /** True when the agreed scores were written. */
  accepted: boolean;
  /** The member's sheet written, when accepted. */
  sheet: string | null;
  /** The cells whose value changed, as recorded in the history. */
  changes: ScoreChange[];
}

export interface PaperOptions {
  load?: EditionLoader;
  password?: string;
  now?: Date;
}

const council = async (host: WorkbookHost, load?: EditionLoader) => {
  // Values alone: the member's sheets are planned again from what they hold.
  const read = await readWorkbook(host, undefined, { valuesOnly: true });
  if (!read.session || !read.meta || read.meta.kind !== "council")
    throw new Error("This workbook holds no council session: set the session up first.");
  const { catalogue } = await catalogueFor(read.session, load);
  return { read, session: read.session, meta: read.meta, catalogue };
};

const formFindings = (
  session: Session,
  deliberation: Deliberation,
  request: PaperFormRequest
): { member?: Member; findings: Finding[] } => {
  const findings: Finding[] = [];
  const member = session.members.find((m) => normaliseCode(m.code) === normaliseCode(request.member));
  if (!member)
    findings.push({
      code: PAPER_CODES.unknownMember,
      severity: "error",
      where: { member: request.member },
      params: { member: request.member },
    });
  if (!request.products.length)
    findings.push({
      code: PAPER_CODES.noProducts,
      severity: "error",
      where: { member: request.member },
      params: {},
    });
  for (const code of request.products) {
    const product = session.products.find((p) => normaliseCode(p.code) === normaliseCode(code));
    if (!product || product.excluded)
      findings.push({
        code: product ? PAPER_CODES.excludedProduct : PAPER_CODES.unknownProduct,
        severity: "error",
        where: { member: request.member, product: code },
        params: { product: code },
      });
    if (!product || product.excluded || !member) continue;
    // A member abstaining on the product is not asked for it, on paper either.
    const recusal = deliberation.recusals.find(
      (r) =>
        normaliseCode(r.member) === normaliseCode(member.code) &&
        normaliseCode(r.product) === normaliseCode(code)
    );
    if (recusal)
      findings.push({
        code: PAPER_CODES.recused,
        severity: "error",
        where: { member: member.code, product: product.code },
        params: { member: member.code, product: product.code, reason: recusal.reason },
      });
    // A closed round takes no more scores until the secretariat reopens it.
    const round = latestRoundOf(latestRounds(deliberation), product.code);
    if (roundsOf(deliberation, session).find((r) => r.number === round)?.closedAt)
      findings.push({
        code: PAPER_CODES.roundClosed,
        severity: "error",
        where: { member: member.code, product: product.code },
        params: { product: product.code, round },
      });
  }
  return { member, findings };
};

/** The cells of a member's paper form for the chosen products; nothing is written. */
export const paperForm = async (
  host: WorkbookHost,
  request: PaperFormRequest,
  opts: { load?: EditionLoader } = {}
): Promise<PaperForm> => {
  const { session, catalogue, read } = await council(host, opts.load);
  const { member, findings } = formFindings(session, read.deliberation, request);
  const fallback: Member = { code: request.member, name: "", title: "", role: "member" };
  return {
    member: member ?? fallback,
    cells: findings.length ? [] : paperCells(session, catalogue, request.products),
    findings,
  };
};

const asPoints = (v: RawValue | undefined): number | null => (typeof v === "number" ? v : null);

/**
 * Compares the two entries and, when every cell agrees, writes the agreed scores into the member's sheet.
 * A disagreement, an invalid value or a problem with the names writes nothing: the outcome says where.
 */
export const acceptPaperForm = async (
  host: WorkbookHost,
  submission: PaperSubmission,
  opts: PaperOptions = {}
): Promise<PaperOutcome> => {
  const { read, session, meta, catalogue } = await council(host, opts.load);
  const { member, findings } = formFindings(session, read.deliberation, submission);
  findings.push(...entererFindings(submission.member, submission.first, submission.second));
  const cells = member ? paperCells(session, catalogue, submission.products) : [];
  const comparison = comparePaperEntries(
    session,
    catalogue,
    member?.code ?? submission.member,
    cells,
    submission.first,
    submission.second
  );
  const refused = (): PaperOutcome => ({ comparison, findings, accepted: false, sheet: null, changes: [] });
  if (!member || findings.length || !comparison.complete) return refused();

  // Each product goes to the member's sheet of its latest round, planned again with every value typed
  // there kept and the paper form's cells set (as an imported book's sheet is, collect.ts).
  const latest = latestRounds(read.deliberation);
  const sheets = parseSheets(read.scoreSheets, session, catalogue)
    .map((p) => p.parsed.scores)
    .filter((s): s is MemberScores => !!s && normaliseCode(s.member) === normaliseCode(member.code));
  const sheetOf = (round: number) => sheets.find((s) => (s.round ?? 1) === round);
  const at = (opts.now ?? new Date()).toISOString();
  const by = submission.first.by.trim();
  const checkedBy = submission.second.by.trim();
  const paper = { enteredBy: by, checkedBy, at };
  const recused = read.deliberation.recusals
    .filter((r) => normaliseCode(r.member) === normaliseCode(member.code))
    .map((r) => r.product);
  const changes: ScoreChange[] = [];
  const plans: SheetPlan[] = [];
  const rounds = [...new Set(cells.map((c) => latestRoundOf(latest, c.product)))].sort((a, b) => a - b);
  for (const round of rounds) {
    const existing = enteredValues(sheetOf(round) ?? null);
    const values = new Map(existing);
    for (const cell of cells) {
      if (latestRoundOf(latest, cell.product) !== round) continue;
      const agreed = comparison.agreed.get(paperKey(cell.product, cell.criterion));
      // A cell both left blank is "not scored on paper": what the sheet holds stays.
      if (agreed === undefined || agreed === null) continue;
      const key = scoreKey(cell.product, cell.criterion);
      const old = existing.get(key);
      if (old === agreed) continue;
      values.set(key, agreed);
      changes.push({
        at,
        member: member.code,
        product: cell.product,
        criterion: cell.criterion,
        round,
        old: asPoints(old),
        new: agreed,
        source: { kind: "paper", enteredBy: by, checkedBy },
        by,
      });
    }
    const def = read.deliberation.rounds.find((r) => r.number === round);
    plans.push(
      planScoreSheet({
        session,
        catalogue,
        member,
        existing: values,
        password: opts.password,
        editionTitle: catalogue.edition.decision,
        paper,
        recused,
        ...(round > 1 && def
          ? {
              round: {
                number: round,
                products: def.products,
                previous: earlierValues(sheets, round),
              },
            }
          : {}),
      })
    );
  }
  const sheet = plans[0]!.name;
  const record: PaperRecord = {
    member: member.code,
    sheet,
    products: cells.map((c) => c.product).filter((p, i, all) => all.indexOf(p) === i),
    enteredBy: by,
    checkedBy,
    at,
  };
  // One apply: the scores, the mark, and their lines in the history stand or fall together.
  const history = historyWrite(read.historySheet, changes);
  await host.apply({
    appends: history.appends,
    plans: [
      ...plans,
      ...history.plans,
      planMeta({ ...meta, session, paper: [...(meta.paper ?? []), record] }),
    ],
    select: { sheet, row: 0, col: 1 },
  });
  return { comparison, findings, accepted: true, sheet, changes };
};
