import type { ApplyRequest } from "../../hosts/workbook";
import type { ScoreChange } from "../../ocop/history";
import type { ScoreChangesOutcome } from "../deliberation";
/**
 * What the secretariat's views ask of the workbook, in one interface: the task pane (Excel) and the
 * standalone page (an .xlsx file in the browser) both get an implementation over their `WorkbookHost`
 * (`createSecretariat` in ./secretariat.ts); component tests pass a fake.
 */
import type { Catalogue } from "../../ocop/criteria/types";
import type { Finding, Where } from "../../ocop/findings";
import type { Consolidation } from "../../ocop/results";
import type { Member, Product, Session } from "../../ocop/session";
import type { Progress } from "./progress";
import type { Deliberation } from "../../ocop/history";
import type { FormsImport } from "../importForms";
import type { FormsDeferred } from "../consolidate";
import type { PaperForm, PaperFormRequest, PaperOutcome, PaperSubmission } from "./paperEntry";

/** The session the workbook holds now, if any. */
export interface OpenState {
  session: Session | null;
  catalogue: Catalogue | null;
  /** Why no session could be read (damaged metadata, newer layout…); empty for a blank workbook. */
  findings: Finding[];
  sheetNames: string[];
  /** Files imported so far (audit log), oldest first. */
  imports: ImportedBook[];
  /** Rounds, recusals, the chair's decisions and reopenings ("Vòng chấm"); empty before any. */
  deliberation?: Deliberation;
}

/** What a deliberation action did: written, or refused with findings saying why. */
export interface DeliberationOutcome {
  written: boolean;
  findings: Finding[];
}

export interface ImportedBook {
  file: string;
  sha256: string;
  member: string;
  sheet: string;
  at: string;
}

export interface TableImport<T> {
  rows: T[];
  findings: Finding[];
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export type BookStatus =
  /** Read and checked: can be imported. */
  | "ready"
  /** Readable but a check found an error: not imported. */
  | "invalid"
  /** Not an .xlsx the add-in made (or damaged). */
  | "unreadable"
  /** A second book for a member already in this batch. */
  | "duplicate"
  /** The same file (same SHA-256) was imported before. */
  | "alreadyImported"
  /** Copied into the council workbook. */
  | "imported";

export interface BookReport {
  /** Unique within a batch (index and name), for React keys and picking. */
  id: string;
  file: string;
  size: number;
  sha256: string;
  member: string | null;
  memberName: string | null;
  status: BookStatus;
  findings: Finding[];
  /** Score cells filled out of all, on the book's sheet. */
  filled: number;
  total: number;
  /** The council workbook already holds scores of this member from another file (importing replaces them). */
  replaces: string | null;
  /** A later round's book (issue 14): the round its sheet belongs to ("Phiếu TV01 vòng 2"). */
  round?: number;
}

export interface CheckOutcome {
  findings: Finding[];
  /** Null when the workbook holds no session. */
  progress: Progress | null;
  /** Score sheets found, by member code. */
  sheets: Record<string, string>;
}

export interface ConsolidateOutcome {
  /** Null when the workbook holds no council session. */
  consolidation: Consolidation | null;
  /** Every finding of the run; when one is an error, nothing was written. */
  findings: Finding[];
  written: boolean;
  /** Sheets written. */
  sheets: string[];
  /** Set when the members' evaluation forms were too many for every run: whose are written, whose are not. */
  formsDeferred?: FormsDeferred;
}

export interface PublishOutcome extends ConsolidateOutcome {
  /** Sheets written: the results' and the proposal lists. */
  published: string[];
  /** Products on a proposal list (proposed for recognition, or sent up), in ranking order. */
  proposed: string[];
  /**
   * Why nothing was published although the documents were written (as drafts): products still await
   * discussion (the finding lists them and says what to do). Null when published.
   */
  refusal?: Finding | null;
}

export interface MemberBookFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface SecretariatApi {
  open(): Promise<OpenState>;
  catalogue(edition: string): Promise<Catalogue>;
  /** Writes the session (metadata, setup and criteria sheets); refuses with findings when it cannot be used. */
  setUp(session: Session): Promise<{ session: Session; findings: Finding[]; written: boolean }>;
  /** Re-reads the setup sheets the secretariat may have typed into. */
  readSetupSheets(): Promise<{ session: Session | null; findings: Finding[] }>;
  /** Products or members from pasted text (tab- or comma-separated) or a CSV / .xlsx file. */
  importProducts(source: PickedFile | { text: string }): Promise<TableImport<Product>>;
  importMembers(source: PickedFile | { text: string }): Promise<TableImport<Member>>;
  /** The council's own scoring forms from a workbook's criteria sheet, checked against `edition`. */
  importForms(file: PickedFile, edition: string): Promise<FormsImport>;
  /** One score sheet per member in this workbook; entered scores are kept. */
  writeScoreSheets(): Promise<{ sheets: string[]; findings: Finding[] }>;
  memberBook(member: string): Promise<MemberBookFile>;
  /** Every member's book in one .zip. */
  allMemberBooks(): Promise<MemberBookFile>;
  /** Reads and checks books without writing anything. */
  inspectBooks(files: PickedFile[]): Promise<BookReport[]>;
  /** Copies the scores of the ready books into the workbook and records each file in the audit log. */
  importBooks(
    files: PickedFile[],
    reports: BookReport[],
    confirmed?: ReadonlySet<string>
  ): Promise<BookReport[]>;
  /** The cells of a member's paper form for the products written on it; nothing is written. */
  paperForm(request: PaperFormRequest): Promise<PaperForm>;
  /**
   * Compares the two entries of a paper form cell by cell; only when every cell agrees are the scores
   * written into the member's sheet (marked "nhập từ phiếu giấy" with both names) and recorded.
   */
  acceptPaperForm(submission: PaperSubmission): Promise<PaperOutcome>;
  checkAll(): Promise<CheckOutcome>;
  consolidate(): Promise<ConsolidateOutcome>;
  publish(): Promise<PublishOutcome>;
  /**
   * Writes these members' evaluation forms (when there are too many for every run), consolidating again;
   * later runs keep them up to date.
   */
  writeForms(members: string[]): Promise<ConsolidateOutcome>;
  /** Opens the next round for the products (flagged, or chosen with a reason such as a second evaluation). */
  openRound(products: string[], reason: string): Promise<DeliberationOutcome>;
  /** Closes the current round: members' sheets protected, later changes refused and reported. */
  /** `person`: who closes it (kept on «Vòng chấm» and shown to the members), when the secretariat says. */
  closeRound(person?: string): Promise<DeliberationOutcome>;
  /** Reopens the closed round, with the reason logged. */
  reopenRound(reason: string): Promise<DeliberationOutcome>;
  /** A member abstains on a product (conflict of interest). */
  recordRecusal(recusal: { member: string; product: string; reason: string }): Promise<DeliberationOutcome>;
  /** The chair's decision on a product still flagged after the last round. */
  recordChairDecision(decision: {
    product: string;
    decision: "accept" | "withhold";
    reason: string;
  }): Promise<DeliberationOutcome>;
  /** Score changes typed elsewhere (the member pane), appended to the history with what else goes with them. */
  recordScoreChanges(changes: ScoreChange[], also?: Partial<ApplyRequest>): Promise<ScoreChangesOutcome>;
  /** Activates the sheet and selects the cell of a finding. */
  goTo(where: Where): Promise<void>;
}
