/**
 * The frame the pane's pages share (the member pane and both standalone pages): a column of bordered sections,
 * each named by an h2 under the pane's h1 so a screen reader's heading list reads like the page.
 */
import { makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
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
});

export function Page({ children, testId }: { children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid={testId}>
      {children}
    </div>
  );
}

export function PageSection({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id} data-testid={testId}>
      <Subtitle1 as="h2" id={id} className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </section>
  );
}
