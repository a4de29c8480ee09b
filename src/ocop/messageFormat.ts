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

// Lists use ";" in Vietnamese, where "," is the decimal mark.
const formatValue = (value: Params[string], lang: Lang): string => {
  if (value === null) return "";
  if (Array.isArray(value)) return value.map((v) => formatValue(v, lang)).join(lang === "vi" ? "; " : ", ");
  if (typeof value === "number") return formatNumber(value, lang);
  if (typeof value === "boolean") return lang === "vi" ? (value ? "có" : "không") : String(value);
  return value;
};

/** Fills {param} placeholders; a placeholder without a parameter is left as it is, so a test can see it. */
export const interpolate = (template: string, params: Params, lang: Lang): string =>
  template.replace(/\{(\w+)\}/gu, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? formatValue(params[key]!, lang) : whole
  );

export const render = (text: TemplateText, params: Params, lang: Lang): string =>
  typeof text === "function" ? text(params, lang) : interpolate(text, params, lang);
