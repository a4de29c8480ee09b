import {
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowDown16Regular,
  ArrowUp16Regular,
  Checkmark16Regular,
  Dismiss16Regular,
  Next16Regular,
} from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { nextUnscored, stepCell, type MemberSheet, type ScoreCell } from "../../app/member/sheet";
import { formatNumber } from "../format";
import { levelChoices } from "./levels";
import { langOf, NS } from "./strings";
import type { CellRef } from "./workspace";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  where: { color: tokens.colorNeutralForeground2 },
  criterion: { margin: 0, overflowWrap: "anywhere" },
  requirement: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  radioLabel: { display: "inline", overflowWrap: "anywhere" },
  points: { fontWeight: tokens.fontWeightSemibold },
  badge: { marginLeft: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  now: { margin: 0 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  keys: { color: tokens.colorNeutralForeground2 },
});

export interface ScoringAssistantProps {
  sheet: MemberSheet;
  current: ScoreCell | undefined;
  busy: boolean;
  /** Writes the points (null clears the cell). */
  onScore(cell: ScoreCell, points: number | null): Promise<boolean>;
  onGoTo(cell: CellRef): Promise<boolean>;
  /** Tells screen readers what changed (the pane's polite live region). */
  announce(text: string): void;
}

const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/**
 * The scoring assistant: for the selected score cell, the product, the criterion and every level with its
 * points as a radio group. Arrow keys (or typing the points) choose a level, Enter writes it and moves to the
 * next cell; a click writes at once. PageUp/PageDown move between cells, Shift+PageDown to the next unscored one.
 */
