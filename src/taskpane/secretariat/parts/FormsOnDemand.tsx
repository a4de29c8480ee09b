import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FormsDeferred } from "../../../app/consolidate";
import type { ConsolidateOutcome, SecretariatApi } from "../../../app/secretariat/types";
import type { Session } from "../../../ocop/session";
import { formatNumber } from "../../format";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
});

export interface FormsOnDemandProps {
  api: SecretariatApi;
  session: Session;
  deferred: FormsDeferred;
  /** The run that wrote the forms: its sheets and what is still deferred. */
  onWritten: (outcome: ConsolidateOutcome, member: string) => void;
  announce: (text: string) => void;
}

/**
 * When a council has more forms than every run writes (a province's thousands of pages), the secretariat
 * writes the forms of the member about to sign, one member at a time; later runs keep them up to date.
 */
export function FormsOnDemand({ api, session, deferred, onWritten, announce }: FormsOnDemandProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const [member, setMember] = useState(deferred.notWritten[0] ?? "");
  const write = useAction(async () => {
    announce(t("forms.writing", { member }));
    const r = await api.writeForms([member]);
    if (r.written) {
      onWritten(r, member);
      announce(t("forms.written", { member }));
      setMember(r.formsDeferred?.notWritten[0] ?? "");
    } else announce(t("forms.failed", { member }));
  });
  const nameOf = (code: string) => session.members.find((m) => m.code === code)?.name ?? "";
  return (
    <MessageBar layout="multiline" intent="info" data-testid="forms-deferred">
      <MessageBarBody>
        <MessageBarTitle>
          {t("forms.deferredTitle", { forms: formatNumber(deferred.forms, { locale: lang }) })}
        </MessageBarTitle>
        {deferred.limit > 0
          ? t("forms.deferredText", { limit: formatNumber(deferred.limit, { locale: lang }) })
          : t("forms.deferredTextExcel")}
        {deferred.written.length > 0 && <p>{t("forms.already", { members: deferred.written.join(", ") })}</p>}
        {deferred.notWritten.length > 0 && (
          <div className={styles.row}>
            <Field label={t("forms.member")}>
              <Select
                value={member}
                onChange={(_, d) => setMember(d.value)}
                data-testid="forms-member"
                disabled={write.busy}
              >
                {deferred.notWritten.map((code) => (
                  <option key={code} value={code}>
                    {code} · {nameOf(code)}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              disabled={member === ""}
              disabledFocusable={write.busy}
              onClick={() => void write.run()}
              data-testid="forms-write"
            >
              {t("forms.write")}
            </Button>
          </div>
        )}
        {write.error && <p role="alert">{write.error}</p>}
      </MessageBarBody>
    </MessageBar>
  );
}
