/**
 * The standalone page's workspace: the workbook is an .xlsx file held in memory by the file host, the
 * selection is the page's HTML grid. This module (and the host with it) is loaded only when the member opens a
 * file or the example session, so the page's first screen does not wait for it.
 */
import { buildMemberBook, memberBookFileName } from "../../app/member/actions";
import { findMember, openMemberContext } from "../../app/member/context";
import { writeExampleCouncilBook } from "../../app/member/example";
import type { FileWorkbook } from "../../app/workbookFiles";
import type { ApplyRequest, ReadOptions, WorkbookHost } from "../../hosts/workbook";
import { standaloneWorkbooks } from "../compose/standalone";
import { Emitter, MemorySelection, type Workspace } from "../member/workspace";
import { downloadInBrowser, type Download } from "./download";

export interface StandaloneSession {
  workspace: Workspace;
  selection: MemorySelection;
  fileName: string;
  /** The workbook's bytes as it is now (kept in the browser as a draft). */
  snapshot(): Promise<Uint8Array>;
  /** Called after every change to the workbook. */
  onChange(listener: () => void): () => void;
  /** Called when the member downloaded the workbook: nothing is unsaved any more. */
  onSaved(listener: () => void): () => void;
}

/** The xlsx host, telling listeners which sheets changed after each apply. */
class ObservedHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  readonly changes = new Emitter<string>();
  constructor(readonly inner: FileWorkbook) {}
  listSheets() {
    return this.inner.listSheets();
  }
  readSheets(names: string[], options?: ReadOptions) {
    return this.inner.readSheets(names, options);
  }
  async apply(request: ApplyRequest): Promise<void> {
    await this.inner.apply(request);
    const touched = new Set([
      ...request.plans.map((p) => p.name),
      ...(request.appends ?? []).map((a) => a.plan.name),
      ...(request.cellWrites ?? []).map((w) => w.sheet),
    ]);
    for (const sheet of touched) this.changes.emit(sheet);
  }
}

const workspaceOver = (xlsx: FileWorkbook, fileName: string, download: Download): StandaloneSession => {
  const host = new ObservedHost(xlsx);
  const selection = new MemorySelection();
  const saved = new Emitter<void>();
  const workspace: Workspace = {
    kind: "standalone",
    host,
    selection,
    fileName,
    async select(cell) {
      selection.set(cell);
    },
    async onChanged(listener) {
      return host.changes.on(listener);
    },
    async save(memberCode) {
      const opened = await openMemberContext(host);
      if (!opened.ok) throw new Error("The workbook holds no OCOP session.");
      const { context } = opened;
      const member = findMember(context.session, memberCode);
      if (!member) throw new Error(`Member ${memberCode} is not in the session.`);
      let bytes: Uint8Array;
      let name: string;
      if (context.kind === "member") {
        // A member workbook goes back whole, as it came, with the scores entered here.
        bytes = await xlsx.toBuffer();
        name = /\.xlsx$/i.test(fileName) ? fileName : memberBookFileName(context, member);
      } else {
        // From a council workbook, the member's own workbook, as `ocop books` issues it.
        const target = standaloneWorkbooks.create();
        await buildMemberBook(host, context, member, target);
        bytes = await target.toBuffer();
        name = memberBookFileName(context, member);
      }
      download(bytes, name);
      saved.emit();
      return { kind: "downloaded", fileName: name };
    },
  };
  return {
    workspace,
    selection,
    fileName,
    snapshot: () => xlsx.toBuffer(),
    onChange: (listener) => host.changes.on(() => listener()),
    onSaved: (listener) => saved.on(listener),
  };
};

/** Opens .xlsx bytes read from disk; throws when they are not a readable workbook. */
export const openWorkbookBytes = async (
  bytes: ArrayBuffer | Uint8Array,
  fileName: string,
  download: Download = downloadInBrowser
): Promise<StandaloneSession> =>
  workspaceOver(await standaloneWorkbooks.open(bytes, fileName), fileName, download);

/** The example council workbook, built in memory. */
export const openExampleSession = async (
  fileName: string,
  download: Download = downloadInBrowser
): Promise<StandaloneSession> => {
  const xlsx = standaloneWorkbooks.create(fileName);
  await writeExampleCouncilBook(xlsx);
  return workspaceOver(xlsx, fileName, download);
};
