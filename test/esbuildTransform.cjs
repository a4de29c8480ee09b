/**
 * Jest's transformer: each TypeScript file is transpiled on its own by esbuild (to CommonJS for node 20, with
 * an inline source map so stack traces point at the .ts lines). Nothing is type-checked here: `npm run lint`
 * runs tsc once over the whole project (tsconfig.json has isolatedModules, so per-file transpiling is safe).
 * The tests use no jest.mock, which would need hoisting above the imports.
 */
"use strict";

const { createHash } = require("node:crypto");
const { transformSync, version } = require("esbuild");

const OPTIONS = {
  format: "cjs",
  target: "node20",
  sourcemap: "inline",
  // import() becomes a require() in a promise, as tsc's CommonJS output does (jest runs no ES modules here).
  supported: { "dynamic-import": false },
  // As tsc compiles them (tsconfig.json: target ES2020, so class fields are assigned, not defined; react-jsx).
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false, jsx: "react-jsx" } },
};

module.exports = {
  process(source, file) {
    const loader = file.endsWith(".tsx") ? "tsx" : file.endsWith(".ts") ? "ts" : "js";
    const result = transformSync(source, { ...OPTIONS, loader, sourcefile: file });
    return { code: result.code };
  },
  getCacheKey(source, file, options) {
    return createHash("sha256")
      .update(`${version}\0${JSON.stringify(OPTIONS)}\0${file}\0${options.configString}\0`)
      .update(source)
      .digest("hex");
  },
};
