/**
 * The secretariat outside Office: the council workbook is an .xlsx file held in this page's memory. Start a
 * new one or open one from disk, work through the steps, then download it. Nothing leaves the machine.
 */
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentAdd20Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PickedFile } from "../../app/secretariat/types";
import { asciiName } from "../../app/secretariat/secretariat";
import type { FileWorkbook } from "../../app/workbookFiles";
import { standaloneWorkbooks } from "../compose/standalone";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Page, PageSection } from "../components/Page";
import { Emitter, MemorySelection, type Workspace } from "../member/workspace";
import { dropDraft, loadDraft, type Draft } from "../standalone/draftStore";
import { useDraftKeeper, type DraftSource } from "../standalone/useDraftKeeper";
import { formatDateTime } from "../format";
import { downloadInBrowser, type Download } from "../standalone/download";
import { FilePicker } from "./parts/FilePicker";
import SecretariatPane from "./SecretariatPane";
import { NS } from "./strings";
import { errorMessage } from "./errors";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

interface Opened {
  workspace: Workspace;
  xlsx: FileWorkbook;
  fileName: string;
  key: number;
  /** Every write to the workbook, and every download of it (for the kept copy and the close question). */
  changes: Emitter<void>;
  saved: Emitter<void>;
}

/** A workspace over an in-memory workbook: selecting a cell makes it the active cell of the file to download. */
export const standaloneWorkspace = (xlsx: FileWorkbook, fileName: string, download: Download): Workspace => {
  const selection = new MemorySelection();
  return {
    kind: "standalone",
    host: xlsx,
    selection,
    fileName,
    async select(cell) {
      selection.set(cell);
      await xlsx.apply({ plans: [], select: cell });
    },
    async save() {
      download(await xlsx.toBuffer(), fileName);
      return { kind: "downloaded", fileName };
    },
  };
};

export function StandaloneSecretariat({ download = downloadInBrowser }: { download?: Download }) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState(false);
  /** A copy kept from an earlier visit, offered back until a workbook is opened. */
  const [draft, setDraft] = useState<Draft | null>(null);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let live = true;
    loadDraft("secretariat").then(
      (d) => live && setDraft(d),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, []);
  const adopt = (xlsx: FileWorkbook, fileName: string, fromDraft = false) => {
    setDraft(null);
    setRestored(fromDraft);
    const changes = new Emitter<void>();
    const saved = new Emitter<void>();
    // Every step writes through apply: tell the draft keeper after each write, and after each download.
    const apply = xlsx.apply.bind(xlsx);
    xlsx.apply = async (request) => {
      await apply(request);
      changes.emit();
    };
    const save = (bytes: Uint8Array, name: string) => {
      download(bytes, name);
      saved.emit();
    };
    setOpened((o) => ({
      workspace: standaloneWorkspace(xlsx, fileName, save),
      xlsx,
      fileName,
      key: (o?.key ?? 0) + 1,
      changes,
      saved,
    }));
  };
  const source = useMemo<DraftSource | null>(
    () =>
      opened
        ? {
            fileName: opened.fileName,
            unsavedAtStart: restored,
            snapshot: () => opened.xlsx.toBuffer(),
            onChange: (listener) => opened.changes.on(listener),
            onSaved: (listener) => opened.saved.on(listener),
          }
        : null,
    [opened, restored]
  );
  const { unsaved } = useDraftKeeper("secretariat", source);
  const close = () => {
    setConfirmClose(false);
    setOpened(null);
    void dropDraft("secretariat");
  };
  const restore = async (d: Draft) => {
    setError(null);
    try {
      adopt(await standaloneWorkbooks.open(d.bytes, d.fileName), d.fileName, d.unsaved);
    } catch (e) {
      setError(t("standalone.unreadable", { file: d.fileName, detail: errorMessage(e, t) }));
    }
  };
  const create = () => {
    setError(null);
    const name = `${asciiName(t("standalone.newFileName", { year: new Date().getFullYear() }))}.xlsx`;
    adopt(standaloneWorkbooks.create(name), name);
  };
  const open = async (file: PickedFile) => {
    setError(null);
    try {
      adopt(await standaloneWorkbooks.open(file.bytes, file.name), file.name);
    } catch (e) {
      setError(t("standalone.unreadable", { file: file.name, detail: errorMessage(e, t) }));
    }
  };

  return (
    <Page>
      <PageSection title={t("standalone.heading")}>
        <Body1 as="p">{t("standalone.intro")}</Body1>
        {!opened && draft && (
          <MessageBar intent="warning" layout="multiline" data-testid="restore-offer">
            <MessageBarBody>
              {t("standalone.draft", { file: draft.fileName, time: formatDateTime(new Date(draft.savedAt)) })}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={() => void restore(draft)}>
                {t("standalone.restore")}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setDraft(null);
                  void dropDraft("secretariat");
                }}
              >
                {t("standalone.discard")}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {opened ? (
          <div className={styles.row}>
            <Body1 data-testid="council-file">{t("standalone.working", { file: opened.fileName })}</Body1>
            <Button
              size="small"
              icon={<ArrowDownload20Regular />}
              onClick={() => void opened.workspace.save("")}
              data-testid="download-council"
            >
              {t("standalone.download")}
            </Button>
            <Button
              size="small"
              icon={<Dismiss16Regular />}
              onClick={() => (unsaved ? setConfirmClose(true) : close())}
            >
              {t("standalone.close")}
            </Button>
          </div>
        ) : (
          <>
            <div className={styles.row}>
              <Button
                appearance="primary"
                icon={<DocumentAdd20Regular />}
                onClick={create}
                data-testid="new-council"
              >
                {t("standalone.new")}
              </Button>
            </div>
            <FilePicker
              label={t("standalone.open")}
              dropHint={t("standalone.dropHint")}
              accept=".xlsx"
              testId="open-council"
              onFiles={(files) => files[0] && void open(files[0])}
            />
          </>
        )}
        {error && (
          <MessageBar layout="multiline" intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </PageSection>
      {confirmClose && opened && (
        <ConfirmDialog
          title={t("standalone.closeTitle")}
          text={t("standalone.closeText", { file: opened.fileName })}
          confirm={t("standalone.closeConfirm")}
          cancel={t("standalone.closeCancel")}
          onConfirm={close}
          onCancel={() => setConfirmClose(false)}
          testId="confirm-close"
        />
      )}
      {opened && (
        <SecretariatPane
          workbooks={standaloneWorkbooks}
          key={opened.key}
          workspace={opened.workspace}
          download={download}
          saveWorkbook={async () => {
            await opened.workspace.save("");
          }}
        />
      )}
    </Page>
  );
}
