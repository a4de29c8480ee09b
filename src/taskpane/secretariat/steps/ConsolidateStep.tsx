import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ConsolidateOutcome, SecretariatApi } from "../../../app/secretariat/types";
import type { Where } from "../../../ocop/findings";
import type { Session } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { GroupedFindings } from "../parts/FindingList";
import { Panel } from "../parts/Panel";
import { Ranking, StarCounts } from "../parts/Ranking";
import { NS } from "../strings";
import { useAction } from "../useAction";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ConsolidateStepProps {
  api: SecretariatApi;
  session: Session;
  outcome: ConsolidateOutcome | null;
  onOutcome: (outcome: ConsolidateOutcome) => void;
  announce: (text: string) => void;
  onWorkbookChanged: () => void;
}

/** Who holds the errors back, in one sentence: "TV02 (3), TV04 (12), the session (1)". */
export const blockers = (outcome: ConsolidateOutcome, session: string): string => {
  const byMember = new Map<string, number>();
  for (const f of outcome.findings) {
    if (f.severity !== "error") continue;
    const key = f.where.member ?? session;
    byMember.set(key, (byMember.get(key) ?? 0) + 1);
  }
  return [...byMember].map(([k, n]) => `${k} (${n})`).join(", ");
};

export function ConsolidateStep({
  api,
  session,
  outcome,
  onOutcome,
  announce,
  onWorkbookChanged,
}: ConsolidateStepProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const run = useAction(async () => {
    announce(t("consolidate.running"));
    const r = await api.consolidate();
    onOutcome(r);
    if (r.written) {
      announce(t("consolidate.done", { count: r.consolidation?.products.length ?? 0 }));
      onWorkbookChanged();
    } else
      announce(t("consolidate.blocked", { count: r.findings.filter((f) => f.severity === "error").length }));
  });
  const goTo = useAction((where: Where) => api.goTo(where));
  const memberName = (code: string) =>
    session.members.find((m) => normaliseCode(m.code) === normaliseCode(code))?.name;
  const productName = (code: string) =>
    session.products.find((p) => normaliseCode(p.code) === normaliseCode(code))?.name;
  const errors = outcome?.findings.filter((f) => f.severity === "error") ?? [];

  return (
    <div className={styles.stack}>
      <Body1 as="p">{t("consolidate.text")}</Body1>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={run.busy}
          onClick={() => void run.run()}
          data-testid="consolidate"
        >
          {t(outcome?.written ? "consolidate.again" : "consolidate.button")}
        </Button>
      </div>
      {(run.error ?? goTo.error) && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{run.error ?? goTo.error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && !outcome.written && (
        <>
          <MessageBar layout="multiline" intent="error" data-testid="consolidate-blocked">
            <MessageBarBody>
              <MessageBarTitle>{t("consolidate.refused", { count: errors.length })}</MessageBarTitle>
              {t("consolidate.refusedWho", { who: blockers(outcome, t("consolidate.sessionWord")) })}
            </MessageBarBody>
          </MessageBar>
          <GroupedFindings
            findings={errors}
            onGoTo={(w) => void goTo.run(w)}
            memberName={memberName}
            productName={productName}
          />
        </>
      )}
      {outcome?.written && outcome.consolidation && (
        <>
          <MessageBar layout="multiline" intent="success">
            <MessageBarBody>{t("consolidate.written", { sheets: outcome.sheets.join(", ") })}</MessageBarBody>
          </MessageBar>
          {(outcome.consolidation.needsDiscussion?.length ?? 0) > 0 && (
            <MessageBar layout="multiline" intent="warning" data-testid="draft-notice">
              <MessageBarBody>
                {t("deliberation.draft", {
                  products: outcome.consolidation.needsDiscussion!.map((d) => d.product).join(", "),
                })}
              </MessageBarBody>
            </MessageBar>
          )}
          <Panel title={t("results.countsHeading")}>
            <StarCounts counts={outcome.consolidation.starCounts} />
          </Panel>
          <Panel title={t("results.rankingHeading")}>
            <Ranking session={session} consolidation={outcome.consolidation} />
          </Panel>
          {outcome.findings.length > 0 && (
            <Panel title={t("consolidate.warnings", { count: outcome.findings.length })} collapsible>
              <GroupedFindings
                findings={outcome.findings}
                memberName={memberName}
                productName={productName}
              />
            </Panel>
          )}
        </>
      )}
    </div>
  );
}
