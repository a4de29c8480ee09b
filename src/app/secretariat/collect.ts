/**
 * Collecting members' workbooks, many at once. `inspectBooks` reads and checks every file without
 * writing anything: which member, how far filled, what is wrong, and whether it would clash (two books
 * of one member in the batch, a file imported before, a council sheet already holding other scores).
 * `importBooks` then copies the ready ones into the council workbook in one apply, with one line per
 * file (name, SHA-256, member, time) in the metadata's import log, which the audit sheet prints.
 *
 * Cost: one read of the council workbook per call and one apply for the whole batch, whatever its size.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { LAYOUT_CODES } from "../../layout/codes";
import { planMeta, type ImportRecord } from "../../layout/meta";
import { roundSheetName, sameSheetName, SHEETS } from "../../layout/names";
import { enteredValues } from "../../layout/scoreSheet";
import { historyWrite } from "../../layout/history";
import { bookChanges } from "../../ocop/history";
import { planMemberRound } from "../deliberation/sheets";
import type { Catalogue } from "../../ocop/criteria/types";
import { CODES } from "../../ocop/codes";
import type { Finding } from "../../ocop/findings";
import { hasErrors } from "../../ocop/findings";
import type { MemberScores, Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";
import { validateMemberScores } from "../../ocop/validate";
import { askedSession, readBook } from "../books";
import { catalogueFor, type EditionLoader } from "../catalogue";
import { sha256Hex } from "../hash";
import { readWorkbook, type WorkbookRead } from "../readWorkbook";
import { hasEntries, parseSheets } from "../scores";
import type { FileWorkbook, WorkbookFiles } from "../workbookFiles";
import { COLLECT_CODES } from "./messages";
import { computeProgress } from "./progress";
import type { BookReport, PickedFile } from "./types";

interface Council {
  read: WorkbookRead & { session: Session; meta: NonNullable<WorkbookRead["meta"]> };
  catalogue: Catalogue;
}

/** The council workbook's session and catalogue; throws when the workbook holds no council session. */
const openCouncil = async (host: WorkbookHost, load?: EditionLoader): Promise<Council> => {
  const read = await readWorkbook(host);
  if (!read.session || !read.meta || read.meta.kind !== "council") {
    throw new Error("This workbook holds no council session: set the session up first.");
  }
  const { catalogue } = await catalogueFor(read.session, load);
  return { read: read as Council["read"], catalogue };
};

/** Which of a member's sheets a book stands for: the member and the round (issue 14). */
const sheetKey = (member: string, round: number | undefined): string =>
  `${normaliseCode(member)}|${round ?? 1}`;

const sameValues = (a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): number =>
  [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).length;

/**
 * Settles duplicates across a batch after files are added or dropped: two books of one member are both
 * flagged; a file whose SHA-256 was imported before is flagged as such. Pure.
 */
export const settleBatch = (reports: BookReport[], imports: readonly ImportRecord[]): BookReport[] => {
  const imported = new Map(imports.map((i) => [i.sha256, i]));
  const base = reports.map((r): BookReport => {
    if (r.status === "imported" || r.status === "unreadable" || r.status === "invalid") return r;
    const before = imported.get(r.sha256);
    if (before) {
      return {
        ...r,
        status: "alreadyImported",
        findings: [
          ...r.findings.filter(
            (f) => f.code !== COLLECT_CODES.alreadyImported && f.code !== COLLECT_CODES.duplicate
          ),
          {
            code: COLLECT_CODES.alreadyImported,
            severity: "warning",
            where: { file: r.file, member: r.member ?? undefined },
            params: { file: before.file, at: before.at },
          },
        ],
      };
    }
    return {
      ...r,
      status: r.replaces ? "duplicate" : "ready",
      findings: r.findings.filter(
        (f) => f.code !== COLLECT_CODES.duplicate && f.code !== COLLECT_CODES.alreadyImported
      ),
    };
  });
  // Two books of one member clash only in the same round: a round-1 and a round-2 book fill two sheets.
  const byMember = new Map<string, BookReport[]>();
  for (const r of base) {
    if (!r.member || (r.status !== "ready" && r.status !== "duplicate")) continue;
    const key = sheetKey(r.member, r.round);
    byMember.set(key, [...(byMember.get(key) ?? []), r]);
  }
  return base.map((r) => {
    const same = r.member ? byMember.get(sheetKey(r.member, r.round)) : undefined;
    if (!same || same.length < 2 || !same.includes(r)) return r;
    return {
      ...r,
      status: "duplicate",
      findings: [
        ...r.findings,
        {
          code: COLLECT_CODES.duplicate,
          severity: "error",
          where: { file: r.file, member: r.member ?? undefined },
          params: { member: r.member ?? "", count: same.length, files: same.map((x) => x.file) },
        },
      ],
    };
  });
};

