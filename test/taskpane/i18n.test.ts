/** @jest-environment jsdom */
import en from "../../src/taskpane/i18n/en.json";
import vi from "../../src/taskpane/i18n/vi.json";
import { createI18n, languageFromOffice, pickLanguage, storeLanguage } from "../../src/taskpane/i18n";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

beforeEach(() => localStorage.clear());

test("Vietnamese and English have the same keys, none empty", () => {
  expect(keys(en).sort()).toEqual(keys(vi).sort());
  for (const key of keys(vi)) {
    const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], vi);
    expect(typeof text === "string" && text.trim()).toBeTruthy();
  }
});

test("Office's display language picks the default; Vietnamese when unknown", () => {
  expect(languageFromOffice("vi-VN")).toBe("vi");
  expect(languageFromOffice("en-US")).toBe("en");
  expect(languageFromOffice("fr-FR")).toBe("en");
  expect(languageFromOffice(undefined)).toBeUndefined();
  expect(pickLanguage(undefined)).toBe("vi");
  expect(pickLanguage("en-GB")).toBe("en");
});

test("the user's stored choice wins over Office's language", () => {
  storeLanguage("vi");
  expect(pickLanguage("en-US")).toBe("vi");
});

test("instances are independent and translate at once", () => {
  const a = createI18n("vi");
  const b = createI18n("en");
  expect(a.t("host.heading")).toBe("Môi trường");
  expect(b.t("host.heading")).toBe("Environment");
  expect(a.t("host.excel", { platform: "Mac" })).toBe("Đang chạy trong Excel (Mac).");
});
