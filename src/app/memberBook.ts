/**
 * A member workbook: the member's score sheet, the criteria reference, the products and the metadata,
 * self-contained so it can be filled anywhere and checked or imported later.
 */
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import { normaliseCode } from "../ocop/text";
import type { Member, RawValue, Session } from "../ocop/session";
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES } from "../layout/codes";
import { planCriteriaSheet } from "../layout/criteriaSheet";
import { LAYOUT_VERSION, planMeta } from "../layout/meta";
import { scoreSheetName } from "../layout/names";
import type { SheetPlan } from "../layout/plan";
import { blocksOf, enteredValues, planScoreSheet } from "../layout/scoreSheet";
import { planProductsSheet } from "../layout/setupSheets";
import { catalogueFor, type EditionLoader } from "./catalogue";
import { readWorkbook } from "./readWorkbook";
import { parseSheets } from "./scores";

export interface MemberBookOptions {
  session: Session;
  catalogue: Catalogue;
  member: Member;
  existing?: ReadonlyMap<string, RawValue>;
  password?: string;
  now?: Date;
}

export const planMemberBook = (opts: MemberBookOptions): SheetPlan[] => {
  const { session, catalogue, member } = opts;
  const forms = blocksOf(session, catalogue).map((b) => b.form);
  return [
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

export interface ExportResult {
  findings: Finding[];
  /** Members whose book was written. */
  members: string[];
}

/**
 * Writes one member's book per target, carrying over scores already on the council's sheet. `target`
 * is called once per member and returns an empty host to fill (e.g. a new PartsHost).
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
  if (!read.session || read.meta?.kind !== "council") return { findings, members: [] };
  const session = read.session;
  const { catalogue, findings: cf } = await catalogueFor(session, opts.load);
  findings.push(...cf);
  const parsed = parseSheets(read.scoreSheets, session, catalogue, opts.file);
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
    const own = parsed.find((p) => p.grid.name === scoreSheetName(member.code) && p.parsed.scores);
    const host = await target(member);
    await host.apply({
      plans: planMemberBook({
        session,
        catalogue,
        member,
        existing: enteredValues(own?.parsed.scores ?? null),
        password: opts.password,
        now: opts.now,
      }),
      select: { sheet: scoreSheetName(member.code), row: 0, col: 1 },
    });
    written.push(member.code);
    opts.onProgress?.(i + 1, members.length);
  }
  return { findings, members: written };
};