export function ScoringAssistant({ sheet, current, busy, onScore, onGoTo, announce }: ScoringAssistantProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const num = (n: number) => formatNumber(n, { locale: lang, maxDecimals: 2 });
  /** Set when the member moved from inside the assistant, so the next cell's levels take the focus. */
  const keepFocus = useRef(false);
  /** Whether the focus was inside the assistant when its cell view was last replaced. */
  const focusInside = useRef(false);
  const announced = useRef<string | null>(null);

  const nowText = (cell: ScoreCell): string => {
    if (cell.formula) return t("assistant.nowFormula");
    if (cell.state === "empty") return t("assistant.nowEmpty");
    if (cell.state === "valid") return t("assistant.nowValue", { value: num(cell.points!) });
    return t("assistant.nowInvalid", {
      value: typeof cell.value === "number" ? num(cell.value) : String(cell.value),
    });
  };

  // Say where the assistant is whenever the cell changes.
  useEffect(() => {
    if (!current || announced.current === current.address) return;
    announced.current = current.address;
    announce(
      t("assistant.announceCell", {
        cell: current.address,
        product: current.product.name,
        number: current.flat.criterion.number,
        max: num(current.flat.criterion.max),
        now: nowText(current),
      })
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce once per cell, not on every re-render
  }, [current?.address]);

  const go = async (target: ScoreCell | undefined, fromInside: boolean): Promise<void> => {
    if (!target) {
      announce(t("assistant.announceDone"));
      return;
    }
    keepFocus.current = fromInside;
    await onGoTo(target);
  };

  if (!current) {
    const target = nextUnscored(sheet, undefined);
    return (
      <div className={styles.stack}>
        <Body1 as="p">{t("assistant.idle")}</Body1>
        {target ? (
          <div>
            <Button icon={<Next16Regular />} disabled={busy} onClick={() => void go(target, true)}>
              {t("assistant.goUnscored")}
            </Button>
          </div>
        ) : (
          <Body1 as="p">{t("assistant.allScored")}</Body1>
        )}
      </div>
    );
  }

  return (
    <AssistantCell
      // A new cell (or a new value in it) starts afresh: the choice shown is what the cell holds.
      key={`${current.address}|${String(current.value)}|${current.formula ?? ""}`}
      cell={current}
      busy={busy}
      shouldFocus={() => keepFocus.current || focusInside.current}
      nowText={nowText(current)}
      onFocusUsed={() => (keepFocus.current = false)}
      onFocusInside={(inside) => (focusInside.current = inside)}
      onWrite={async (points, advance) => {
        const ok = await onScore(current, points);
        if (!ok) return;
        announce(
          points === null
            ? t("assistant.announceCleared", { cell: current.address })
            : t("assistant.announceWritten", { points: num(points), cell: current.address })
        );
        if (advance) await go(stepCell(sheet, current, 1), true);
      }}
      onMove={(where) => {
        const target =
          where === "next"
            ? stepCell(sheet, current, 1)
            : where === "previous"
              ? stepCell(sheet, current, -1)
              : nextUnscored(sheet, current);
        void go(target, true);
      }}
      canPrevious={current.order > 0}
      canNext={current.order < sheet.cells.length - 1}
    />
  );
}

interface AssistantCellProps {
  cell: ScoreCell;
  busy: boolean;
  /** Asked once, when this cell's view appears: take the focus? */
  shouldFocus(): boolean;
  nowText: string;
  canPrevious: boolean;
  canNext: boolean;
  onFocusUsed(): void;
  /** Reports focus entering or leaving the assistant (not focus lost because the view was replaced). */
  onFocusInside(inside: boolean): void;
  onWrite(points: number | null, advance: boolean): Promise<void>;
  onMove(where: "next" | "previous" | "unscored"): void;
}

function AssistantCell({
  cell,
  busy,
  shouldFocus,
  nowText,
  canPrevious,
  canNext,
  onFocusUsed,
  onFocusInside,
  onWrite,
  onMove,
}: AssistantCellProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const num = (n: number) => formatNumber(n, { locale: lang, maxDecimals: 2 });
  const criterion = cell.flat.criterion;
  const choices = levelChoices(criterion);
  const [pending, setPending] = useState<string>(cell.state === "valid" ? String(cell.points) : "");
  const groupRef = useRef<HTMLDivElement>(null);
  const pointer = useRef(false);
  const productId = useId();
  const criterionId = useId();
  const keysId = useId();

  const focusChoice = (value?: string) => {
    const root = groupRef.current;
    if (!root) return;
    const inputs = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const target =
      (value !== undefined && inputs.find((i) => i.value === value)) ||
      inputs.find((i) => i.checked) ||
      inputs[0];
    target?.focus();
  };

  useEffect(() => {
    const wanted = shouldFocus();
    onFocusUsed();
    // Refocus only when the focus was in the previous cell's view and went nowhere else.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!wanted || !lost) return;
    focusChoice();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when this cell's levels appear
  }, []);

  const commit = async (advance: boolean) => {
    if (busy) return;
    if (pending === "") {
      if (advance) onMove("next");
      return;
    }
    await onWrite(Number(pending), advance);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onButton = (e.target as HTMLElement).closest("button") !== null;
    pointer.current = false;
    if (e.key === "Enter" && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !onButton) {
      e.preventDefault();
      void commit(true);
    } else if (e.key === "PageDown") {
      e.preventDefault();
      onMove(e.shiftKey ? "unscored" : "next");
    } else if (e.key === "PageUp") {
      e.preventDefault();
      onMove("previous");
    } else if (/^[0-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey && !onButton) {
      const choice = choices.find((c) => same(c.points, Number(e.key)));
      if (choice) {
        e.preventDefault();
        setPending(String(choice.points));
        focusChoice(String(choice.points));
      }
    } else if ((e.key === "Delete" || e.key === "Backspace") && !onButton) {
      e.preventDefault();
      void onWrite(null, false);
    }
  };

  const label = (c: (typeof choices)[number]): string => {
    const points = num(c.points);
    if (c.kind === "level") return t("assistant.level", { points, text: c.text });
    if (c.kind === "none") return t("assistant.levelNone", { points });
    return t(c.kind === "implicitNo" ? "assistant.implicitNo" : "assistant.implicitYes", { points });
  };

  return (
    <div
      className={styles.stack}
      onKeyDown={onKeyDown}
      onFocus={() => onFocusInside(true)}
      onBlur={(e) => {
        // Focus moving to another element outside (not focus lost because this view was replaced).
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node)) onFocusInside(false);
      }}
      data-testid="assistant-cell"
    >
      <Caption1 className={styles.where}>
        {t("assistant.cell", { cell: cell.address, form: cell.form.code })}
      </Caption1>
      <Subtitle2 as="h3" id={productId} className={styles.criterion}>
        {t("assistant.product", { name: cell.product.name, code: cell.product.code })}
      </Subtitle2>
      <Body1 as="p" id={criterionId} className={styles.criterion}>
        <strong>{t("assistant.criterion", { number: criterion.number, text: criterion.text })}</strong>{" "}
        <Text>({t("assistant.max", { max: num(criterion.max) })})</Text>
      </Body1>
      {criterion.requirement && (
        <Caption1 as="p" className={styles.requirement}>
          {t("assistant.requirement", { text: criterion.requirement })}
        </Caption1>
      )}
      {criterion.notes.map((note, i) => (
        <Caption1 as="p" key={i} className={styles.requirement}>
          {note}
        </Caption1>
      ))}
      <RadioGroup
        ref={groupRef}
        className={styles.group}
        value={pending}
        aria-labelledby={`${criterionId} ${productId}`}
        aria-describedby={keysId}
        onPointerDown={() => (pointer.current = true)}
        onChange={(_e, data) => {
          setPending(data.value);
          // A click (or tap) writes at once; arrow keys only choose, Enter writes.
          if (pointer.current) {
            pointer.current = false;
            if (busy) return;
            void onWrite(Number(data.value), false);
          }
        }}
      >
        {choices.map((c) => (
          <Radio
            key={c.points}
            value={String(c.points)}
            label={
              <span className={styles.radioLabel}>
                {label(c)}
                {c.minStars && (
                  <Badge
                    size="small"
                    appearance="outline"
                    className={styles.badge}
                    aria-label={t("assistant.minStarsLong", { stars: c.minStars })}
                    title={t("assistant.minStarsLong", { stars: c.minStars })}
                  >
                    {"*".repeat(c.minStars)}
                  </Badge>
                )}
              </span>
            }
          />
        ))}
      </RadioGroup>
      <Body1
        as="p"
        className={mergeClasses(styles.now, cell.state === "invalid" && styles.invalid)}
        data-testid="assistant-now"
      >
        {nowText}
      </Body1>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<Checkmark16Regular />}
          disabled={busy || pending === ""}
          aria-keyshortcuts="Enter"
          onClick={() => void commit(true)}
        >
          {t("assistant.write")}
        </Button>
        <Button
          icon={<Dismiss16Regular />}
          disabled={busy || cell.state === "empty"}
          aria-keyshortcuts="Delete"
          onClick={() => void onWrite(null, false)}
        >
          {t("assistant.clear")}
        </Button>
      </div>
      <div className={styles.buttons} role="group" aria-label={t("assistant.move")}>
        <Button
          size="small"
          icon={<ArrowUp16Regular />}
          disabled={!canPrevious}
          aria-keyshortcuts="PageUp"
          onClick={() => onMove("previous")}
        >
          {t("assistant.previous")}
        </Button>
        <Button
          size="small"
          icon={<ArrowDown16Regular />}
          disabled={!canNext}
          aria-keyshortcuts="PageDown"
          onClick={() => onMove("next")}
        >
          {t("assistant.next")}
        </Button>
        <Button
          size="small"
          icon={<Next16Regular />}
          aria-keyshortcuts="Shift+PageDown"
          onClick={() => onMove("unscored")}
        >
          {t("assistant.nextUnscored")}
        </Button>
      </div>
      <Caption1 as="p" id={keysId} className={styles.keys}>
        {t("assistant.keys")}
      </Caption1>
    </div>
  );
}
