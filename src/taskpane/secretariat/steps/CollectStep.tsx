import {
  Badge,
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Dismiss16Regular } from "@fluentui/react-icons";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type {
  BookReport,
  BookStatus,
  ImportedBook,
  PickedFile,
  SecretariatApi,
} from "../../../app/secretariat/types";
import { formatDateTime, formatNumber } from "../../format";
import { FilePicker } from "../parts/FilePicker";
import { FindingList } from "../parts/FindingList";
import { HashLine } from "../parts/HashLine";
import { Panel } from "../parts/Panel";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";
import { stackedList } from "../../components/listStyles";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: stackedList(tokens.spacingVerticalM),
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  // The import button stays in view at the bottom of the pane however long the list of books is.
  sticky: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Score cells (or else findings) with an error in a book: what "có lỗi: 67 ô" counts. */
const errorCount = (r: BookReport): { cells: number; findings: number } => {
  const errors = r.findings.filter((f) => f.severity === "error");
  return {
    cells: new Set(errors.filter((f) => f.where.cell).map((f) => f.where.cell)).size,
    findings: errors.length,
  };
};

/** The words on a book's badge: what it holds, and for a corrected book sent again, the question. */
const badgeText = (r: BookReport, confirmed: readonly string[], t: TFunction<typeof NS>): string => {
  if (r.status === "invalid") {
    const { cells } = errorCount(r);
    return cells > 0 ? t("collect.status.invalidCells", { count: cells }) : t("collect.status.invalid");
  }
  if (
    r.status === "duplicate" &&
    r.replaces !== null &&
    !r.findings.some((f) => f.code === "collect.duplicate")
  )
    return t(confirmed.includes(r.id) ? "collect.status.willReplace" : "collect.status.replaces");
  return t(`collect.status.${r.status}`);
};

const COLOR: Record<BookStatus, "success" | "danger" | "warning" | "informative" | "brand"> = {
  ready: "success",
  invalid: "danger",
  unreadable: "danger",
  duplicate: "warning",
  alreadyImported: "informative",
  imported: "brand",
};

export interface CollectState {
  files: PickedFile[];
  reports: BookReport[];
  confirmed: string[];
}

export const emptyCollect: CollectState = { files: [], reports: [], confirmed: [] };

export interface CollectStepProps {
  api: SecretariatApi;
  state: CollectState;
  onState: (state: CollectState) => void;
  imports: ImportedBook[];
  announce: (text: string) => void;
  onWorkbookChanged: () => void;
}

const importable = (r: BookReport, confirmed: readonly string[]): boolean =>
  r.status === "ready" ||
  (r.status === "duplicate" &&
    r.replaces !== null &&
    confirmed.includes(r.id) &&
    !r.findings.some((f) => f.code === "collect.duplicate"));

export function CollectStep({ api, state, onState, imports, announce, onWorkbookChanged }: CollectStepProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const size = (bytes: number) =>
    t("collect.size", { size: formatNumber(bytes / 1024, { maxDecimals: 0, locale: lang }) });

  const inspect = useAction(async (files: PickedFile[], confirmed: string[]) => {
    announce(t("collect.reading", { count: files.length }));
    const reports = files.length ? await api.inspectBooks(files) : [];
    onState({ files, reports, confirmed: confirmed.filter((id) => reports.some((r) => r.id === id)) });
    const ready = reports.filter((r) => importable(r, confirmed)).length;
    announce(t("collect.read", { count: files.length, ready }));
  });
  const run = useAction(async () => {
    announce(t("collect.importing"));
    const reports = await api.importBooks(state.files, state.reports, new Set(state.confirmed));
    onState({ ...state, reports });
    const count = reports.filter((r) => r.status === "imported").length;
    announce(t("collect.importedCount", { count }));
    onWorkbookChanged();
  });
  const busy = inspect.busy || run.busy;
  const ready = state.reports.filter((r) => importable(r, state.confirmed));
  const remove = (id: string) => {
    const index = state.reports.findIndex((r) => r.id === id);
    const files = state.files.filter((_, i) => i !== index);
    void inspect.run(files, state.confirmed);
  };
  const error = inspect.error ?? run.error;

  return (
    <div className={styles.stack}>
      <Panel title={t("collect.pickHeading")}>
        <Body1 as="p">{t("collect.pickText")}</Body1>
        <FilePicker
          label={t("collect.pick")}
          dropHint={t("collect.drop")}
          accept=".xlsx"
          multiple
          disabled={busy}
          testId="collect-files"
          onFiles={(files) => void inspect.run([...state.files, ...files], state.confirmed)}
        />
      </Panel>

      {state.reports.length > 0 && (
        <Panel title={t("collect.listHeading", { count: state.reports.length })}>
          <ul className={styles.list} data-testid="collect-list">
            {state.reports.map((r) => (
              <li key={r.id} className={styles.item} data-testid="collect-item" data-status={r.status}>
                <div className={styles.head}>
                  <Text weight="semibold">{r.file}</Text>
                  <Badge
                    appearance="filled"
                    color={
                      r.status === "duplicate" && state.confirmed.includes(r.id) ? "success" : COLOR[r.status]
                    }
                    data-testid="collect-badge"
                  >
                    {badgeText(r, state.confirmed, t)}
                  </Badge>
                </div>
                <Text size={200} className={styles.muted}>
                  {[
                    r.member
                      ? t("collect.member", { code: r.member, name: r.memberName ?? "" })
                      : t("collect.noMember"),
                    r.total ? t("collect.filled", { filled: r.filled, total: r.total }) : null,
                    size(r.size),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
                <HashLine sha256={r.sha256} />
                {r.findings.length > 0 && <FindingList findings={r.findings} />}
                {r.status !== "imported" && (
                  <div className={styles.row}>
                    {r.status === "duplicate" && r.replaces !== null && !state.confirmed.includes(r.id) && (
                      <Button
                        size="small"
                        onClick={() => onState({ ...state, confirmed: [...state.confirmed, r.id] })}
                      >
                        {t("collect.replace")}
                      </Button>
                    )}
                    {state.confirmed.includes(r.id) && r.status === "duplicate" && (
                      <Text size={200}>{t("collect.willReplace")}</Text>
                    )}
                    <Button
                      size="small"
                      icon={<Dismiss16Regular />}
                      disabledFocusable={busy}
                      onClick={() => remove(r.id)}
                      aria-label={t("collect.removeLabel", { file: r.file })}
                    >
                      {t("collect.remove")}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div className={styles.sticky}>
            <Button
              appearance="primary"
              disabled={ready.length === 0}
              disabledFocusable={busy}
              onClick={() => void run.run()}
              data-testid="collect-import"
            >
              {t("collect.import", { count: ready.length })}
            </Button>
            <Button disabledFocusable={busy} onClick={() => onState(emptyCollect)}>
              {t("collect.clear")}
            </Button>
          </div>
        </Panel>
      )}
      {error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      <Panel title={t("collect.logHeading", { count: imports.length })} collapsible>
        {imports.length === 0 ? (
          <Text className={styles.muted}>{t("collect.logEmpty")}</Text>
        ) : (
          <ul className={styles.list}>
            {[...imports].reverse().map((i) => (
              <li key={`${i.sha256}-${i.at}`} className={styles.item}>
                <Text weight="semibold">{i.file}</Text>
                <Text size={200}>
                  {t("collect.logLine", { member: i.member, at: formatDateTime(new Date(i.at)) })}
                </Text>
                <HashLine sha256={i.sha256} />
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
