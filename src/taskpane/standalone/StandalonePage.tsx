import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowClockwise16Regular,
  DocumentArrowUp20Regular,
  DocumentOnePage20Regular,
  Dismiss16Regular,
} from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Page, PageSection } from "../components/Page";
import { formatDateTime } from "../format";
import { ensureMemberStrings, NS } from "../member/strings";
import { dropDraft, loadDraft, type Draft } from "./draftStore";
import { useDraftKeeper, type DraftSource } from "./useDraftKeeper";
import type { StandaloneSession } from "./xlsxWorkspace";

const useStyles = makeStyles({
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  fileInput: { display: "none" },
});

// The first screen is only this page's buttons: the workbook host (the parts host) and the member's views load when a
// file or the example is opened; the views are fetched in the background meanwhile.
const loadXlsx = () => import(/* webpackChunkName: "xlsx-workspace" */ "./xlsxWorkspace");
const StandaloneWork = lazy(
  () => import(/* webpackChunkName: "standalone-work", webpackPrefetch: true */ "./StandaloneWork")
);

/**
 * The page outside Office: open a council or member workbook from disk (or the example session), score it with
 * the same member pane, and download the result. Everything runs on a copy in the browser's memory.
 */
export default function StandalonePage() {
  const { t, i18n } = useTranslation();
  ensureMemberStrings(i18n);
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  const [session, setSession] = useState<StandaloneSession | null>(null);
  /** Each opened file gets fresh views, even when it has the same name as the last one. */
  const [opened, setOpened] = useState(0);
  const [opening, setOpening] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** A copy kept from an earlier visit (reload, crash, closed tab), offered back until a file is opened. */
  const [draft, setDraft] = useState<Draft | null>(null);
  const [restored, setRestored] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);

  useEffect(() => {
    let live = true;
    loadDraft("member").then(
      (d) => live && setDraft(d),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, []);

  const source = useMemo<DraftSource | null>(
    () => (session ? { ...session, unsavedAtStart: restored } : null),
    [session, restored]
  );
  const { unsaved, keptAt } = useDraftKeeper("member", source);

  const open = async (load: () => Promise<StandaloneSession>, fileName: string, fromDraft = false) => {
    setOpening(true);
    setFailure(null);
    try {
      const next = await load();
      setDraft(null);
      setRestored(fromDraft && draft?.unsaved === true);
      setSession(next);
      setOpened((n) => n + 1);
    } catch {
      setFailure(t("standalone.unreadable", { ns: NS, file: fileName }));
    } finally {
      setOpening(false);
    }
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    void open(
      async () => (await loadXlsx()).openWorkbookBytes(await file.arrayBuffer(), file.name),
      file.name
    );
  };

  const exampleFile = t("standalone.exampleFile", { ns: NS });

  const close = () => {
    setConfirmClose(false);
    setSession(null);
    void dropDraft("member");
  };

  return (
    <Page testId="standalone">
      <PageSection title={t("standalone.heading", { ns: NS })}>
        {/* Once a file is open the task comes first: the introduction gives way to one line and "Đóng tệp". */}
        {!session && <Body1 as="p">{t("standalone.intro", { ns: NS })}</Body1>}
        {!session && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody data-testid="copy-notice">{t("standalone.copy", { ns: NS })}</MessageBarBody>
          </MessageBar>
        )}
        {!session && draft && (
          <MessageBar intent="warning" layout="multiline" data-testid="restore-offer">
            <MessageBarBody>
              {t(draft.unsaved ? "standalone.draftUnsaved" : "standalone.draft", {
                ns: NS,
                file: draft.fileName,
                time: formatDateTime(new Date(draft.savedAt)),
              })}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                appearance="primary"
                icon={<ArrowClockwise16Regular />}
                disabled={opening}
                onClick={() =>
                  void open(
                    async () => (await loadXlsx()).openWorkbookBytes(draft.bytes, draft.fileName),
                    draft.fileName,
                    true
                  )
                }
              >
                {t("standalone.restore", { ns: NS })}
              </Button>
              <Button
                size="small"
                disabled={opening}
                onClick={() => {
                  setDraft(null);
                  void dropDraft("member");
                }}
              >
                {t("standalone.discard", { ns: NS })}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {session ? (
          <div className={styles.buttons}>
            <Body1 as="p" data-testid="working-on">
              {t("standalone.working", { ns: NS, file: session.fileName })}
            </Body1>
            <Button
              size="small"
              icon={<Dismiss16Regular />}
              onClick={() => (unsaved ? setConfirmClose(true) : close())}
            >
              {t("standalone.close", { ns: NS })}
            </Button>
            {keptAt && (
              <Caption1 as="p" className={styles.muted} data-testid="draft-kept">
                {t(unsaved ? "standalone.keptUnsaved" : "standalone.kept", {
                  ns: NS,
                  time: formatDateTime(keptAt),
                })}
              </Caption1>
            )}
          </div>
        ) : (
          <>
            <div className={styles.buttons}>
              <Button
                appearance="primary"
                icon={<DocumentOnePage20Regular />}
                disabled={opening}
                onClick={() =>
                  void open(async () => (await loadXlsx()).openExampleSession(exampleFile), exampleFile)
                }
              >
                {t("standalone.example", { ns: NS })}
              </Button>
              <Button
                icon={<DocumentArrowUp20Regular />}
                disabled={opening}
                onClick={() => inputRef.current?.click()}
              >
                {t("standalone.open", { ns: NS })}
              </Button>
              <input
                ref={inputRef}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label={t("standalone.openLabel", { ns: NS })}
                className={styles.fileInput}
                data-testid="file-input"
                onChange={(e) => {
                  onFile(e.currentTarget.files?.[0]);
                  e.currentTarget.value = "";
                }}
              />
            </div>
            <Caption1 as="p" className={styles.muted}>
              {t("standalone.exampleHint", { ns: NS })} {t("standalone.offline", { ns: NS })}
            </Caption1>
          </>
        )}
        {opening && <Spinner size="tiny" labelPosition="after" label={t("standalone.opening", { ns: NS })} />}
        {failure && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{failure}</MessageBarBody>
          </MessageBar>
        )}
      </PageSection>
      {confirmClose && session && (
        <ConfirmDialog
          title={t("standalone.closeTitle", { ns: NS })}
          text={t("standalone.closeText", { ns: NS, file: session.fileName })}
          confirm={t("standalone.closeConfirm", { ns: NS })}
          cancel={t("standalone.closeCancel", { ns: NS })}
          onConfirm={close}
          onCancel={() => setConfirmClose(false)}
          testId="confirm-close"
        />
      )}
      {session && (
        <Suspense
          fallback={<Spinner size="tiny" labelPosition="after" label={t("standalone.opening", { ns: NS })} />}
        >
          <StandaloneWork key={opened} session={session} />
        </Suspense>
      )}
    </Page>
  );
}
