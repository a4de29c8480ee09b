import { FluentProvider } from "@fluentui/react-components";
import type { i18n as I18n } from "i18next";
import { I18nextProvider } from "react-i18next";
import type { DetectHost } from "../hostInfo";
import { THEMES, type ThemeKind } from "../theme";
import { App } from "./App";

export interface ShellProps {
  i18n: I18n;
  theme: ThemeKind;
  detectHost: DetectHost | null;
}

/** Providers (language, Fluent theme) around the app. */
export function Shell({ i18n, theme, detectHost }: ShellProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={THEMES[theme]} data-theme={theme}>
        <App detectHost={detectHost} />
      </FluentProvider>
    </I18nextProvider>
  );
}
