/** Text for screen readers only: out of sight, still read (the usual clip pattern). */
import type { GriffelStyle } from "@fluentui/react-components";

export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
