/**
 * The council's deliberation in the consolidate and publish steps: the products awaiting discussion with
 * their spread, opening the next round for them (or for any products the secretariat chooses, with a
 * reason: "đánh giá lần 2"), the chair's decisions on products still flagged after the last round,
 * members' recusals, and closing or reopening the round (both confirmed). Every action is a use case of
 * the secretariat's API; this view only gathers the choice and says what happened.
 */
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DeliberationOutcome } from "../../../app/secretariat/types";
import type { DiscussionItem } from "../../../ocop/deliberation";
import type { Finding } from "../../../ocop/findings";
import "../../../app/deliberation/codes";
import { FindingList } from "../parts/FindingList";
import type { ChairDecision, Deliberation as DeliberationState, Recusal } from "../../../ocop/history";
import type { Session } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { formatDateTime, formatScore } from "../../format";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { paneWidth, plainFieldset, stackedList } from "../../components/listStyles";
import { Panel } from "../parts/Panel";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";

const useStyles = makeStyles({
  fit: paneWidth,
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  list: stackedList(tokens.spacingVerticalXS),
  group: plainFieldset,
  muted: { color: tokens.colorNeutralForeground2 },
  decision: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** What the panel asks of the workbook (the secretariat's deliberation use cases). */
export interface DeliberationActions {
  openRound(products: string[], reason: string): Promise<DeliberationOutcome>;
  closeRound(person?: string): Promise<DeliberationOutcome>;
  reopenRound(reason: string): Promise<DeliberationOutcome>;
  recordRecusal(recusal: Omit<Recusal, "at">): Promise<DeliberationOutcome>;
  recordChairDecision(decision: Omit<ChairDecision, "at" | "round">): Promise<DeliberationOutcome>;
}

export interface DeliberationProps {
  session: Session;
  deliberation: DeliberationState;
  /** From the last consolidation; null before one ran. */
  needsDiscussion: readonly DiscussionItem[] | null;
  actions: DeliberationActions;
  announce: (text: string) => void;
  onWorkbookChanged: () => void;
  /** Which parts to show: all in the consolidate step, recusals only in setup. */
  parts?: readonly ("discussion" | "decisions" | "recusals" | "closing")[];
}

const ALL_PARTS = ["discussion", "decisions", "recusals", "closing"] as const;

/** The last round opened, whether it is closed, and when and by whom. */
const lastRound = (
  d: DeliberationState
): { number: number; closed: boolean; closedAt: string | null; closedBy: string } => {
  const last = [...d.rounds].sort((a, b) => b.number - a.number)[0];
  return {
    number: last?.number ?? 1,
    closed: last ? last.closedAt !== null : false,
    closedAt: last?.closedAt ?? null,
    closedBy: last?.closedBy ?? "",
  };
};

export function Deliberation({
  session,
  deliberation,
  needsDiscussion,
  actions,
  announce,
  onWorkbookChanged,
  parts = ALL_PARTS,
}: DeliberationProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const round = lastRound(deliberation);
  const scored = session.products.filter((p) => !p.excluded);
  const nameOf = (code: string) =>
    session.products.find((p) => normaliseCode(p.code) === normaliseCode(code))?.name ?? "";
  const memberName = (code: string) =>
    session.members.find((m) => normaliseCode(m.code) === normaliseCode(code))?.name ?? "";
  const flagged = needsDiscussion ?? [];

  // A refused action says why, in the findings' words; a successful one clears them.
  const [findings, setFindings] = useState<Finding[]>([]);
  const refused = (r: DeliberationOutcome): boolean => {
    setFindings(r.written ? [] : r.findings);
    return !r.written;
  };

  // Next round: the flagged products are proposed; any other product may be added with a reason.
  const [chosen, setChosen] = useState<string[] | null>(null);
  const picked = chosen ?? flagged.map((f) => f.product);
  const [reason, setReason] = useState("");
  const onlyFlagged = picked.every((p) => flagged.some((f) => f.product === p));
  const reasonText =
    reason.trim() ||
    (onlyFlagged ? t("deliberation.spreadReason", { threshold: session.settings.spreadThreshold }) : "");
  const open = useAction(async () => {
    if (refused(await actions.openRound(picked, reasonText))) return;
    announce(t("deliberation.opened", { round: round.number + 1, products: picked.join(", ") }));
    setChosen(null);
    setReason("");
    onWorkbookChanged();
  });

  // Chair decisions.
  const [decisions, setDecisions] = useState<
    Record<string, { decision: "accept" | "withhold"; reason: string }>
  >({});
  const decide = useAction(async (product: string) => {
    const d = decisions[product] ?? { decision: "accept", reason: "" };
    if (
      refused(await actions.recordChairDecision({ product, decision: d.decision, reason: d.reason.trim() }))
    )
      return;
    announce(t(d.decision === "accept" ? "deliberation.accepted" : "deliberation.withheld", { product }));
    onWorkbookChanged();
  });

  // Recusals.
  const [recusal, setRecusal] = useState({
    member: session.members[0]?.code ?? "",
    product: scored[0]?.code ?? "",
    reason: "",
  });
  const recuse = useAction(async () => {
    if (refused(await actions.recordRecusal({ ...recusal, reason: recusal.reason.trim() }))) return;
    announce(t("deliberation.recused", { member: recusal.member, product: recusal.product }));
    setRecusal((r) => ({ ...r, reason: "" }));
    onWorkbookChanged();
  });

  // Closing and reopening, each confirmed.
  const [confirm, setConfirm] = useState<"close" | "reopen" | null>(null);
  const [reopenReason, setReopenReason] = useState("");
  const [closer, setCloser] = useState("");
  const close = useAction(async () => {
    if (refused(await actions.closeRound(closer.trim() || undefined))) return;
    announce(t("deliberation.closed", { round: round.number }));
    onWorkbookChanged();
  });
  const reopen = useAction(async () => {
    if (refused(await actions.reopenRound(reopenReason.trim()))) return;
    announce(t("deliberation.reopened", { round: round.number }));
    setReopenReason("");
    onWorkbookChanged();
  });
  const error = open.error ?? decide.error ?? recuse.error ?? close.error ?? reopen.error;
  const show = (part: (typeof ALL_PARTS)[number]) => parts.includes(part);

  return (
    <>
      {show("discussion") && (
        <Panel title={t("deliberation.discussionHeading", { count: flagged.length })} testId="discussion">
          <div className={styles.stack}>
            {needsDiscussion === null ? (
              <Text className={styles.muted}>{t("deliberation.consolidateFirst")}</Text>
            ) : flagged.length === 0 ? (
              <Text>{t("deliberation.noneFlagged")}</Text>
            ) : (
              <ul className={styles.list} data-testid="discussion-list">
                {flagged.map((f) => (
                  <li key={f.product}>
                    <Text>
                      {t("deliberation.item", {
                        product: f.product,
                        name: nameOf(f.product),
                        round: f.round,
                        why: f.reasons
                          .map((r) =>
                            r === "spread"
                              ? t("deliberation.spread", {
                                  range:
                                    f.range === null
                                      ? ""
                                      : formatScore(f.range, session.settings.displayDecimals, lang),
                                  threshold: session.settings.spreadThreshold,
                                })
                              : t("deliberation.minimumSplit")
                          )
                          .join("; "),
                      })}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
            <fieldset className={styles.group}>
              <legend>
                <Text weight="semibold">{t("deliberation.roundProducts", { round: round.number + 1 })}</Text>
              </legend>
              {scored.map((p) => (
                <Checkbox
                  key={p.code}
                  label={`${p.code} · ${p.name}${flagged.some((f) => f.product === p.code) ? ` (${t("deliberation.flaggedMark")})` : ""}`}
                  checked={picked.includes(p.code)}
                  disabled={round.closed}
                  onChange={(_, d) =>
                    setChosen(d.checked ? [...picked, p.code] : picked.filter((c) => c !== p.code))
                  }
                />
              ))}
            </fieldset>
            <Field
              label={t("deliberation.reason")}
              hint={onlyFlagged ? t("deliberation.reasonHintFlagged") : t("deliberation.reasonHintOther")}
              required={!onlyFlagged}
            >
              <Input
                className={styles.fit}
                value={reason}
                placeholder={onlyFlagged ? reasonText : ""}
                onChange={(_, d) => setReason(d.value)}
                data-testid="round-reason"
              />
            </Field>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={round.closed || picked.length === 0 || !reasonText}
                disabledFocusable={open.busy}
                onClick={() => void open.run()}
                data-testid="open-round"
              >
                {t("deliberation.openRound", { round: round.number + 1 })}
              </Button>
            </div>
            {round.closed && <Text className={styles.muted}>{t("deliberation.closedNoRound")}</Text>}
          </div>
        </Panel>
      )}

      {show("decisions") && flagged.length > 0 && (
        <Panel title={t("deliberation.decisionsHeading")} testId="chair-decisions">
          <div className={styles.stack}>
            <Body1 as="p">{t("deliberation.decisionsText")}</Body1>
            {flagged.map((f) => {
              const d = decisions[f.product] ?? { decision: "accept" as const, reason: "" };
              const set = (patch: Partial<typeof d>) =>
                setDecisions((all) => ({ ...all, [f.product]: { ...d, ...patch } }));
              return (
                <div key={f.product} className={styles.decision} data-testid={`decision-${f.product}`}>
                  <RadioGroup
                    aria-label={t("deliberation.decisionFor", {
                      product: f.product,
                      name: nameOf(f.product),
                    })}
                    value={d.decision}
                    onChange={(_, data) => set({ decision: data.value as "accept" | "withhold" })}
                  >
                    <Text weight="semibold">
                      {f.product} · {nameOf(f.product)}
                    </Text>
                    <Radio value="accept" label={t("deliberation.accept")} />
                    <Radio value="withhold" label={t("deliberation.withhold")} />
                  </RadioGroup>
                  <Field label={t("deliberation.decisionReason", { product: f.product })} required>
                    <Input
                      className={styles.fit}
                      value={d.reason}
                      onChange={(_, data) => set({ reason: data.value })}
                    />
                  </Field>
                  <div className={styles.row}>
                    <Button
                      disabled={!d.reason.trim()}
                      disabledFocusable={decide.busy}
                      onClick={() => void decide.run(f.product)}
                    >
                      {t("deliberation.record", { product: f.product })}
                    </Button>
                  </div>
                </div>
              );
            })}
            {deliberation.decisions.length > 0 && (
              <ul className={styles.list}>
                {deliberation.decisions.map((d) => (
                  <li key={`${d.product}-${d.at}`}>
                    <Text size={200}>
                      {t(
                        d.decision === "accept"
                          ? "deliberation.decidedAccept"
                          : "deliberation.decidedWithhold",
                        {
                          product: d.product,
                          round: d.round,
                          reason: d.reason,
                        }
                      )}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Panel>
      )}

      {show("recusals") && (
        <Panel
          title={t("deliberation.recusalsHeading", { count: deliberation.recusals.length })}
          testId="recusals"
        >
          <div className={styles.stack}>
            <Body1 as="p">{t("deliberation.recusalsText")}</Body1>
            {deliberation.recusals.length > 0 && (
              <ul className={styles.list} data-testid="recusal-list">
                {deliberation.recusals.map((r) => (
                  <li key={`${r.member}-${r.product}`}>
                    <Text>
                      {t("deliberation.recusalLine", {
                        member: r.member,
                        name: memberName(r.member),
                        product: r.product,
                        reason: r.reason,
                      })}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
            <Field label={t("deliberation.recusalMember")}>
              <Select
                className={styles.fit}
                value={recusal.member}
                disabled={round.closed}
                onChange={(_, d) => setRecusal((r) => ({ ...r, member: d.value }))}
                data-testid="recusal-member"
              >
                {session.members.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.code} · {m.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("deliberation.recusalProduct")}>
              <Select
                className={styles.fit}
                value={recusal.product}
                disabled={round.closed}
                onChange={(_, d) => setRecusal((r) => ({ ...r, product: d.value }))}
                data-testid="recusal-product"
              >
                {scored.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} · {p.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("deliberation.recusalReason")} required>
              <Input
                className={styles.fit}
                value={recusal.reason}
                disabled={round.closed}
                onChange={(_, d) => setRecusal((r) => ({ ...r, reason: d.value }))}
                data-testid="recusal-reason"
              />
            </Field>
            <div className={styles.row}>
              <Button
                disabled={round.closed || !recusal.reason.trim() || !recusal.member || !recusal.product}
                disabledFocusable={recuse.busy}
                onClick={() => void recuse.run()}
                data-testid="recuse"
              >
                {t("deliberation.recuse")}
              </Button>
            </div>
            {round.closed && <Text className={styles.muted}>{t("deliberation.closedNoRecusal")}</Text>}
          </div>
        </Panel>
      )}

      {show("closing") && (
        <Panel title={t("deliberation.closingHeading", { round: round.number })} testId="closing">
          <div className={styles.stack}>
            <Text data-testid="round-state">
              {t(round.closed ? "deliberation.stateClosed" : "deliberation.stateOpen", {
                round: round.number,
                at: round.closedAt ? formatDateTime(new Date(round.closedAt)) : "",
                by: round.closedBy ? ` (${round.closedBy})` : "",
              })}
            </Text>
            {round.closed ? (
              <>
                <Field label={t("deliberation.reopenReason")} required>
                  <Input
                    className={styles.fit}
                    value={reopenReason}
                    onChange={(_, d) => setReopenReason(d.value)}
                    data-testid="reopen-reason"
                  />
                </Field>
                <div className={styles.row}>
                  <Button
                    disabled={!reopenReason.trim()}
                    disabledFocusable={reopen.busy}
                    onClick={() => setConfirm("reopen")}
                    data-testid="reopen-round"
                  >
                    {t("deliberation.reopen", { round: round.number })}
                  </Button>
                </div>
              </>
            ) : (
              <>
                <Field label={t("deliberation.closer")} hint={t("deliberation.closerHint")}>
                  <Input
                    className={styles.fit}
                    value={closer}
                    onChange={(_, d) => setCloser(d.value)}
                    data-testid="closer-name"
                  />
                </Field>
                <div className={styles.row}>
                  <Button
                    disabledFocusable={close.busy}
                    onClick={() => setConfirm("close")}
                    data-testid="close-round"
                  >
                    {t("deliberation.close", { round: round.number })}
                  </Button>
                </div>
              </>
            )}
            {deliberation.reopenings.length > 0 && (
              <ul className={styles.list}>
                {deliberation.reopenings.map((r) => (
                  <li key={r.at}>
                    <Text size={200}>
                      {t("deliberation.reopenedLine", {
                        round: r.round,
                        at: formatDateTime(new Date(r.at)),
                        reason: r.reason,
                      })}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Panel>
      )}

      {findings.length > 0 && <FindingList findings={findings} />}
      {error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}

      {confirm && (
        <ConfirmDialog
          title={t(confirm === "close" ? "deliberation.closeTitle" : "deliberation.reopenTitle", {
            round: round.number,
          })}
          text={t(confirm === "close" ? "deliberation.closeText" : "deliberation.reopenText", {
            round: round.number,
            reason: reopenReason.trim(),
          })}
          confirm={t(confirm === "close" ? "deliberation.closeConfirm" : "deliberation.reopenConfirm", {
            round: round.number,
          })}
          cancel={t("common.cancel")}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const which = confirm;
            setConfirm(null);
            void (which === "close" ? close.run() : reopen.run());
          }}
          testId="confirm-round"
        />
      )}
    </>
  );
}
