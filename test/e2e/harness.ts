/**
 * Shared set-up for the browser tests run by scripts/e2e.cjs: Chromium through playwright-core, the page served
 * from dist/ on 127.0.0.1, every request that would leave the machine blocked and recorded (office.js from
 * Microsoft's CDN is expected: blocking it makes it fail at once, as offline), artifacts and metrics.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "";
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.join(__dirname, "..", "..", "artifacts");
const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
const METRICS = path.join(ARTIFACTS, "e2e-metrics.json");

export const OFFICE_CDN = "appsforoffice.microsoft.com";

if (!BASE_URL) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.");

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.E2E_HEADED !== "1",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave 127.0.0.1 (all were blocked). */
  external: string[];
  /** Errors the page threw or logged. */
  errors: string[];
}

/** A fresh context (no storage), downloads accepted, nothing allowed off the machine. */
export const openContext = async (
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 900 }
): Promise<OpenedPage> => {
  const context = await browser.newContext({ acceptDownloads: true, viewport, locale: "vi-VN" });
  const external: string[] = [];
  const errors: string[] = [];
  const local = new URL(BASE_URL).host;
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === local || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    external.push(url.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = m.text();
    // The blocked office.js script is expected to fail.
    if (/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return { context, page, external, errors };
};

export const artifact = (name: string): string => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
};

/** Adds figures to artifacts/e2e-metrics.json (the runner prints them at the end). */
export const recordMetric = (name: string, value: number, unit: string, note?: string): void => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const all = fs.existsSync(METRICS)
    ? (JSON.parse(fs.readFileSync(METRICS, "utf8")) as Record<string, unknown>)
    : {};
  all[name] = { value, unit, ...(note ? { note } : {}) };
  fs.writeFileSync(METRICS, JSON.stringify(all, null, 2));
};
