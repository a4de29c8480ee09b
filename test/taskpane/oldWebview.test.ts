/**
 * taskpane.html's first script, assets/old-webview.js, for old Windows webviews (Trident, EdgeHTML): in ES5, it shows a plain
 * Vietnamese and English message instead of a blank pane, and leaves a current webview alone. The page is run
 * in jsdom with the browser's user agent; office.js and the bundle are not loaded (no network).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { JSDOM } from "jsdom";

const ROOT = join(__dirname, "..", "..");
const template = readFileSync(join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
const script = readFileSync(join(ROOT, "assets", "old-webview.js"), "utf8");
const TAG = '<script src="assets/old-webview.js"></script>';
/** The page with the check's file put in its tag's place (jsdom loads no script files here: no network). */
const html = template.replace(TAG, `<script>${script}</script>`);

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
};

/** The page loaded (the check shows its message once the document is parsed). */
const open = async (userAgent: string, beforeParse?: (w: Window) => void): Promise<Window> => {
  // The agent is set on navigator itself: jsdom's own option goes through a resource loader, which would fetch
  // office.js from the network.
  const w = new JSDOM(html, {
    runScripts: "dangerously",
    beforeParse: (win) => {
      Object.defineProperty(win.navigator, "userAgent", { value: userAgent });
      beforeParse?.(win as unknown as Window);
    },
  }).window;
  if (w.document.readyState !== "complete") await new Promise((r) => w.addEventListener("load", r));
  return w as unknown as Window;
};

const alertOf = (w: Window) => w.document.querySelector('[role="alert"]');

it("is ES5, so the oldest webview parses it, and the page loads it first", () => {
  expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
  // Before office.js and before the bundle (webpack adds its scripts later in <head>, deferred).
  const at = template.indexOf(TAG);
  expect(at).toBeGreaterThan(0);
  expect(at).toBeLessThan(template.indexOf("<script", template.indexOf(TAG) + TAG.length));
  expect(template.indexOf("<script")).toBe(at);
});

it.each([
  ["Internet Explorer (Trident)", UA.ie11],
  ["the old Edge (EdgeHTML)", UA.edgeHtml],
])("in %s: a message in Vietnamese and English instead of a blank pane", async (_name, userAgent) => {
  const w = await open(userAgent);
  const alert = alertOf(w);
  expect(alert?.querySelector('[lang="vi"]')?.textContent).toContain(
    "Phiên bản Office này không chạy được ngăn OCOP Chấm điểm"
  );
  expect(alert?.querySelector('[lang="vi"]')?.textContent).toContain("WebView2");
  expect(alert?.querySelector('[lang="en"]')?.textContent).toContain(
    "cannot run the OCOP Council Scoring pane"
  );
  // The bundle finds no container, so nothing half-starts over the message.
  expect(w.document.getElementById("container")).toBeNull();
  w.close();
});

it("in a webview without ES2020 (no Promise.allSettled), whatever it calls itself: the message", async () => {
  const w = await open(UA.webView2, (win) => {
    delete (win as unknown as { Promise: { allSettled?: unknown } }).Promise.allSettled;
  });
  expect(alertOf(w)).not.toBeNull();
  w.close();
});

it("in WebView2 (and any current browser): no message, the container stays for the bundle", async () => {
  const w = await open(UA.webView2);
  expect(alertOf(w)).toBeNull();
  expect(w.document.getElementById("container")).not.toBeNull();
  w.close();
});
