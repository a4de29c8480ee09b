/**
 * The member pane's state: which session and member, the member's sheet as the assistant sees it, the
 * selection, and the use cases as callbacks. Views render from it; nothing here touches a DOM.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  checkMemberSheet,
  insertMemberSheet,
  readMemberSheet,
  restoreCell,
  writeScore,
  type InsertResult,
} from "../../app/member/actions";
import { findMember, openMemberContext, type MemberContext } from "../../app/member/context";
import { cellAt, type MemberSheet, type ScoreCell } from "../../app/member/sheet";
import type { Finding } from "../../ocop/findings";
import type { Member, RawValue } from "../../ocop/session";
import type { CellRef, SaveOutcome, Workspace } from "./workspace";

const memberKey = (sessionId: string): string => `ocop.member.${sessionId}`;

const storedMember = (sessionId: string): string | null => {
  try {
    return globalThis.localStorage?.getItem(memberKey(sessionId)) ?? null;
  } catch {
    return null;
  }
};

const storeMember = (sessionId: string, code: string | null): void => {
  try {
    if (code) globalThis.localStorage?.setItem(memberKey(sessionId), code);
    else globalThis.localStorage?.removeItem(memberKey(sessionId));
  } catch {
    // not remembered; the member picks again next time
  }
};

export type OpenState =
  | { status: "loading" }
  | { status: "noSession"; findings: Finding[] }
  | { status: "failed"; error: unknown }
  | { status: "ready"; context: MemberContext; findings: Finding[] };

export interface MemberPaneModel {
  open: OpenState;
  member: Member | null;
  /** undefined while reading; null when the workbook has no score sheet for the member. */
  sheet: MemberSheet | null | undefined;
  selection: CellRef | null;
  /** The score cell under the selection, if any. */
  current: ScoreCell | undefined;
  chooseMember(code: string | null): void;
  insertSheet(): Promise<InsertResult | undefined>;
  score(cell: ScoreCell, points: number | null): Promise<void>;
  goTo(cell: CellRef): Promise<void>;
  check(): Promise<Finding[] | undefined>;
  save(): Promise<SaveOutcome | undefined>;
  reload(): Promise<MemberSheet | null>;
  /** Whether a score change of this pane can be undone. */
  canUndo: boolean;
  /** Undoes the last score change (Ctrl+Z); resolves with the cell put back, or null when there was none. */
  undo(): Promise<ScoreCell | null>;
}

/** A score change made through the pane, with what the cell held before. */
interface Change {
  cell: ScoreCell;
  before: RawValue;
}

const UNDO_DEPTH = 100;

export function useMemberPane(workspace: Workspace): MemberPaneModel {
  const [open, setOpen] = useState<OpenState>({ status: "loading" });
  const [member, setMember] = useState<Member | null>(null);
  /** The sheet as last read, with the member it was read for (another member's sheet is never shown). */
  const [read, setRead] = useState<{ member: string; sheet: MemberSheet | null } | null>(null);
  const [selection, setSelection] = useState<CellRef | null>(null);
  const readSeq = useRef(0);
  const [history, setHistory] = useState<Change[]>([]);

  // The session and who the member is (a pane lives on one workspace: a new workbook gets a new pane).
  useEffect(() => {
    let live = true;
    openMemberContext(workspace.host).then(
      (result) => {
        if (!live) return;
        if (!result.ok) {
          setOpen({ status: "noSession", findings: result.findings });
          return;
        }
        const { context } = result;
        setOpen({ status: "ready", context, findings: result.findings });
        setMember(context.bookMember ?? findMember(context.session, storedMember(context.session.id)));
      },
      (error: unknown) => live && setOpen({ status: "failed", error })
    );
    return () => {
      live = false;
    };
  }, [workspace]);

  const context = open.status === "ready" ? open.context : null;

  const reload = useCallback(async (): Promise<MemberSheet | null> => {
    if (!context || !member) return null;
    const seq = ++readSeq.current;
    const next = await readMemberSheet(workspace.host, context, member);
    if (seq === readSeq.current) setRead({ member: member.code, sheet: next });
    return next;
  }, [workspace, context, member]);

  // The member's sheet, read again whenever the workbook says it changed.
  useEffect(() => {
    if (!context || !member) return;
    let live = true;
    let stop: (() => void) | null = null;
    reload().catch(() => live && setRead({ member: member.code, sheet: null }));
    workspace
      .onChanged?.(() => void reload().catch(() => undefined))
      .then((off) => {
        if (live) stop = off;
        else off();
      });
    return () => {
      live = false;
      stop?.();
    };
  }, [workspace, context, member, reload]);

  // The selection. Without change events (Excel), a move of the selection is when a typed value has landed:
  // the sheet is read again then, so the pane follows what the member typed into the cell.
  useEffect(() => {
    let live = true;
    let stop: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    workspace.selection.getSelection().then(
      (sel) => live && sel && setSelection(sel),
      () => undefined
    );
    workspace.selection
      .onSelectionChanged((sel) => {
        setSelection(sel);
        if (!workspace.onChanged) {
          clearTimeout(timer);
          timer = setTimeout(() => void reload().catch(() => undefined), 150);
        }
      })
      .then(
        (off) => {
          if (live) stop = off;
          else off();
        },
        () => undefined
      );
    return () => {
      live = false;
      clearTimeout(timer);
      stop?.();
    };
  }, [workspace, reload]);

  const chooseMember = useCallback(
    (code: string | null) => {
      if (!context) return;
      storeMember(context.session.id, code);
      setMember(findMember(context.session, code));
      setHistory([]);
    },
    [context]
  );

  const insertSheet = useCallback(async () => {
    if (!context || !member) return undefined;
    const result = await insertMemberSheet(workspace.host, context, member);
    if (result.ok) {
      const first = (await reload())?.cells[0];
      if (first) {
        await workspace.select(first);
        setSelection({ sheet: first.sheet, row: first.row, col: first.col });
      }
    }
    return result;
  }, [workspace, context, member, reload]);

  const score = useCallback(
    async (cell: ScoreCell, points: number | null) => {
      await writeScore(workspace.host, cell, points);
      setHistory((h) => [...h.slice(-(UNDO_DEPTH - 1)), { cell, before: cell.value }]);
      if (!workspace.onChanged) await reload();
    },
    [workspace, reload]
  );

  const undo = useCallback(async (): Promise<ScoreCell | null> => {
    const last = history[history.length - 1];
    if (!last) return null;
    await restoreCell(workspace.host, last.cell, last.before);
    setHistory((h) => h.slice(0, -1));
    if (!workspace.onChanged) await reload();
    return last.cell;
  }, [workspace, reload, history]);

  const goTo = useCallback(
    async (cell: CellRef) => {
      await workspace.select(cell);
      // Excel reports its own selection change; the page's grid does too. Show it at once either way.
      setSelection(cell);
    },
    [workspace]
  );

  const check = useCallback(async () => {
    if (!context || !member) return undefined;
    return checkMemberSheet(workspace.host, context, member);
  }, [workspace, context, member]);

  const save = useCallback(async () => {
    if (!member) return undefined;
    return workspace.save(member.code);
  }, [workspace, member]);

  const sheet = member && read?.member === member.code ? read.sheet : undefined;
  const current = sheet && selection ? cellAt(sheet, selection) : undefined;
  return {
    open,
    member,
    sheet,
    selection,
    current,
    chooseMember,
    insertSheet,
    score,
    goTo,
    check,
    save,
    reload,
    canUndo: history.length > 0,
    undo,
  };
}
