import { visuallyHidden } from "../components/visuallyHidden";
import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  DocumentAdd20Regular,
  Dismiss16Regular,
  Save20Regular,
} from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEMBER_CODES } from "../../app/member/messages";
import { memberRound } from "../../app/member/context";
import type { Finding } from "../../ocop/findings";
import { cellAt, memberSheetName, nextUnscored, type ScoreCell } from "../../app/member/sheet";
import { describeFinding } from "../../ocop/messages";
import { Page, PageSection } from "../components/Page";
import { WaitingForExcel } from "../components/WaitingForExcel";
import { describeError, type ErrorText } from "./errors";
import { FindingsPanel } from "./FindingsPanel";
import { ProgressPanel } from "./ProgressPanel";
import { ScoringAssistant } from "./ScoringAssistant";
import { langOf, NS } from "./strings";
import { useMemberPane, type MemberPaneModel } from "./useMemberPane";
import type { CellRef, SaveOutcome, Workspace } from "./workspace";

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  // A long "name (code) — title" must not widen the pane: the list takes the width it is given.
  select: {
    minWidth: 0,
    maxWidth: "100%",
    "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
  },
  heading: { margin: 0 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  visuallyHidden,
});

/** Runs one use case at a time: `busy` while it runs, the error in words when it throws. */
function useRunner() {
  const { t } = useTranslation(NS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      if (running.current) return { ok: false };
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        return { ok: true, value: await fn() };
      } catch (e) {
        setError(describeError(e, t));
        return { ok: false };
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [t]
  );
  /** For moving the selection: quick, and must not disable (and so blur) the controls the member is using. */
  const runQuiet = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
      try {
        return { ok: true, value: await fn() };
      } catch (e) {
        setError(describeError(e, t));
        return { ok: false };
      }
    },
    [t]
  );
  return { busy, error, run, runQuiet, clearError: () => setError(null) };
}

export interface MemberPaneProps {
  workspace: Workspace;
}

/** The member's pane on its own workspace (Excel). The standalone page shares the model with its grid. */
export function MemberPane({ workspace }: MemberPaneProps) {
  const model = useMemberPane(workspace);
  return <MemberPaneView workspace={workspace} model={model} />;
}

