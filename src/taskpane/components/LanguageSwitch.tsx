import { makeStyles, ToggleButton, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, isLanguage, storeLanguage, type Language } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  label: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    marginRight: tokens.spacingHorizontalXS,
  },
});

/**
 * Two toggle buttons (Tab to reach, Enter or Space to press). Each button names its language in that language,
 * with a matching `lang`, so a screen reader reads "English" in English even when the pane is Vietnamese.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const labelId = useId();
  const current: Language = isLanguage(i18n.language) ? i18n.language : "vi";

  const choose = (language: Language) => {
    if (language === current) return;
    storeLanguage(language);
    void i18n.changeLanguage(language);
  };

  return (
    <div role="group" aria-labelledby={labelId} className={styles.root}>
      <span id={labelId} className={styles.label}>
        {t("language.label")}
      </span>
      {LANGUAGES.map((language) => (
        <ToggleButton
          key={language}
          size="small"
          lang={language}
          checked={language === current}
          appearance={language === current ? "primary" : "secondary"}
          onClick={() => choose(language)}
        >
          {t(`language.${language}`)}
        </ToggleButton>
      ))}
    </div>
  );
}
