/**
 * The member pane's words live in their own i18next namespace, shipped with the member's chunk and added to the
 * pane's i18n instance when the views load, so the initial bundle carries none of them.
 */
import type { i18n as I18n } from "i18next";
import en from "./i18n/en.json";
import vi from "./i18n/vi.json";

export const NS = "member";

/** Idempotent: adds the namespace to this i18n instance once. */
export const ensureMemberStrings = (i18n: I18n): void => {
  if (i18n.hasResourceBundle("vi", NS)) return;
  i18n.addResourceBundle("vi", NS, vi, true, false);
  i18n.addResourceBundle("en", NS, en, true, false);
};

export type Lang = "vi" | "en";
export const langOf = (language: string): Lang => (language === "en" ? "en" : "vi");
