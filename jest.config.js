/** Jest: TypeScript through ts-jest with CommonJS output (webpack keeps ES modules for tree shaking). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  moduleNameMapper: {
    // office-addin-mock pulls ESM-only packages through office-addin-manifest; it only needs this enum.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
    "\\.(css|less)$": "<rootDir>/test/shims/style.js",
  },
  testTimeout: 60000,
};
