/**
 * The requirement-set check (scripts/checkApi.ts) on planted code: an unguarded ExcelApi 1.12 call fails it, the
 * same call behind isSetSupported or the host's supports() passes, and a web-only member fails even when guarded.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkApi, type ApiUse, type CheckResult } from "../../scripts/checkApi";

const root = path.resolve(__dirname, "../..");
const PLANTED: Record<string, string> = {
  "unguarded.ts": `export async function f(range: Excel.Range) {
  const areas = range.getDirectPrecedents();
  areas.load("areas");
  await range.context.sync();
}
`,
  "guarded.ts": `declare const host: { supports(v: string): boolean };
export function a(range: Excel.Range) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.12")) range.getDirectPrecedents();
}
export function b(range: Excel.Range) {
  const ok = host.supports("1.13");
  return ok ? range.getDirectPrecedents() : null;
}
export function c(range: Excel.Range) {
  if (!host.supports("1.12")) return null;
  return range.getDirectPrecedents();
}
`,
  "wrongGuard.ts": `export function a(range: Excel.Range) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) range.getDirectPrecedents();
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.12")) range.getDirectPrecedents();
}
`,
  "online.ts": `export function a(sheet: Excel.Worksheet) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.20")) return sheet.protection.allowEditRanges;
  return null;
}
`,
};

let dir: string;
let all: CheckResult;

// One compiler program for all planted files (building one costs seconds: the office-js typings are large).
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-api-"));
  const files = Object.entries(PLANTED).map(([name, body]) => {
    fs.writeFileSync(path.join(dir, name), body);
    return path.join(dir, name);
  });
  all = checkApi({ root, files });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The result restricted to one planted file. */
function check(name: string): CheckResult {
  const mine = (u: ApiUse) => u.file.endsWith(`/${name}`);
  return { minimum: all.minimum, uses: all.uses.filter(mine), violations: all.violations.filter(mine) };
}

test("reads the minimum from manifest.xml and fails on an unguarded ExcelApi 1.12 member", () => {
  const result = check("unguarded.ts");
  expect(result.minimum).toBe("1.8");
  expect(result.violations).toEqual([
    expect.objectContaining({
      member: "Excel.Range.getDirectPrecedents",
      set: "ExcelApi 1.12",
      line: 2,
      guard: null,
      problem: expect.stringContaining("needs ExcelApi 1.12"),
    }),
  ]);
});

test("passes the same call behind isSetSupported, supports(), a const flag or an early return", () => {
  const result = check("guarded.ts");
  expect(result.violations).toEqual([]);
  expect(
    result.uses.filter((u) => u.member === "Excel.Range.getDirectPrecedents").map((u) => u.guard)
  ).toEqual(["1.12", "1.13", "1.12"]);
});

test("a guard for a lower version, or the else branch, does not count", () => {
  const result = check("wrongGuard.ts");
  expect(result.violations.map((v) => v.line)).toEqual([2, 3]);
});

test("a web-only member fails even when guarded", () => {
  const result = check("online.ts");
  expect(result.violations).toEqual([
    expect.objectContaining({ problem: expect.stringContaining("web-only") }),
  ]);
});
