/**
 * The task pane's JavaScript: a production build (webpack.config.js, as `npm run build`) into a temp
 * directory, each emitted .js with its raw and gzip size, the chunks taskpane.html loads at once (its
 * script tags) and what they contain.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import { kib, seconds, type Report } from "./report";

const ROOT = join(__dirname, "..");
const BUDGET = 350 * 1024;

/**
 * Code that must never be in the initial chunks: the xlsx library (our parts host and its zip codec, fflate;
 * ExcelJS and JSZip, which the pane no longer uses, stay listed so they cannot slip back in), and the
 * secretariat's.
 */
const LAZY_ONLY: { what: string; test: (path: string) => boolean }[] = [
  { what: "xlsx host", test: (p) => /src[\\/]hosts[\\/]xlsx[\\/]/.test(p) },
  { what: "fflate", test: (p) => /node_modules[\\/]fflate[\\/]/.test(p) },
  { what: "exceljs", test: (p) => /node_modules[\\/]exceljs[\\/]/.test(p) },
  { what: "jszip", test: (p) => /node_modules[\\/]jszip[\\/]/.test(p) },
  {
    // The role switch (secretariat/index.ts re-exporting RoleArea.tsx) is what loads the rest on demand.
    what: "secretariat code",
    test: (p) =>
      /src[\\/]app[\\/]secretariat[\\/]/.test(p) ||
      (/src[\\/]taskpane[\\/]secretariat[\\/]/.test(p) && !/[\\/](index\.ts|RoleArea\.tsx)$/.test(p)),
  },
];

export interface BuildResult {
  dir: string;
  ms: number;
  /** File name → source path and size of each module in the chunk that emitted it. */
  modules: Map<string, { path: string; size: number }[]>;
}

/** Runs the production build into a fresh temp directory (dist/ is left alone). */
export const build = async (): Promise<BuildResult> => {
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-dist-"));
  const factory = createRequire(__filename)(join(ROOT, "webpack.config.js")) as (
    env: unknown,
    argv: { mode: string }
  ) => webpack.Configuration;
  const config = factory(undefined, { mode: "production" });
  config.output = { ...config.output, path: dir };
  config.infrastructureLogging = { level: "error" };
  const started = performance.now();
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error("no stats")) : resolve(s)))
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }).slice(0, 500));
  const ms = performance.now() - started;
  const { compilation } = stats;
  const modules: BuildResult["modules"] = new Map();
  for (const chunk of compilation.chunks) {
    const paths: { path: string; size: number }[] = [];
    for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      // A concatenated module holds the modules webpack merged into it.
      const inner = (m as unknown as { modules?: Iterable<webpack.Module> }).modules;
      for (const x of inner ? [...inner] : [m]) {
        const name = x.nameForCondition?.();
        if (name) paths.push({ path: relative(ROOT, name), size: x.size() });
      }
    }
    for (const file of chunk.files) if (file.endsWith(".js")) modules.set(file, paths);
  }
  return { dir, ms, modules };
};

/** Scripts taskpane.html loads itself (not office.js from the CDN). */
export const initialScripts = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^[a-z]+:\/\//i.test(src))
    .map((src) => basename(src));

export const bundleBench = async (report: Report, built: BuildResult): Promise<void> => {
  const section = "Task pane bundle";
  report.section(`${section}: production build (${seconds(built.ms)}), gzip -9 per chunk`);
  const initial = new Set(initialScripts(readFileSync(join(built.dir, "taskpane.html"), "utf8")));
  const rows = readdirSync(built.dir)
    .filter((f) => f.endsWith(".js") && !f.startsWith("commands."))
    .map((f) => {
      const bytes = readFileSync(join(built.dir, f));
      return {
        file: f,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        initial: initial.has(f),
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  // What a chunk mostly holds: the package (or our own src/) with the most bytes in it.
  const holds = (file: string): string => {
    const counts = new Map<string, number>();
    for (const { path, size } of built.modules.get(file) ?? []) {
      const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path);
      const key = m ? m[1]!.replace(/\\/g, "/") : "src";
      counts.set(key, (counts.get(key) ?? 0) + size);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "?";
  };
  const line = (r: (typeof rows)[number]) =>
    `${r.file.replace(/\.[0-9a-f]{8}\.js$/, "")} [${holds(r.file)}] ${kib(r.gzip)} (${kib(r.raw)} raw)`;
  report.info(
    `initial: ${rows
      .filter((r) => r.initial)
      .map(line)
      .join("; ")}`
  );
  report.info(
    `on demand: ${rows
      .filter((r) => !r.initial)
      .map(line)
      .join("; ")}`
  );
  const total = rows.filter((r) => r.initial).reduce((n, r) => n + r.gzip, 0);
  report.check(
    section,
    "initial JavaScript of taskpane.html, gzip",
    kib(total),
    "≤ 350 KB",
    total <= BUDGET && initial.size > 0
  );
  const found = LAZY_ONLY.map(({ what, test }) => ({
    what,
    files: [...initial].filter((f) => (built.modules.get(f) ?? []).some((m) => test(m.path))),
  }));
  const inInitial = found.filter((f) => f.files.length);
  report.check(
    section,
    "the xlsx host (fflate; never exceljs, jszip) and the secretariat's code load on demand",
    inInitial.length
      ? inInitial.map((f) => `${f.what} in ${f.files.join(", ")}`).join("; ")
      : "none in the initial chunks",
    "none in the initial chunks",
    inInitial.length === 0
  );
};