const inspectOne = async (
  file: PickedFile,
  index: number,
  council: Council,
  councilScores: Map<string, MemberScores>,
  workbooks: WorkbookFiles
): Promise<BookReport> => {
  const { session } = council.read;
  const sha256 = await sha256Hex(file.bytes);
  const report: BookReport = {
    id: `${index}:${file.name}`,
    file: file.name,
    size: file.bytes.byteLength,
    sha256,
    member: null,
    memberName: null,
    status: "ready",
    findings: [],
    filled: 0,
    total: 0,
    replaces: null,
  };
  let host: FileWorkbook;
  try {
    host = await workbooks.open(file.bytes, file.name);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ...report,
      status: "unreadable",
      // The package guard says what the file is (an .xls, encrypted, truncated, …) and how to fix it.
      findings: workbooks.refusal(e) ?? [
        {
          code: LAYOUT_CODES.fileUnreadable,
          severity: "error",
          where: { file: file.name },
          params: { detail },
        },
      ],
    };
  }
  const book = await readBook(
    { host, file: file.name, sha256 },
    session,
    council.catalogue,
    council.read.deliberation
  );
  const scores = book.scores;
  const member = scores
    ? session.members.find((m) => normaliseCode(m.code) === normaliseCode(scores.member))
    : undefined;
  const findings: Finding[] = [...book.findings];
  const asked = scores
    ? askedSession(session, council.read.deliberation, scores.member, book.products)
    : session;
  if (scores) findings.push(...validateMemberScores(asked, council.catalogue, scores));
  const progress = scores ? computeProgress(asked, council.catalogue, [scores]) : null;
  const row = progress?.cells[session.members.indexOf(member!)] ?? [];
  const withMember: BookReport = {
    ...report,
    ...(book.round > 1 ? { round: book.round } : {}),
    member: scores?.member ?? null,
    memberName: member?.name ?? null,
    findings,
    filled: row.reduce((s, c) => s + c.filled, 0),
    total: row.reduce((s, c) => s + c.total, 0),
  };
  // An error in the book's layout or in a score it holds ("2,5", a level that does not exist) keeps it out: a
  // book with errors is never shown as ready, and the member sends a corrected one. Cells not yet scored are
  // not errors of the book: a partly scored book can be collected and completed later.
  const wrong = findings.filter(
    (f) => f.severity === "error" && f.code !== CODES.scoreMissing && f.code !== CODES.scoreProductMissing
  );
  if (!scores || !member || wrong.length > 0) return { ...withMember, status: "invalid" };
  // The council workbook may already hold this member's scores of the book's round (typed there, or an
  // earlier book).
  const current = councilScores.get(sheetKey(member.code, scores.round));
  if (current && hasEntries(current)) {
    const differing = sameValues(enteredValues(current), enteredValues(scores));
    if (differing > 0) {
      const sheet = roundSheetName(member.code, book.round);
      const last = [...council.read.meta.imports]
        .reverse()
        .find(
          (i) =>
            normaliseCode(i.member) === normaliseCode(member.code) &&
            (book.round === 1 || sameSheetName(i.sheet, sheet))
        );
      withMember.replaces = last?.file ?? SHEETS.meta;
      withMember.findings.push({
        code: COLLECT_CODES.replaces,
        severity: "warning",
        where: { file: file.name, member: member.code, sheet },
        params: { member: member.code, count: differing, source: last?.file ?? "" },
      });
    }
  }
  return withMember;
};

