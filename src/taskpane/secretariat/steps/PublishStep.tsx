import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { PublishOutcome, SecretariatApi } from "../../../app/secretariat/types";
import type { Session } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { levelProcess, outcomeWords } from "../../../ocop/process";
import { proposalOutcomes } from "../../../layout/proposals";
import { DOCUMENT_SHEETS, DOCUMENT_TITLES, FORM_SHEET_PREFIX } from "../../../layout/documents/names";
import { formatScore } from "../../format";
import { GroupedFindings } from "../parts/FindingList";
import { FormsOnDemand } from "../parts/FormsOnDemand";
import { Panel } from "../parts/Panel";
import { StarCounts } from "../parts/Ranking";
import { Stars } from "../parts/Stars";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";
import { blockers } from "./ConsolidateStep";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Which sheet prints which document, for the sheets this run wrote (forms: the first member's sheet). */
const printGuide = (
  published: readonly string[]
): { title: string; sheet: { name: string; forms: boolean } }[] => {
  const forms = published.filter((n) => n.startsWith(FORM_SHEET_PREFIX));
  const out: { title: string; sheet: { name: string; forms: boolean } }[] = [];
  if (forms.length) out.push({ title: DOCUMENT_TITLES.forms, sheet: { name: forms[0]!, forms: true } });
  for (const key of ["scoreTable", "report", "minutes", "notices"] as const)
    if (published.includes(DOCUMENT_SHEETS[key]))
      out.push({ title: DOCUMENT_TITLES[key], sheet: { name: DOCUMENT_SHEETS[key], forms: false } });
  return out;
};

export interface PublishStepProps {
  api: SecretariatApi;
  session: Session;
  outcome: PublishOutcome | null;
  onOutcome: (outcome: PublishOutcome) => void;
  announce: (text: string) => void;
  onWorkbookChanged: () => void;
  /** The standalone page saves the council workbook as a file; in Excel the workbook is already open. */
  saveWorkbook?: () => void | Promise<void>;
  /** Shows the deliberation (the consolidate step) when publishing is refused for products to discuss. */
  onDiscuss?: () => void;
}

export function PublishStep({
  api,
  session,
  outcome,
  onOutcome,
  announce,
  onWorkbookChanged,
  saveWorkbook,
  onDiscuss,
}: PublishStepProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const run = useAction(async () => {
    announce(t("publish.running"));
    const r = await api.publish();
    onOutcome(r);
    if (r.written) {
      announce(t("publish.done", { count: r.proposed.length }));
      onWorkbookChanged();
    } else {
      const products = r.findings.find((f) => f.code === "deliberation.needsDiscussion")?.params.products;
      announce(
        products
          ? t("deliberation.publishRefused", { products })
          : t("consolidate.blocked", { count: r.findings.filter((f) => f.severity === "error").length })
      );
    }
  });
  const save = useAction(async () => {
    await saveWorkbook?.();
    announce(t("publish.saved"));
  });
  const c = outcome?.consolidation ?? null;
  // Refused because products await the council's discussion: which ones, and what to do.
  const waiting =
    outcome && !outcome.written
      ? (outcome.findings.find((f) => f.code === "deliberation.needsDiscussion")?.params.products as
          string | undefined)
      : undefined;
  const byCode = new Map(session.products.map((p) => [normaliseCode(p.code), p]));
  const proposed = c ? c.products.filter((p) => outcome!.proposed.includes(p.product)) : [];
  const lp = c ? levelProcess(c.edition, c.level) : null;
  const groups = c
    ? proposalOutcomes(c).map((o) => ({ o, list: proposed.filter((p) => p.outcome === o) }))
    : [];

  return (
    <div className={styles.stack}>
      <Body1 as="p">{t("publish.text")}</Body1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={run.busy}
          onClick={() => void run.run()}
          data-testid="publish"
        >
          {t("publish.button")}
        </Button>
        {saveWorkbook && (
          <Button
            icon={<ArrowDownload20Regular />}
            disabledFocusable={save.busy}
            onClick={() => void save.run()}
            data-testid="save-workbook"
          >
            {t("publish.save")}
          </Button>
        )}
      </div>
      {(run.error ?? save.error) && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{run.error ?? save.error}</MessageBarBody>
        </MessageBar>
      )}
      {waiting && (
        <MessageBar layout="multiline" intent="error" data-testid="publish-refused">
          <MessageBarBody>
            <MessageBarTitle>{t("deliberation.publishRefused", { products: waiting })}</MessageBarTitle>
            {t("deliberation.publishWhat")}
          </MessageBarBody>
          {onDiscuss && (
            <MessageBarActions>
              <Button onClick={onDiscuss}>{t("deliberation.goToDiscussion")}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {outcome && !outcome.written && !waiting && (
        <>
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>
              <MessageBarTitle>
                {t("consolidate.refused", {
                  count: outcome.findings.filter((f) => f.severity === "error").length,
                })}
              </MessageBarTitle>
              {t("consolidate.refusedWho", { who: blockers(outcome, t("consolidate.sessionWord")) })}
            </MessageBarBody>
          </MessageBar>
          <GroupedFindings findings={outcome.findings.filter((f) => f.severity === "error")} />
        </>
      )}
      {outcome?.written && c && (
        <>
          <MessageBar layout="multiline" intent="success">
            <MessageBarBody>
              <MessageBarTitle>{t("publish.writtenTitle")}</MessageBarTitle>
              {t("publish.written", { sheets: outcome.published.join(", ") })}
            </MessageBarBody>
          </MessageBar>
          <Body1 as="p">{t("publish.print")}</Body1>
          <Panel title={t("publish.documentsTitle")} testId="print-documents">
            <Text as="p">{t("publish.documentsHint")}</Text>
            <ul className={styles.list}>
              {printGuide(outcome.published).map(({ title, sheet }) => (
                <li key={title}>
                  <Text>
                    {t("publish.document", {
                      title,
                      sheet: sheet.forms ? t("publish.formsSheets", { first: sheet.name }) : sheet.name,
                    })}
                  </Text>
                </li>
              ))}
            </ul>
            {outcome.formsDeferred && (
              <FormsOnDemand
                api={api}
                session={session}
                deferred={outcome.formsDeferred}
                announce={announce}
                onWritten={(r) => {
                  const added = r.sheets.filter((n) => !outcome.published.includes(n));
                  onOutcome({
                    ...outcome,
                    published: [...outcome.published, ...added],
                    formsDeferred: r.formsDeferred,
                  });
                  onWorkbookChanged();
                }}
              />
            )}
          </Panel>
          <Panel title={t("results.countsHeading")}>
            <StarCounts counts={c.starCounts} />
          </Panel>
          {groups.map(({ o, list }) => (
            <Panel key={o} title={`${outcomeWords(o, lp!)[lang]} (${list.length})`} testId={`proposed-${o}`}>
              <Text as="p">{lang === "vi" ? outcomeWords(o, lp!).viLong : outcomeWords(o, lp!).enLong}</Text>
              {list.length === 0 ? (
                <Text>{t("publish.none")}</Text>
              ) : (
                <ol className={styles.list}>
                  {list.map((r) => (
                    <li key={r.product}>
                      <Text>
                        {r.product} · {byCode.get(normaliseCode(r.product))?.name ?? ""} ·{" "}
                      </Text>
                      <Stars stars={r.stars} />{" "}
                      <Text>
                        {r.mean === null
                          ? ""
                          : t("results.mean", {
                              mean: formatScore(r.mean, c.settings.displayDecimals, lang),
                            })}
                      </Text>
                    </li>
                  ))}
                </ol>
              )}
            </Panel>
          ))}
        </>
      )}
    </div>
  );
}
