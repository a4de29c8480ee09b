/** The pieces message tables are built from: template types and placeholder filling, per language. */
import type { Finding } from "./findings";

export type Lang = "vi" | "en";
export type Params = Finding["params"];

/** Text with {param} placeholders, or a function of the parameters for the odd conditional. */
export type TemplateText = string | ((params: Params, lang: Lang) => string);
export interface Template {
  message: TemplateText;
  fix: TemplateText;
}
export type MessageTable<K extends string = string> = Record<K, Template>;
export interface MessageBook<K extends string = string> {
  vi: MessageTable<K>;
  en: MessageTable<K>;
}

/** Numbers as the reader writes them: "1,5" in Vietnamese, "1.5" in English; at most four decimals. */
export const formatNumber = (n: number, lang: Lang): string => {
  const text = String(Math.round(n * 1e4) / 1e4);
  return lang === "vi" ? text.replace(".", ",") : text;
};

/** A moment as the add-in stores it (ISO 8601, "2026-06-15T08:00:00.000Z"). */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const two = (n: number): string => String(n).padStart(2, "0");

/**
 * A stored moment as people read it, in the reader's own time zone, as Vietnamese minutes write it:
 * "15:00 15/06/2026". Text that is not such a moment is returned as it is.
 */
export const formatMoment = (text: string): string => {
  if (!ISO_MOMENT.test(text)) return text;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return text;
  return `${two(d.getHours())}:${two(d.getMinutes())} ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
};

// Lists use ";" in Vietnamese, where "," is the decimal mark.
const formatValue = (value: Params[string], lang: Lang): string => {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang)).join(lang === "vi" ? "; " : ", ");
  if (typeof value === "number") return formatNumber(value, lang);
  if (typeof value === "boolean") return lang === "vi" ? (value ? "có" : "không") : String(value);
  return formatMoment(value);
};

/** Fills {param} placeholders; a placeholder without a parameter is left as it is, so a test can see it. */
export const interpolate = (template: string, params: Params, lang: Lang): string =>
  template.replace(/\{(\w+)\}/gu, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? formatValue(params[key]!, lang) : whole
  );

export const render = (text: TemplateText, params: Params, lang: Lang): string =>
  typeof text === "function" ? text(params, lang) : interpolate(text, params, lang);
