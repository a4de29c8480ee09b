/**
 * Shown when a call to Excel takes longer than a moment: Excel holds the add-in's requests while the user edits a
 * cell (the host asks it to, with delayForCellEdit), so say so and offer to stop waiting. Cancelling makes the
 * host give up the held call when Excel answers; nothing is written (src/hosts/excel/excelHost.ts, cancelWaiting).
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useDelayedFlag } from "./useDelayedFlag";

const TEXT = {
  vi: {
    title: "Đang chờ Excel…",
    body: "Nếu bạn đang sửa một ô, nhấn Enter hoặc Esc để Excel tiếp tục.",
    cancel: "Huỷ",
  },
  en: {
    title: "Waiting for Excel…",
    body: "If you are editing a cell, press Enter or Esc so Excel can go on.",
    cancel: "Cancel",
  },
};

export interface WaitingForExcelProps {
  /** A call to Excel is under way. */
  busy: boolean;
  /** Stop waiting (absent: no button). */
  onCancel?: () => void;
  /** How long a call may take before the notice shows. */
  delayMs?: number;
}

export function WaitingForExcel({ busy, onCancel, delayMs = 1500 }: WaitingForExcelProps) {
  const { i18n } = useTranslation();
  const show = useDelayedFlag(busy, delayMs);
  if (!show) return null;
  const text = TEXT[i18n.language === "en" ? "en" : "vi"];
  return (
    <MessageBar intent="info" layout="multiline" data-testid="waiting-for-excel">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle> {text.body}
      </MessageBarBody>
      {onCancel && (
        <MessageBarActions>
          <Button size="small" onClick={onCancel}>
            {text.cancel}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
