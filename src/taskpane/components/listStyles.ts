/**
 * The looks the pane's lists share. Lists stay <ul>/<ol> for screen readers (they announce "list, 5
 * items"); these only take the bullets and indent away and set the spacing.
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** A list without bullets or indent, its items stacked `gap` apart. */
export const stackedList = (gap: string): GriffelStyle => ({
  listStyleType: "none",
  margin: 0,
  padding: 0,
  display: "flex",
  flexDirection: "column",
  gap,
});

/** An item marked by a bar on its left in `color` (findings by severity, progress by state). */
export const barredItem = (color: string): GriffelStyle => ({
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalXXS,
  paddingLeft: tokens.spacingHorizontalS,
  borderLeft: `${tokens.strokeWidthThick} solid ${color}`,
  minWidth: 0,
});

/** A row of text and buttons, set off from the next by a thin rule. */
export const ruledRow: GriffelStyle = {
  display: "flex",
  flexWrap: "wrap",
  alignItems: "center",
  justifyContent: "space-between",
  gap: tokens.spacingHorizontalS,
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
};

/** An input or list that takes the pane's width and no more (at 320 px nothing scrolls sideways). */
export const paneWidth: GriffelStyle = {
  width: "100%",
  maxWidth: "100%",
  minWidth: 0,
  boxSizing: "border-box",
};

/** A fieldset of checkboxes or radios, stacked, without the browser's frame. */
export const plainFieldset: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  margin: 0,
  padding: 0,
  border: "none",
  minWidth: 0,
};