/** Everything a council member does: who they are, their sheet, the assistant, progress, check, save. */
export function MemberPaneView({ workspace, model }: { workspace: Workspace; model: MemberPaneModel }) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const { busy, error, run, runQuiet, clearError } = useRunner();
  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState<SaveOutcome | null>(null);
  const announce = useCallback((text: string) => {
    // The same words twice in a row must still be read: clear, then set.
    setAnnouncement("");
    setTimeout(() => setAnnouncement(text), 30);
  }, []);

  const { open, member, sheet, current } = model;
  /** Raised to put the focus on the assistant's levels (see ScoringAssistant). */
  const [focusToken, setFocusToken] = useState(0);
  /** Set when the pane opens and when a name is chosen: once the sheet is read, the first unscored cell. */
  const wantsFocus = useRef(true);

  const goTo = (cell: CellRef) => runQuiet(() => model.goTo(cell)).then((r) => r.ok);
  /** Selects a cell and, when it is a score cell, opens it in the assistant with the focus on its levels. */
  const openCell = async (cell: CellRef) => {
    if (!(await goTo(cell))) return;
    if (sheet && cellAt(sheet, cell)) setFocusToken((n) => n + 1);
  };

  useEffect(() => {
    if (!wantsFocus.current || !member || sheet === undefined) return;
    wantsFocus.current = false;
    if (!sheet) return;
    const target = current && current.state !== "valid" ? current : nextUnscored(sheet, undefined);
    // Selecting is asynchronous (Excel); the assistant follows when the selection lands.
    if (target) void Promise.resolve(target).then(openCell);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once the member's sheet is first read
  }, [member, sheet]);

  const undo = async () => {
    const r = await run(() => model.undo());
    if (!r.ok || !r.value) return;
    const cell = r.value;
    announce(t("assistant.announceUndone", { cell: cell.address }));
    await openCell(cell);
  };

  const live = (
    <div aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="live">
      {announcement}
    </div>
  );

  if (open.status === "loading") {
    return <Spinner size="small" labelPosition="after" label={t("pane.loading")} />;
  }
  if (open.status === "failed") {
    const e = describeError(open.error, t);
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("pane.failed")}</MessageBarTitle> {e.message} {e.action}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (open.status === "noSession") {
    return (
      <PageSection title={t("pane.heading")} testId="member-no-session">
        <Body1 as="p">{t("pane.noSession")}</Body1>
        {open.findings.slice(0, 3).map((f, i) => (
          <Caption1 as="p" key={i} className={styles.muted}>
            {describeFinding(f, lang).message}
          </Caption1>
        ))}
        <Body1 as="p">{t("pane.noSessionHint")}</Body1>
      </PageSection>
    );
  }

  const { context } = open;
  const session = context.session;
  const sheetName = member ? memberSheetName(member, context) : "";
  // A closed round's sheet is locked: the pane says so (when, and that the secretariat must reopen it)
  // and writes nothing.
  const round = member ? memberRound(context, member) : null;
  const closed: Finding | null =
    member && round?.closedAt
      ? {
          code: MEMBER_CODES.roundClosed,
          severity: "error",
          where: { sheet: round.sheet, member: member.code },
          params: { round: round.number, at: round.closedAt, by: round.closedBy, sheet: round.sheet },
        }
      : null;
  const closedText = closed ? describeFinding(closed, lang) : null;

  const who = (
    <PageSection title={t("pane.heading")}>
      <Body1 as="p">{t("pane.session", { council: session.council.name, year: session.council.year })}</Body1>
      {open.findings.length > 0 && (
        <Caption1 as="p" className={styles.muted}>
          {t("pane.sessionFindings", { count: open.findings.length })}
        </Caption1>
      )}
      {member ? (
        <div className={styles.row}>
          <Body1 as="p" data-testid="member-who">
            {context.bookMember
              ? t("who.fromBook", { name: member.name, code: member.code })
              : t("who.you", { name: member.name, code: member.code })}
          </Body1>
          {!context.bookMember && (
            <Button size="small" onClick={() => model.chooseMember(null)}>
              {t("who.change")}
            </Button>
          )}
        </div>
      ) : context.kind === "member" && context.bookMemberCode ? (
        <Body1 as="p" role="alert">
          {t("who.unknownMember", { code: context.bookMemberCode })}
        </Body1>
      ) : (
        <MemberPicker
          members={session.members.map((m) => ({ code: m.code, name: m.name, title: m.title }))}
          onChoose={(code) => {
            wantsFocus.current = true;
            model.chooseMember(code);
          }}
        />
      )}
    </PageSection>
  );
  const sheetPart = (
    <>
      {member && (
        <PageSection title={t("sheet.heading")}>
          {sheet === undefined ? (
            <Spinner size="tiny" labelPosition="after" label={t("sheet.reading")} />
          ) : sheet === null ? (
            <Body1 as="p">{t("sheet.missing", { sheet: sheetName })}</Body1>
          ) : (
            <Body1 as="p">{t("sheet.present", { sheet: sheetName })}</Body1>
          )}
          {sheet && sheet.structure.length > 0 && (
            <Caption1 as="p" className={styles.muted}>
              {t("sheet.structure", { count: sheet.structure.length })}
            </Caption1>
          )}
          {sheet !== undefined && (
            <div>
              <Button
                appearance={sheet === null ? "primary" : "secondary"}
                icon={<DocumentAdd20Regular />}
                disabledFocusable={busy}
                onClick={async () => {
                  setNotice(null);
                  const r = await run(() => model.insertSheet());
                  if (!r.ok || !r.value) return;
                  const result = r.value;
                  const text = result.ok
                    ? result.replaced
                      ? t("sheet.reinserted", { sheet: result.sheet, count: result.kept })
                      : t("sheet.inserted", { sheet: result.sheet })
                    : `${describeFinding(result.finding, lang).message} ${describeFinding(result.finding, lang).fix}`;
                  setNotice(text);
                  announce(text);
                }}
              >
                {sheet === null ? t("sheet.insert") : t("sheet.reinsert")}
              </Button>
            </div>
          )}
          {notice && (
            <Body1 as="p" role="status">
              {notice}
            </Body1>
          )}
        </PageSection>
      )}
    </>
  );
  // The task first: once the member's sheet is there, the assistant opens the page; who and which sheet follow.
  const scoring = Boolean(member && sheet);

  return (
    <Page testId="member-pane">
      {live}
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="member-error">
          <MessageBarBody>
            <MessageBarTitle>{t("errors.heading")}</MessageBarTitle>
            <div>{error.message}</div>
            <div>{error.action}</div>
            <Caption1>{t("errors.detail", { detail: error.detail })}</Caption1>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t("errors.dismiss")}
                icon={<Dismiss16Regular />}
                onClick={clearError}
              />
            }
          />
        </MessageBar>
      )}
      {!scoring && who}
      {!scoring && sheetPart}
      {closedText && (
        <MessageBar intent="warning" layout="multiline" data-testid="member-round-closed">
          <MessageBarBody>
            <div>{closedText.message}</div>
            <div>{closedText.fix}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {member && sheet && (
        <PageSection title={t("assistant.heading")} testId="assistant">
          <ScoringAssistant
            sheet={sheet}
            current={current}
            busy={busy}
            announce={announce}
            onGoTo={goTo}
            onScore={(cell: ScoreCell, points) => {
              if (closedText) {
                announce(`${closedText.message} ${closedText.fix}`);
                return Promise.resolve(false);
              }
              return run(() => model.score(cell, points)).then((r) => r.ok);
            }}
            focusToken={focusToken}
            canUndo={model.canUndo}
            onUndo={() => void undo()}
          />
        </PageSection>
      )}
      {member && sheet && (
        <PageSection title={t("progress.heading")} testId="progress">
          <ProgressPanel sheet={sheet} busy={busy} onGoTo={(cell) => void openCell(cell)} />
        </PageSection>
      )}
      {member && sheet !== undefined && (
        <PageSection title={t("check.heading")} testId="check">
          <FindingsPanel
            sheet={sheet}
            busy={busy}
            announce={announce}
            onCheck={() => run(() => model.check()).then((r) => (r.ok ? r.value : undefined))}
            onGoTo={(cell) => void openCell(cell)}
          />
        </PageSection>
      )}
      {member && sheet && (
        <PageSection title={t("save.heading")} testId="save">
          <Caption1 as="p" className={styles.muted}>
            {t(workspace.kind === "excel" ? "save.excelHint" : "save.standaloneHint")}
          </Caption1>
          <div>
            <Button
              appearance="primary"
              icon={workspace.kind === "excel" ? <Save20Regular /> : <ArrowDownload20Regular />}
              disabledFocusable={busy}
              onClick={async () => {
                setSaved(null);
                const r = await run(() => model.save());
                if (r.ok && r.value) {
                  setSaved(r.value);
                }
              }}
            >
              {t(workspace.kind === "excel" ? "save.excel" : "save.standalone")}
            </Button>
          </div>
          {saved && (
            <Body1 as="p" role="status" data-testid="save-outcome">
              {saved.kind === "downloaded"
                ? t("save.downloaded", { file: saved.fileName })
                : t(saved.kind === "saved" ? "save.saved" : "save.saveYourself")}
            </Body1>
          )}
        </PageSection>
      )}
      {scoring && who}
      {scoring && sheetPart}
      {busy && <span className={styles.visuallyHidden}>{t("pane.busy")}</span>}
      <WaitingForExcel busy={busy} onCancel={cancelOf(workspace)} />
    </Page>
  );
}

