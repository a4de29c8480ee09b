import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, Edit16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member, MemberRole } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { NS } from "../strings";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
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

const ROLES: MemberRole[] = ["chair", "viceChair", "member", "secretary"];

export interface MembersEditorProps {
  members: Member[];
  onChange: (members: Member[]) => void;
}

/** The council's members: add, edit, remove; each gets one score sheet. */
export function MembersEditor({ members, onChange }: MembersEditorProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [editing, setEditing] = useState<{ index: number; member: Member } | null>(null);
  return (
    <>
      {members.length === 0 ? (
        <Text className={styles.muted}>{t("members.empty")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("members.listLabel")} data-testid="members-list">
          {members.map((m, i) => (
            <li key={`${m.code}-${i}`} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold">
                  {m.code} · {m.name}
                </Text>
                <Text size={200} className={styles.muted}>
                  {[t(`roles.${m.role}`), m.title].filter(Boolean).join(" · ")}
                </Text>
              </div>
              <div className={styles.actions}>
                <Button
                  size="small"
                  icon={<Edit16Regular />}
                  aria-label={t("members.edit", { code: m.code })}
                  onClick={() => setEditing({ index: i, member: m })}
                />
                <Button
                  size="small"
                  icon={<Delete16Regular />}
                  aria-label={t("members.remove", { code: m.code })}
                  onClick={() => onChange(members.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <MemberForm
          initial={editing.member}
          isNew={editing.index < 0}
          taken={members.filter((_, j) => j !== editing.index).map((m) => normaliseCode(m.code))}
          onSave={(m) => {
            const next = [...members];
            if (editing.index < 0) next.push(m);
            else next[editing.index] = m;
            onChange(next);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button
            icon={<Add16Regular />}
            onClick={() =>
              setEditing({ index: -1, member: { code: "", name: "", title: "", role: "member" } })
            }
          >
            {t("members.add")}
          </Button>
        </div>
      )}
    </>
  );
}

interface MemberFormProps {
  initial: Member;
  isNew: boolean;
  taken: string[];
  onSave: (m: Member) => void;
  onCancel: () => void;
}

function MemberForm({ initial, isNew, taken, onSave, onCancel }: MemberFormProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const headingId = useId();
  const first = useRef<HTMLInputElement>(null);
  const [m, setM] = useState<Member>(initial);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    first.current?.focus();
  }, []);
  const code = normaliseCode(m.code);
  const errors = {
    code: !code
      ? t("members.codeRequired")
      : taken.includes(code)
        ? t("members.codeTaken", { code })
        : undefined,
    name: !m.name.trim() ? t("members.nameRequired") : undefined,
  };
  const ok = !errors.code && !errors.name;
  return (
    <section className={styles.editor} aria-labelledby={headingId} data-testid="member-editor">
      <Subtitle2 as="h4" id={headingId}>
        {isNew ? t("members.newHeading") : t("members.editHeading", { code: initial.code })}
      </Subtitle2>
      <Field label={t("members.field.code")} required validationMessage={tried ? errors.code : undefined}>
        <Input
          ref={first}
          value={m.code}
          onChange={(_, d) => setM({ ...m, code: d.value })}
          data-testid="member-code"
        />
      </Field>
      <Field label={t("members.field.name")} required validationMessage={tried ? errors.name : undefined}>
        <Input value={m.name} onChange={(_, d) => setM({ ...m, name: d.value })} data-testid="member-name" />
      </Field>
      <Field label={t("members.field.title")}>
        <Input value={m.title} onChange={(_, d) => setM({ ...m, title: d.value })} />
      </Field>
      <Field label={t("members.field.role")}>
        <Dropdown
          value={t(`roles.${m.role}`)}
          selectedOptions={[m.role]}
          onOptionSelect={(_, d) => d.optionValue && setM({ ...m, role: d.optionValue as MemberRole })}
        >
          {ROLES.map((r) => (
            <Option key={r} value={r}>
              {t(`roles.${r}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => {
            setTried(true);
            if (ok) onSave({ ...m, code, name: m.name.trim(), title: m.title.trim() });
          }}
        >
          {t("members.save")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
}
