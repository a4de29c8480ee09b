/**
 * Time from navigation to the first interactive screen of the task pane in headless Chromium: the build served
 * on 127.0.0.1, office.js's CDN (and anything else off the machine) blocked as when offline, measured in the page
 * (performance.now() from the navigation's start) at the moment the first screen's "Mở phiên mẫu" button is in the
 * document and enabled — the same definition as the e2e run (test/e2e/member.e2e.ts).
 */
import { existsSync, readFile, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { chromium } from "playwright-core";
import { median, millis, type Report } from "./report";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const BUTTON = "Mở phiên mẫu";
const E2E_METRICS = join(__dirname, "..", "artifacts", "e2e-metrics.json");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
};

const serve = (dir: string): Promise<{ server: Server; url: string }> =>
  new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      let rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
      if (rel.endsWith("/")) rel += "taskpane.html";
      const file = normalize(join(dir, rel));
      if (!file.startsWith(dir + sep)) return void res.writeHead(403).end();
      readFile(file, (err, body) => {
        if (err) return void res.writeHead(404).end();
        res.writeHead(200, {
          "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
          "Cache-Control": "no-store",
        });
        res.end(body);
      });
    });
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve({
        server,
        url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`,
      });
    });
  });

/** Navigation start → the first screen's button in the document and enabled, in ms; one fresh context per run. */
export const measureTti = async (dir: string, runs: number): Promise<number[]> => {
  const { server, url } = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
      const local = new URL(url).host;
      await context.route("**/*", (route) => {
        const u = new URL(route.request().url());
        return u.host === local || u.protocol === "data:" || u.protocol === "blob:"
          ? route.continue()
          : route.abort("internetdisconnected");
      });
      const page = await context.newPage();
      // A string, not a function: tsx's helpers (__name) don't exist in the page.
      await page.addInitScript(`(() => {
        const label = ${JSON.stringify(BUTTON)};
        const seen = () => {
          if (window.__firstInteractive !== undefined) return;
          for (const b of document.querySelectorAll("button"))
            if (b.textContent && b.textContent.includes(label) && !b.disabled) {
              window.__firstInteractive = performance.now();
              observer.disconnect();
              return;
            }
        };
        const observer = new MutationObserver(seen);
        document.addEventListener("DOMContentLoaded", () => {
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          seen();
        });
      })();`);
      await page.goto(`${url}taskpane.html`);
      await page.waitForFunction(
        () => (window as unknown as { __firstInteractive?: number }).__firstInteractive !== undefined,
        undefined,
        { timeout: 30000 }
      );
      times.push(
        await page.evaluate(() => (window as unknown as { __firstInteractive: number }).__firstInteractive)
      );
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    server.close();
  }
};

export const ttiBench = async (report: Report, dir: string, opts: { quick: boolean }): Promise<void> => {
  const section = "Task pane start";
  const runs = opts.quick ? 3 : 5;
  report.section(`${section}: headless Chromium, office.js blocked, ${runs} fresh page loads`);
  if (!existsSync(CHROMIUM)) {
    report.check(
      section,
      "time to the first interactive screen",
      `no Chromium at ${CHROMIUM}`,
      "measured",
      false
    );
    return;
  }
  const times = await measureTti(dir, runs);
  report.check(
    section,
    `navigation → "${BUTTON}" enabled, median`,
    millis(median(times)),
    "printed; the issue sets no budget",
    true
  );
  report.info(`runs: ${times.map((t) => millis(t)).join(", ")}`);
  if (existsSync(E2E_METRICS)) {
    const metrics = JSON.parse(readFileSync(E2E_METRICS, "utf8")) as Record<
      string,
      { value: number; unit: string }
    >;
    const m = metrics["time to first interactive screen"];
    if (m)
      report.info(
        `last e2e run (npm run test:e2e, ${statSync(E2E_METRICS).mtime.toISOString().slice(0, 16)}): ${m.value} ${m.unit}`
      );
  }
};
