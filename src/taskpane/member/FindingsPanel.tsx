import { Badge, Body1, Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Regular, TaskListLtr20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "../../app/member/messages";
import { cellAddress, parseAddress } from "../../layout/a1";
import { describeFinding } from "../../ocop/messages";
import type { Finding } from "../../ocop/findings";
import { normaliseCode } from "../../ocop/text";
import type { MemberSheet } from "../../app/member/sheet";
import { formatDateTime } from "../format";
import { langOf, NS } from "./strings";
import type { CellRef } from "./workspace";
import { barredItem, stackedList } from "../components/listStyles";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: stackedList(tokens.spacingVerticalS),
  item: {
    ...barredItem(tokens.colorPaletteRedBorder2),
    alignItems: "flex-start",
    overflowWrap: "anywhere",
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  ok: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteGreenForeground1,
  },
});

const PAGE = 25;

/** Where a finding points on the member's sheet: its cell, else the first cell of its product (and criterion). */
export const targetOf = (f: Finding, sheet: MemberSheet | null | undefined): CellRef | null => {
  if (f.where.file) return null;
  if (f.where.cell && f.where.sheet) {
    const at = parseAddress(f.where.cell);
    if (at) return { sheet: f.where.sheet, ...at };
  }
  if (!sheet || !f.where.product) return null;
  const product = normaliseCode(f.where.product);
  const criterion = f.where.criterion ? normaliseCode(f.where.criterion) : null;
  const cell = sheet.cells.find(
    (c) =>
      normaliseCode(c.product.code) === product &&
      (!criterion || normaliseCode(c.flat.criterion.id) === criterion)
  );
  return cell ? { sheet: cell.sheet, row: cell.row, col: cell.col } : null;
};

export interface FindingsPanelProps {
  sheet: MemberSheet | null | undefined;
  busy: boolean;
  /** Runs the check; undefined when it failed (the pane shows the error). */
  onCheck(): Promise<Finding[] | undefined>;
  onGoTo(cell: CellRef): void;
  announce(text: string): void;
}

/** "Check my sheet": what is wrong, where, how to fix it, and a button that selects the cell. Reads only. */
export function FindingsPanel({ sheet, busy, onCheck, onGoTo, announce }: FindingsPanelProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const [result, setResult] = useState<{ findings: Finding[]; at: Date } | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [running, setRunning] = useState(false);

  const run = async () => {
    setRunning(true);
    try {
      const findings = await onCheck();
      if (!findings) return;
      const sorted = [...findings].sort((a, b) =>
        a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
      );
      setResult({ findings: sorted, at: new Date() });
      setShown(PAGE);
      const errors = sorted.filter((f) => f.severity === "error").length;
      announce(
        errors || sorted.length
          ? t("check.summary", { errors, warnings: sorted.length - errors })
          : t("check.ok")
      );
    } finally {
      setRunning(false);
    }
  };

  const errors = result?.findings.filter((f) => f.severity === "error").length ?? 0;
  return (
    <div className={styles.stack}>
      <div>
        <Button
          icon={<TaskListLtr20Regular />}
          disabledFocusable={busy || running}
          onClick={() => void run()}
        >
          {running ? t("check.running") : t("check.run")}
        </Button>
      </div>
      <Caption1 as="p" className={styles.muted}>
        {t("check.readOnly")}
      </Caption1>
      {result && (
        <>
          {result.findings.length === 0 ? (
            <Body1 as="p" className={styles.ok} data-testid="check-ok">
              <CheckmarkCircle16Regular aria-hidden />
              {t("check.ok")}
            </Body1>
          ) : (
            <Body1 as="p" data-testid="check-summary">
              {t("check.summary", { errors, warnings: result.findings.length - errors })}
            </Body1>
          )}
          <ul className={styles.list} aria-label={t("check.heading")} data-testid="findings">
            {result.findings.slice(0, shown).map((f, i) => {
              const d = describeFinding(f, lang);
              const target = targetOf(f, sheet);
              const cellName = target ? (f.where.cell ?? null) : null;
              return (
                <li key={i} className={mergeClasses(styles.item, f.severity === "warning" && styles.warning)}>
                  <div className={styles.head}>
                    <Badge
                      size="small"
                      appearance="tint"
                      color={f.severity === "error" ? "danger" : "warning"}
                    >
                      {t(f.severity === "error" ? "check.error" : "check.warning")}
                    </Badge>
                    {d.where && <Caption1 className={styles.muted}>{d.where}</Caption1>}
                  </div>
                  <Body1>{d.message}</Body1>
                  {d.fix && <Caption1>{t("check.fix", { fix: d.fix })}</Caption1>}
                  {target && (
                    <Button
                      size="small"
                      appearance="subtle"
                      disabledFocusable={busy}
                      onClick={() => onGoTo(target)}
                    >
                      {t("check.goTo", { cell: cellName ?? cellAddress(target.row, target.col) })}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {result.findings.length > shown && (
            <div>
              <Button size="small" onClick={() => setShown(result.findings.length)}>
                {t("check.showAll", { count: result.findings.length })}
              </Button>
            </div>
          )}
          <Caption1 as="p" className={styles.muted}>
            {t("check.checkedAt", { time: formatDateTime(result.at) })}
          </Caption1>
        </>
      )}
    </div>
  );
}
