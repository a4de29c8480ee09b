#!/usr/bin/env node
// The `ocop` command runs the bundle that `npm run build` makes (dist/cli/ocop.cjs, plain JavaScript: no
// TypeScript compiler at every call). In a source checkout the bundle is made on first use, and made again
// when a source file it was built from is newer, so a changed source never runs stale.
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const BUNDLE = path.join(ROOT, "dist", "cli", "ocop.cjs");
const INPUTS = path.join(ROOT, "dist", "cli", "ocop.inputs.json");

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Infinity; // a source gone or new: build again
  }
};

const stale = () => {
  const built = mtime(BUNDLE);
  if (built === Infinity) return true;
  if (!fs.existsSync(path.join(ROOT, "src", "cli", "entry.ts"))) return false; // no sources: an installed copy
  try {
    const inputs = JSON.parse(fs.readFileSync(INPUTS, "utf8"));
    return inputs.some((p) => mtime(path.join(ROOT, p)) > built);
  } catch {
    return true;
  }
};

if (stale()) {
  try {
    require(path.join(ROOT, "scripts", "build-cli.cjs")).buildCli();
  } catch (e) {
    process.stderr.write(
      `ocop: không tạo được ${path.relative(process.cwd(), BUNDLE)} / cannot build the command line ` +
        `(npm run build): ${e && e.message ? e.message : String(e)}\n`
    );
    process.exit(2);
  }
}
require(BUNDLE);
