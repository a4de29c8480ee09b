import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { createExcelWorkspace } from "./excelWorkspace";
import { MemberPane } from "./MemberPane";
import { ensureMemberStrings } from "./strings";

/** The member's pane inside Excel (lazy chunk: the Excel host and the member's views load together). */
export default function ExcelMember() {
  const { i18n } = useTranslation();
  ensureMemberStrings(i18n);
  const workspace = useMemo(() => createExcelWorkspace(), []);
  return <MemberPane workspace={workspace} />;
}
