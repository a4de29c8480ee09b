import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { HostInfo } from "../hostInfo";

// Lazy chunks: the first screen carries neither the member's views nor a workbook host.
const StandalonePage = lazy(
  () => import(/* webpackChunkName: "standalone" */ "../standalone/StandalonePage")
);
const ExcelMember = lazy(() => import(/* webpackChunkName: "member-excel" */ "./ExcelMember"));

/**
 * Where the member's work appears in the pane: the standalone page outside Office, the member pane in an Excel
 * that meets the requirement set and has a session open. Nothing while the host is still being detected.
 */
export function MemberArea({ info }: { info: HostInfo | null }) {
  const { t } = useTranslation();
  if (!info) return null;
  const fallback = <Spinner size="small" labelPosition="after" label={t("memberArea.loading")} />;
  if (info.kind === "standalone") {
    return (
      <Suspense fallback={fallback}>
        <StandalonePage />
      </Suspense>
    );
  }
  if (info.kind === "excel" && info.meetsRequirement && info.session.state === "found") {
    return (
      <Suspense fallback={fallback}>
        <ExcelMember />
      </Suspense>
    );
  }
  return null;
}
