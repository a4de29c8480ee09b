/** Renders member views the way the pane does: the pane's i18n (with the member namespace) and a Fluent theme. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n, type Language } from "../../i18n";
import { ensureMemberStrings } from "../strings";

export const renderPane = (ui: ReactElement, language: Language = "vi") => {
  const i18n = createI18n(language);
  ensureMemberStrings(i18n);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>
  );
  return { ...result, i18n };
};
