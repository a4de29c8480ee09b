import { Body1, makeStyles, MessageBar, MessageBarBody, Subtitle1, tokens } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { memberSheetName } from "../../app/member/sheet";
import type { SheetGrid } from "../../hosts/workbook";
import { describeError } from "../member/errors";
import { MemberPaneView } from "../member/MemberPane";
import { NS } from "../member/strings";
import { useMemberPane } from "../member/useMemberPane";
import { ScoreGrid } from "./ScoreGrid";
import type { StandaloneSession } from "./xlsxWorkspace";

const useStyles = makeStyles({
  work: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingVerticalM,
    alignItems: "start",
    "@media (min-width: 960px)": { gridTemplateColumns: "minmax(320px, 440px) minmax(0, 1fr)" },
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { margin: 0 },
});

/** The member pane beside the page's grid of the member's sheet, sharing one model. */
export default function StandaloneWork({ session }: { session: StandaloneSession }) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const model = useMemberPane(session.workspace);
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  const [writeError, setWriteError] = useState<string | null>(null);
  const gridHeadingId = useId();
  const sheetName = model.member ? memberSheetName(model.member) : null;

  // The grid shows what the model read: read the sheet again whenever the model did.
  useEffect(() => {
    if (!sheetName || !model.sheet) return;
    let live = true;
    session.workspace.host.readSheets([sheetName]).then(
      ({ sheets }) => live && setGrid(sheets[0] ?? null),
      () => live && setGrid(null)
    );
    return () => {
      live = false;
    };
  }, [session, sheetName, model.sheet]);

  return (
    <div className={styles.work}>
      <MemberPaneView workspace={session.workspace} model={model} />
      <section className={styles.section} aria-labelledby={gridHeadingId}>
        <Subtitle1 as="h2" id={gridHeadingId} className={styles.heading}>
          {t("standalone.gridHeading")}
        </Subtitle1>
        {grid && model.sheet && grid.name === model.sheet.sheet ? (
          <ScoreGrid
            grid={grid}
            sheet={model.sheet}
            selection={session.selection}
            busy={false}
            onWrite={async (cell, value) => {
              setWriteError(null);
              try {
                await session.workspace.host.apply({ plans: [], cellWrites: [{ ...cell, value }] });
              } catch (e) {
                setWriteError(describeError(e, t).message);
              }
            }}
          />
        ) : (
          <Body1 as="p">{t("standalone.noGrid")}</Body1>
        )}
        {writeError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{writeError}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    </div>
  );
}
