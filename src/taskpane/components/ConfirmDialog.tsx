/**
 * A modal question with a cancelling and a confirming button, on the browser's own <dialog>: modal, Escape
 * cancels, the focus stays inside and comes back afterwards, without focus sentinels that screen readers trip
 * over. The cancelling button has the focus first: nothing is lost by pressing Enter.
 */
import { Body1, Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";

const useStyles = makeStyles({
  dialog: {
    maxWidth: "min(28rem, calc(100vw - 2rem))",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow28,
    overflowWrap: "anywhere",
    "::backdrop": { backgroundColor: "rgba(0, 0, 0, 0.4)" },
  },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  text: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", justifyContent: "flex-end", gap: tokens.spacingHorizontalS },
});

export interface ConfirmDialogProps {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  onConfirm(): void;
  onCancel(): void;
  testId?: string;
}

/** Shown while mounted. */
export function ConfirmDialog({
  title,
  text,
  confirm,
  cancel,
  onConfirm,
  onCancel,
  testId,
}: ConfirmDialogProps) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    // jsdom has no showModal: there the dialog is simply open.
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
    return () => {
      if (dialog.open && typeof dialog.close === "function") dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <div className={styles.stack}>
        <Subtitle1 as="h2" id={titleId} className={styles.heading}>
          {title}
        </Subtitle1>
        <Body1 as="p" id={textId} className={styles.text}>
          {text}
        </Body1>
        <div className={styles.actions}>
          {/* The safe choice takes the focus in the modal. */}
          <Button appearance="secondary" autoFocus onClick={onCancel}>
            {cancel}
          </Button>
          <Button appearance="primary" onClick={onConfirm}>
            {confirm}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
