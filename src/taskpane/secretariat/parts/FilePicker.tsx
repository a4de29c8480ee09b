import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { ArrowUpload20Regular } from "@fluentui/react-icons";
import { useId, useRef, useState, type DragEvent } from "react";
import type { PickedFile } from "../../../app/secretariat/types";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** Blob.arrayBuffer where the engine has it, FileReader elsewhere (older WebViews, jsdom). */
const bytesOf = (file: Blob): Promise<ArrayBuffer> =>
  typeof file.arrayBuffer === "function"
    ? file.arrayBuffer()
    : new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(file);
      });

export const readFiles = async (list: FileList | File[]): Promise<PickedFile[]> =>
  Promise.all(
    Array.from(list).map(async (file) => ({ name: file.name, bytes: new Uint8Array(await bytesOf(file)) }))
  );

export interface FilePickerProps {
  label: string;
  /** Shown in the drop zone, e.g. "or drop the files here". */
  dropHint?: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: PickedFile[]) => void;
  testId?: string;
}

/**
 * A button that opens the file picker (the input itself is visually hidden but stays in the page, so
 * automation and assistive technology can reach it) and, around it, a zone to drop files on.
 */
export function FilePicker({
  label,
  dropHint,
  accept,
  multiple,
  disabled,
  onFiles,
  testId,
}: FilePickerProps) {
  const styles = useStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    onFiles(await readFiles(list));
    if (input.current) input.current.value = "";
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) void take(e.dataTransfer.files);
  };
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={testId ? `${testId}-zone` : undefined}
    >
      <input
        id={inputId}
        ref={input}
        className={styles.input}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        tabIndex={-1}
        aria-hidden
        data-testid={testId}
        onChange={(e) => void take(e.target.files)}
      />
      <Button icon={<ArrowUpload20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      {dropHint && <Text size={200}>{dropHint}</Text>}
    </div>
  );
}
