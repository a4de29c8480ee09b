import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload16Regular, FolderZip20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MemberBookFile, SecretariatApi } from "../../../app/secretariat/types";
import { roundSheetName, sameSheetName } from "../../../layout/names";
import type { Finding } from "../../../ocop/findings";
import type { Session } from "../../../ocop/session";
import { FindingList } from "../parts/FindingList";
import { Panel } from "../parts/Panel";
import { NS } from "../strings";
import { useAction } from "../useAction";
import { ruledRow, stackedList } from "../../components/listStyles";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: stackedList(tokens.spacingVerticalXS),
  item: { ...ruledRow, paddingBottom: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface GenerateStepProps {
  api: SecretariatApi;
  session: Session;
  sheetNames: string[];
  /** The current scoring round (1 until the secretariat opens another): its sheets and books are listed. */
  round?: number;
  /** Saves a file for the user (a download in a browser). */
  download: (file: MemberBookFile) => void | Promise<void>;
  announce: (text: string) => void;
  onWorkbookChanged: () => void;
}

export function GenerateStep({
  api,
  session,
  sheetNames,
  round = 1,
  download,
  announce,
  onWorkbookChanged,
}: GenerateStepProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [working, setWorking] = useState<string | null>(null);
  const sheetOf = (code: string) => roundSheetName(code, round);
  const has = (code: string) => sheetNames.some((n) => sameSheetName(n, sheetOf(code)));

  const sheets = useAction(async () => {
    const r = await api.writeScoreSheets();
    setFindings(r.findings);
    announce(t("generate.sheetsDone", { count: r.sheets.length }));
    onWorkbookChanged();
  });
  const one = useAction(async (code: string) => {
    setWorking(code);
    try {
      const file = await api.memberBook(code);
      await download(file);
      announce(t("generate.bookDone", { file: file.fileName }));
    } finally {
      setWorking(null);
    }
  });
  const all = useAction(async () => {
    setWorking("*");
    announce(t("generate.zipWorking", { count: session.members.length }));
    try {
      const file = await api.allMemberBooks();
      await download(file);
      announce(t("generate.bookDone", { file: file.fileName }));
    } finally {
      setWorking(null);
    }
  });
  const busy = sheets.busy || one.busy || all.busy;
  const error = sheets.error ?? one.error ?? all.error;

  return (
    <div className={styles.stack}>
      <Panel title={t("generate.sheetsHeading")}>
        <Body1 as="p">{t("generate.sheetsText")}</Body1>
        <ul className={styles.list} aria-label={t("generate.sheetsHeading")}>
          {session.members.map((m) => (
            <li key={m.code} className={styles.item}>
              <Text>
                {sheetOf(m.code)} · {m.name}
              </Text>
              <Text size={200} className={styles.muted}>
                {t(has(m.code) ? "generate.sheetPresent" : "generate.sheetAbsent")}
              </Text>
            </li>
          ))}
        </ul>
        <div className={styles.row}>
          <Button disabledFocusable={busy} onClick={() => void sheets.run()} data-testid="generate-sheets">
            {t("generate.sheetsButton")}
          </Button>
        </div>
        {findings.length > 0 && <FindingList findings={findings} />}
      </Panel>

      <Panel title={t("generate.booksHeading")}>
        <Body1 as="p">{t("generate.booksText")}</Body1>
        {round > 1 && (
          <Body1 as="p" data-testid="generate-round">
            {t("generate.roundNote", { round })}
          </Body1>
        )}
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<FolderZip20Regular />}
            disabledFocusable={busy}
            onClick={() => void all.run()}
            data-testid="generate-zip"
          >
            {working === "*"
              ? t("generate.working")
              : t("generate.zipButton", { count: session.members.length })}
          </Button>
        </div>
        <ul className={styles.list} aria-label={t("generate.booksHeading")}>
          {session.members.map((m) => (
            <li key={m.code} className={styles.item}>
              <Text>
                {m.code} · {m.name}
              </Text>
              <Button
                size="small"
                icon={<ArrowDownload16Regular />}
                disabledFocusable={busy}
                aria-label={t("generate.bookButtonLabel", { code: m.code, name: m.name })}
                onClick={() => void one.run(m.code)}
                data-testid={`book-${m.code}`}
              >
                {working === m.code ? t("generate.working") : t("generate.bookButton")}
              </Button>
            </li>
          ))}
        </ul>
      </Panel>
      {error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
