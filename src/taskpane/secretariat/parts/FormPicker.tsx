import { Combobox, Field, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Catalogue } from "../../../ocop/criteria/types";
import { NS } from "../strings";
import { currentOption, filterOptions, formOptions, type FormOption } from "./formOptions";

const useStyles = makeStyles({
  context: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  listbox: { maxHeight: "16rem" },
});

export interface FormPickerProps {
  catalogue: Catalogue;
  value: { form: string; group: string; set: string };
  onChange: (value: { form: string; group: string; set: string }) => void;
  validationMessage?: string;
  required?: boolean;
}

/** Searchable picker of the product's set (and so its form): type any words of the set, group or form number. */
export function FormPicker({ catalogue, value, onChange, validationMessage, required }: FormPickerProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const options = useMemo(() => formOptions(catalogue), [catalogue]);
  const selected = currentOption(options, value);
  const [query, setQuery] = useState<string | null>(null);
  const shown = query === null ? options : filterOptions(options, query);
  const pick = (o: FormOption) => onChange({ form: o.form, group: o.group, set: o.set });
  return (
    <Field
      label={t("products.formPicker")}
      hint={t("products.formPickerHint")}
      required={required}
      validationMessage={validationMessage}
    >
      <Combobox
        value={query ?? selected?.label ?? value.form}
        selectedOptions={selected ? [selected.key] : []}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, data) => {
          const o = options.find((x) => x.key === data.optionValue);
          if (o) pick(o);
          setQuery(null);
        }}
        onBlur={() => setQuery(null)}
        placeholder={t("products.formPickerPlaceholder")}
        listbox={{ className: styles.listbox }}
        data-testid="form-picker"
      >
        {shown.map((o) => (
          <Option key={o.key} value={o.key} text={o.label}>
            <span>
              {o.label}
              <span className={styles.context}>{o.context}</span>
            </span>
          </Option>
        ))}
        {shown.length === 0 && (
          <Option key="none" value="" text="" disabled>
            {t("products.formPickerNone")}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
