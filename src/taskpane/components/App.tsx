import { Body1, Button, makeStyles, Spinner, Text, Title3, tokens } from "@fluentui/react-components";
import { visuallyHidden } from "./visuallyHidden";
import { ArrowClockwise16Regular, ChevronDown16Regular, ChevronUp16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DetectHost, HostInfo } from "../hostInfo";
import { HostStatus, hostLine } from "./HostStatus";
import { LanguageSwitch } from "./LanguageSwitch";
import { MemberArea } from "../member/MemberArea";
import { RoleArea } from "../secretariat";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skip: {
    position: "absolute",
    left: "-10000px",
    top: "auto",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    ":focus": {
      position: "static",
      width: "auto",
      height: "auto",
      padding: tokens.spacingVerticalS,
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    ":focus": { outlineStyle: "none" },
  },
  heading: { margin: 0 },
  paragraph: { margin: 0, minWidth: 0, flexGrow: 1, flexBasis: "12rem" },
  env: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground2,
  },
  envLine: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  details: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  visuallyHidden,
});

interface Detection {
  detect: DetectHost;
  attempt: number;
  info: HostInfo | null;
  error: string | null;
}

export interface AppProps {
  /** null while the pane still waits for office.js; then the detector for the outcome. */
  detectHost: DetectHost | null;
}

/** The first screen: where the pane runs, which ExcelApi sets Excel offers, and whether a session is open. */
export function App({ detectHost }: AppProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const hostHeadingId = useId();
  const detailsId = useId();
  const [showDetails, setShowDetails] = useState<boolean | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [detection, setDetection] = useState<Detection | null>(null);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  useEffect(() => {
    if (!detectHost) return;
    let live = true;
    detectHost().then(
      (info) => live && setDetection({ detect: detectHost, attempt, info, error: null }),
      (error: unknown) =>
        live && setDetection({ detect: detectHost, attempt, info: null, error: String(error) })
    );
    return () => {
      live = false;
    };
  }, [detectHost, attempt]);

  const current = detection && detection.detect === detectHost && detection.attempt === attempt;
  // While re-checking, keep showing the previous answer rather than flashing a spinner.
  const info = detection?.info ?? null;
  const checking = detectHost !== null && !current;
  // The details open by themselves when they hold something to act on (an Excel below the minimum, a failed check).
  const needsDetails =
    (info?.kind === "excel" && (!info.meetsRequirement || info.session.state === "unknown")) ||
    (info?.kind === "standalone" && info.officeTimeoutMs !== null);
  const detailsOpen = showDetails ?? needsDetails;

  let sessionText: string | null = null;
  if (info && info.kind === "excel") {
    const s = info.session;
    sessionText =
      s.state === "unknown" ? t("session.unknown", { reason: s.reason }) : t(`session.${s.state}`);
  }

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t("app.skipToMain")}
      </a>
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title3 as="h1" className={styles.heading}>
            {t("app.title")}
          </Title3>
          <Text size={200} className={styles.subtitle}>
            {t("app.subtitle")}
          </Text>
        </div>
        <LanguageSwitch />
      </header>

      <main id="main" tabIndex={-1} className={styles.main}>
        <section className={styles.env} aria-labelledby={hostHeadingId} data-testid="environment">
          <h2 id={hostHeadingId} className={styles.visuallyHidden}>
            {t("host.heading")}
          </h2>
          <div className={styles.envLine} aria-live="polite">
            {info ? (
              <Body1 as="p" className={styles.paragraph}>
                <span data-testid="host-line">{hostLine(info, t)}</span>
                {/* Only Excel has a workbook to speak of: the page never says none is open. */}
                {sessionText && (
                  <>
                    {" "}
                    <span data-testid="session-line">{sessionText}</span>
                  </>
                )}
              </Body1>
            ) : detection?.error ? (
              <Body1 as="p" className={styles.paragraph}>
                {detection.error}
              </Body1>
            ) : (
              <Spinner
                size="tiny"
                labelPosition="after"
                label={t(detectHost ? "host.detecting" : "host.waiting")}
              />
            )}
            {info && (
              <Button
                size="small"
                appearance="subtle"
                icon={detailsOpen ? <ChevronUp16Regular /> : <ChevronDown16Regular />}
                aria-expanded={detailsOpen}
                aria-controls={detailsId}
                onClick={() => setShowDetails(!detailsOpen)}
              >
                {t(detailsOpen ? "host.hideDetails" : "host.details")}
              </Button>
            )}
          </div>
          {info && detailsOpen && (
            <div id={detailsId} className={styles.details}>
              <HostStatus info={info} />
              {detectHost && info.kind === "excel" && (
                <div>
                  <Button
                    size="small"
                    icon={<ArrowClockwise16Regular />}
                    disabled={checking}
                    onClick={() => setAttempt((n) => n + 1)}
                  >
                    {t("host.recheck")}
                  </Button>
                </div>
              )}
            </div>
          )}
        </section>

        <RoleArea info={info} member={<MemberArea info={info} />} />
      </main>
    </div>
  );
}
