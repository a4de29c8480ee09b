/**
 * The secretariat's run: read the council workbook (and any member workbooks), let the rules check and
 * compute, and — only when no error stands — write the results sheets in one apply. Scores from a member
 * workbook fill in for an empty council sheet of the same member; the book's sheet is copied in.
 */
import { computeResults, consolidate as runRules } from "../ocop/consolidate";
import { changedAfterClose } from "../ocop/closing";
import {
  bookChanges,
  recordInto,
  recordedValues,
  sheetChanges,
  type Deliberation,
  type ScoreChange,
} from "../ocop/history";
import { latestRounds } from "../ocop/deliberation";
import { markDraft } from "../layout/draft";
import { normaliseCode } from "../ocop/text";
import { historyWrite } from "../layout/history";
import { deliberationAuditFacts, type EarlierTotals } from "../layout/deliberation";
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import { DOCUMENT_CODES } from "./documentsMessages";
import type { Consolidation } from "../ocop/results";
import type { MemberScores, RawValue, Session } from "../ocop/session";
import type { WorkbookHost } from "../hosts/workbook";
import {
  FORMS_WITH_EVERY_CONSOLIDATION,
  FORM_SHEET_PREFIX,
  formCount,
  formSheetName,
  membersWithForms,
  planDocuments,
  type FormsChoice,
} from "../layout/documents";
import { documentDeliberation } from "../layout/documents/fromDeliberation";
import { parseAuditSheet, planAuditSheet, type AuditInput } from "../layout/audit";
import { planMeta } from "../layout/meta";
import { SHEETS, roundSheetName, sameSheetName } from "../layout/names";
import { ALL_PROPOSAL_SHEETS, planProposalSheets } from "../layout/proposals";
import type { SheetPlan } from "../layout/plan";
import { dateLine, planRankingSheet } from "../layout/ranking";
import { planResultsSheet } from "../layout/results";
import { enteredValues, planScoreSheet } from "../layout/scoreSheet";
import { planSummarySheet } from "../layout/summary";
import { readBook, type BookInput } from "./books";
import { catalogueFor, type EditionLoader } from "./catalogue";
import { readWorkbook } from "./readWorkbook";
import { hasEntries, parseSheets, withoutEchoes } from "./scores";

