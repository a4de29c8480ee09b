/**
 * Production code only in src/, and all of it shipped: every module under src/ (tests and fixtures aside) is
 * reached by an import chain from an entry point — the task pane and ribbon commands (webpack.config.js), the
 * Excel check page (webpack.excel-check.cjs), the command line (src/cli/entry.ts) and the scripts package.json
 * runs. A module no entry reaches is dead code, or test code that belongs in test/.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  entryPoints,
  resolveSpecifier,
  specifiersOf,
  unreachableModules,
  walkImports,
} from "../../scripts/imports/walk";

describe("reachability of src/ from the entry points", () => {
  it("finds the entry points the build and the command line use", () => {
    const entries = entryPoints();
    expect(entries).toEqual(
      expect.arrayContaining([
        "./src/taskpane/index.tsx",
        "./src/commands/commands.ts",
        "./src/excelCheck/index.ts",
        "./src/cli/entry.ts",
      ])
    );
  });

  it("reaches every production module under src/", () => {
    // Each name here is a module nothing ships: delete it, or move it to test/ if only tests use it.
    expect(unreachableModules()).toEqual([]);
  });

  it("follows static imports, re-exports, dynamic import() and require(), and ignores packages", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ocop-walk-"));
    try {
      mkdirSync(path.join(dir, "lib"));
      const put = (name: string, text: string) => writeFileSync(path.join(dir, name), text);
      put(
        "entry.ts",
        [
          'import { a } from "./a";',
          'export { b } from "./b";',
          'import "react";',
          'const c = () => import(/* webpackChunkName: "c" */ "./c");',
          'const d = require("./lib");',
          "export const use = [a, c, d];",
        ].join("\n")
      );
      put("a.ts", "export const a = 1;");
      put("b.tsx", "export const b = 2;");
      put("c.ts", 'import data from "./data.json"; export default data;');
      put("data.json", "{}");
      put("lib/index.ts", "export const d = 4;");
      put("orphan.ts", 'import { a } from "./a"; export const o = a;');
      expect(specifiersOf(path.join(dir, "entry.ts"))).toEqual(["./a", "./b", "react", "./c", "./lib"]);
      expect(resolveSpecifier(path.join(dir, "entry.ts"), "react")).toBeUndefined();
      const graph = walkImports([path.join(dir, "entry.ts")]);
      const names = [...graph.keys()].map((k) => path.basename(k)).sort();
      expect(names).toEqual(["a.ts", "b.tsx", "c.ts", "data.json", "entry.ts", "index.ts"]);
      expect(names).not.toContain("orphan.ts");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
