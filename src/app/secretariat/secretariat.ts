/**
 * The secretariat's use cases over one workbook host: the task pane passes the Excel host, the standalone
 * page a file workbook (an .xlsx in memory) holding the council workbook; members' books, tables and forms
 * files are opened and made through the `WorkbookFiles` port the surface's composition file gives. Each method is one step of the
 * council's day; the views call nothing else. Built on the shared use cases (src/app) and, where none
 * existed, on the layout and rules directly (collect.ts, updateSession.ts; the proposal lists are planned in layout/proposals.ts).
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { LAYOUT_CODES } from "../../layout/codes";
import "../../layout/messages";
import { parseAddress } from "../../layout/a1";
import { sameSheetName, scoreSheetName, SHEETS } from "../../layout/names";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import type { Finding, Where } from "../../ocop/findings";
import { hasErrors } from "../../ocop/findings";
import type { Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";
import { catalogueFor, type EditionLoader } from "../catalogue";
import { checkSheets } from "../checkSheets";
import { consolidateWorkbook, type ConsolidateOptions } from "../consolidate";
import { importFormsFile } from "../importForms";
import { exportMemberBooks } from "../memberBook";
import { readWorkbook } from "../readWorkbook";
import { setUpSession } from "../setUpSession";
import { PROPOSAL_SHEETS, proposalOutcomes } from "../../layout/proposals";
import { legacyCertificateCandidates, legacyCertificatesToRemove } from "../../layout/legacyCertificates";
import { importBooks, inspectBooks } from "./collect";
import { acceptPaperForm, paperForm } from "./paperEntry";
import { COLLECT_CODES } from "./messages";
import { computeProgress } from "./progress";
import { importMembers, importProducts } from "./tables";
import type { ConsolidateOutcome, MemberBookFile, OpenState, SecretariatApi } from "./types";
import { updateSession } from "./updateSession";
import type { FileWorkbook, WorkbookFiles } from "../workbookFiles";
import {
  closeRound,
  openRound,
  recordChairDecision,
  recordRecusal,
  recordScoreChanges,
  reopenRound,
} from "../deliberation";
import { publishRefusal } from "../../ocop/deliberation";
import { EMPTY_DELIBERATION } from "../../ocop/history";

export interface SecretariatOptions {
  /** "ocop-taskpane" or "ocop-standalone", written in the audit log. */
  tool: string;
  /** Opens and makes workbook files (members' books, tables, forms), and zips them. */
  workbooks: WorkbookFiles;
  load?: EditionLoader;
  /** Password for protected sheets (a deterrent only). */
  password?: string;
  now?: () => Date;
  /** A new session id (random by default). */
  newId?: () => string;
}

const randomId = (): string => {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
};

/** ASCII file names travel best through mail and chat apps: "Phieu-cham_TV01_2026.xlsx". */
export const asciiName = (text: string): string =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");

const memberBookFinding = (member: string | null): Finding => ({
  code: COLLECT_CODES.memberBook,
  severity: "error",
  where: { sheet: SHEETS.meta },
  params: { member: member ?? "?" },
});

