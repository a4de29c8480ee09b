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
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  boundsText,
  choicesOf,
  fromShown,
  settingDef,
  settingHint,
  settingLabel,
  toShown,
  type CouncilSettings,
  type NumberSetting,
  type SettingKey,
} from "../../../ocop/settings";
import { formatNumber, parseNumber } from "../../format";
import { langOf, NS } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface SettingsEditorProps {
  value: CouncilSettings;
  onChange: (value: CouncilSettings) => void;
}

/** A whole number with this few values is picked from a list rather than typed. */
const LIST_AT_MOST = 10;

/**
 * The council's choices, each with what it means, its default and where that comes from. One field per entry
 * of the settings table (ocop/settings.ts), drawn by the entry's kind: nothing here names a setting.
 */
export function SettingsEditor({ value, onChange }: SettingsEditorProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const [texts, setTexts] = useState<Partial<Record<SettingKey, string>>>({});
  const [invalid, setInvalid] = useState<Partial<Record<SettingKey, boolean>>>({});

  const set = (key: SettingKey, v: unknown) => onChange({ ...value, [key]: v } as CouncilSettings);
  const shown = (def: NumberSetting, v: number) =>
    formatNumber(toShown(def, v), { maxDecimals: 2, locale: lang });

  const numberField = (key: SettingKey, def: NumberSetting) => {
    const current = value[key] as number;
    if (def.integer && def.max - def.min <= LIST_AT_MOST) {
      const options = Array.from({ length: def.max - def.min + 1 }, (_, i) => String(def.min + i));
      return (
        <Dropdown
          value={String(current)}
          selectedOptions={[String(current)]}
          onOptionSelect={(_, data) => set(key, Number(data.optionValue))}
        >
          {options.map((n) => (
            <Option key={n} value={n}>
              {n}
            </Option>
          ))}
        </Dropdown>
      );
    }
    return (
      <Input
        inputMode="decimal"
        value={texts[key] ?? shown(def, current)}
        onChange={(_, data) => {
          setTexts((s) => ({ ...s, [key]: data.value }));
          const n = parseNumber(data.value);
          const stored = n === null ? null : fromShown(def, n);
          const good = stored !== null && def.schema.safeParse(stored).success;
          setInvalid((s) => ({ ...s, [key]: !good }));
          if (good) set(key, stored);
        }}
        onBlur={() => {
          if (!invalid[key]) setTexts((s) => ({ ...s, [key]: undefined }));
        }}
      />
    );
  };

  return (
    <div className={styles.stack}>
      {SETTING_KEYS.map((key) => {
        const def = settingDef(key);
        const hint = settingHint(key, lang);
        if (def.kind === "switch")
          return (
            <Field key={key} hint={hint}>
              <Switch
                label={settingLabel(key, lang)}
                checked={value[key] as boolean}
                onChange={(_, data) => set(key, data.checked)}
              />
            </Field>
          );
        const validationMessage =
          def.kind === "number" && invalid[key]
            ? t("settings.invalid", { bounds: boundsText(def, lang) })
            : undefined;
        return (
          <Field key={key} label={settingLabel(key, lang)} hint={hint} validationMessage={validationMessage}>
            {def.kind === "number" ? (
              numberField(key, def)
            ) : (
              <Dropdown
                value={def.choices[String(value[key])]?.[lang] ?? String(value[key])}
                selectedOptions={[String(value[key])]}
                onOptionSelect={(_, data) => data.optionValue && set(key, data.optionValue)}
              >
                {choicesOf(def).map(([k, words]) => (
                  <Option key={k} value={k}>
                    {words[lang]}
                  </Option>
                ))}
              </Dropdown>
            )}
          </Field>
        );
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
