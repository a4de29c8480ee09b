/**
 * A file's SHA-256, short (its first 8 characters, enough to tell files apart at a glance) with the whole of it
 * on demand, and a button that copies the whole hash (to compare with the audit log or a member's own).
 */
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Copy16Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NS } from "../strings";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export const SHORT_HASH = 8;

export function HashLine({ sha256 }: { sha256: string }) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [full, setFull] = useState(false);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha256);
      setCopied(true);
    } catch {
      // No clipboard (permissions, an old browser): show the whole hash to select by hand.
      setFull(true);
    }
  };
  return (
    <div className={styles.row}>
      <Caption1 className={mergeClasses(styles.muted, styles.mono)} data-testid="hash" title={sha256}>
        SHA-256 {full ? sha256 : `${sha256.slice(0, SHORT_HASH)}…`}
      </Caption1>
      <Button size="small" appearance="subtle" aria-expanded={full} onClick={() => setFull(!full)}>
        {t(full ? "collect.hashShort" : "collect.hashFull")}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        icon={<Copy16Regular />}
        onClick={() => void copy()}
        aria-label={t("collect.hashCopyLabel")}
      >
        {t(copied ? "collect.hashCopied" : "collect.hashCopy")}
      </Button>
    </div>
  );
}
