/**
 * Reads a council or member workbook into the model in one round trip: the metadata, the session (the
 * setup sheets win over the metadata's copy, since the secretariat edits them), and the score sheets.
 */
import { cellProblemFindings } from "../layout/cellProblems";
import type { Finding } from "../ocop/findings";
import type { Session } from "../ocop/session";
import type { SheetGrid, WorkbookHost } from "../hosts/workbook";
import { ALL_PROPOSAL_SHEETS } from "../layout/proposals";
import { LAYOUT_CODES } from "../layout/codes";
import { parseCriteriaSheet } from "../layout/criteriaSheet";
import { parseMeta, type WorkbookMeta } from "../layout/meta";
import { SCORE_SHEET_PREFIX, SHEETS, sameSheetName } from "../layout/names";
import { DOCUMENT_SHEETS, FORM_SHEET_PREFIX } from "../layout/documents/names";
import { isScoreSheet } from "../layout/scoreSheet";
import { membersFromRows, parseSessionSheet, productsFromRows } from "../layout/setupSheets";
import { parseHistorySheet } from "../layout/history";
import { parseDeliberationSheet } from "../layout/deliberation";
import { EMPTY_DELIBERATION, type Deliberation, type ScoreChange } from "../ocop/history";

export interface WorkbookRead {
  file?: string;
  meta: WorkbookMeta | null;
  session: Session | null;
  /** Sheets carrying a score-sheet anchor, or named like one ("Phiếu …"). */
  scoreSheets: SheetGrid[];
  sheetNames: string[];
  findings: Finding[];
  /** The audit log sheet, when asked for (`withAudit`) and present: its earlier entries are kept. */
  audit?: SheetGrid;
  /** Every score change so far ("Lịch sử điểm"); empty in a member workbook or before any. */
  history: ScoreChange[];
  /** The workbook has the add-in's history sheet (new rows are appended to it, see `historyWrite`). */
  historySheet: boolean;
  /** Rounds, recusals, the chair's decisions ("Vòng chấm"); none yet when the sheet is absent. */
  deliberation: Deliberation;
  /** The minutes, when present: the fields the secretariat typed are kept by the next run. */
  minutes?: SheetGrid;
}

/** Sheets the add-in rewrites; nothing in them is read back. */
const OUTPUTS = [
  SHEETS.results,
  SHEETS.ranking,
  SHEETS.summary,
  SHEETS.audit,
  SHEETS.certificates,
  ...ALL_PROPOSAL_SHEETS,
  SHEETS.criteria,
  DOCUMENT_SHEETS.scoreTable,
  DOCUMENT_SHEETS.report,
  DOCUMENT_SHEETS.notices,
];

/** The printed documents' sheets, rewritten whole (the members' forms start "Phiếu đánh giá "). */
const isOutput = (name: string): boolean =>
  OUTPUTS.some((o) => sameSheetName(o, name)) ||
  name.normalize("NFC").toLowerCase().startsWith(FORM_SHEET_PREFIX.toLowerCase());

/** The add-in's own sheets and the setup sheets: parsed from their values alone, so read without formulas. */
const VALUES_SHEETS = [
  SHEETS.meta,
  SHEETS.session,
  SHEETS.products,
  SHEETS.members,
  SHEETS.customCriteria,
  SHEETS.history,
  SHEETS.deliberation,
  SHEETS.audit,
  DOCUMENT_SHEETS.minutes,
];

export interface ReadWorkbookOptions {
  /** Also read the audit log (its earlier entries are kept by the next write). */
  withAudit?: boolean;
  /**
   * Read the score sheets for their values alone, as the deliberation's use cases do: they plan sheets again
   * from the values and check nothing (formulas in score cells, merges) that only a full read shows. Excel
   * answers about half as much.
   */
  valuesOnly?: boolean;
  /** Read the score history (default true); use cases that neither write nor compare it leave it out. */
  history?: boolean;
  /**
   * Read the score sheets (default true). Without them only the add-in's own sheets and the setup sheets are
   * read: what opening the pane or the session's setup needs, whatever the number of members and products.
   */
  scoreSheets?: boolean;
}