export const inspectBooks = async (
  host: WorkbookHost,
  files: PickedFile[],
  opts: { workbooks: WorkbookFiles; load?: EditionLoader }
): Promise<BookReport[]> => {
  const council = await openCouncil(host, opts.load);
  const parsed = parseSheets(council.read.scoreSheets, council.read.session, council.catalogue);
  const councilScores = new Map(
    parsed
      .filter((p) => p.parsed.scores)
      .map((p) => [sheetKey(p.parsed.scores!.member, p.parsed.scores!.round), p.parsed.scores!])
  );
  const reports: BookReport[] = [];
  // One at a time: each workbook is unpacked in memory, and a council may send forty.
  for (const [i, file] of files.entries())
    reports.push(await inspectOne(file, i, council, councilScores, opts.workbooks));
  return settleBatch(reports, council.read.meta.imports);
};

/**
 * Imports the books whose report is "ready" (a "duplicate" that only replaces earlier scores is imported
 * when the secretariat confirmed it: `confirmed` holds its id). Everything else is left out and unchanged.
 */
export const importBooks = async (
  host: WorkbookHost,
  files: PickedFile[],
  reports: BookReport[],
  opts: {
    workbooks: WorkbookFiles;
    confirmed?: ReadonlySet<string>;
    load?: EditionLoader;
    now?: Date;
    password?: string;
    /** Who imports, for the score history (the tool's name in the pane). */
    by?: string;
  }
): Promise<BookReport[]> => {
  const council = await openCouncil(host, opts.load);
  const { session, meta } = council.read;
  const settled = settleBatch(reports, meta.imports);
  const take = (r: BookReport) =>
    r.status === "ready" ||
    (r.status === "duplicate" &&
      r.replaces !== null &&
      opts.confirmed?.has(r.id) === true &&
      !r.findings.some((f) => f.code === COLLECT_CODES.duplicate));
  const chosen = settled.filter(take);
  if (!chosen.length) return settled;
  const at = (opts.now ?? new Date()).toISOString();
  const { deliberation } = council.read;
  // The sheets as they stand, for a later round's earlier scores shown beside the new ones (parsed only
  // when a later round's book is imported: a province's round-1 batch does not pay for it).
  let scores: MemberScores[] | null = null;
  const sheetsOf = (round: number): MemberScores[] =>
    round <= 1
      ? []
      : (scores ??= parseSheets(council.read.scoreSheets, session, council.catalogue)
          .map((p) => p.parsed.scores)
          .filter((x): x is MemberScores => x !== null));
  const plans = [];
  const imports = [...meta.imports];
  const history = [...council.read.history];
  const done = new Set<string>();
  for (const r of chosen) {
    const file = files.find((f, i) => `${i}:${f.name}` === r.id);
    if (!file) continue;
    const book = await readBook(
      { host: await opts.workbooks.open(file.bytes, file.name), file: file.name, sha256: r.sha256 },
      session,
      council.catalogue,
      deliberation
    );
    const member = book.scores
      ? session.members.find((m) => normaliseCode(m.code) === normaliseCode(book.scores!.member))
      : undefined;
    if (!book.scores || !member || hasErrors(book.findings)) continue;
    // The book fills the member's sheet of its round (recused cells locked as on the council's sheet).
    plans.push(
      planMemberRound(
        { session, catalogue: council.catalogue, deliberation, scores: sheetsOf(book.round) },
        member,
        book.round,
        {
          existing: enteredValues(book.scores),
          password: opts.password,
        }
      )
    );
    // Each score the book brings is kept in the history with the file's name and SHA-256.
    const source = { kind: "book" as const, file: file.name, sha256: r.sha256 };
    const brought = bookChanges(history, { ...book.scores, member: member.code }, source, at, opts.by ?? "");
    for (const c of brought) history.push(c);
    imports.push({
      file: file.name,
      sha256: r.sha256,
      member: member.code,
      sheet: roundSheetName(member.code, book.round),
      at,
    });
    done.add(r.id);
  }
  if (!plans.length) return settled;
  const rows = historyWrite(council.read.historySheet, history.slice(council.read.history.length));
  await host.apply({
    plans: [...plans, ...rows.plans, planMeta({ ...meta, session, imports })],
    appends: rows.appends,
  });
  return settled.map((r) => (done.has(r.id) ? { ...r, status: "imported" as const } : r));
};
