#!/usr/bin/env node
/**
 * npm start — builds the add-in in development mode and serves it with webpack-dev-server on port 3000, in the
 * background, then prints where the task pane is and how to sideload the manifest into Excel.
 *
 *   npm start                     start (or report the server already started)
 *   npm start -- --foreground     run in this terminal instead (Ctrl+C stops it)
 *   npm run stop                  (= node scripts/start.cjs --stop) stop the server this script started
 *
 * Transport: plain http on 127.0.0.1:3000 by default — enough for the standalone page in a browser. Excel only loads
 * add-ins over https from the manifest's https://localhost:3000/, so for sideloading set OCOP_DEV_CERT and
 * OCOP_DEV_KEY to a PEM certificate/key trusted by this machine (see README, "Chứng chỉ https / https certificates").
 *
 * The server's pid and log live in node_modules/.cache/ocop-dev-server/ (not committed).
 */
"use strict";

const fs = require("node:fs");
const http = require("node:http");
const https = require("node:https");
const net = require("node:net");
const path = require("node:path");
const { spawn, spawnSync } = require("node:child_process");

const ROOT = path.join(__dirname, "..");
const STATE_DIR = path.join(ROOT, "node_modules", ".cache", "ocop-dev-server");
const PID_FILE = path.join(STATE_DIR, "server.json");
const LOG_FILE = path.join(STATE_DIR, "server.log");
const PORT = 3000;
const START_TIMEOUT_MS = 120000;

const httpsMode = Boolean(process.env.OCOP_DEV_CERT && process.env.OCOP_DEV_KEY);
const host = httpsMode ? "localhost" : "127.0.0.1";
const baseUrl = `${httpsMode ? "https" : "http"}://${host}:${PORT}/`;

function readState() {
  try {
    return JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // On Linux, make sure the pid was not reused by something else.
  const cmdline = `/proc/${pid}/cmdline`;
  if (fs.existsSync(cmdline)) return fs.readFileSync(cmdline, "utf8").includes("webpack");
  return true;
}

function portInUse(port, hostname) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: hostname });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function fetchOk(url) {
  return new Promise((resolve) => {
    const client = url.startsWith("https") ? https : http;
    const req = client.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function instructions() {
  const pane = `${baseUrl}taskpane.html`;
  const lines = [
    "",
    `Task pane:   ${pane}`,
    `  (open it in a browser: outside Excel it runs in standalone mode)`,
    `Manifest:    ${path.join(ROOT, "manifest.xml")}`,
    "",
    "Sideload into Excel on the web (this machine has no desktop Excel):",
    "  1. Open a workbook at https://www.office.com (Excel on the web).",
    "  2. Home > Add-ins > More add-ins (or Insert > Add-ins > Office Add-ins) > Upload My Add-in.",
    '  3. Choose manifest.xml above, then Upload. The "OCOP" group appears on the Home tab.',
    "  Excel loads the pane from https://localhost:3000/, in the same browser, so this server must serve https",
    "  with a certificate that browser trusts.",
  ];
  if (!httpsMode) {
    lines.push(
      "",
      "  ! This server is plain http: Excel will refuse it. For sideloading, restart with a trusted certificate:",
      "      npm run stop",
      "      OCOP_DEV_CERT=~/certs/localhost.crt OCOP_DEV_KEY=~/certs/localhost.key npm start",
      '    (README: "Chứng chỉ https / https certificates" shows how to make and trust one.)'
    );
  }
  lines.push(
    "",
    "Desktop Excel on Windows or Mac: see README (shared-folder catalog / wef folder).",
    "Stop:        npm run stop",
    ""
  );
  return lines.join("\n");
}

async function stop() {
  const state = readState();
  if (!state || !alive(state.pid)) {
    console.log("No dev server started by npm start is running.");
    fs.rmSync(PID_FILE, { force: true });
    return 0;
  }
  try {
    if (process.platform === "win32") spawnSync("taskkill", ["/pid", String(state.pid), "/T", "/F"]);
    else process.kill(-state.pid, "SIGTERM"); // the whole process group (the server was started detached)
  } catch (error) {
    console.error(`Could not stop pid ${state.pid}: ${error.message}`);
    return 1;
  }
  for (let i = 0; i < 50 && alive(state.pid); i++) await new Promise((r) => setTimeout(r, 100));
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Stopped the dev server (pid ${state.pid}, ${state.url}).`);
  return 0;
}

async function start(foreground) {
  const state = readState();
  if (state && alive(state.pid)) {
    console.log(`The dev server is already running (pid ${state.pid}).`);
    console.log(instructions());
    return 0;
  }
  if (await portInUse(PORT, host)) {
    console.error(
      `Port ${PORT} on ${host} is taken by another program; stop it first (npm run stop stops only ours).`
    );
    return 1;
  }

  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = [webpackCli, "serve", "--mode", "development"];
  console.log(`Building (development) and serving on ${baseUrl} …`);

  if (foreground) {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
    child.on("exit", (code) => process.exit(code ?? 0));
    console.log(instructions());
    return null;
  }

  fs.mkdirSync(STATE_DIR, { recursive: true });
  const log = fs.openSync(LOG_FILE, "w");
  const child = spawn(process.execPath, args, { cwd: ROOT, detached: true, stdio: ["ignore", log, log] });
  child.unref();
  fs.writeFileSync(
    PID_FILE,
    JSON.stringify({ pid: child.pid, url: baseUrl, startedAt: new Date().toISOString() })
  );

  let exited = null;
  child.on("exit", (code) => (exited = code));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== null) {
      fs.rmSync(PID_FILE, { force: true });
      console.error(`The dev server exited (code ${exited}). Last lines of ${LOG_FILE}:\n${tail(LOG_FILE)}`);
      return 1;
    }
    if (await fetchOk(`${baseUrl}taskpane.html`)) {
      console.log(`Dev server running (pid ${child.pid}); log: ${path.relative(process.cwd(), LOG_FILE)}`);
      console.log(instructions());
      return 0;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error(`The dev server did not answer within ${START_TIMEOUT_MS / 1000} s. Log:\n${tail(LOG_FILE)}`);
  await stop();
  return 1;
}

async function main() {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((a) => !["--stop", "--foreground"].includes(a));
  if (unknown.length) {
    console.error(`start: unknown option(s) ${unknown.join(" ")} (use --stop or --foreground)`);
    process.exit(2);
  }
  const code = argv.includes("--stop") ? await stop() : await start(argv.includes("--foreground"));
  if (code !== null) process.exit(code);
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
