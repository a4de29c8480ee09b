import { Button, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PickedFile } from "../../../app/secretariat/types";
import { NS } from "../strings";
import { FilePicker } from "./FilePicker";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface TableImportProps {
  /** "products" or "members": picks the words. */
  kind: "products" | "members";
  disabled?: boolean;
  onText: (text: string) => void;
  onFile: (file: PickedFile) => void;
}

/** Paste rows copied from Excel (with or without the header row), or pick a CSV or .xlsx file. */
export function TableImport({ kind, disabled, onText, onFile }: TableImportProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [text, setText] = useState("");
  return (
    <div className={styles.stack}>
      <Field label={t(`${kind}.pasteLabel`)} hint={t(`${kind}.pasteHint`)}>
        <Textarea
          value={text}
          resize="vertical"
          onChange={(_, d) => setText(d.value)}
          data-testid={`${kind}-paste`}
        />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={disabled || !text.trim()}
          onClick={() => {
            onText(text);
            setText("");
          }}
        >
          {t(`${kind}.pasteAdd`)}
        </Button>
      </div>
      <FilePicker
        label={t(`${kind}.importFile`)}
        accept=".csv,.txt,.xlsx"
        disabled={disabled}
        testId={`${kind}-file`}
        onFiles={(files) => files[0] && onFile(files[0])}
      />
    </div>
  );
}