export const createSecretariat = (host: WorkbookHost, options: SecretariatOptions): SecretariatApi => {
  const load = options.load ?? loadEdition;
  const now = options.now ?? (() => new Date());
  const password = options.password;
  const workbooks = options.workbooks;

  const councilSession = async (): Promise<{ session: Session; catalogue: Catalogue }> => {
    const read = await readWorkbook(host, undefined, { scoreSheets: false, history: false });
    if (!read.session || read.meta?.kind !== "council")
      throw new Error("No council session in this workbook.");
    const { catalogue } = await catalogueFor(read.session, load);
    return { session: read.session, catalogue };
  };

  /** Members' books in one pass over the council workbook, whatever their number. */
  const books = async (
    members?: string[]
  ): Promise<{ files: MemberBookFile[]; session: Session; round: string }> => {
    const { session } = await councilSession();
    const targets = new Map<string, FileWorkbook>();
    const result = await exportMemberBooks(
      host,
      (member) => {
        const target = workbooks.create();
        targets.set(member.code, target);
        return target;
      },
      { members, password, load, now: now() }
    );
    if (!result.members.length)
      throw new Error(`No book was written for ${members?.join(", ") ?? "the members"}.`);
    // A later round's books are told apart from round 1's by their names: "Phieu-cham_TV01_2026_vong-2.xlsx".
    const round = result.round > 1 ? `_vong-${result.round}` : "";
    const files: MemberBookFile[] = [];
    for (const code of result.members) {
      files.push({
        fileName: `${asciiName(`Phieu-cham_${normaliseCode(code)}_${session.council.year}${round}`)}.xlsx`,
        bytes: await targets.get(code)!.toBuffer(),
      });
    }
    return { files, session, round };
  };

  const deliberationOpts = () => ({ load, password, now: now(), by: options.tool });

  /** One consolidation run; `forms` says whose evaluation forms it writes (see ConsolidateOptions.forms). */
  const runConsolidation = async (forms: ConsolidateOptions["forms"]): Promise<ConsolidateOutcome> => {
    const at = now();
    // In Excel a form is some 50 KB of office-js requests (its level texts, a row height per criterion): a
    // province member's 400 forms would take several round trips with every run, so there they are written on
    // demand only, member by member (then kept current). Files take them all up to the usual limit.
    const formsLimit = host.kind === "excel" ? 0 : undefined;
    const r = await consolidateWorkbook(host, {
      load,
      now: at,
      tool: options.tool,
      password,
      forms,
      ...(formsLimit === undefined ? {} : { formsLimit }),
    });
    if (!r.consolidation || !r.session) {
      return { consolidation: null, findings: r.findings, written: false, sheets: [] };
    }
    // One apply writes every results sheet; "Nhật ký" keeps an entry for every run, so no other history.
    const sheets: string[] = [
      SHEETS.results,
      SHEETS.ranking,
      SHEETS.summary,
      ...proposalOutcomes(r.consolidation).map((o) => PROPOSAL_SHEETS[o]!),
      ...(r.documents ?? []),
      SHEETS.audit,
    ];
    return {
      consolidation: r.consolidation,
      findings: r.findings,
      written: r.written,
      sheets: r.written ? sheets : [],
      ...(r.formsDeferred ? { formsDeferred: r.formsDeferred } : {}),
    };
  };

  const api: SecretariatApi = {
    async open(): Promise<OpenState> {
      const read = await readWorkbook(host, undefined, { scoreSheets: false, history: false });
      const blank = !read.meta && read.findings.every((f) => f.code === LAYOUT_CODES.metaMissing);
      const findings = blank ? [] : read.findings;
      if (read.meta?.kind === "member") findings.push(memberBookFinding(read.meta.member));
      if (!read.session || read.meta?.kind !== "council") {
        return {
          session: null,
          catalogue: null,
          findings,
          sheetNames: read.sheetNames,
          imports: [],
          deliberation: EMPTY_DELIBERATION,
        };
      }
      const { catalogue, findings: cf } = await catalogueFor(read.session, load);
      return {
        session: read.session,
        catalogue,
        findings: [...findings, ...cf],
        sheetNames: read.sheetNames,
        imports: read.meta.imports,
        deliberation: read.deliberation,
      };
    },

    catalogue: (edition) => load(edition),

    async setUp(draft) {
      // With the council's own forms in place, so products on those forms get their score columns. A form
      // that no longer passes (e.g. the edition was changed after loading it) refuses the setup, writing nothing.
      const { catalogue, findings: own } = await catalogueFor(draft, load);
      if (hasErrors(own)) return { session: draft, findings: own, written: false };
      const sheets = await host.listSheets();
      if (!sheets.some((s) => sameSheetName(s.name, SHEETS.meta))) {
        const session = { ...draft, id: draft.id || options.newId?.() || randomId() };
        const r = await setUpSession(host, { session, catalogue, password, now: now() });
        return { session, findings: r.findings, written: r.findings.length === 0 };
      }
      const r = await updateSession(host, draft, catalogue, { load, password });
      if (!r.written && !r.findings.length) {
        const meta = (await readWorkbook(host)).meta;
        return { session: draft, findings: [memberBookFinding(meta?.member ?? null)], written: false };
      }
      const reread = await readWorkbook(host, undefined, { scoreSheets: false, history: false });
      return { session: reread.session ?? draft, findings: r.findings, written: r.written };
    },

    async readSetupSheets() {
      const read = await readWorkbook(host, undefined, { scoreSheets: false, history: false });
      return { session: read.session, findings: read.findings };
    },

    importProducts: (source) => importProducts(source, workbooks),
    importMembers: (source) => importMembers(source, workbooks),
    importForms: (file, edition) => importFormsFile(file, { edition, load, workbooks }),

    async writeScoreSheets() {
      // The session as it stands, planned again in one apply: every member's sheet, scores kept.
      const { session, catalogue } = await councilSession();
      const first = session.members[0];
      const r = await updateSession(host, session, catalogue, {
        load,
        password,
        select: first ? scoreSheetName(first.code) : undefined,
      });
      return { sheets: r.written ? session.members.map((m) => m.code) : [], findings: r.findings };
    },

    memberBook: async (member) => (await books([member])).files[0]!,

    async allMemberBooks() {
      const { files, session, round } = await books();
      return {
        fileName: `${asciiName(`Phieu-cham_${session.council.year}_${session.members.length}-thanh-vien${round}`)}.zip`,
        bytes: await workbooks.zip(files),
      };
    },

    inspectBooks: (files) => inspectBooks(host, files, { workbooks, load }),

    importBooks: (files, reports, confirmed) =>
      importBooks(host, files, reports, {
        workbooks,
        confirmed,
        load,
        now: now(),
        password,
        by: options.tool,
      }),

    paperForm: (request) => paperForm(host, request, { load }),

    acceptPaperForm: (submission) => acceptPaperForm(host, submission, { load, now: now(), password }),

    async checkAll() {
      const r = await checkSheets(host, { load });
      if (!r.session) return { findings: r.findings, progress: null, sheets: {} };
      const { catalogue } = await catalogueFor(r.session, load);
      const sheets: Record<string, string> = {};
      for (const s of r.scores) if (s.sheet) sheets[s.member] = s.sheet;
      return { findings: r.findings, progress: computeProgress(r.session, catalogue, r.scores), sheets };
    },

    consolidate: () => runConsolidation("auto"),
    writeForms: (members) => runConsolidation(members),

    async publish() {
      const run = await api.consolidate();
      if (!run.written || !run.consolidation) return { ...run, published: [], proposed: [] };
      const c = run.consolidation;
      // Products awaiting discussion keep every document a draft: nothing is published until the council
      // scored them again or the chair decided (the finding names them and says what to do).
      const refusal = publishRefusal(c);
      if (refusal)
        return {
          ...run,
          written: false,
          findings: [refusal, ...run.findings],
          published: [],
          proposed: [],
          refusal,
        };
      const infos = await host.listSheets();
      const candidates = legacyCertificateCandidates(infos.map((i) => i.name));
      const { sheets: grids } = candidates.length ? await host.readSheets(candidates) : { sheets: [] };
      const legacy = legacyCertificatesToRemove(grids);
      const lists = proposalOutcomes(c).map((o) => PROPOSAL_SHEETS[o]!);
      await host.apply({
        plans: [],
        remove: legacy,
        select: { sheet: lists[0] ?? SHEETS.ranking, row: 0, col: 0 },
      });
      const proposed = new Set(proposalOutcomes(c));
      return {
        ...run,
        published: run.sheets,
        proposed: c.products.filter((p) => proposed.has(p.outcome)).map((p) => p.product),
      };
    },

    openRound: (products, reason) => openRound(host, { products, reason }, deliberationOpts()),
    closeRound: (person) => closeRound(host, {}, { ...deliberationOpts(), person }),
    reopenRound: (reason) => reopenRound(host, { reason }, deliberationOpts()),
    recordRecusal: (recusal) => recordRecusal(host, recusal, deliberationOpts()),
    recordChairDecision: (decision) => recordChairDecision(host, decision, deliberationOpts()),
    recordScoreChanges: (changes, also) => recordScoreChanges(host, changes, also),

    async goTo(where: Where) {
      if (!where.sheet) return;
      const at = where.cell ? parseAddress(where.cell) : null;
      await host.apply({ plans: [], select: { sheet: where.sheet, row: at?.row ?? 0, col: at?.col ?? 0 } });
    },
  };
  return api;
};
