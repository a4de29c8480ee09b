/**
 * Entering a member's paper form twice: the secretariat picks the member and the products written on the
 * form and types it (entry 1); another named person types the same form on a blank grid (entry 2, blind:
 * the first entry is not on the page); the use case compares both and writes only when every cell agrees.
 * Otherwise each disagreement is listed cell by cell with both values, the focus on the first, for
 * correction against the paper; "Đối chiếu lại" compares again.
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
  MessageBarTitle,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { PaperForm, PaperOutcome } from "../../../app/secretariat/paperEntry";
import type { SecretariatApi } from "../../../app/secretariat/types";
import { describeFinding } from "../../../ocop/messages";
import { paperKey, type PaperEntry as Entry } from "../../../ocop/paperEntry";
import "../../../ocop/paperMessages";
import type { Session } from "../../../ocop/session";
import { FindingList } from "../parts/FindingList";
import { Panel } from "../parts/Panel";
import { isAllowedText, PaperGrid } from "../parts/PaperGrid";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";
import { visuallyHidden } from "../../components/visuallyHidden";
import { paneWidth, plainFieldset } from "../../components/listStyles";

const useStyles = makeStyles({
  fit: paneWidth,
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  products: plainFieldset,
  table: { width: "100%", tableLayout: "fixed", borderCollapse: "collapse" },
  cellHead: { textAlign: "left", padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  cell: {
    padding: tokens.spacingVerticalXS,
    verticalAlign: "top",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  input: { width: "100%", minWidth: 0 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  caption: visuallyHidden,
});

type Stage =
  | { kind: "choose" }
  | { kind: "first"; form: PaperForm }
  | { kind: "handover"; form: PaperForm; first: Entry }
  | { kind: "second"; form: PaperForm; first: Entry; secondBy: string }
  | { kind: "compare"; form: PaperForm; first: Entry; second: Entry; outcome: PaperOutcome }
  | { kind: "done"; form: PaperForm; first: Entry; second: Entry; outcome: PaperOutcome };

const samePerson = (a: string, b: string): boolean => {
  const n = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  return n(a) === n(b);
};

export interface PaperEntryProps {
  api: SecretariatApi;
  session: Session;
  announce: (text: string) => void;
  onWorkbookChanged: () => void;
}

export function PaperEntry({ api, session, announce, onWorkbookChanged }: PaperEntryProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const memberId = useId();
  const scored = session.products.filter((p) => !p.excluded);
  const [stage, setStage] = useState<Stage>({ kind: "choose" });
  const [member, setMember] = useState(session.members[0]?.code ?? "");
  const [products, setProducts] = useState<string[]>([]);
  const [firstBy, setFirstBy] = useState("");
  const [secondBy, setSecondBy] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [formFindings, setFormFindings] = useState<PaperForm["findings"]>([]);
  const firstFix = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const memberName = session.members.find((m) => m.code === member)?.name ?? member;
  const open = useAction(async () => {
    const form = await api.paperForm({ member, products });
    setFormFindings(form.findings);
    if (form.findings.length) return form;
    setValues({});
    setStage({ kind: "first", form });
    announce(t("paper.firstStarted", { member: memberName, count: form.cells.length }));
    return form;
  });
  const compare = useAction(async (form: PaperForm, first: Entry, second: Entry) => {
    const outcome = await api.acceptPaperForm({ member: form.member.code, products, first, second });
    if (outcome.accepted) {
      setStage({ kind: "done", form, first, second, outcome });
      announce(t("paper.accepted", { member: form.member.code, count: outcome.changes.length }));
      onWorkbookChanged();
    } else {
      setStage({ kind: "compare", form, first, second, outcome });
      const cells = new Set(
        [...outcome.comparison.disagreements, ...outcome.comparison.invalid.map((f) => f.where)].map(
          (d) => `${d.product}|${d.criterion}`
        )
      ).size;
      announce(t("paper.toCorrect", { count: cells }));
    }
  });

  // The first cell to correct takes the focus when the comparison comes back.
  const compareOutcome = stage.kind === "compare" ? stage.outcome : null;
  useEffect(() => {
    if (compareOutcome) firstFix.current?.focus();
  }, [compareOutcome]);
  // Each new stage of the entry moves the focus to its heading, so the reader hears where they are.
  useEffect(() => {
    if (stage.kind !== "choose" && stage.kind !== "compare") heading.current?.focus();
  }, [stage.kind]);

  const reset = () => {
    setStage({ kind: "choose" });
    setValues({});
    setSecondBy("");
    open.clearError();
    compare.clearError();
  };
  const error = open.error ?? compare.error;
  const invalidIn = (v: Record<string, string>, form: PaperForm) =>
    form.cells.filter((c) => !isAllowedText(v[paperKey(c.product, c.criterion)] ?? "", c.allowed)).length;

  const headingOf = (text: string) => (
    <Text as="h4" weight="semibold" ref={heading} tabIndex={-1}>
      {text}
    </Text>
  );

  /** One blind typing of the form (the first entry or the second): its heading, the grid, and what ends it. */
  const typing = (o: {
    heading: string;
    intro?: string;
    form: PaperForm;
    testId: string;
    action: { label: string; disabled: boolean; testId: string; run: () => void };
  }) => (
    <>
      {headingOf(o.heading)}
      {o.intro && <Body1 as="p">{o.intro}</Body1>}
      <PaperGrid
        cells={o.form.cells}
        products={session.products}
        values={values}
        onChange={(k, v) => setValues((all) => ({ ...all, [k]: v }))}
        lang={lang}
        testId={o.testId}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={o.action.disabled || invalidIn(values, o.form) > 0}
          onClick={o.action.run}
          data-testid={o.action.testId}
        >
          {o.action.label}
        </Button>
        <Button onClick={reset}>{t("paper.cancel")}</Button>
      </div>
    </>
  );

  return (
    <Panel title={t("paper.heading")} testId="paper-entry">
      <div className={styles.stack}>
        {stage.kind === "choose" && (
          <>
            <Body1 as="p">{t("paper.intro")}</Body1>
            <Field label={t("paper.member")} required>
              <Select
                className={styles.fit}
                id={memberId}
                value={member}
                onChange={(_, d) => setMember(d.value)}
                data-testid="paper-member"
              >
                {session.members.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.code} · {m.name}
                  </option>
                ))}
              </Select>
            </Field>
            <fieldset className={styles.products}>
              <legend>
                <Text weight="semibold">{t("paper.products")}</Text>
              </legend>
              {scored.map((p) => (
                <Checkbox
                  key={p.code}
                  label={`${p.code} · ${p.name}`}
                  checked={products.includes(p.code)}
                  onChange={(_, d) =>
                    setProducts((list) =>
                      d.checked ? [...list, p.code] : list.filter((code) => code !== p.code)
                    )
                  }
                />
              ))}
            </fieldset>
            <Field label={t("paper.firstBy")} required hint={t("paper.firstByHint")}>
              <Input
                className={styles.fit}
                value={firstBy}
                onChange={(_, d) => setFirstBy(d.value)}
                data-testid="paper-first-by"
              />
            </Field>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={!products.length || !firstBy.trim() || !member}
                disabledFocusable={open.busy}
                onClick={() => void open.run()}
                data-testid="paper-start"
              >
                {t("paper.start")}
              </Button>
            </div>
          </>
        )}

        {stage.kind === "first" &&
          typing({
            heading: t("paper.firstHeading", {
              member: `${stage.form.member.code} · ${stage.form.member.name}`,
              by: firstBy,
            }),
            form: stage.form,
            testId: "paper-first",
            action: {
              label: t("paper.firstDone"),
              disabled: false,
              testId: "paper-first-done",
              run: () => {
                setStage({ kind: "handover", form: stage.form, first: { by: firstBy.trim(), values } });
                setValues({});
                announce(t("paper.firstDone"));
              },
            },
          })}

        {stage.kind === "handover" && (
          <>
            {headingOf(t("paper.handoverHeading"))}
            <Body1 as="p">{t("paper.handoverText", { by: stage.first.by })}</Body1>
            <Field
              label={t("paper.secondBy")}
              required
              validationState={samePerson(secondBy, stage.first.by) ? "error" : "none"}
              validationMessage={
                samePerson(secondBy, stage.first.by)
                  ? t("paper.sameEnterer", { name: stage.first.by })
                  : undefined
              }
            >
              <Input
                className={styles.fit}
                value={secondBy}
                onChange={(_, d) => setSecondBy(d.value)}
                data-testid="paper-second-by"
              />
            </Field>
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={!secondBy.trim() || samePerson(secondBy, stage.first.by)}
                onClick={() => {
                  setValues({});
                  setStage({
                    kind: "second",
                    form: stage.form,
                    first: stage.first,
                    secondBy: secondBy.trim(),
                  });
                }}
                data-testid="paper-second-start"
              >
                {t("paper.secondStart")}
              </Button>
              <Button onClick={reset}>{t("paper.cancel")}</Button>
            </div>
          </>
        )}

        {stage.kind === "second" &&
          typing({
            heading: t("paper.secondHeading", {
              member: `${stage.form.member.code} · ${stage.form.member.name}`,
              by: stage.secondBy,
            }),
            intro: t("paper.blind"),
            form: stage.form,
            testId: "paper-second",
            action: {
              label: t("paper.compare"),
              disabled: compare.busy,
              testId: "paper-compare",
              run: () => void compare.run(stage.form, stage.first, { by: stage.secondBy, values }),
            },
          })}

        {stage.kind === "compare" && (
          <Compare
            stage={stage}
            firstRef={firstFix}
            busy={compare.busy}
            onChange={(first, second) => setStage({ ...stage, first, second })}
            onCompare={() => void compare.run(stage.form, stage.first, stage.second)}
            onCancel={reset}
          />
        )}

        {stage.kind === "done" && (
          <>
            <MessageBar intent="success" layout="multiline" data-testid="paper-done">
              <MessageBarBody>
                <MessageBarTitle>
                  {t("paper.doneTitle", { sheet: stage.outcome.sheet ?? "" })}
                </MessageBarTitle>
                {t("paper.doneText", {
                  count: stage.outcome.changes.length,
                  first: stage.first.by,
                  second: stage.second.by,
                })}
              </MessageBarBody>
            </MessageBar>
            <div className={styles.row}>
              <Button
                onClick={() => {
                  reset();
                  setProducts([]);
                }}
                data-testid="paper-next"
              >
                {t("paper.next")}
              </Button>
            </div>
          </>
        )}

        {stage.kind === "choose" && formFindings.length > 0 && <FindingList findings={formFindings} />}
        {error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Panel>
  );
}

