/**
 * Jest: TypeScript transpiled file by file with esbuild to CommonJS (test/esbuildTransform.cjs; webpack keeps ES
 * modules for tree shaking). No type-checking here: `npm run lint` runs tsc over src, test, bench and scripts once.
 */
const os = require("node:os");

module.exports = {
  // Jest's default leaves one core free, which on a 2-core CI machine runs every suite on one worker; many
  // suites here wait on LibreOffice, Python or Chromium, so two workers use the machine better.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": "<rootDir>/test/esbuildTransform.cjs",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  moduleNameMapper: {
    // office-addin-mock pulls ESM-only packages through office-addin-manifest; it only needs this enum.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
    "\\.(css|less)$": "<rootDir>/test/shims/style.js",
  },
  testTimeout: 60000,
};
