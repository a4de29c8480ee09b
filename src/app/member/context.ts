/**
 * Which session and which member an open workbook is about, for the member's task pane. The workbook is read
 * with the shared `readWorkbook` use case (metadata, and in a council workbook the setup sheets, which win over
 * the metadata's copy); the edition is loaded with the council's own forms merged in (`catalogueFor`). A member
 * workbook names its member; in a council workbook the member picks their name from the members list.
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { roundSheetName, scoreSheetName, sameSheetName } from "../../layout/names";
import { roundsOf } from "../../ocop/deliberation";
import type { Deliberation } from "../../ocop/history";
import type { WorkbookMeta } from "../../layout/meta";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import { catalogueFor } from "../catalogue";
import { readWorkbook } from "../readWorkbook";
import type { Finding } from "../../ocop/findings";
import type { Member, Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";

export interface MemberContext {
  kind: WorkbookMeta["kind"];
  session: Session;
  catalogue: Catalogue;
  /** The member a member workbook belongs to; null in a council workbook (the member picks a name). */
  bookMember: Member | null;
  /** The member code a member workbook's metadata names (even when the session no longer lists that member). */
  bookMemberCode: string | null;
  /** Names of the sheets in the workbook, to tell whether a member's score sheet is there. */
  sheetNames: string[];
  /** The scoring rounds (issue 14): a later round's sheet ("Phiếu TV01 vòng 2") is the one to fill. */
  deliberation?: Deliberation;
}

/** The round a member scores in this workbook, and its sheet. */
export interface MemberRound {
  number: number;
  sheet: string;
  /** The products a later round asks again; null in round 1 (every product). */
  products: string[] | null;
  /** When the secretariat closed the round (the sheet is locked); null while open. */
  closedAt: string | null;
  /** Who closed it, when the workbook says ("" when it does not). */
  closedBy: string;
}

/**
 * The latest round whose sheet for this member the workbook holds (a round-2 book holds only "Phiếu TV01
 * vòng 2"; a council workbook may hold both); round 1 when there is none.
 */
export const memberRound = (context: MemberContext, member: Member): MemberRound => {
  const d = context.deliberation;
  const rounds = d ? roundsOf(d, context.session) : [];
  for (const r of [...rounds].sort((a, b) => b.number - a.number)) {
    const sheet = roundSheetName(member.code, r.number);
    if (r.number > 1 && context.sheetNames.some((n) => sameSheetName(n, sheet)))
      return {
        number: r.number,
        sheet,
        products: r.products,
        closedAt: r.closedAt,
        closedBy: r.closedBy ?? "",
      };
  }
  const first = rounds.find((r) => r.number === 1);
  return {
    number: 1,
    sheet: scoreSheetName(member.code),
    products: null,
    closedAt: first?.closedAt ?? null,
    closedBy: first?.closedBy ?? "",
  };
};

export type OpenContextResult =
  | { ok: true; context: MemberContext; findings: Finding[] }
  /** No OCOP session in this workbook (no or damaged metadata), with the reasons. */
  | { ok: false; findings: Finding[] };

export type LoadCatalogue = (edition: string) => Promise<Catalogue>;

export const findMember = (session: Session, code: string | null | undefined): Member | null => {
  if (!code) return null;
  const key = normaliseCode(code);
  return session.members.find((m) => normaliseCode(m.code) === key) ?? null;
};

/** Reads the session from the workbook and loads its criteria. */
export const openMemberContext = async (
  host: WorkbookHost,
  loadCatalogue: LoadCatalogue = loadEdition
): Promise<OpenContextResult> => {
  const read = await readWorkbook(host);
  if (!read.meta || !read.session) return { ok: false, findings: read.findings };
  const session = read.session;
  const { catalogue, findings } = await catalogueFor(session, loadCatalogue);
  return {
    ok: true,
    context: {
      kind: read.meta.kind,
      session,
      catalogue,
      bookMember: read.meta.kind === "member" ? findMember(session, read.meta.member) : null,
      bookMemberCode: read.meta.kind === "member" ? read.meta.member : null,
      sheetNames: read.sheetNames,
      deliberation: read.deliberation,
    },
    // Accepted custom forms are warnings for the secretariat; a member only needs to hear about errors.
    findings: [...read.findings, ...findings].filter((f) => f.severity === "error"),
  };
};

export const hasScoreSheet = (context: MemberContext, member: Member): boolean =>
  context.sheetNames.some((n) => sameSheetName(n, memberRound(context, member).sheet));
