import { Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MEMBER_ROLES, ROLES, type MemberRole } from "../../../ocop/roles";
import type { Member } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { langOf, NS } from "../strings";
import { RecordForm, RecordListEditor, type RecordFormSlot } from "./RecordListEditor";

const blank = (): Member => ({ code: "", name: "", title: "", role: "member" });

export interface MembersEditorProps {
  members: Member[];
  onChange: (members: Member[]) => void;
}

/** The council's members: add, edit, remove; each gets one score sheet. */
export function MembersEditor({ members, onChange }: MembersEditorProps) {
  const { i18n } = useTranslation(NS);
  const lang = langOf(i18n);
  return (
    <RecordListEditor
      texts="members"
      records={members}
      onChange={onChange}
      blank={blank}
      describe={(m) => [ROLES[m.role][lang], m.title].filter(Boolean).join(" · ")}
      form={(slot) => <MemberForm {...slot} />}
    />
  );
}

function MemberForm({ initial, isNew, taken, onSave, onCancel }: RecordFormSlot<Member>) {
  const { t, i18n } = useTranslation(NS);
  const lang = langOf(i18n);
  const [m, setM] = useState<Member>(initial);
  const code = normaliseCode(m.code);
  const errors = {
    code: !code
      ? t("members.codeRequired")
      : taken.includes(code)
        ? t("members.codeTaken", { code })
        : undefined,
    name: !m.name.trim() ? t("members.nameRequired") : undefined,
  };
  return (
    <RecordForm
      heading={isNew ? t("members.newHeading") : t("members.editHeading", { code: initial.code })}
      testId="member-editor"
      saveLabel={t("members.save")}
      valid={!errors.code && !errors.name}
      onSave={() => onSave({ ...m, code, name: m.name.trim(), title: m.title.trim() })}
      onCancel={onCancel}
    >
      {({ first, tried }) => (
        <>
          <Field label={t("members.field.code")} required validationMessage={tried ? errors.code : undefined}>
            <Input
              ref={first}
              value={m.code}
              onChange={(_, d) => setM({ ...m, code: d.value })}
              data-testid="member-code"
            />
          </Field>
          <Field label={t("members.field.name")} required validationMessage={tried ? errors.name : undefined}>
            <Input
              value={m.name}
              onChange={(_, d) => setM({ ...m, name: d.value })}
              data-testid="member-name"
            />
          </Field>
          <Field label={t("members.field.title")}>
            <Input value={m.title} onChange={(_, d) => setM({ ...m, title: d.value })} />
          </Field>
          <Field label={t("members.field.role")}>
            <Dropdown
              value={ROLES[m.role][lang]}
              selectedOptions={[m.role]}
              onOptionSelect={(_, d) => d.optionValue && setM({ ...m, role: d.optionValue as MemberRole })}
            >
              {MEMBER_ROLES.map((r) => (
                <Option key={r} value={r}>
                  {ROLES[r][lang]}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </>
      )}
    </RecordForm>
  );
}
