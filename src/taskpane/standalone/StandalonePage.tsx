import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUp20Regular, DocumentOnePage20Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { lazy, Suspense, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Page, PageSection } from "../components/Page";
import { ensureMemberStrings, NS } from "../member/strings";
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

  const open = async (load: () => Promise<StandaloneSession>, fileName: string) => {
    setOpening(true);
    setFailure(null);
    try {
      setSession(await load());
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

  return (
    <Page testId="standalone">
      <PageSection title={t("standalone.heading", { ns: NS })}>
        <Body1 as="p">{t("standalone.intro", { ns: NS })}</Body1>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody data-testid="copy-notice">{t("standalone.copy", { ns: NS })}</MessageBarBody>
        </MessageBar>
        {session ? (
          <div className={styles.buttons}>
            <Body1 as="p" data-testid="working-on">
              {t("standalone.working", { ns: NS, file: session.fileName })}
            </Body1>
            <Button size="small" icon={<Dismiss16Regular />} onClick={() => setSession(null)}>
              {t("standalone.close", { ns: NS })}
            </Button>
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