/** The Excel host can give up a call Excel is holding (a cell being edited); other hosts never wait. */
const cancelOf = (workspace: Workspace): (() => void) | undefined => {
  const host = workspace.host as Partial<{ cancelWaiting(): void }>;
  return typeof host.cancelWaiting === "function" ? () => host.cancelWaiting!() : undefined;
};

function MemberPicker({
  members,
  onChoose,
}: {
  members: { code: string; name: string; title: string }[];
  onChoose(code: string): void;
}) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [code, setCode] = useState("");
  const selectRef = useRef<HTMLSelectElement>(null);
  // The first thing to do on a council workbook: choose a name. The list takes the focus when it appears.
  useEffect(() => selectRef.current?.focus(), []);
  return (
    <form
      className={styles.picker}
      onSubmit={(e) => {
        e.preventDefault();
        if (code) onChoose(code);
      }}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {t("who.heading")}
      </Subtitle2>
      <Body1 as="p">{t("who.intro")}</Body1>
      <Field label={t("who.label")} className={styles.select}>
        <Select
          ref={selectRef}
          className={styles.select}
          value={code}
          onChange={(_e, data) => setCode(data.value)}
        >
          <option value="">{t("who.placeholder")}</option>
          {members.map((m) => (
            <option key={m.code} value={m.code}>
              {`${m.name} (${m.code})${m.title ? ` — ${m.title}` : ""}`}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={!code}>
          {t("who.confirm")}
        </Button>
      </div>
    </form>
  );
}
