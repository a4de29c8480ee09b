#!/usr/bin/env node
/**
 * npm run test:e2e — browser end-to-end tests of the standalone page in real Chromium.
 *
 *   1. builds the page (npm run build) unless --no-build is given, and the office.js stand-in of the Excel-mode
 *      test (test/e2e/excel/officeShim.ts → dist-e2e-excel/officeShim.js, also when missing after --no-build);
 *   2. serves dist/ over plain http on 127.0.0.1, on a free port, with a tiny static server; the tests answer
 *      office.js's CDN address with the real library from @microsoft/office-js (test/e2e/harness.ts), which
 *      boots outside Office with no host, and block every other request that would leave the machine;
 *   3. runs test/e2e/*.e2e.ts with jest (ts-jest, node environment), one file after another, with
 *      E2E_BASE_URL, E2E_CHROMIUM and E2E_ARTIFACTS in the environment;
 *   4. prints the initial JavaScript per chunk (gzip) and the figures the tests wrote to artifacts/e2e-metrics.json
 *      (time from navigation to the first interactive screen), then exits with jest's status.
 *
 * Options: --no-build, and anything after `--` goes to jest (e.g. `npm run test:e2e -- --no-build -- -t member`).
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), E2E_HEADED=1 to watch.
 * Screenshots, downloads and metrics land in artifacts/ (git-ignored).
 */
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const path = require("node:path");
const zlib = require("node:zlib");
const { spawn, spawnSync } = require("node:child_process");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const SHIM_CONFIG = path.join(ROOT, "test", "e2e", "excel", "webpack.shim.cjs");
const SHIM = path.join(ROOT, "dist-e2e-excel", "officeShim.js");
const ARTIFACTS = path.join(ROOT, "artifacts");
const METRICS = path.join(ARTIFACTS, "e2e-metrics.json");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ico": "image/x-icon",
};

function parseArgs(argv) {
  const split = argv.indexOf("--");
  const own = split >= 0 ? argv.slice(0, split) : argv;
  const jestArgs = split >= 0 ? argv.slice(split + 1) : [];
  return { build: !own.includes("--no-build"), jestArgs };
}

/** Serves `dir` read-only; paths outside it are refused. Resolves with the server and its base URL. */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url || "/", "http://127.0.0.1");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "taskpane.html";
    const file = path.normalize(path.join(dir, rel));
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
        "Cache-Control": "no-store",
      });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({ server, baseUrl: `http://127.0.0.1:${port}/` });
    });
  });
}

/** The scripts taskpane.html loads at once, and every other chunk, with raw and gzip sizes. */
function bundleReport() {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // Minified HTML may leave attribute values unquoted: src=vendor.js or src="vendor.js".
  const initial = new Set(
    [...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)]
      .map((m) => m[1])
      .filter((src) => !/^[a-z]+:\/\//i.test(src)) // office.js from the CDN is not ours
      .map((src) => path.basename(src))
  );
  const rows = fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const bytes = fs.readFileSync(path.join(DIST, f));
      return {
        file: f,
        raw: bytes.length,
        gzip: zlib.gzipSync(bytes, { level: 9 }).length,
        initial: initial.has(f),
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  return { rows, initialGzip: rows.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function printBundle({ rows, initialGzip }) {
  console.log("\nJavaScript chunks (gzip -9):");
  for (const r of rows) {
    if (r.file.startsWith("commands.")) continue;
    console.log(
      `  ${r.initial ? "initial " : "lazy    "} ${kb(r.gzip).padStart(9)}  (${kb(r.raw).padStart(9)} raw)  ${r.file}`
    );
  }
  console.log(`  initial JS of the task pane: ${kb(initialGzip)} gzip (budget 350 KB)`);
}

function printMetrics() {
  if (!fs.existsSync(METRICS)) return;
  const metrics = JSON.parse(fs.readFileSync(METRICS, "utf8"));
  console.log("\nFigures from the browser:");
  for (const [name, m] of Object.entries(metrics))
    console.log(`  ${name}: ${m.value} ${m.unit}${m.note ? ` (${m.note})` : ""}`);
}

async function main() {
  const { build, jestArgs } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(CHROMIUM)) {
    console.error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`
    );
    process.exit(2);
  }
  if (build) {
    console.log("Building the page (npm run build)…");
    const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  if (build || !fs.existsSync(SHIM)) {
    console.log("Building the office.js stand-in of the Excel-mode test…");
    const r = spawnSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--config", SHIM_CONFIG],
      {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "inherit"],
      }
    );
    if (r.status !== 0) process.exit(r.status || 1);
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    console.error("dist/taskpane.html is missing: run without --no-build.");
    process.exit(2);
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.rmSync(METRICS, { force: true });

  const { server, baseUrl } = await serve(DIST);
  console.log(`Serving dist/ at ${baseUrl}`);
  let status = 1;
  try {
    const jestBin = require.resolve("jest/bin/jest");
    const config = {
      rootDir: ROOT,
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.e2e.ts"],
      transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
      testTimeout: 180000,
    };
    const child = spawn(
      process.execPath,
      [jestBin, "--config", JSON.stringify(config), "--runInBand", ...jestArgs],
      {
        cwd: ROOT,
        stdio: "inherit",
        env: {
          ...process.env,
          E2E_BASE_URL: baseUrl,
          E2E_CHROMIUM: CHROMIUM,
          E2E_ARTIFACTS: ARTIFACTS,
          E2E_OFFICE_SHIM: SHIM,
        },
      }
    );
    status = await new Promise((resolve) =>
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
    );
  } finally {
    server.close();
  }
  printBundle(bundleReport());
  printMetrics();
  console.log(`\nArtifacts (screenshots, downloads, metrics): ${path.relative(ROOT, ARTIFACTS)}/`);
  process.exit(status);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
