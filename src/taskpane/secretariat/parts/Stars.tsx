import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { NS } from "../strings";

const useStyles = makeStyles({
  stars: { color: tokens.colorPaletteMarigoldForeground1, letterSpacing: "1px", whiteSpace: "nowrap" },
  none: { color: tokens.colorNeutralForeground3 },
});

/** "★★★★☆" read as "4 sao" / "4 stars"; a dash read as "no class" when withheld. */
export function Stars({ stars }: { stars: number | null }) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  if (!stars) {
    return (
      <span className={styles.none} role="img" aria-label={t("stars.none")}>
        —
      </span>
    );
  }
  return (
    <span className={styles.stars} role="img" aria-label={t("stars.count", { count: stars })}>
      {"★".repeat(stars)}
      <span aria-hidden className={styles.none}>
        {"☆".repeat(5 - stars)}
      </span>
    </span>
  );
}
