import { Badge, Body1, Caption1, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, DismissCircle16Regular } from "@fluentui/react-icons";
import { useId } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "../format";
import { REQUIRED_EXCEL_API, type HostInfo } from "../hostInfo";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  yes: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  no: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  paragraph: { margin: 0 },
  heading: { margin: `${tokens.spacingVerticalXS} 0 0` },
});

const PLATFORMS = ["PC", "OfficeOnline", "Mac", "iOS", "Android", "Universal"];

/** Where the pane runs, in one sentence (the environment's folded line). */
export const hostLine = (info: HostInfo, t: TFunction): string => {
  const platform = t(
    `platform.${info.platform && PLATFORMS.includes(info.platform) ? info.platform : "unknown"}`
  );
  if (info.kind === "excel") return t("host.excel", { platform });
  if (info.kind === "otherOffice") return t("host.otherOffice", { host: info.host });
  return t("host.standalone");
};

/** The environment's details, on demand: the ExcelApi sets (in Excel), why standalone, when this was checked. */
export function HostStatus({ info }: { info: HostInfo }) {
  const { t, i18n } = useTranslation();
  const numberLocale = i18n.language === "en" ? "en" : "vi";
  const styles = useStyles();
  const apiHeadingId = useId();

  return (
    <div className={styles.stack}>
      {info.kind === "standalone" && info.officeTimeoutMs !== null && (
        <Body1 as="p" className={styles.paragraph}>
          {t("host.officeTimeout", {
            seconds: formatNumber(info.officeTimeoutMs / 1000, { maxDecimals: 1, locale: numberLocale }),
          })}
        </Body1>
      )}
      {info.kind === "standalone" && (
        <Body1 as="p" className={styles.paragraph}>
          {t("host.standaloneHint")}
        </Body1>
      )}

      {info.kind === "excel" && (
        <>
          <Subtitle2 as="h3" id={apiHeadingId} className={styles.heading}>
            {t("apiSets.heading")}
          </Subtitle2>
          <ul className={styles.list} aria-labelledby={apiHeadingId}>
            {info.apiSets.map((set) => (
              <li key={set.version} className={styles.item}>
                {set.supported ? (
                  <CheckmarkCircle16Filled className={styles.yes} aria-hidden />
                ) : (
                  <DismissCircle16Regular className={styles.no} aria-hidden />
                )}
                <Text>
                  {t("apiSets.item", {
                    version: set.version,
                    status: t(set.supported ? "apiSets.supported" : "apiSets.notSupported"),
                  })}
                </Text>
                {set.version === REQUIRED_EXCEL_API && (
                  <Badge size="small" appearance="outline">
                    {t("apiSets.required")}
                  </Badge>
                )}
              </li>
            ))}
          </ul>
          <Body1 as="p" className={styles.paragraph}>
            {t(info.meetsRequirement ? "apiSets.meets" : "apiSets.missing", { version: REQUIRED_EXCEL_API })}
          </Body1>
        </>
      )}
      <Caption1 as="p" className={styles.muted}>
        {t("host.checkedAt", { time: formatDateTime(info.checkedAt) })}
      </Caption1>
    </div>
  );
}
