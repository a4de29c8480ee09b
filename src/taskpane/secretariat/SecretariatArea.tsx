/**
 * Where the secretariat's tools appear (lazy chunk "secretariat"): in Excel over the open workbook, outside
 * Office over an .xlsx file in the page's memory.
 */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { use, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { HostInfo } from "../hostInfo";
import { loadExcelHosts } from "../compose/excel";
import { downloadInBrowser } from "../standalone/download";
import SecretariatPane from "./SecretariatPane";
import { StandaloneSecretariat } from "./StandaloneSecretariat";
import { ensureStrings, NS } from "./strings";

function ExcelSecretariat() {
  const hosts = use(loadExcelHosts());
  const workspace = useMemo(() => hosts.createWorkspace(), [hosts]);
  return <SecretariatPane workspace={workspace} workbooks={hosts.workbooks} download={downloadInBrowser} />;
}

export default function SecretariatArea({ info }: { info: HostInfo }) {
  const { i18n } = useTranslation();
  ensureStrings(i18n);
  const { t } = useTranslation(NS);
  if (info.kind === "standalone") return <StandaloneSecretariat />;
  if (info.kind === "excel" && info.meetsRequirement) return <ExcelSecretariat />;
  return (
    <MessageBar layout="multiline" intent="warning">
      <MessageBarBody>{t(info.kind === "excel" ? "area.excelTooOld" : "area.otherOffice")}</MessageBarBody>
    </MessageBar>
  );
}
