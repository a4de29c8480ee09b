/**
 * The secretariat's views over a workspace (Excel, or the standalone page's .xlsx file). Loaded on demand
 * (React.lazy in ./index.ts) so nothing here weighs on the pane's first screen.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { parseAddress } from "../../layout/a1";
import { createSecretariat } from "../../app/secretariat/secretariat";
import type { MemberBookFile } from "../../app/secretariat/types";
import type { WorkbookFiles } from "../../app/workbookFiles";
import type { Workspace } from "../member/workspace";
import { SecretariatView } from "./SecretariatView";
import { ensureStrings } from "./strings";

export interface SecretariatPaneProps {
  workspace: Workspace;
  /** Members' books, tables and forms files: opened and made by the surface's file host. */
  workbooks: WorkbookFiles;
  /** Offers bytes as a file (the standalone page's download; in Excel the pane's browser download). */
  download: (bytes: Uint8Array, fileName: string) => void;
  /** Standalone page: save the council workbook as a file. */
  saveWorkbook?: () => void | Promise<void>;
}

export default function SecretariatPane({
  workspace,
  workbooks,
  download,
  saveWorkbook,
}: SecretariatPaneProps) {
  const { i18n } = useTranslation();
  ensureStrings(i18n);
  const api = useMemo(
    () =>
      createSecretariat(workspace.host, {
        tool: workspace.kind === "excel" ? "ocop-taskpane" : "ocop-standalone",
        workbooks,
      }),
    [workspace, workbooks]
  );
  return (
    <SecretariatView
      api={api}
      download={(file: MemberBookFile) => download(file.bytes, file.fileName)}
      goTo={async (where) => {
        const at = where.cell ? parseAddress(where.cell) : null;
        if (where.sheet && at) await workspace.select({ sheet: where.sheet, row: at.row, col: at.col });
        else await api.goTo(where);
      }}
      saveWorkbook={saveWorkbook}
    />
  );
}
