/**
 * The secretariat's run: read the council workbook (and any member workbooks), let the rules check and
 * compute, and — only when no error stands — write the results sheets in one apply. Scores from a member
 * workbook fill in for an empty council sheet of the same member; the book's sheet is copied in.
 */
import { consolidate as runRules } from "../ocop/consolidate";
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import type { Consolidation } from "../ocop/results";
import type { MemberScores, Session } from "../ocop/session";
import type { WorkbookHost } from "../hosts/workbook";
import { FORM_SHEET_PREFIX, planDocuments, type Deliberation } from "../layout/documents";
import { parseAuditSheet, planAuditSheet, type AuditInput } from "../layout/audit";
import { planMeta } from "../layout/meta";
import { SHEETS, sameSheetName, scoreSheetName } from "../layout/names";
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
  password?: string;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Rounds, recusals and the chair's decisions on flagged products, for the printed documents (optional). */
  deliberation?: Deliberation;
}

export interface ConsolidateResult {
  session: Session | null;
  /** Null when the workbook could not be read as a council workbook. */
  consolidation: Consolidation | null;
  findings: Finding[];
  written: boolean;
  /** The printed documents' sheets written (forms, score table, report, minutes, notices); empty if none. */
  documents?: string[];
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
    const r = await readBook(book, session, catalogue);
    findings.push(...r.findings);
    if (r.scores) fromBooks.push({ book, scores: r.scores });
    opts.onProgress?.(i + 2, total, book.file);
  }
  // A member's book stands in for their sheet in the council workbook when that sheet is still blank.
  const bookOf = new Map(fromBooks.map((b) => [b.scores.member, b.scores]));
  const scores: MemberScores[] = [];
  for (const s of own) {
    findings.push(...s.parsed.findings);
    const sc = s.parsed.scores;
    if (!sc) continue;
    // ... or when it holds exactly the book's scores (the book was copied in by an earlier run).
    const fromBook = bookOf.get(sc.member);
    if (fromBook && (!hasEntries(sc) || sameValues(enteredValues(sc), enteredValues(fromBook)))) continue;
    scores.push(sc);
  }
  scores.push(...fromBooks.map((b) => b.scores));

  const rules = runRules(session, catalogue, scores);
  const all = withoutEchoes([...findings, ...rules.findings]);
  const consolidation: Consolidation = { ...rules, findings: all };
  if (hasErrors(all)) return { session, consolidation, findings: all, written: false };

  const now = opts.now ?? new Date();
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
  // The paperwork to print and sign (layout/documents): forms, score table, report, minutes, notices.
  const documents = planDocuments(
    {
      session,
      consolidation,
      runDate,
      catalogue,
      scores,
      ...(opts.deliberation ? { deliberation: opts.deliberation } : {}),
    },
    read.minutes?.values ?? null
  );
  const plans: SheetPlan[] = [
    planResultsSheet(session, consolidation),
    planRankingSheet(session, consolidation, runDate),
    planSummarySheet(session, consolidation),
    ...proposals,
    ...documents,
  ];
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
    plans.push(
      planScoreSheet({
        session,
        catalogue,
        member,
        existing: enteredValues(sc),
        password: opts.password,
        editionTitle: catalogue.edition.decision,
      })
    );
    imports.push({
      file: book.file,
      sha256: book.sha256,
      member: member.code,
      sheet: scoreSheetName(member.code),
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
      },
      consolidation,
      "vi",
      // Every earlier run stays in the log; this one is added below them.
      parseAuditSheet(read.audit?.values ?? null)
    ),
    planMeta({ ...read.meta, session, imports })
  );
  await host.apply({ plans, remove: stale, select: { sheet: SHEETS.ranking, row: 0, col: 0 } });
  opts.onProgress?.(total, total, SHEETS.ranking);
  return { session, consolidation, findings: all, written: true, documents: documents.map((d) => d.name) };
};
