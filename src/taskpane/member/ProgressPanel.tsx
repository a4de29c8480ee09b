import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { MemberSheet, ProductProgress, ScoreCell } from "../../app/member/sheet";
import { formatNumber } from "../format";
import { langOf, NS } from "./strings";
import { barredItem, stackedList } from "../components/listStyles";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: stackedList(tokens.spacingVerticalS),
  item: barredItem(tokens.colorNeutralStroke1),
  done: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  line: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  name: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  stars: { color: tokens.colorPaletteMarigoldForeground2, letterSpacing: "1px" },
});

export interface ProgressPanelProps {
  sheet: MemberSheet;
  busy: boolean;
  onGoTo(cell: ScoreCell): void;
}

/** Scored and left to score, in all and per product, with the member's own totals and a star preview. */
export function ProgressPanel({ sheet, busy, onGoTo }: ProgressPanelProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const barId = useId();
  const left = sheet.total - sheet.scored;
  return (
    <div className={styles.stack}>
      <Body1 as="p" id={barId} data-testid="progress-summary">
        {t("progress.summary", { scored: sheet.scored, total: sheet.total, left })}
        {sheet.invalid > 0 && (
          <>
            {" · "}
            <span className={styles.invalid}>{t("progress.invalid", { count: sheet.invalid })}</span>
          </>
        )}
      </Body1>
      <ProgressBar
        value={sheet.total ? sheet.scored / sheet.total : 0}
        thickness="large"
        color={left === 0 ? "success" : "brand"}
        aria-labelledby={barId}
        aria-valuetext={t("progress.summary", { scored: sheet.scored, total: sheet.total, left })}
      />
      <ul className={styles.list} aria-label={t("progress.products")}>
        {sheet.products.map((p) => (
          <ProductItem
            key={p.product.code}
            progress={p}
            lang={lang}
            busy={busy}
            sheet={sheet}
            onGoTo={onGoTo}
          />
        ))}
      </ul>
      <Caption1 as="p" className={styles.muted}>
        {t("progress.preview")}
      </Caption1>
    </div>
  );
}

function ProductItem({
  progress: p,
  lang,
  busy,
  sheet,
  onGoTo,
}: {
  progress: ProductProgress;
  lang: "vi" | "en";
  busy: boolean;
  sheet: MemberSheet;
  onGoTo(cell: ScoreCell): void;
}) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const num = (n: number) => formatNumber(n, { locale: lang, maxDecimals: 2 });
  const firstOpen = sheet.cells.find((c) => c.product.code === p.product.code && c.state !== "valid");
  const starsText = p.stars ? t("progress.stars", { stars: p.stars }) : null;
  return (
    <li
      className={mergeClasses(styles.item, p.complete && styles.done)}
      data-testid={`progress-${p.product.code}`}
    >
      <Text weight="semibold" className={styles.name}>
        {p.product.name} <Text className={styles.muted}>({p.product.code})</Text>
      </Text>
      <div className={styles.line}>
        <Text>{t("progress.productLine", { scored: p.scored, total: p.total })}</Text>
        <Text>
          {t(p.complete ? "progress.sum" : "progress.sumPartial", { sum: num(p.sum), count: p.sum })}
        </Text>
        {p.stars && (
          <Text role="img" aria-label={t("progress.starsLabel", { stars: p.stars })}>
            <span className={styles.stars} aria-hidden>
              {"★".repeat(p.stars)}
              {"☆".repeat(5 - p.stars)}
            </span>{" "}
            <span aria-hidden>{starsText}</span>
          </Text>
        )}
      </div>
      <Caption1 className={styles.muted}>
        {t("progress.parts", { a: num(p.parts.A), b: num(p.parts.B), c: num(p.parts.C) })}
      </Caption1>
      {p.band && p.stars && p.stars < p.band && (
        <Caption1 className={styles.muted}>
          {t("progress.band", {
            band: p.band,
            stars: p.stars,
            // A criterion short of several levels' minimums is named once.
            criteria: [...new Set(p.shortfalls.map((s) => s.criterion))].join(", "),
          })}
        </Caption1>
      )}
      {p.invalid > 0 && (
        <Caption1 className={styles.invalid}>{t("progress.invalid", { count: p.invalid })}</Caption1>
      )}
      {firstOpen && (
        <div>
          <Button size="small" appearance="subtle" disabledFocusable={busy} onClick={() => onGoTo(firstOpen)}>
            {t("progress.goto", { code: p.product.code })}
          </Button>
        </div>
      )}
    </li>
  );
}