interface CompareProps {
  stage: Extract<Stage, { kind: "compare" }>;
  firstRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
  onChange: (first: Entry, second: Entry) => void;
  onCompare: () => void;
  onCancel: () => void;
}

/** The cells to correct, one row each: product, criterion, what each entry typed (editable), and why. */
function Compare({ stage, firstRef, busy, onChange, onCompare, onCancel }: CompareProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const captionId = useId();
  const { outcome, first, second, form } = stage;
  const rows = form.cells.filter((c) =>
    [...outcome.comparison.disagreements, ...outcome.comparison.invalid.map((f) => f.where)].some(
      (d) => d.product === c.product && d.criterion === c.criterion
    )
  );
  const problems = (product: string, criterion: string) =>
    outcome.comparison.invalid.filter((f) => f.where.product === product && f.where.criterion === criterion);
  const set = (entry: 0 | 1, key: string, value: string) => {
    const e = entry === 0 ? first : second;
    const next = { ...e, values: { ...e.values, [key]: value } };
    onChange(entry === 0 ? next : first, entry === 1 ? next : second);
  };
  return (
    <>
      {outcome.findings.length > 0 && <FindingList findings={outcome.findings} />}
      {rows.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("paper.disagreeTitle", { count: rows.length })}</MessageBarTitle>
            {t("paper.disagreeText")}
          </MessageBarBody>
        </MessageBar>
      )}
      {rows.length > 0 && (
        <table className={styles.table} aria-labelledby={captionId} data-testid="paper-disagreements">
          <caption id={captionId} className={styles.caption}>
            {t("paper.tableCaption", { member: form.member.code })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cellHead}>
                {t("paper.colProduct")}
              </th>
              <th scope="col" className={styles.cellHead}>
                {t("paper.colCriterion")}
              </th>
              <th scope="col" className={styles.cellHead}>
                {t("paper.colFirst", { by: first.by })}
              </th>
              <th scope="col" className={styles.cellHead}>
                {t("paper.colSecond", { by: second.by })}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => {
              const key = paperKey(c.product, c.criterion);
              const wrong = problems(c.product, c.criterion);
              const bad = (entry: number) => wrong.some((f) => f.params.entry === entry);
              const problemId = `${captionId}-p${i}`;
              return (
                <tr key={key} data-testid="paper-disagreement">
                  <th scope="row" className={styles.cell}>
                    {c.product}
                  </th>
                  <td className={styles.cell}>
                    <span title={c.text}>{c.number}</span>
                    {wrong.length > 0 && (
                      <div id={problemId} className={styles.problem}>
                        {wrong
                          .map(
                            (f) =>
                              `${t("paper.entryN", { n: f.params.entry })}: ${describeFinding(f, lang).message}`
                          )
                          .join(" ")}
                      </div>
                    )}
                  </td>
                  {([0, 1] as const).map((entry) => (
                    <td key={entry} className={styles.cell}>
                      <Input
                        className={styles.input}
                        ref={i === 0 && entry === 0 ? firstRef : undefined}
                        inputMode="decimal"
                        autoComplete="off"
                        value={(entry === 0 ? first : second).values[key] ?? ""}
                        onChange={(_, d) => set(entry, key, d.value)}
                        aria-label={t("paper.fixLabel", {
                          entry: entry + 1,
                          product: c.product,
                          number: c.number,
                          points: c.allowed.join("; "),
                        })}
                        aria-invalid={bad(entry + 1) || undefined}
                        aria-describedby={wrong.length ? problemId : undefined}
                        data-testid={`paper-fix-${entry + 1}-${key}`}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabledFocusable={busy}
          onClick={onCompare}
          data-testid="paper-recompare"
        >
          {t("paper.recompare")}
        </Button>
        <Button onClick={onCancel}>{t("paper.cancel")}</Button>
      </div>
    </>
  );
}
