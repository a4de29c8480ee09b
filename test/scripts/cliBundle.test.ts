/**
 * The compiled command line: bin/ocop.cjs runs dist/cli/ocop.cjs (made on first use, made again when a
 * source it was built from is newer), a plain CommonJS file that needs neither tsx nor the task pane's
 * libraries.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "ocop.cjs");
const BUNDLE = join(ROOT, "dist", "cli", "ocop.cjs");
const ocop = (...args: string[]): string =>
  execFileSync(process.execPath, [BIN, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => void ocop("--help"), 120_000);

it("runs the bundle: the usage in both languages", () => {
  expect(ocop("help")).toContain("ocop init --products");
  expect(ocop("help", "--lang", "en")).toContain("Usage:");
});

it("holds no React, Fluent UI or i18next, and loads no TypeScript at run time", () => {
  const text = readFileSync(BUNDLE, "utf8");
  for (const lib of ["node_modules/react/", "node_modules/react-dom/", "node_modules/@fluentui/", "i18next"])
    expect(text).not.toContain(lib);
  expect(text).not.toMatch(/require\(["']tsx/);
  const inputs = JSON.parse(readFileSync(join(ROOT, "dist", "cli", "ocop.inputs.json"), "utf8")) as string[];
  expect(inputs).toContain("src/cli/commands/check.ts");
  expect(inputs.some((p) => p.startsWith("src/taskpane/"))).toBe(false);
});

it("is made again when a source it was built from is newer", () => {
  const before = statSync(BUNDLE).mtimeMs;
  const source = join(ROOT, "src", "cli", "text.ts");
  const later = new Date(before + 5_000);
  const { atime, mtime } = statSync(source);
  utimesSync(source, later, later);
  try {
    ocop("--help");
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(before);
  } finally {
    utimesSync(source, atime, mtime);
  }
}, 120_000);