const sameValues = (a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

export interface ConsolidateOptions {
  books?: BookInput[];
  /** The council workbook's file name and SHA-256, for the audit log (empty in Excel). */
  file?: string;
  sha256?: string;
  load?: EditionLoader;
  now?: Date;
  tool?: string;
  /** Who runs it, for the score history ("CLI" from the command line). */
  by?: string;
  password?: string;
  onProgress?: (done: number, total: number, label: string) => void;
  /**
   * Whose evaluation forms ("Phiếu đánh giá TV01") to write: "all", "none", member codes, or by default
   * "auto": all while they are at most FORMS_WITH_EVERY_CONSOLIDATION, otherwise only the members whose form
   * sheets the workbook already holds (kept up to date). Named members' forms are added to those already
   * there; "none" removes them all.
   */
  forms?: "auto" | "none" | FormsChoice;
  /** The most forms "auto" writes with every run (default FORMS_WITH_EVERY_CONSOLIDATION). */
  formsLimit?: number;
}

/** Forms not written by this run because there were too many (the "auto" choice). */
export interface FormsDeferred {
  /** Forms "all" would have written. */
  forms: number;
  limit: number;
  /** Members whose forms are in the workbook after the run. */
  written: string[];
  /** Members who scored but whose forms were not written. */
  notWritten: string[];
}

export interface ConsolidateResult {
  session: Session | null;
  /** Null when the workbook could not be read as a council workbook. */
  consolidation: Consolidation | null;
  findings: Finding[];
  written: boolean;
  /** The printed documents' sheets written (forms, score table, report, minutes, notices); empty if none. */
  documents?: string[];
  /** Set when the members' forms were left to be written on demand (too many for every run). */
  formsDeferred?: FormsDeferred;
}

export const consolidateWorkbook = async (
  host: WorkbookHost,
  opts: ConsolidateOptions = {}
): Promise<ConsolidateResult> => {
  const books = opts.books ?? [];
  const total = books.length + 2;
  const read = await readWorkbook(host, opts.file, { withAudit: true });
  opts.onProgress?.(1, total, opts.file ?? "");
  const findings = [...read.findings];
  if (!read.session || !read.meta || read.meta.kind !== "council")
    return { session: null, consolidation: null, findings, written: false };
  const session = read.session;
  const { catalogue, findings: cf } = await catalogueFor(session, opts.load);
  findings.push(...cf);

  const own = parseSheets(read.scoreSheets, session, catalogue, opts.file);
  const fromBooks: { book: BookInput; scores: MemberScores }[] = [];
  for (const [i, book] of books.entries()) {
    const r = await readBook(book, session, catalogue, read.deliberation);
    findings.push(...r.findings);
    if (r.scores) fromBooks.push({ book, scores: r.scores });
    opts.onProgress?.(i + 2, total, book.file);
  }
  // A member's book stands in for their sheet (of the same round) in the council workbook when that sheet
  // is still blank.
  const roundKey = (s: MemberScores): string => `${s.member}|${s.round ?? 1}`;
  const bookOf = new Map(fromBooks.map((b) => [roundKey(b.scores), b.scores]));
  const councilScores: MemberScores[] = [];
  const scores: MemberScores[] = [];
  for (const s of own) {
    findings.push(...s.parsed.findings);
    const sc = s.parsed.scores;
    if (!sc) continue;
    councilScores.push(sc);
    // ... or when it holds exactly the book's scores (the book was copied in by an earlier run).
    const fromBook = bookOf.get(roundKey(sc));
    if (fromBook && (!hasEntries(sc) || sameValues(enteredValues(sc), enteredValues(fromBook)))) continue;
    scores.push(sc);
  }
  scores.push(...fromBooks.map((b) => b.scores));

  const deliberation = read.deliberation;
  const now = opts.now ?? new Date();
  // The history first: a cell changed in a closed round is refused (the history says what it was); every
  // other change typed into the workbook or brought by a book is recorded before the results are.
  findings.push(...changedAfterClose(deliberation.rounds, read.history, councilScores));
  const closed = new Set(deliberation.rounds.filter((r) => r.closedAt !== null).map((r) => r.number));
  const by = opts.by ?? opts.tool ?? "ocop";
  // One index of the recorded values for the sheets and all the books (a province's history holds some
  // 185,000 cells).
  const recorded = recordedValues(read.history);
  const typed = sheetChanges(
    recorded,
    councilScores.filter((s) => !closed.has(s.round ?? 1)),
    now.toISOString(),
    by
  );
  recordInto(recorded, typed);
  const history: ScoreChange[] = [...read.history, ...typed];
  const at = now.toISOString();
  for (const [i, { book, scores: sc }] of fromBooks.entries()) {
    const from = history.length;
    // One source object per book, shared by its rows (a book holds thousands of cells).
    const source = { kind: "book" as const, file: book.file, sha256: book.sha256 };
    for (const c of bookChanges(recorded, sc, source, at, by)) history.push(c);
    // Only a later book of the same member and round compares with what this one brought.
    if (fromBooks.slice(i + 1).some((b) => roundKey(b.scores) === roundKey(sc)))
      recordInto(recorded, history.slice(from));
  }

  const rules = runRules(session, catalogue, scores, deliberation);
  const all = withoutEchoes([...findings, ...rules.findings]);
  const consolidation: Consolidation = { ...rules, findings: all };
  if (hasErrors(all)) return { session, consolidation, findings: all, written: false };

  const inputs: AuditInput[] = [
    { file: opts.file ?? "(sổ đang mở)", role: "council", sha256: opts.sha256 ?? "" },
    ...fromBooks.map((b) => ({
      file: b.book.file,
      role: "member" as const,
      member: b.scores.member,
      sha256: b.book.sha256,
    })),
  ];
  const runDate = now.toISOString().slice(0, 10);
  const proposals = planProposalSheets(
    session,
    consolidation,
    dateLine(session.council.place, session.council.date || runDate)
  );
  // While products await discussion, every document is a draft listing them.
  const waiting = consolidation.needsDiscussion ?? [];
  // The paperwork to print and sign (layout/documents): forms, score table, report, minutes, notices.
  const docInput = {
    session,
    consolidation,
    runDate,
    catalogue,
    scores,
    deliberation: documentDeliberation(deliberation),
  };
  const forms = chooseForms(
    opts.forms ?? "auto",
    docInput,
    read.sheetNames,
    opts.formsLimit ?? FORMS_WITH_EVERY_CONSOLIDATION
  );
  const unknown = unknownFormMembers(opts.forms, docInput);
  if (unknown.length) return { session, consolidation, findings: [...all, ...unknown], written: false };
  const documents = planDocuments(docInput, read.minutes?.values ?? null, forms.choice);
  const plans: SheetPlan[] = [
    planResultsSheet(session, consolidation),
    planRankingSheet(session, consolidation, runDate),
    planSummarySheet(session, consolidation),
    ...proposals,
    ...documents,
  ].map((p) => markDraft(p, waiting));
  const historyRows = historyWrite(read.historySheet, history.slice(read.history.length));
  plans.push(...historyRows.plans);
  // Lists this level no longer gives (the level changed), and the single list earlier versions wrote.
  const stale = read.sheetNames.filter(
    (n) =>
      ([...ALL_PROPOSAL_SHEETS, SHEETS.certificates].some((o) => sameSheetName(o, n)) ||
        n.normalize("NFC").toLowerCase().startsWith(FORM_SHEET_PREFIX.toLowerCase())) &&
      !plans.some((p) => sameSheetName(p.name, n))
  );
  // Copy the books' sheets in, so the workbook shows every score the ranking rests on.
  const imports = [...read.meta.imports];
  for (const { book, scores: sc } of fromBooks) {
    const member = session.members.find((m) => m.code === sc.member);
    if (!member) continue;
    const roundNo = sc.round ?? 1;
    const round = deliberation.rounds.find((r) => r.number === roundNo);
    plans.push(
      planScoreSheet({
        session,
        catalogue,
        member,
        existing: enteredValues(sc),
        password: opts.password,
        editionTitle: catalogue.edition.decision,
        recused: deliberation.recusals.filter((x) => x.member === member.code).map((x) => x.product),
        ...(round && roundNo > 1
          ? {
              round: {
                number: roundNo,
                products: round.products,
                previous: previousScores(scores, member.code, roundNo),
              },
            }
          : {}),
      })
    );
    imports.push({
      file: book.file,
      sha256: book.sha256,
      member: member.code,
      sheet: roundSheetName(member.code, roundNo),
      at: now.toISOString(),
    });
  }
  plans.push(
    planAuditSheet(
      {
        at: now.toISOString(),
        tool: opts.tool ?? "ocop",
        editionTitle: catalogue.edition.decision,
        inputs,
        imports,
        extraFacts: deliberationAuditFacts(
          deliberation,
          earlierTotals(session, catalogue, scores, deliberation)
        ),
      },
      consolidation,
      "vi",
      // Every earlier run stays in the log; this one is added below them.
      parseAuditSheet(read.audit?.values ?? null)
    ),
    planMeta({ ...read.meta, session, imports })
  );
  await host.apply({
    plans,
    appends: historyRows.appends,
    remove: stale,
    select: { sheet: SHEETS.ranking, row: 0, col: 0 },
  });
  opts.onProgress?.(total, total, SHEETS.ranking);
  return {
    session,
    consolidation,
    findings: all,
    written: true,
    documents: documents.map((d) => d.name),
    ...(forms.deferred ? { formsDeferred: forms.deferred } : {}),
  };
};

/** Members named for forms who are not on the council or have not scored: the run writes nothing. */
const unknownFormMembers = (
  asked: ConsolidateOptions["forms"],
  input: Parameters<typeof formCount>[0]
): Finding[] => {
  if (asked === undefined || typeof asked === "string") return [];
  const known = membersWithForms(input).map((m) => normaliseCode(m.code));
  return asked
    .filter((m) => !known.includes(normaliseCode(m)))
    .map((member) => ({
      code: DOCUMENT_CODES.formsUnknownMember,
      severity: "error" as const,
      where: { member },
      params: { member },
    }));
};

/** The forms this run writes: see ConsolidateOptions.forms. */
const chooseForms = (
  asked: NonNullable<ConsolidateOptions["forms"]>,
  input: Parameters<typeof formCount>[0],
  sheetNames: readonly string[],
  limit: number
): { choice: FormsChoice; deferred: FormsDeferred | null } => {
  if (asked === "none") return { choice: [], deferred: null };
  if (asked === "all") return { choice: "all", deferred: null };
  const members = membersWithForms(input).map((m) => m.code);
  // Forms already in the workbook are rewritten from the current scores, never left stale.
  const present = members.filter((m) => sheetNames.some((n) => sameSheetName(n, formSheetName(m))));
  const count = formCount(input);
  if (asked !== "auto") {
    // Named members' forms join those already written; above the limit the rest stay on demand.
    const named = members.filter(
      (m) => present.includes(m) || asked.some((a) => normaliseCode(a) === normaliseCode(m))
    );
    return {
      choice: named,
      deferred:
        count > limit && named.length < members.length
          ? { forms: count, limit, written: named, notWritten: members.filter((m) => !named.includes(m)) }
          : null,
    };
  }
  if (count <= limit) return { choice: "all", deferred: null };
  const written = present;
  return {
    choice: written,
    deferred: {
      forms: count,
      limit,
      written,
      notWritten: members.filter((m) => !written.includes(m)),
    },
  };
};

/** A member's scores of the rounds before `round` (the latest earlier value of each cell), by scoreKey. */
export const previousScores = (
  all: readonly MemberScores[],
  member: string,
  round: number
): Map<string, RawValue> => {
  const out = new Map<string, RawValue>();
  const earlier = all
    .filter((s) => s.member === member && (s.round ?? 1) < round)
    .sort((a, b) => (a.round ?? 1) - (b.round ?? 1));
  for (const s of earlier) for (const [k, v] of enteredValues(s)) out.set(k, v);
  return out;
};

/** Member totals of each product in the rounds before its latest one: they stay in the audit log. */
export const earlierTotals = (
  session: Session,
  catalogue: Catalogue,
  all: readonly MemberScores[],
  d: Deliberation
): EarlierTotals[] => {
  const latest = latestRounds(d);
  if (latest.size === 0) return [];
  const out: EarlierTotals[] = [];
  const rounds = [...new Set(all.map((s) => s.round ?? 1))].sort((a, b) => a - b);
  for (const round of rounds) {
    const results = computeResults(
      session,
      catalogue,
      all.filter((s) => (s.round ?? 1) === round),
      { ...session.settings, chairMustScore: false }
    );
    for (const r of results) {
      const last = latest.get(normaliseCode(r.product)) ?? 1;
      if (round >= last || r.members.length === 0) continue;
      out.push({
        product: r.product,
        round,
        totals: r.members.map((m) => ({ member: m.member, total: m.total })),
      });
    }
  }
  return out;
};
