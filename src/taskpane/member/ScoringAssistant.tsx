import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
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
  ArrowUndo16Regular,
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
  /** Raised by the pane to put the focus on the current cell's levels (after choosing a name, a finding…). */
  focusToken?: number;
  /** Whether the last score change can be undone, and the undo (Ctrl+Z). */
  canUndo?: boolean;
  onUndo?(): void;
}

const STAY_KEY = "ocop.assistant.stay";

const storedStay = (): boolean => {
  try {
    return globalThis.localStorage?.getItem(STAY_KEY) === "1";
  } catch {
    return false;
  }
};

const storeStay = (stay: boolean): void => {
  try {
    globalThis.localStorage?.setItem(STAY_KEY, stay ? "1" : "0");
  } catch {
    // not remembered; the box still works for this session
  }
};

const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

/**
 * The scoring assistant: for the selected score cell, the product, the criterion and every level with its
 * points as a radio group. One action per criterion: typing a digit that names exactly one level's points, or
 * a click on a level, writes it and moves to the next cell (a box keeps the click on the cell, for those who
 * prefer to check first); arrow keys only choose and Enter writes. PageUp/PageDown move between cells,
 * Shift+PageDown to the next unscored one.
 */
export function ScoringAssistant({
  sheet,
  current,
  busy,
  onScore,
  onGoTo,
  announce,
  focusToken = 0,
  canUndo = false,
  onUndo,
}: ScoringAssistantProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n.language);
  const num = (n: number) => formatNumber(n, { locale: lang, maxDecimals: 2 });
  /** Set when the member moved from inside the assistant, so the next cell's levels take the focus. */
  const keepFocus = useRef(false);
  /** Whether the focus was inside the assistant when its cell view was last replaced. */
  const focusInside = useRef(false);
  const announced = useRef<string | null>(null);
  /** What was just written, said together with the next cell's words (one announcement, not two racing). */
  const written = useRef<string | null>(null);
  /** The last focus request of the pane that a cell's view has carried out. */
  const handledToken = useRef(0);
  const [stay, setStay] = useState(storedStay);

  // On a later round's sheet the member's earlier score of the cell is said beside what it holds now.
  const nowText = (cell: ScoreCell): string =>
    cell.previous === undefined
      ? nowValue(cell)
      : `${nowValue(cell)} ${t("assistant.previousRound", {
          value:
            typeof cell.previous === "number"
              ? num(cell.previous)
              : cell.previous === null || cell.previous === ""
                ? t("assistant.previousRoundEmpty")
                : String(cell.previous),
        })}`;
  const nowValue = (cell: ScoreCell): string => {
    if (cell.formula) return t("assistant.nowFormula");
    if (cell.state === "empty")
      return t("assistant.nowEmpty", {
        levels: levelChoices(cell.flat.criterion)
          .map((c) => num(c.points))
          .join("; "),
      });
    if (cell.state === "valid") return t("assistant.nowValue", { value: num(cell.points!) });
    return t("assistant.nowInvalid", {
      value: typeof cell.value === "number" ? num(cell.value) : String(cell.value),
    });
  };

  // Say where the assistant is whenever the cell changes.
  useEffect(() => {
    if (!current || announced.current === current.address) return;
    announced.current = current.address;
    const before = written.current ? `${written.current} ` : "";
    written.current = null;
    announce(
      before +
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
      const before = written.current ? `${written.current} ` : "";
      written.current = null;
      announce(before + t("assistant.announceDone"));
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
            <Button icon={<Next16Regular />} disabledFocusable={busy} onClick={() => void go(target, true)}>
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
      focusToken={focusToken}
      takeFocusToken={() => {
        const fresh = focusToken > handledToken.current;
        handledToken.current = focusToken;
        return fresh;
      }}
      canUndo={canUndo}
      onUndo={() => onUndo?.()}
      stay={stay}
      onStay={(next) => {
        setStay(next);
        storeStay(next);
      }}
      nowText={nowText(current)}
      onFocusUsed={() => (keepFocus.current = false)}
      onFocusInside={(inside) => (focusInside.current = inside)}
      onWrite={async (points, advance) => {
        const ok = await onScore(current, points);
        if (!ok) return;
        const text =
          points === null
            ? t("assistant.announceCleared", { cell: current.address })
            : t("assistant.announceWritten", { points: num(points), count: points, cell: current.address });
        if (!advance) {
          announce(text);
          return;
        }
        written.current = text;
        await go(stepCell(sheet, current, 1), true);
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
  focusToken: number;
  /** True once for each new focus request of the pane: then the levels take the focus, wherever it was. */
  takeFocusToken(): boolean;
  /** Whether a click on a level stays on the cell instead of moving on. */
  stay: boolean;
  onStay(stay: boolean): void;
  canUndo: boolean;
  onUndo(): void;
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
  focusToken,
  takeFocusToken,
  stay,
  onStay,
  canUndo,
  onUndo,
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
  const rootRef = useRef<HTMLDivElement>(null);
  const pointer = useRef(false);
  const mounted = useRef(false);
  const productId = useId();
  const criterionId = useId();
  const keysId = useId();

  const focusChoice = (value?: string, preventScroll = false) => {
    const root = groupRef.current;
    if (!root) return;
    const inputs = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const target =
      (value !== undefined && inputs.find((i) => i.value === value)) ||
      inputs.find((i) => i.checked) ||
      inputs[0];
    target?.focus({ preventScroll });
  };

  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if (takeFocusToken()) {
      // The pane asked: show the cell from its top (the product and criterion) and focus its levels.
      rootRef.current?.closest("section")?.scrollIntoView?.({ block: "start" });
      focusChoice(undefined, true);
      if (first) onFocusUsed();
      return;
    }
    if (!first) return;
    const wanted = shouldFocus();
    onFocusUsed();
    // Refocus only when the focus was in the previous cell's view and went nowhere else.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!wanted || !lost) return;
    focusChoice();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- when this cell's levels appear, and on each request
  }, [focusToken]);

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
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z") {
      e.preventDefault();
      if (canUndo && !busy) onUndo();
    } else if (e.key === "Enter" && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !onButton) {
      e.preventDefault();
      void commit(true);
    } else if (e.key === "PageDown") {
      e.preventDefault();
      onMove(e.shiftKey ? "unscored" : "next");
    } else if (e.key === "PageUp") {
      e.preventDefault();
      onMove("previous");
    } else if (/^[0-9]$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey && !onButton) {
      const matches = choices.filter((c) => same(c.points, Number(e.key)));
      // Another level whose points start with this digit (10 after 1) makes the digit only a choice.
      const prefix = choices.some(
        (c) => !same(c.points, Number(e.key)) && String(c.points).startsWith(e.key)
      );
      if (matches.length === 1) {
        e.preventDefault();
        const choice = matches[0]!;
        setPending(String(choice.points));
        focusChoice(String(choice.points));
        if (!prefix && !busy) void onWrite(choice.points, true);
      }
    } else if ((e.key === "Delete" || e.key === "Backspace") && !onButton) {
      e.preventDefault();
      void onWrite(null, false);
    }
  };

  const label = (c: (typeof choices)[number]): string => {
    const points = num(c.points);
    // `count` picks the plural in English ("1 point"); Vietnamese has one form.
    const count = c.points;
    if (c.kind === "level") return t("assistant.level", { points, count, text: c.text });
    if (c.kind === "none") return t("assistant.levelNone", { points, count });
    return t(c.kind === "implicitNo" ? "assistant.implicitNo" : "assistant.implicitYes", { points, count });
  };

  return (
    <div
      ref={rootRef}
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
        {t("assistant.cell", { cell: cell.address, sheet: cell.sheet, form: cell.form.code })}
      </Caption1>
      {/* First, so that "Ô trước" / "Ô sau" stay in one place whatever the length of the criterion's text. */}
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
      <Subtitle2 as="h3" id={productId} className={styles.criterion}>
        {t("assistant.product", { name: cell.product.name, code: cell.product.code })}
      </Subtitle2>
      <Body1 as="p" id={criterionId} className={styles.criterion}>
        <strong>{t("assistant.criterion", { number: criterion.number, text: criterion.text })}</strong>{" "}
        <Text>({t("assistant.max", { max: num(criterion.max), count: criterion.max })})</Text>
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
          // A click (or tap) writes at once and moves on unless the member asked to stay; arrow keys only
          // choose, Enter writes.
          if (pointer.current) {
            pointer.current = false;
            if (busy) return;
            void onWrite(Number(data.value), !stay);
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
                {c.knockout && (
                  <Badge
                    size="small"
                    appearance="tint"
                    color="danger"
                    className={styles.badge}
                    aria-label={t("assistant.knockoutLong", { note: c.knockout })}
                    title={t("assistant.knockoutLong", { note: c.knockout })}
                  >
                    {t("assistant.knockout")}
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
          disabled={pending === ""}
          disabledFocusable={busy}
          aria-keyshortcuts="Enter"
          onClick={() => void commit(true)}
        >
          {t("assistant.write")}
        </Button>
        <Button
          icon={<Dismiss16Regular />}
          disabled={cell.state === "empty"}
          disabledFocusable={busy}
          aria-keyshortcuts="Delete"
          onClick={() => void onWrite(null, false)}
        >
          {t("assistant.clear")}
        </Button>
        <Button
          icon={<ArrowUndo16Regular />}
          disabled={!canUndo}
          disabledFocusable={busy}
          aria-keyshortcuts="Control+Z"
          onClick={onUndo}
        >
          {t("assistant.undo")}
        </Button>
      </div>
      <Checkbox
        checked={stay}
        onChange={(_e, data) => onStay(data.checked === true)}
        label={t("assistant.stay")}
        data-testid="assistant-stay"
      />
      <Caption1 as="p" id={keysId} className={styles.keys}>
        {t("assistant.keys")}
      </Caption1>
    </div>
  );
}
