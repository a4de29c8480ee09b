import { Button, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { useId, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  heading: { margin: 0 },
  toggle: { justifyContent: "flex-start", paddingLeft: 0, minWidth: 0, textAlign: "left" },
});

export interface PanelProps {
  title: string;
  children: ReactNode;
  /** A heading button shows and hides the content (closed at first). */
  collapsible?: boolean;
  testId?: string;
}

/** A titled section of a step; the heading is an h3 so a screen reader's heading list reads like the pane. */
export function Panel({ title, children, collapsible, testId }: PanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(!collapsible);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={testId}>
      <Subtitle1 as="h3" id={headingId} className={styles.heading}>
        {collapsible ? (
          <Button
            appearance="transparent"
            className={styles.toggle}
            icon={open ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            {title}
          </Button>
        ) : (
          title
        )}
      </Subtitle1>
      <div id={bodyId} hidden={!open} style={{ display: open ? "contents" : "none" }}>
        {children}
      </div>
    </section>
  );
}
