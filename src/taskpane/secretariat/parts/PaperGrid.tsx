/**
 * The cells of a paper form to type into: one group per product (a fieldset named by the product), one
 * labelled field per criterion with the points it allows, so a screen reader says "SP01, 1.2 …, points 0; 5; 10"
 * and Tab walks the form in the printed order. A value that is not a level is marked at once, at its cell.
 */
import { Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { PaperCell } from "../../../app/secretariat/paperEntry";
import { paperKey } from "../../../ocop/paperEntry";
import type { Product } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { NS } from "../strings";

const useStyles = makeStyles({
  product: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  input: { width: "6rem", maxWidth: "100%" },
});

const EPSILON = 1e-9;

/** True when the typed text is blank or one of the allowed points ("2,5" read as 2.5). */
export const isAllowedText = (text: string, allowed: readonly number[]): boolean => {
  const t = text.trim();
  if (t === "") return true;
  if (!/^[-+]?\d+(?:[.,]\d+)?$/u.test(t)) return false;
  const n = Number(t.replace(",", "."));
  return allowed.some((a) => Math.abs(a - n) <= EPSILON);
};

export const pointsList = (allowed: readonly number[], lang: "vi" | "en"): string =>
  allowed.map((p) => (lang === "vi" ? String(p).replace(".", ",") : String(p))).join("; ");

export interface PaperGridProps {
  cells: readonly PaperCell[];
  products: readonly Product[];
  values: Readonly<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  lang: "vi" | "en";
  /** Prefix of the inputs' test ids. */
  testId: string;
}

export function PaperGrid({ cells, products, values, onChange, lang, testId }: PaperGridProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const groups: { product: string; cells: PaperCell[] }[] = [];
  for (const cell of cells) {
    const last = groups[groups.length - 1];
    if (last && last.product === cell.product) last.cells.push(cell);
    else groups.push({ product: cell.product, cells: [cell] });
  }
  const nameOf = (code: string) =>
    products.find((p) => normaliseCode(p.code) === normaliseCode(code))?.name ?? "";
  return (
    <>
      {groups.map((g) => (
        <fieldset key={g.product} className={styles.product} data-testid={`${testId}-product`}>
          <legend className={styles.legend}>
            {t("paper.productLegend", { code: g.product, name: nameOf(g.product) })}
          </legend>
          {g.cells.map((cell) => {
            const key = paperKey(cell.product, cell.criterion);
            const value = values[key] ?? "";
            const ok = isAllowedText(value, cell.allowed);
            const points = pointsList(cell.allowed, lang);
            return (
              <Field
                key={key}
                label={t("paper.cellLabel", { product: cell.product, number: cell.number, text: cell.text })}
                hint={ok ? t("paper.points", { points }) : undefined}
                validationState={ok ? "none" : "error"}
                validationMessage={ok ? undefined : t("paper.notALevel", { value, points })}
              >
                <Input
                  className={styles.input}
                  inputMode="decimal"
                  autoComplete="off"
                  value={value}
                  onChange={(_, d) => onChange(key, d.value)}
                  data-testid={`${testId}-${key}`}
                />
              </Field>
            );
          })}
        </fieldset>
      ))}
      {groups.length > 0 && <Caption1>{t("paper.blankMeans")}</Caption1>}
    </>
  );
}
