import { use, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { loadExcelHosts } from "../compose/excel";
import { MemberPane } from "./MemberPane";
import { ensureMemberStrings } from "./strings";

/** The member's pane inside Excel (lazy chunk: the Excel host and the member's views load together). */
export default function ExcelMember() {
  const { i18n } = useTranslation();
  ensureMemberStrings(i18n);
  const hosts = use(loadExcelHosts());
  const workspace = useMemo(() => hosts.createWorkspace(), [hosts]);
  return <MemberPane workspace={workspace} />;
}
