import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  CheckOutcome,
  ConsolidateOutcome,
  MemberBookFile,
  OpenState,
  PublishOutcome,
  SecretariatApi,
} from "../../app/secretariat/types";
import type { Where } from "../../ocop/findings";
import { FindingList } from "./parts/FindingList";
import { StepTabs } from "./parts/StepTabs";
import { CheckStep } from "./steps/CheckStep";
import { CollectStep, emptyCollect, type CollectState } from "./steps/CollectStep";
import { ConsolidateStep } from "./steps/ConsolidateStep";
import { GenerateStep } from "./steps/GenerateStep";
import { PaperEntry } from "./steps/PaperEntry";
import { Deliberation } from "./steps/Deliberation";
import { currentRound } from "../../ocop/deliberation";
import { EMPTY_DELIBERATION } from "../../ocop/history";
import { PublishStep } from "./steps/PublishStep";
import { SetupStep } from "./steps/SetupStep";
import { NS } from "./strings";
import { errorMessage } from "./errors";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  status: {
    minHeight: "1.25rem",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    ":focus": { outlineStyle: "none" },
  },
});

export const STEPS = ["setup", "generate", "collect", "check", "consolidate", "publish"] as const;
export type Step = (typeof STEPS)[number];

export interface SecretariatViewProps {
  api: SecretariatApi;
  /** Saves a file for the user (download). */
  download: (file: MemberBookFile) => void | Promise<void>;
  /** Shows a cell where the user looks (Excel's grid, or the standalone page's); defaults to `api.goTo`. */
  goTo?: (where: Where) => Promise<void>;
  /** Standalone page: save the council workbook as a file. */
  saveWorkbook?: () => void | Promise<void>;
  /** Step to open first (tests, deep links). */
  initialStep?: Step;
}

/** The secretariat's day in six steps, one tab each; every step works on the open workbook. */
export function SecretariatView({ api, download, goTo, saveWorkbook, initialStep }: SecretariatViewProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const tabsId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<OpenState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(initialStep ?? "setup");
  const [status, setStatus] = useState("");
  const [collect, setCollect] = useState<CollectState>(emptyCollect);
  const [check, setCheck] = useState<CheckOutcome | null>(null);
  const [consolidation, setConsolidation] = useState<ConsolidateOutcome | null>(null);
  const [published, setPublished] = useState<PublishOutcome | null>(null);
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    api.open().then(
      (s) => {
        if (!live) return;
        setState(s);
        setLoadError(null);
        if (!s.session) setStep("setup");
      },
      (e: unknown) => live && setLoadError(errorMessage(e, t))
    );
    return () => {
      live = false;
    };
  }, [api, generation, t]);

  const announce = useCallback((text: string) => setStatus(text), []);
  const session = state?.session ?? null;
  const choose = (next: Step) => {
    setStep(next);
    setStatus("");
  };
  const guardedApi: SecretariatApi = goTo ? { ...api, goTo } : api;
  const deliberation = state?.deliberation ?? EMPTY_DELIBERATION;
  const needsDiscussion = consolidation?.consolidation?.needsDiscussion ?? null;
  const deliberationPanel = (parts: ("discussion" | "decisions" | "recusals" | "closing")[]) =>
    session && (
      <Deliberation
        session={session}
        deliberation={deliberation}
        needsDiscussion={needsDiscussion}
        actions={api}
        announce={announce}
        onWorkbookChanged={reload}
        parts={parts}
      />
    );

  if (loadError) {
    return (
      <MessageBar layout="multiline" intent="error">
        <MessageBarBody>{loadError}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!state) return <Spinner size="small" label={t("view.loading")} />;

  return (
    <div className={styles.root} data-testid="secretariat">
      <StepTabs
        idPrefix={tabsId}
        label={t("view.stepsLabel")}
        selected={step}
        onSelect={choose}
        tabs={STEPS.map((s, i) => ({
          value: s,
          label: t("view.stepTab", { n: i + 1, name: t(`steps.${s}`) }),
          disabled: s !== "setup" && !session,
        }))}
      />
      <Text role="status" aria-live="polite" className={styles.status} data-testid="status">
        {status}
      </Text>
      {state.findings.length > 0 && !session && (
        <>
          <MessageBar layout="multiline" intent="warning">
            <MessageBarBody>{t("view.noSessionFindings")}</MessageBarBody>
          </MessageBar>
          <FindingList findings={state.findings} />
        </>
      )}
      <div
        ref={panel}
        id={`${tabsId}-panel`}
        className={styles.panel}
        role="tabpanel"
        aria-labelledby={`${tabsId}-tab-${step}`}
        tabIndex={-1}
      >
        {step === "setup" && (
          <>
            {!session && <Body1 as="p">{t("view.intro")}</Body1>}
            <SetupStep
              key={session?.id ?? "new"}
              api={api}
              session={session}
              onSaved={reload}
              announce={announce}
            />
            {session && deliberationPanel(["recusals"])}
          </>
        )}
        {step === "generate" && session && (
          <GenerateStep
            api={api}
            session={session}
            sheetNames={state.sheetNames}
            round={currentRound(deliberation)}
            download={download}
            announce={announce}
            onWorkbookChanged={reload}
          />
        )}
        {step === "collect" && session && (
          <>
            <CollectStep
              api={api}
              state={collect}
              onState={setCollect}
              imports={state.imports}
              announce={announce}
              onWorkbookChanged={reload}
            />
            <PaperEntry api={api} session={session} announce={announce} onWorkbookChanged={reload} />
          </>
        )}
        {step === "check" && session && (
          <CheckStep
            api={guardedApi}
            session={session}
            outcome={check}
            onOutcome={setCheck}
            announce={announce}
          />
        )}
        {step === "consolidate" && session && (
          <ConsolidateStep
            api={guardedApi}
            session={session}
            outcome={consolidation}
            onOutcome={setConsolidation}
            announce={announce}
            onWorkbookChanged={reload}
          />
        )}
        {step === "consolidate" && deliberationPanel(["discussion", "decisions", "recusals", "closing"])}
        {step === "publish" && session && (
          <PublishStep
            api={api}
            session={session}
            outcome={published}
            onOutcome={(o) => {
              setPublished(o);
              setConsolidation(o);
            }}
            announce={announce}
            onWorkbookChanged={reload}
            saveWorkbook={saveWorkbook}
            onDiscuss={() => choose("consolidate")}
          />
        )}
        {step === "publish" && deliberationPanel(["decisions", "closing"])}
      </div>
    </div>
  );
}
