/**
 * The import graph of the project, read from the sources: which modules each module loads (static `import … from`,
 * `export … from`, dynamic `import()` and `require()` with a literal path). Used by the unreachable-file test and
 * by the architecture picture, so both see the same graph. Only relative paths are followed: packages are leaves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** The project root (this file lives in scripts/imports/). */
export const ROOT = path.resolve(__dirname, "..", "..");

const EXTENSIONS = [".ts", ".tsx", ".js", ".cjs", ".mjs", ".json"];

const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile();

/** Resolves a relative specifier the way webpack, tsx and jest do here: exact file, added extension, or index. */
export const resolveSpecifier = (fromFile: string, specifier: string): string | undefined => {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  if (isFile(base)) return base;
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext;
  for (const ext of EXTENSIONS)
    if (isFile(path.join(base, "index" + ext))) return path.join(base, "index" + ext);
  return undefined;
};

/** The specifiers a source file loads, static and dynamic (JSON files load nothing). */
export const specifiersOf = (file: string): string[] => {
  if (file.endsWith(".json")) return [];
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
};

/** Project-relative path with forward slashes, the way the graph names modules. */
export const rel = (file: string): string => path.relative(ROOT, file).split(path.sep).join("/");

/** Every module reachable from the entries, with the edges between them (project-relative paths). */
export const walkImports = (entries: readonly string[]): Map<string, string[]> => {
  const graph = new Map<string, string[]>();
  const stack = entries.map((e) => path.resolve(ROOT, e));
  while (stack.length > 0) {
    const file = stack.pop() as string;
    const name = rel(file);
    if (graph.has(name)) continue;
    const targets: string[] = [];
    for (const spec of specifiersOf(file)) {
      const target = resolveSpecifier(file, spec);
      if (!target) continue;
      targets.push(rel(target));
      stack.push(target);
    }
    graph.set(name, targets);
  }
  return graph;
};

/** The webpack entries of a config file, read from its `entry: { name: "./path" }` objects. */
const webpackEntries = (configFile: string): string[] => {
  const text = readFileSync(path.join(ROOT, configFile), "utf8");
  const block = /entry:\s*\{([^}]*)\}/g;
  const found: string[] = [];
  for (let m = block.exec(text); m; m = block.exec(text)) {
    for (const p of (m[1] as string).matchAll(/["'](\.\/[^"']+)["']/g)) found.push(p[1] as string);
  }
  return found;
};

/**
 * The entry points of the shipped code: the task pane and ribbon commands (webpack.config.js), the Excel check
 * page (webpack.excel-check.cjs), the command line (bin/ocop.cjs runs src/cli/entry.ts) and the scripts that
 * package.json runs over src/ (checkApi, the forms example).
 */
export const entryPoints = (): string[] => {
  const entries = [...webpackEntries("webpack.config.js"), ...webpackEntries("webpack.excel-check.cjs")];
  entries.push("./src/cli/entry.ts");
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  for (const command of Object.values(pkg.scripts)) {
    for (const m of command.matchAll(/\b(?:tsx|node)\s+(scripts\/[\w./-]+\.(?:ts|cjs|mjs))/g)) {
      entries.push("./" + (m[1] as string));
    }
  }
  return [...new Set(entries)].filter((e) => isFile(path.join(ROOT, e)));
};

/** Production modules under src/: not tests, test helpers or fixtures, or type declarations. */
export const isProductionModule = (name: string): boolean =>
  name.startsWith("src/") &&
  !/\.test\.tsx?$/.test(name) &&
  !name.includes("/__tests__/") &&
  !name.includes("/__fixtures__/") &&
  !name.endsWith(".d.ts") &&
  /\.(ts|tsx|json)$/.test(name);

/** Every file under a folder of the project (project-relative paths). */
export const filesUnder = (folder: string): string[] => {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else out.push(rel(p));
    }
  };
  visit(path.join(ROOT, folder));
  return out.sort();
};

/** The production modules under src/ that no entry point reaches. */
export const unreachableModules = (): string[] => {
  const reached = walkImports(entryPoints());
  return filesUnder("src").filter((f) => isProductionModule(f) && !reached.has(f));
};
