/**
 * i18next for the pane: Vietnamese first (the councils' language), English second.
 *
 * Which language opens: the user's last choice on this machine (localStorage), else Office's display language
 * (`vi-*` → Vietnamese, any other Office language → English, since a non-Vietnamese Office user reads English more
 * likely than Vietnamese), else Vietnamese (a plain browser, or Office not answering).
 */
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import vi from "./vi.json";

export type Language = "vi" | "en";
export const LANGUAGES: readonly Language[] = ["vi", "en"];
export const DEFAULT_LANGUAGE: Language = "vi";

const STORAGE_KEY = "ocop.language";

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}

/** Office's display language ("vi-VN", "en-US", "fr-FR", …) → the pane's language; undefined when unknown. */
export function languageFromOffice(displayLanguage: string | undefined): Language | undefined {
  if (!displayLanguage) return undefined;
  return displayLanguage.toLowerCase().startsWith("vi") ? "vi" : "en";
}

export function storedLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage blocked (privacy settings, some WebViews)
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered; the switch still works for this session
  }
}

export function pickLanguage(officeDisplayLanguage: string | undefined): Language {
  return storedLanguage() ?? languageFromOffice(officeDisplayLanguage) ?? DEFAULT_LANGUAGE;
}

/** A separate i18next instance per pane (and per test), initialised synchronously from bundled resources. */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
