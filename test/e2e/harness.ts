/**
 * Shared set-up for the browser tests run by scripts/e2e.cjs: Chromium through playwright-core, the page served
 * from dist/ on 127.0.0.1, office.js answered from the @microsoft/office-js package on this machine (the real
 * library, as Microsoft's CDN would serve it: outside Office it boots with no host), every other request that would
 * leave the machine blocked and recorded, artifacts and metrics.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "";
export const ARTIFACTS = process.env.E2E_ARTIFACTS ?? path.join(__dirname, "..", "..", "artifacts");
const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
const METRICS = path.join(ARTIFACTS, "e2e-metrics.json");

export const OFFICE_CDN = "appsforoffice.microsoft.com";
/** The CDN folder taskpane.html loads office.js from, and the package folder holding the same files. */
const OFFICE_HOSTED = `https://${OFFICE_CDN}/lib/1/hosted/`;
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/**
 * office.js itself asks for more than its own files: outside Office it opens a telemetry frame on another
 * Microsoft host. That request is blocked like any other (nothing leaves the machine) and is the only one the
 * tests accept in `external`.
 */
const OFFICE_TELEMETRY_HOST = "telemetryservice.firstpartyapps.oaspapps.com";
export const fromOfficeJs = (url: string): boolean =>
  url.startsWith(OFFICE_HOSTED) || new URL(url).host === OFFICE_TELEMETRY_HOST;

/** The local file for a CDN address of office.js (or of a file it loads after itself), or null. */
export const officeJsFile = (url: string): string | null => {
  if (!url.startsWith(OFFICE_HOSTED)) return null;
  const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(OFFICE_HOSTED).pathname.length));
  const file = path.resolve(OFFICE_JS_DIST, rel);
  if (!file.startsWith(OFFICE_JS_DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
    return null;
  return file;
};

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
  /** CDN addresses of office.js and its own files, answered from the package on this machine. */
  officeJs: string[];
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
  const officeJs: string[] = [];
  const errors: string[] = [];
  const local = new URL(BASE_URL).host;
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.host === local || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    const file = officeJsFile(url.href);
    if (file) {
      officeJs.push(url.href);
      return route.fulfill({ path: file, contentType: "text/javascript; charset=utf-8" });
    }
    external.push(url.href);
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = m.text();
    // A blocked request (recorded in `external`, which the tests check) also logs this line.
    if (/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(text)) return;
    errors.push(`console: ${text}`);
  });
  return { context, page, external, officeJs, errors };
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

const AXE_SCRIPT = require.resolve("axe-core/axe.min.js");
export const DOCS_IMAGES = path.join(__dirname, "..", "..", "docs", "images");

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now (axe is injected on first use). */
export const axeProblems = async (page: Page): Promise<AxeProblem[]> => {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  // Colours are judged as they settle: a button just clicked is still fading between its hover and pressed
  // colours (Fluent's transitions), and axe measured that frame on a slow machine (2.76:1 on "English").
  if (!(await page.evaluate(() => document.getElementById("e2e-no-motion") !== null)))
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.id = "e2e-no-motion";
      style.textContent =
        "*, *::before, *::after { transition: none !important; animation: none !important; }";
      document.head.append(style);
    });
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? "",
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(" ")),
      }));
  });
};

/** How far the page scrolls sideways (0 when everything fits the width). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The checks every screen passes, at each width given (default 320 and 500 px, the task pane's range): no
 * sideways scrolling, no serious or critical axe violation. The viewport is put back afterwards.
 */
export const checkScreen = async (
  page: Page,
  name: string,
  options: { widths?: number[]; docShot?: string } = {}
): Promise<void> => {
  const { widths = [320, 500], docShot } = options;
  const before = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: before?.height ?? 900 });
    // The README's pictures: each screen as it looks in the narrowest task pane.
    if (docShot && width === 320) {
      fs.mkdirSync(DOCS_IMAGES, { recursive: true });
      await page.screenshot({ path: path.join(DOCS_IMAGES, docShot), animations: "disabled" });
    }
    const overflow = await horizontalOverflow(page);
    const problems = await axeProblems(page);
    // E2E_SURVEY=1 lists every screen's problems instead of stopping at the first (for fixing many at once).
    if (process.env.E2E_SURVEY === "1") {
      if (overflow || problems.length)
        console.log(JSON.stringify({ name, width, overflow, problems }, null, 1));
      continue;
    }
    expect([name, width, overflow]).toEqual([name, width, 0]);
    expect([name, width, problems]).toEqual([name, width, []]);
  }
  if (before) await page.setViewportSize(before);
};

/** What has the focus: its role or type, and its accessible name as far as the page says. */
export const focused = (page: Page): Promise<{ tag: string; type: string; role: string; text: string }> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      type: el?.getAttribute("type") ?? "",
      role: el?.getAttribute("role") ?? "",
      text: (el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim(),
    };
  });
