/**
 * Who is using the pane: a council member scoring, or the secretariat running the session. A small switch in
 * the initial bundle; the secretariat's tools load only when chosen. The choice is remembered on this
 * machine; `#secretariat` in the page's address opens them directly.
 */
import { makeStyles, Spinner, ToggleButton, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { HostInfo } from "../hostInfo";

const SecretariatArea = lazy(() => import(/* webpackChunkName: "secretariat" */ "./SecretariatArea"));

export type Role = "member" | "secretariat";
const KEY = "ocop.role";

const useStyles = makeStyles({
  switch: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  label: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    marginRight: tokens.spacingHorizontalXS,
  },
});

export const initialRole = (): Role => {
  try {
    if (globalThis.location?.hash === "#secretariat") return "secretariat";
    return globalThis.localStorage?.getItem(KEY) === "secretariat" ? "secretariat" : "member";
  } catch {
    return "member";
  }
};

export function RoleArea({ info, member }: { info: HostInfo | null; member: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labelId = useId();
  const [role, setRole] = useState<Role>(initialRole);
  if (!info || info.kind === "otherOffice") return <>{member}</>;
  const choose = (next: Role) => {
    setRole(next);
    try {
      globalThis.localStorage?.setItem(KEY, next);
    } catch {
      // not remembered; the switch still works
    }
  };
  return (
    <>
      <div role="group" aria-labelledby={labelId} className={styles.switch}>
        <span id={labelId} className={styles.label}>
          {t("role.label")}
        </span>
        {(["member", "secretariat"] as const).map((r) => (
          <ToggleButton
            key={r}
            size="small"
            checked={role === r}
            appearance={role === r ? "primary" : "secondary"}
            onClick={() => choose(r)}
            data-testid={`role-${r}`}
          >
            {t(`role.${r}`)}
          </ToggleButton>
        ))}
      </div>
      {role === "member" ? (
        member
      ) : (
        <Suspense fallback={<Spinner size="small" labelPosition="after" label={t("role.loading")} />}>
          <SecretariatArea info={info} />
        </Suspense>
      )}
    </>
  );
}
