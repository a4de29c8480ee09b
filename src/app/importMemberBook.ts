/**
 * Imports a member's workbook into the council workbook: the member's sheet is planned again with the
 * book's values, and the file's SHA-256 is recorded in the metadata (and later in the audit log). A
 * council sheet that already holds different scores is never overwritten unless asked.
 */
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES } from "../layout/codes";
import { planMeta } from "../layout/meta";
import { scoreSheetName } from "../layout/names";
import { enteredValues, planScoreSheet } from "../layout/scoreSheet";
import { readBook, type BookInput } from "./books";
import { catalogueFor, type EditionLoader } from "./catalogue";
import { readWorkbook } from "./readWorkbook";
import { parseSheets } from "./scores";

export interface ImportOptions {
  /** Replace a council sheet whose scores differ from the book's. */
  replace?: boolean;
  password?: string;
  load?: EditionLoader;
  file?: string;
  now?: Date;
}

export const importMemberBook = async (
  host: WorkbookHost,
  book: BookInput,
  opts: ImportOptions = {}
): Promise<{ findings: Finding[]; member: string | null }> => {
  const read = await readWorkbook(host, opts.file);
  const findings = [...read.findings];
  if (!read.session || !read.meta || read.meta.kind !== "council") return { findings, member: null };
  const session = read.session;
  const { catalogue, findings: cf } = await catalogueFor(session, opts.load);
  findings.push(...cf);
  const fromBook = await readBook(book, session, catalogue);
  findings.push(...fromBook.findings);
  const scores = fromBook.scores;
  if (!scores || hasErrors(fromBook.findings)) return { findings, member: scores?.member ?? null };
  const member = session.members.find((m) => m.code === scores.member);
  if (!member) {
    findings.push({
      code: APP_CODES.memberNotInSession,
      severity: "error",
      where: { file: book.file, member: scores.member },
      params: { member: scores.member },
    });
    return { findings, member: null };
  }
  const name = scoreSheetName(member.code);
  const current = parseSheets(
    read.scoreSheets.filter((g) => g.name === name),
    session,
    catalogue,
    opts.file
  )[0];
  const before = enteredValues(current?.parsed.scores ?? null);
  const after = enteredValues(scores);
  const differing = [...before].filter(([k, v]) => after.get(k) !== v).length;
  if (differing > 0 && !opts.replace) {
    findings.push({
      code: APP_CODES.bookConflict,
      severity: "error",
      where: { file: opts.file, sheet: name, member: member.code },
      params: { member: member.code, count: differing, file: book.file },
    });
    return { findings, member: member.code };
  }
  const at = (opts.now ?? new Date()).toISOString();
  const meta = {
    ...read.meta,
    session,
    imports: [
      ...read.meta.imports,
      { file: book.file, sha256: book.sha256, member: member.code, sheet: name, at },
    ],
  };
  await host.apply({
    plans: [
      planScoreSheet({
        session,
        catalogue,
        member,
        existing: after,
        password: opts.password,
        editionTitle: catalogue.edition.decision,
      }),
      planMeta(meta),
    ],
    select: { sheet: name, row: 0, col: 1 },
  });
  return { findings, member: member.code };
};
