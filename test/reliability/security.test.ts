/**
 * The add-in asks for no more than it needs and sends nothing anywhere:
 *  - manifest.xml declares ReadWriteDocument (the least that lets the Excel API write sheets) and no
 *    AppDomains; every address in it is on the add-in's own origin;
 *  - the built pages load one remote script, office.js from Microsoft's CDN, and nothing else remote;
 *  - the built JavaScript has no network API (fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource,
 *    importScripts, tracking images) and no script or resource load to an absolute address; the only
 *    script elements created are webpack's own chunks (public path "auto": the page's origin).
 * dist/ is what CI builds before the tests (`npm run build`); when it is missing (or OCOP_REBUILD_DIST
 * is set) the test builds it with webpack's node API first (into OCOP_DIST_DIR when that is set).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const DIST = process.env.OCOP_DIST_DIR ?? join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const build = (): Promise<void> =>
  new Promise((resolve, reject) => {
    const load = createRequire(__filename);
    const webpack = load("webpack") as (
      config: unknown,
      cb: (err: Error | null, stats?: { hasErrors(): boolean; toString(o: string): string }) => void
    ) => void;
    const config = (
      load(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => { output: { path: string } }
    )({}, { mode: "production" });
    config.output.path = DIST;
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    });
  });

let files: { name: string; text: string }[];

beforeAll(async () => {
  if (process.env.OCOP_REBUILD_DIST || !existsSync(join(DIST, "taskpane.html"))) await build();
  files = readdirSync(DIST)
    .filter((n) => /\.(js|html)$/.test(n))
    .map((name) => ({ name, text: readFileSync(join(DIST, name), "utf8") }));
}, 600_000);

describe("manifest.xml", () => {
  for (const which of ["source", "built"] as const) {
    it(`(${which}) asks for ReadWriteDocument only, declares no AppDomains, and names only its own origin`, () => {
      const xml = readFileSync(
        which === "source" ? join(ROOT, "manifest.xml") : join(DIST, "manifest.xml"),
        "utf8"
      ).replace(/<!--[\s\S]*?-->/g, "");
      expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1]!.trim())).toEqual([
        "ReadWriteDocument",
      ]);
      expect(xml).not.toMatch(/<AppDomains?\b/);
      // Schema namespaces aside, every address is the add-in's own (https://localhost:3000/ or ADDIN_PUBLIC_URL).
      const urls = [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
      expect(urls.length).toBeGreaterThan(3);
      const origins = new Set(urls.map((u) => new URL(u).origin));
      expect(origins.size).toBe(1);
      expect([...origins][0]).toMatch(/^https:\/\//);
    });
  }
});

describe("built pages and bundle (dist/)", () => {
  it("the HTML pages load office.js from Microsoft's CDN and nothing else remote", () => {
    const pages = files.filter((f) => f.name.endsWith(".html"));
    expect(pages.map((p) => p.name)).toEqual(expect.arrayContaining(["taskpane.html", "commands.html"]));
    for (const page of pages) {
      const scripts = [...page.text.matchAll(/<script\b[^>]*?\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
      const remote = scripts.filter((s) => /^(https?:)?\/\//.test(s));
      expect({ page: page.name, remote }).toEqual({ page: page.name, remote: [OFFICE_JS] });
      // No other remote resource: stylesheets, fonts, images, frames, forms.
      const refs = [
        ...page.text.matchAll(/\b(?:href|src|action|srcset)=["']?((?:https?:)?\/\/[^"' >]+)/g),
      ].map((m) => m[1]!);
      expect(refs.filter((r) => r !== OFFICE_JS)).toEqual([]);
      // No inline script.
      expect(
        [...page.text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
          .map((m) => m[1]!.trim())
          .filter(Boolean)
      ).toEqual([]);
    }
  });

  const NETWORK = [
    /\bfetch\s*\(/,
    /\bXMLHttpRequest\b/,
    /\bWebSocket\b/,
    /\bsendBeacon\b/,
    /\bEventSource\b/,
    /\bimportScripts\s*\(/,
    /\bnew\s+Image\s*\(/,
    /\bnavigator\.serviceWorker\b/,
    /\bRTCPeerConnection\b/,
  ];

  it("the JavaScript has no network API", () => {
    const js = files.filter((f) => f.name.endsWith(".js"));
    expect(js.length).toBeGreaterThan(2);
    const hits = js.flatMap((f) =>
      NETWORK.filter((re) => re.test(f.text)).map((re) => `${f.name}: ${re.source}`)
    );
    expect(hits).toEqual([]);
  });

  it("nothing in the JavaScript loads from an absolute address", () => {
    const js = files.filter((f) => f.name.endsWith(".js"));
    // Element sources and targets, CSS url(), and setAttribute("src"/"href", …) with an absolute address.
    // (Plain strings such as XML namespaces, citation links in the criteria data or a library's package.json
    // "bugs.url" are data, not loads.)
    const absolute =
      /\b(?:src|href|action|srcset|formAction|poster)\s*[:=]\s*["'`](?:https?:)?\/\/|\burl\(\s*["']?(?:https?:)?\/\/|setAttribute\(\s*["'](?:src|href)["']\s*,\s*["'`](?:https?:)?\/\//g;
    const hits = js.flatMap((f) => [...f.text.matchAll(absolute)].map((m) => `${f.name}: ${m[0]}`));
    expect(hits).toEqual([]);
    // webpack's chunk loader resolves chunks against the page's own origin (public path "auto").
    const runtime = js.find((f) => f.text.includes('setAttribute("data-webpack"'));
    expect(runtime).toBeDefined();
    expect(runtime!.text).toContain("Automatic publicPath is not supported");
    expect(js.some((f) => /\.p\s*=\s*["'`]https?:/.test(f.text))).toBe(false);
  });
});
