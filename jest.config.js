/**
 * Jest: TypeScript transpiled file by file with esbuild to CommonJS (test/esbuildTransform.cjs; webpack keeps ES
 * modules for tree shaking). No type-checking here: `npm run lint` runs tsc over src, test, bench and scripts once.
 */
module.exports = {
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
