import {
  Body1,
  Button,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ProgressCell } from "../../../app/secretariat/progress";
import type { CheckOutcome, SecretariatApi } from "../../../app/secretariat/types";
import type { Where } from "../../../ocop/findings";
import type { Session } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { formatNumber } from "../../format";
import { GroupedFindings } from "../parts/FindingList";
import { Panel } from "../parts/Panel";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "nowrap",
  },
  rowHead: { position: "sticky", left: 0, backgroundColor: tokens.colorNeutralBackground1 },
  td: {
    textAlign: "center",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
  },
  done: { color: tokens.colorPaletteGreenForeground1 },
  partial: { color: tokens.colorPaletteMarigoldForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
  invalid: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  legend: { margin: 0, overflowWrap: "anywhere" },
});

export interface CheckStepProps {
  api: SecretariatApi;
  session: Session;
  outcome: CheckOutcome | null;
  onOutcome: (outcome: CheckOutcome) => void;
  announce: (text: string) => void;
}

export function CheckStep({ api, session, outcome, onOutcome, announce }: CheckStepProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const legendId = useId();
  const lang = langOf(i18n);
  const check = useAction(async () => {
    announce(t("check.running"));
    const r = await api.checkAll();
    onOutcome(r);
    const errors = r.findings.filter((f) => f.severity === "error").length;
    announce(t("check.done", { errors, warnings: r.findings.length - errors }));
  });
  const goTo = useAction(async (where: Where) => {
    await api.goTo(where);
    announce(t("check.went", { cell: `${where.sheet}!${where.cell}` }));
  });
  const memberName = (code: string) =>
    session.members.find((m) => normaliseCode(m.code) === normaliseCode(code))?.name;
  const productName = (code: string) =>
    session.products.find((p) => normaliseCode(p.code) === normaliseCode(code))?.name;
  const cellText = (c: ProgressCell): string =>
    c.state === "done"
      ? "✓"
      : c.state === "partial"
        ? `${c.filled}/${c.total}${c.invalid > 0 ? " !" : ""}`
        : c.state === "empty"
          ? "○"
          : "—";
  const cellLabel = (c: ProgressCell): string =>
    t(`check.cell.${c.state === "partial" && c.invalid > 0 ? "invalid" : c.state}`, {
      member: c.member,
      product: c.product,
      filled: c.filled,
      total: c.total,
      invalid: c.invalid,
    });
  const progress = outcome?.progress ?? null;
  const errors = outcome?.findings.filter((f) => f.severity === "error").length ?? 0;

  return (
    <div className={styles.stack}>
      <Body1 as="p">{t("check.text")}</Body1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={check.busy}
          onClick={() => void check.run()}
          data-testid="check-all"
        >
          {t("check.button")}
        </Button>
      </div>
      {(check.error ?? goTo.error) && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{check.error ?? goTo.error}</MessageBarBody>
        </MessageBar>
      )}
      {progress && (
        <Panel title={t("check.progressHeading")} testId="progress">
          <Field
            label={t("check.progressLabel", {
              percent: formatNumber(progress.ratio * 100, { maxDecimals: 0, locale: lang }),
            })}
            validationState="none"
          >
            <ProgressBar value={progress.ratio} max={1} thickness="large" />
          </Field>
          {/* The legend wraps in the pane; the grid scrolls inside itself, member names staying in view. */}
          <Body1 as="p" className={mergeClasses(styles.empty, styles.legend)} id={legendId}>
            {t("check.legend")}
          </Body1>
          <div
            className={styles.scroll}
            role="region"
            aria-label={t("check.matrixLabel")}
            aria-describedby={legendId}
            tabIndex={0}
          >
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={mergeClasses(styles.th, styles.rowHead)}>
                    {t("check.memberColumn")}
                  </th>
                  {progress.products.map((p) => (
                    <th key={p} scope="col" className={styles.th} title={productName(p)}>
                      {p}
                    </th>
                  ))}
                  <th scope="col" className={styles.th}>
                    {t("check.doneColumn")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {progress.cells.map((row, i) => {
                  const m = progress.members[i]!;
                  return (
                    <tr key={m.member}>
                      <th
                        scope="row"
                        className={mergeClasses(styles.th, styles.rowHead)}
                        title={memberName(m.member)}
                      >
                        {m.member}
                      </th>
                      {row.map((c) => (
                        <td
                          key={c.product}
                          className={mergeClasses(
                            styles.td,
                            c.invalid > 0 ? styles.invalid : styles[c.state === "noSheet" ? "empty" : c.state]
                          )}
                        >
                          <span role="img" aria-label={cellLabel(c)} title={cellLabel(c)}>
                            {cellText(c)}
                          </span>
                        </td>
                      ))}
                      <td className={styles.td}>
                        {t("check.doneCount", { done: m.done, total: m.products })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Panel>
      )}
      {outcome && (
        <Panel
          title={t("check.findingsHeading", { errors, warnings: outcome.findings.length - errors })}
          testId="check-findings"
        >
          {outcome.findings.length === 0 ? (
            <Body1>{t("check.clean")}</Body1>
          ) : (
            <GroupedFindings
              findings={outcome.findings}
              onGoTo={(w) => void goTo.run(w)}
              memberName={memberName}
              productName={productName}
            />
          )}
        </Panel>
      )}
    </div>
  );
}
