import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Switch,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SETTING_DESCRIPTIONS, type SettingDescription, type SettingKey } from "../../../ocop/settings";
import { DEFAULT_SETTINGS, type CouncilSettings } from "../../../ocop/session";
import { formatNumber, parseNumber } from "../../format";
import { langOf, NS } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface SettingsEditorProps {
  value: CouncilSettings;
  onChange: (value: CouncilSettings) => void;
}

type NumericKey = "spreadThreshold" | "quorum";

/** The council's choices, each with what it means, its source and its default. */
export function SettingsEditor({ value, onChange }: SettingsEditorProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const num = (n: number) => formatNumber(n, { maxDecimals: 2, locale: lang });
  const shown = (key: NumericKey, v: number) => num(key === "quorum" ? v * 100 : v);
  const [texts, setTexts] = useState<Partial<Record<NumericKey, string>>>({});
  const [invalid, setInvalid] = useState<Partial<Record<NumericKey, boolean>>>({});

  const set = <K extends SettingKey>(key: K, v: CouncilSettings[K]) => onChange({ ...value, [key]: v });
  const defaultText = (d: SettingDescription): string => {
    const text = d[lang];
    switch (d.key) {
      case "quorum":
        return `${num((d.default as number) * 100)} %`;
      case "dropExtremes":
        return t(d.default ? "settings.on" : "settings.off");
      case "tieBreak":
      case "minimumLevelRule":
        return text.choices?.[String(d.default)] ?? String(d.default);
      default:
        return num(d.default as number);
    }
  };
  const numeric = (key: NumericKey, d: SettingDescription) => {
    const ok = (n: number) => (key === "quorum" ? n > 0 && n <= 100 : n >= 0 && n <= 100);
    return (
      <Field
        key={key}
        label={key === "quorum" ? `${d[lang].label} (%)` : d[lang].label}
        hint={`${d[lang].help} ${t("settings.default", { value: defaultText(d) })}`}
        validationMessage={
          invalid[key] ? t(key === "quorum" ? "settings.quorumInvalid" : "settings.spreadInvalid") : undefined
        }
      >
        <Input
          inputMode="decimal"
          value={texts[key] ?? shown(key, value[key])}
          onChange={(_, data) => {
            setTexts((s) => ({ ...s, [key]: data.value }));
            const n = parseNumber(data.value);
            const good = n !== null && ok(n);
            setInvalid((s) => ({ ...s, [key]: !good }));
            if (good) set(key, key === "quorum" ? n / 100 : n);
          }}
          onBlur={() => {
            if (!invalid[key]) setTexts((s) => ({ ...s, [key]: undefined }));
          }}
        />
      </Field>
    );
  };
  const choice = (key: "tieBreak" | "minimumLevelRule", d: SettingDescription) => {
    const choices = d[lang].choices ?? {};
    return (
      <Field
        key={key}
        label={d[lang].label}
        hint={`${d[lang].help} ${t("settings.default", { value: defaultText(d) })}`}
      >
        <Dropdown
          value={choices[value[key]] ?? value[key]}
          selectedOptions={[value[key]]}
          onOptionSelect={(_, data) =>
            data.optionValue && set(key, data.optionValue as CouncilSettings[typeof key])
          }
        >
          {Object.entries(choices).map(([k, label]) => (
            <Option key={k} value={k}>
              {label}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };
  return (
    <div className={styles.stack}>
      {SETTING_DESCRIPTIONS.map((d) => {
        switch (d.key) {
          case "spreadThreshold":
          case "quorum":
            return numeric(d.key, d);
          case "tieBreak":
          case "minimumLevelRule":
            return choice(d.key, d);
          case "displayDecimals":
            return (
              <Field
                key={d.key}
                label={d[lang].label}
                hint={`${d[lang].help} ${t("settings.default", { value: defaultText(d) })}`}
              >
                <Dropdown
                  value={String(value.displayDecimals)}
                  selectedOptions={[String(value.displayDecimals)]}
                  onOptionSelect={(_, data) => set("displayDecimals", Number(data.optionValue))}
                >
                  {[0, 1, 2, 3, 4].map((n) => (
                    <Option key={n} value={String(n)}>
                      {String(n)}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            );
          case "dropExtremes":
            return (
              <Field key={d.key} hint={`${d[lang].help} ${t("settings.default", { value: defaultText(d) })}`}>
                <Switch
                  label={d[lang].label}
                  checked={value.dropExtremes}
                  onChange={(_, data) => set("dropExtremes", data.checked)}
                />
              </Field>
            );
          default:
            return null;
        }
      })}
      <div>
        <Button
          size="small"
          onClick={() => {
            setTexts({});
            setInvalid({});
            onChange({ ...DEFAULT_SETTINGS });
          }}
        >
          {t("settings.reset")}
        </Button>
      </div>
    </div>
  );
}
