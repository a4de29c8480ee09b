import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import "../../../layout/messages";
import "../../../app/secretariat/messages";
import { describeFinding } from "../../../ocop/messages";
import type { Finding, Where } from "../../../ocop/findings";
import { langOf, NS } from "../strings";
import { barredItem, stackedList } from "../../components/listStyles";

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalS),
  item: barredItem(tokens.colorNeutralStroke1),
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  products: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  productHeading: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS} 0` },
});

const PAGE = 30;

export interface FindingListProps {
  findings: readonly Finding[];
  /** When given, findings with a cell get a "go to the cell" button. */
  onGoTo?: (where: Where) => void;
}

/** Findings in words (message, how to fix, where), errors first. */
export function FindingList({ findings, onGoTo }: FindingListProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  const lang = langOf(i18n);
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
  );
  return (
    <>
      <ul className={styles.list}>
        {sorted.slice(0, shown).map((f, i) => {
          const d = describeFinding(f, lang);
          return (
            <li
              key={i}
              className={mergeClasses(styles.item, f.severity === "error" ? styles.error : styles.warning)}
            >
              <div className={styles.head}>
                <Badge size="small" appearance="tint" color={f.severity === "error" ? "danger" : "warning"}>
                  {t(f.severity === "error" ? "finding.error" : "finding.warning")}
                </Badge>
                {d.where && <Caption1 className={styles.muted}>{d.where}</Caption1>}
              </div>
              <Body1>{d.message}</Body1>
              {d.fix && <Caption1>{d.fix}</Caption1>}
              {onGoTo && f.where.cell && f.where.sheet && !f.where.file && (
                <div>
                  <Button size="small" appearance="subtle" onClick={() => onGoTo(f.where)}>
                    {t("finding.goTo", { cell: f.where.cell })}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {sorted.length > shown && (
        <Button size="small" onClick={() => setShown(sorted.length)}>
          {t("finding.showAll", { count: sorted.length })}
        </Button>
      )}
    </>
  );
}

export interface GroupedFindingsProps extends FindingListProps {
  /** Names to show beside codes. */
  memberName?: (code: string) => string | undefined;
  productName?: (code: string) => string | undefined;
}

interface MemberGroup {
  member: string | null;
  products: Map<string, Finding[]>;
  count: { errors: number; warnings: number };
}

/** Findings grouped by member (one collapsible section each), then by product within the member. */
export function GroupedFindings({ findings, onGoTo, memberName, productName }: GroupedFindingsProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const groups = new Map<string, MemberGroup>();
  for (const f of findings) {
    const member = f.where.member ?? null;
    const g = groups.get(member ?? "") ?? { member, products: new Map(), count: { errors: 0, warnings: 0 } };
    const product = f.where.product ?? "";
    g.products.set(product, [...(g.products.get(product) ?? []), f]);
    if (f.severity === "error") g.count.errors++;
    else g.count.warnings++;
    groups.set(member ?? "", g);
  }
  const list = [...groups.values()].sort((a, b) => (a.member ?? "").localeCompare(b.member ?? ""));
  const memberTitle = (code: string | null): string => {
    if (!code) return t("group.session");
    const name = memberName?.(code);
    return t("group.member", { code, name: name ? ` — ${name}` : "" });
  };
  const productTitle = (code: string): string => {
    if (!code) return t("group.noProduct");
    const name = productName?.(code);
    return t("group.product", { code, name: name ? ` — ${name}` : "" });
  };
  return (
    <Accordion multiple collapsible defaultOpenItems={list.length === 1 ? [list[0]!.member ?? ""] : []}>
      {list.map((g) => (
        <AccordionItem key={g.member ?? ""} value={g.member ?? ""}>
          <AccordionHeader as="h4">
            {memberTitle(g.member)} ({t("group.counts", g.count)})
          </AccordionHeader>
          <AccordionPanel>
            <div className={styles.products}>
              {[...g.products].map(([product, items]) => (
                <div key={product}>
                  <Text as="h5" weight="semibold" size={300} className={styles.productHeading}>
                    {productTitle(product)}
                  </Text>
                  <FindingList findings={items} onGoTo={onGoTo} />
                </div>
              ))}
            </div>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
