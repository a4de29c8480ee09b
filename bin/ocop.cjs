#!/usr/bin/env node
// The `ocop` command runs the TypeScript sources through tsx, so no build step is needed. tsx is loaded
// with --import in a child node: the criteria editions are loaded with import(), which the CommonJS
// hook alone (require("tsx/cjs")) does not resolve.
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const loader = pathToFileURL(require.resolve("tsx")).href;
const entry = path.join(__dirname, "..", "src", "cli", "entry.ts");
const child = spawnSync(process.execPath, ["--import", loader, entry, ...process.argv.slice(2)], {
  stdio: "inherit",
});
if (child.error) {
  process.stderr.write(`${child.error.message}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = child.status ?? 2;
}
