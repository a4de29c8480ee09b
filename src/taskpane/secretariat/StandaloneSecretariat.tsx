/**
 * The secretariat outside Office: the council workbook is an .xlsx file held in this page's memory. Start a
 * new one or open one from disk, work through the steps, then download it. Nothing leaves the machine.
 */
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentAdd20Regular, Dismiss16Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PickedFile } from "../../app/secretariat/types";
import { asciiName } from "../../app/secretariat/secretariat";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { Page, PageSection } from "../components/Page";
import { MemorySelection, type Workspace } from "../member/workspace";
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
  xlsx: PartsHost;
  fileName: string;
  key: number;
}

/** A workspace over an in-memory workbook: selecting a cell makes it the active cell of the file to download. */
export const standaloneWorkspace = (xlsx: PartsHost, fileName: string, download: Download): Workspace => {
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
  const adopt = (xlsx: PartsHost, fileName: string) =>
    setOpened((o) => ({
      workspace: standaloneWorkspace(xlsx, fileName, download),
      xlsx,
      fileName,
      key: (o?.key ?? 0) + 1,
    }));
  const create = () => {
    setError(null);
    const name = `${asciiName(t("standalone.newFileName", { year: new Date().getFullYear() }))}.xlsx`;
    adopt(PartsHost.createEmpty({ fileName: name }), name);
  };
  const open = async (file: PickedFile) => {
    setError(null);
    try {
      adopt(await PartsHost.fromBuffer(file.bytes, { fileName: file.name }), file.name);
    } catch (e) {
      setError(t("standalone.unreadable", { file: file.name, detail: errorMessage(e, t) }));
    }
  };

  return (
    <Page>
      <PageSection title={t("standalone.heading")}>
        <Body1 as="p">{t("standalone.intro")}</Body1>
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
            <Button size="small" icon={<Dismiss16Regular />} onClick={() => setOpened(null)}>
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
      {opened && (
        <SecretariatPane
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
