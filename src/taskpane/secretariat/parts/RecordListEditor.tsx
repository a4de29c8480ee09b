/**
 * What the members and products editors share: a list of records shown as "code · name", each with edit and
 * remove buttons, an add button, and one form at a time below the list.
 */
import { Button, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, Edit16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { normaliseCode } from "../../../ocop/text";
import { NS } from "../strings";
import { ruledRow, stackedList } from "../../components/listStyles";

const useStyles = makeStyles({
  list: stackedList(tokens.spacingVerticalXS),
  item: { ...ruledRow, padding: `${tokens.spacingVerticalXS} 0` },
  text: { display: "flex", flexDirection: "column", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  editor: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface CodedRecord {
  code: string;
  name: string;
}

/** What the list hands its form: the record to start from, and the codes the other records already use. */
export interface RecordFormSlot<T> {
  initial: T;
  isNew: boolean;
  taken: string[];
  onSave: (record: T) => void;
  onCancel: () => void;
}

export interface RecordListEditorProps<T extends CodedRecord> {
  /** Prefix of the list's texts (`.empty`, `.listLabel`, `.edit`, `.remove`, `.add`) and of its test id. */
  texts: "members" | "products";
  records: T[];
  onChange: (records: T[]) => void;
  blank: () => T;
  /** The muted line under "code · name". */
  describe: (record: T) => string;
  /** Anything more under that line. */
  extra?: (record: T) => ReactNode;
  form: (slot: RecordFormSlot<T>) => ReactNode;
}

export function RecordListEditor<T extends CodedRecord>({
  texts,
  records,
  onChange,
  blank,
  describe,
  extra,
  form,
}: RecordListEditorProps<T>) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [editing, setEditing] = useState<{ index: number; record: T } | null>(null);
  return (
    <>
      {records.length === 0 ? (
        <Text className={styles.muted}>{t(`${texts}.empty`)}</Text>
      ) : (
        <ul className={styles.list} aria-label={t(`${texts}.listLabel`)} data-testid={`${texts}-list`}>
          {records.map((r, i) => (
            <li key={`${r.code}-${i}`} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold">
                  {r.code} · {r.name}
                </Text>
                <Text size={200} className={styles.muted}>
                  {describe(r)}
                </Text>
                {extra?.(r)}
              </div>
              <div className={styles.actions}>
                <Button
                  size="small"
                  icon={<Edit16Regular />}
                  aria-label={t(`${texts}.edit`, { code: r.code })}
                  onClick={() => setEditing({ index: i, record: r })}
                />
                <Button
                  size="small"
                  icon={<Delete16Regular />}
                  aria-label={t(`${texts}.remove`, { code: r.code })}
                  onClick={() => onChange(records.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        form({
          initial: editing.record,
          isNew: editing.index < 0,
          taken: records.filter((_, j) => j !== editing.index).map((r) => normaliseCode(r.code)),
          onSave: (record) => {
            const next = [...records];
            if (editing.index < 0) next.push(record);
            else next[editing.index] = record;
            onChange(next);
            setEditing(null);
          },
          onCancel: () => setEditing(null),
        })
      ) : (
        <div>
          <Button icon={<Add16Regular />} onClick={() => setEditing({ index: -1, record: blank() })}>
            {t(`${texts}.add`)}
          </Button>
        </div>
      )}
    </>
  );
}

export interface RecordFormProps {
  heading: string;
  testId: string;
  saveLabel: string;
  /** Save shows the fields' messages from then on, and saves only when this is true. */
  valid: boolean;
  onSave: () => void;
  onCancel: () => void;
  /** The fields: `first` goes on the input to focus on opening; messages show once `tried`. */
  children: (form: { first: RefObject<HTMLInputElement | null>; tried: boolean }) => ReactNode;
}

/** The frame of one record's form: heading, fields, save and cancel. */
export function RecordForm({
  heading,
  testId,
  saveLabel,
  valid,
  onSave,
  onCancel,
  children,
}: RecordFormProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const headingId = useId();
  const first = useRef<HTMLInputElement>(null);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    first.current?.focus();
  }, []);
  return (
    <section className={styles.editor} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle2 as="h4" id={headingId}>
        {heading}
      </Subtitle2>
      {children({ first, tried })}
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => {
            setTried(true);
            if (valid) onSave();
          }}
        >
          {saveLabel}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
}
