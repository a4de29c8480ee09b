/**
 * The setup step's panel for a council's own scoring forms: pick a workbook whose criteria sheet holds
 * them (e.g. forms of Decision 1048/2019 the catalogue lacks), see which forms were loaded and every
 * fault with its cell. Only forms that pass the catalogue's checks are loaded; a form with the code of
 * one already loaded replaces it.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { Delete16Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PickedFile, SecretariatApi } from "../../../app/secretariat/types";
import { criteriaOf } from "../../../ocop/criteria/catalogue";
import type { Form } from "../../../ocop/criteria/types";
import type { Finding } from "../../../ocop/findings";
import { hasErrors } from "../../../ocop/findings";
import { ruledRow, stackedList } from "../../components/listStyles";
import { NS } from "../strings";
import { useAction } from "../useAction";
import { FilePicker } from "./FilePicker";
import { FindingList } from "./FindingList";
import { Panel } from "./Panel";

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalXS),
  item: { ...ruledRow, padding: `${tokens.spacingVerticalXS} 0` },
  text: { display: "flex", flexDirection: "column", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface CustomFormsImportProps {
  api: Pick<SecretariatApi, "importForms">;
  /** The edition chosen for the session: forms are checked against it. */
  edition: string;
  forms: Form[];
  onChange: (forms: Form[]) => void;
  announce: (text: string) => void;
  disabled?: boolean;
}

const partMax = (form: Form, id: string): number => form.parts.find((p) => p.id === id)?.max ?? 0;

export function CustomFormsImport({
  api,
  edition,
  forms,
  onChange,
  announce,
  disabled,
}: CustomFormsImportProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [last, setLast] = useState<{ file: string; loaded: string[]; findings: Finding[] } | null>(null);

  const load = useAction(async (file: PickedFile) => {
    const r = await api.importForms(file, edition);
    const codes = r.forms.map((f) => f.code);
    onChange([...forms.filter((f) => !codes.includes(f.code)), ...r.forms]);
    setLast({ file: file.name, loaded: codes, findings: r.findings });
    announce(
      codes.length
        ? t("customForms.loaded", { count: codes.length, file: file.name, codes: codes.join(", ") })
        : t("customForms.noneLoaded", { file: file.name })
    );
  });

  const stale = forms.filter((f) => f.edition !== edition).map((f) => f.code);

  return (
    <Panel title={t("customForms.heading", { count: forms.length })} testId="custom-forms">
      <Text>{t("customForms.intro")}</Text>
      {forms.length === 0 ? (
        <Text className={styles.muted}>{t("customForms.empty")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("customForms.listLabel")} data-testid="custom-forms-list">
          {forms.map((f) => (
            <li key={f.code} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold">{t("customForms.item", { code: f.code, title: f.title })}</Text>
                <Text size={200} className={styles.muted}>
                  {t("customForms.itemDetail", {
                    criteria: criteriaOf(f).length,
                    a: partMax(f, "A"),
                    b: partMax(f, "B"),
                    c: partMax(f, "C"),
                  })}
                </Text>
              </div>
              <Button
                size="small"
                icon={<Delete16Regular />}
                aria-label={t("customForms.remove", { code: f.code })}
                disabled={disabled}
                onClick={() => {
                  onChange(forms.filter((x) => x.code !== f.code));
                  announce(t("customForms.removed", { code: f.code }));
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {stale.length > 0 && (
        <MessageBar layout="multiline" intent="warning">
          <MessageBarBody>{t("customForms.otherEdition", { codes: stale.join(", ") })}</MessageBarBody>
        </MessageBar>
      )}
      <FilePicker
        label={t("customForms.pick")}
        dropHint={t("customForms.dropHint")}
        accept=".xlsx"
        disabled={disabled || load.busy}
        testId="custom-forms-file"
        onFiles={(files) => files[0] && void load.run(files[0])}
      />
      {load.error && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{load.error}</MessageBarBody>
        </MessageBar>
      )}
      {last && hasErrors(last.findings) && (
        <MessageBar layout="multiline" intent="error">
          <MessageBarBody>{t("customForms.rejected")}</MessageBarBody>
        </MessageBar>
      )}
      {last && last.findings.length > 0 && <FindingList findings={last.findings} />}
    </Panel>
  );
}
