/**
 * Number and date formatting for what councils read: Vietnamese conventions by default
 * (decimal comma, dot for thousands: "72,5", "1.234,5"; dates dd/MM/yyyy as on the official forms).
 *
 * Dates are assembled from Intl parts rather than trusting one locale's pattern, so the order is dd/MM/yyyy in
 * every engine (Excel's WebView2, WKWebView, browsers, Node).
 */
export type NumberLocale = "vi" | "en";

const NUMBER_LOCALES: Record<NumberLocale, string> = { vi: "vi-VN", en: "en-US" };

export interface NumberOptions {
  /** Digits after the decimal separator, at most (default 2). */
  maxDecimals?: number;
  /** Digits after the decimal separator, at least (default 0). */
  minDecimals?: number;
  /** "vi" (default): 1.234,5 — "en": 1,234.5 */
  locale?: NumberLocale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: NumberLocale, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${locale}|${minDecimals}|${maxDecimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALES[locale], {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: Math.max(minDecimals, maxDecimals),
      useGrouping: true,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** 72.5 → "72,5"; 1234.5 → "1.234,5"; NaN/±Infinity → "" (never print "NaN" on an official table). */
export function formatNumber(value: number, options: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return "";
  const { maxDecimals = 2, minDecimals = 0, locale = "vi" } = options;
  return numberFormat(locale, minDecimals, maxDecimals).format(value);
}

/** A score or mean with a fixed number of decimals: formatScore(72.5) → "72,5"; formatScore(72, 2) → "72,00". */
export function formatScore(value: number, decimals = 1, locale: NumberLocale = "vi"): string {
  return formatNumber(value, { minDecimals: decimals, maxDecimals: decimals, locale });
}

/**
 * Reads a number typed the Vietnamese way ("72,5", "1.234,5") or plainly ("72.5"); null when it is not a number.
 * A single dot followed by one or two digits is taken as a decimal point ("72.5"), since nobody groups thousands
 * in a score; otherwise dots are thousands separators.
 */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\s+/g, "");
  if (!s) return null;
  let normalised: string;
  if (s.includes(",")) {
    normalised = s.replace(/\./g, "").replace(",", ".");
  } else if (/^[-+]?\d+\.\d{1,2}$/.test(s)) {
    normalised = s;
  } else {
    normalised = s.replace(/\./g, "");
  }
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

const dateParts = new Intl.DateTimeFormat("en-US", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function parts(date: Date): Record<"day" | "month" | "year" | "hour" | "minute", string> {
  const out = { day: "", month: "", year: "", hour: "", minute: "" };
  for (const part of dateParts.formatToParts(date)) {
    if (part.type in out) out[part.type as keyof typeof out] = part.value;
  }
  return out;
}

/** Local date as dd/MM/yyyy: 5 March 2026 → "05/03/2026". Invalid dates → "". */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Local time and date as on Vietnamese minutes: "14:05 05/03/2026". Invalid dates → "". */
export function formatDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const p = parts(date);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}
