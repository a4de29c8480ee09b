import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Consolidation, ProductResult } from "../../../ocop/results";
import type { Session } from "../../../ocop/session";
import { levelProcess, outcomeWords } from "../../../ocop/process";
import { normaliseCode } from "../../../ocop/text";
import { formatNumber, formatScore } from "../../format";
import { langOf, NS } from "../strings";
import { Stars } from "./Stars";

const useStyles = makeStyles({
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "2.5rem 1fr",
    columnGap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rank: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  flags: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The counts by class: "5★ 1 · 4★ 3 · 3★ 2 · 2★ 1 · 1★ 0 · not classed 1". */
export function StarCounts({ counts }: { counts: Consolidation["starCounts"] }) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  return (
    <ul className={styles.counts} aria-label={t("results.countsLabel")} data-testid="star-counts">
      {([5, 4, 3, 2, 1, 0] as const).map((s) => (
        <li key={s}>
          <Badge
            appearance={s >= 3 ? "filled" : "outline"}
            color={s >= 3 ? "brand" : "informative"}
            size="large"
          >
            {s
              ? t("results.countStars", { stars: s, count: counts[s] })
              : t("results.countNone", { count: counts[0] })}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** Why a product is flagged, withheld or held below its band, in the pane's language. */
export const useFlagTexts = () => {
  const { t, i18n } = useTranslation(NS);
  const lang = langOf(i18n);
  const n = (x: number) => formatNumber(x, { maxDecimals: 2, locale: lang });
  return (r: ProductResult): string[] => {
    const out: string[] = [];
    for (const f of r.flags) {
      if (f.code === "spread")
        out.push(
          t("flags.spread", { range: n(f.range), threshold: n(f.threshold), members: f.members.join(", ") })
        );
      else if (f.code === "quorum")
        out.push(t("flags.quorum", { scored: f.scored, council: f.council, required: f.required }));
      else if (f.code === "excluded") out.push(t("flags.excluded", { reason: f.reason }));
      else if (f.code === "chair") out.push(t("flags.chair"));
      else out.push(t("flags.incomplete", { members: f.missingMembers.join(", ") }));
    }
    const deviating = r.members.filter((m) => m.deviating);
    if (deviating.length && !r.flags.some((f) => f.code === "spread"))
      out.push(
        t("flags.deviating", { members: deviating.map((m) => `${m.member} (${n(m.total)})`).join(", ") })
      );
    if (r.knockout)
      out.push(
        t("flags.knockout", {
          criterion: r.knockout.criterion,
          text: r.knockout.criterionText,
          note: r.knockout.note.replace(/^(Ghi chú|Chú ý):\s*/u, ""),
        })
      );
    for (const s of r.shortfalls)
      out.push(
        t("flags.shortfall", {
          stars: s.stars,
          criterion: s.criterion,
          text: s.criterionText,
          actual: n(s.actual),
          required: n(s.requiredPoints),
        })
      );
    return out;
  };
};

export function Ranking({ session, consolidation }: { session: Session; consolidation: Consolidation }) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const flagsOf = useFlagTexts();
  const byCode = new Map(session.products.map((p) => [normaliseCode(p.code), p]));
  const decimals = consolidation.settings.displayDecimals;
  const lp = levelProcess(consolidation.edition, consolidation.level);
  return (
    <ol className={styles.list} aria-label={t("results.rankingLabel")} data-testid="ranking">
      {consolidation.products.map((r) => {
        const p = byCode.get(normaliseCode(r.product));
        const flags = flagsOf(r);
        return (
          <li
            key={r.product}
            className={styles.item}
            data-testid="ranking-item"
            data-product={r.product}
            data-stars={r.stars ?? 0}
            data-outcome={r.outcome}
          >
            <span
              className={styles.rank}
              aria-label={r.rank ? t("results.rankLabel", { rank: r.rank }) : t("results.unranked")}
            >
              {r.rank ?? "—"}
            </span>
            <div className={styles.body}>
              <Text weight="semibold">
                {r.product} · {p?.name ?? ""}
              </Text>
              <div className={styles.line}>
                <Stars stars={r.stars} />
                <Text>
                  {r.mean === null
                    ? t("results.noMean")
                    : t("results.mean", { mean: formatScore(r.mean, decimals, lang) })}
                </Text>
                {r.withheld ? (
                  <Badge appearance="tint" color="danger">
                    {t(`results.withheld.${r.withheld}`)}
                  </Badge>
                ) : (
                  // What the council does with it: a proposal, a potential 5★ sent up, or nothing (1–2★).
                  <Badge
                    appearance="tint"
                    color={
                      r.outcome === "not-recognised" || r.outcome === "below-90" ? "informative" : "brand"
                    }
                    data-testid="outcome"
                  >
                    {outcomeWords(r.outcome, lp)[lang]}
                  </Badge>
                )}
              </div>
              <Text size={200} className={styles.muted}>
                {t("results.members", {
                  count: r.count,
                  min: r.min === null ? "—" : n2(r.min, lang),
                  max: r.max === null ? "—" : n2(r.max, lang),
                })}
              </Text>
              {flags.length > 0 && (
                <ul className={styles.flags}>
                  {flags.map((f) => (
                    <li key={f}>
                      <Text size={200}>{f}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const n2 = (x: number, lang: "vi" | "en") => formatNumber(x, { maxDecimals: 2, locale: lang });
