/**
 * Which Fluent theme the pane uses: high contrast when the system forces colours (Windows contrast themes), else
 * dark when the Office theme's background is dark (Office "Black"/"Dark Grey"), else light.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeKind = "light" | "dark" | "highContrast";

/** Relative luminance (WCAG) of "#RRGGBB" or "RRGGBB"; null when it is not such a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const channel = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
}

export function pickThemeKind(input: { forcedColors: boolean; officeBodyBackground?: string }): ThemeKind {
  if (input.forcedColors) return "highContrast";
  const l = input.officeBodyBackground ? luminance(input.officeBodyBackground) : null;
  // Office's Dark Grey body is #666666-ish (≈0.13) and Black #262626 (≈0.02); Colorful/White are ≥0.8.
  return l !== null && l < 0.2 ? "dark" : "light";
}

export const THEMES: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

export const FORCED_COLORS_QUERY = "(forced-colors: active)";
