#!/usr/bin/env node
/**
 * Bundles the command line (src/cli/entry.ts) with esbuild into dist/cli/ocop.cjs: one CommonJS file that
 * plain node runs, so `ocop` starts without compiling TypeScript at every call (tsx is a dev tool only).
 *
 *   node scripts/build-cli.cjs      (also the last step of `npm run build`)
 *
 * Beside the bundle, ocop.inputs.json lists the source files it was made from; bin/ocop.cjs rebuilds when
 * one of them is newer than the bundle (a source checkout), so a changed source is never run stale.
 * The bundle must not hold the task pane's libraries: the build fails if React or Fluent UI got in.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const OUT_DIR = path.join(ROOT, "dist", "cli");
const BUNDLE = path.join(OUT_DIR, "ocop.cjs");
const INPUTS = path.join(OUT_DIR, "ocop.inputs.json");
const FORBIDDEN = /node_modules[\\/](react|react-dom|@fluentui|@griffel|i18next|react-i18next)[\\/]/;

/** Writes beside the target then renames, so a run that builds at the same time never reads half a file. */
const writeWhole = (file, bytes) => {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
};

const buildCli = () => {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, "src", "cli", "entry.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile: BUNDLE,
    write: false,
    metafile: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs);
  const bad = inputs.filter((p) => FORBIDDEN.test(p));
  if (bad.length)
    throw new Error(`the command-line bundle must not hold the task pane's libraries: ${bad.join(", ")}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of result.outputFiles) writeWhole(f.path, f.contents);
  writeWhole(
    INPUTS,
    JSON.stringify(
      inputs.filter((p) => !/node_modules/.test(p)),
      null,
      1
    ) + "\n"
  );
  return { bundle: BUNDLE, inputs: inputs.length };
};

module.exports = { buildCli, BUNDLE, INPUTS, ROOT };

if (require.main === module) {
  const started = Date.now();
  const r = buildCli();
  const kb = (fs.statSync(r.bundle).size / 1024).toFixed(0);
  console.log(
    `${path.relative(ROOT, r.bundle)}: ${kb} KB from ${r.inputs} files in ${Date.now() - started} ms`
  );
}