export const readWorkbook = async (
  host: WorkbookHost,
  file?: string,
  opts: ReadWorkbookOptions = {}
): Promise<WorkbookRead> => {
  const infos = await host.listSheets();
  const sheetNames = infos.map((i) => i.name);
  const own = (n: string): boolean => VALUES_SHEETS.some((v) => sameSheetName(v, n));
  const wanted = sheetNames.filter(
    (n) =>
      !isOutput(n) &&
      (opts.history !== false || !sameSheetName(n, SHEETS.history)) &&
      (opts.scoreSheets !== false || own(n))
  );
  const auditName = opts.withAudit ? sheetNames.find((n) => sameSheetName(n, SHEETS.audit)) : undefined;
  const names = auditName ? [...wanted, auditName] : wanted;
  const valuesOnly = opts.valuesOnly ? names : names.filter(own);
  // Read in the same round trip as the rest, and kept apart from the sheets parsed below.
  const { sheets: read } = await host.readSheets(names, { valuesOnly });
  const audit = auditName ? read.find((s) => sameSheetName(s.name, auditName)) : undefined;
  const minutesGrid = read.find((s) => sameSheetName(s.name, DOCUMENT_SHEETS.minutes));
  const minutes = minutesGrid ? { minutes: minutesGrid } : {};
  const sheets = (audit ? read.filter((s) => s !== audit) : read).filter((s) => s !== minutesGrid);
  const byName = (name: string): SheetGrid | undefined => sheets.find((s) => sameSheetName(s.name, name));
  const findings: Finding[] = [];
  const metaGrid = byName(SHEETS.meta);
  const parsed = parseMeta(metaGrid?.values ?? null, file);
  findings.push(...parsed.findings);
  const setupNames = [SHEETS.meta, SHEETS.session, SHEETS.products, SHEETS.members, SHEETS.customCriteria];
  const scoreSheets = sheets.filter(
    (s) =>
      !setupNames.some((n) => sameSheetName(n, s.name)) &&
      (s.name.startsWith(SCORE_SHEET_PREFIX) || isScoreSheet(s))
  );
  const meta = parsed.meta;
  const none = { history: [], historySheet: false, deliberation: EMPTY_DELIBERATION, ...minutes };
  if (!meta) return { file, meta, session: null, scoreSheets, sheetNames, findings, audit, ...none };
  const dl = parseDeliberationSheet(byName(SHEETS.deliberation)?.values ?? null, file);
  // A member's book carries the rounds and the member's recusals (read-only) so it can be checked alone.
  if (meta.kind === "member")
    return {
      file,
      meta,
      session: meta.session,
      scoreSheets,
      sheetNames,
      findings: [...findings, ...dl.findings],
      audit,
      ...none,
      deliberation: dl.deliberation,
    };
  const h = parseHistorySheet(byName(SHEETS.history)?.values ?? null, file);
  findings.push(...h.findings, ...dl.findings);

  const base = meta.session;
  const missing = (sheet: string): void => {
    findings.push({
      code: LAYOUT_CODES.setupSheetMissing,
      severity: "error",
      where: { file, sheet },
      params: { sheet },
    });
  };
  const sessionGrid = byName(SHEETS.session);
  const productsGrid = byName(SHEETS.products);
  const membersGrid = byName(SHEETS.members);
  const customGrid = byName(SHEETS.customCriteria);
  for (const grid of [sessionGrid, productsGrid, membersGrid, customGrid])
    if (grid) findings.push(...cellProblemFindings(grid, { file }));
  let session: Session = { ...base };
  if (sessionGrid) {
    const s = parseSessionSheet(sessionGrid.values, base, file);
    findings.push(...s.findings);
    session = { ...session, council: s.council, edition: s.edition, settings: s.settings };
  } else missing(SHEETS.session);
  if (productsGrid) {
    const p = productsFromRows(productsGrid.values, { file, sheet: productsGrid.name });
    findings.push(...p.findings);
    session.products = p.products;
  } else missing(SHEETS.products);
  if (membersGrid) {
    const m = membersFromRows(membersGrid.values, { file, sheet: membersGrid.name });
    findings.push(...m.findings);
    session.members = m.members;
  } else missing(SHEETS.members);
  if (customGrid) {
    const c = parseCriteriaSheet(customGrid.values, session.edition, customGrid.name, file);
    findings.push(...c.findings);
    session.customForms = c.forms;
  }
  return {
    file,
    meta,
    session,
    scoreSheets,
    sheetNames,
    findings,
    audit,
    history: h.changes,
    historySheet: h.present,
    deliberation: dl.deliberation,
    ...minutes,
  };
};
