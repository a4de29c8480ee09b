import { manifestPath } from "../manifest/paths";
import { readFileSync } from "node:fs";
import { createDetectHost, EXCEL_API_VERSIONS, REQUIRED_EXCEL_API } from "../../src/taskpane/hostInfo";
import { luminance, pickThemeKind } from "../../src/taskpane/theme";

const excel = (supportedUpTo: number, session: boolean | Error) => ({
  supportedApiSets: (versions: readonly string[]) =>
    versions.map((version) => ({ version, supported: Number(version.split(".")[1]) <= supportedUpTo })),
  hasOcopSession: async () => {
    if (session instanceof Error) throw session;
    return session;
  },
});

const at = new Date(2026, 2, 5, 9, 30);

test("the pane's minimum ExcelApi is the manifest's", () => {
  const manifest = readFileSync(manifestPath, "utf8");
  expect(manifest).toMatch(
    new RegExp(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API.replace(".", "\\.")}"/>`)
  );
  expect(EXCEL_API_VERSIONS[0]).toBe("1.1");
  expect(EXCEL_API_VERSIONS.at(-1)).toBe("1.17");
});

test("Excel: API sets, requirement and session", async () => {
  const info = await createDetectHost(
    { status: "ready", host: "Excel", platform: "Mac" },
    excel(13, true),
    () => at
  )();
  expect(info).toMatchObject({ kind: "excel", host: "Excel", platform: "Mac", meetsRequirement: true });
  expect(info.session).toEqual({ state: "found" });
  expect(info.apiSets.filter((s) => s.supported)).toHaveLength(13);
  expect(info.checkedAt).toBe(at);
});

test("Excel below 1.8 does not meet the requirement; a failing check is 'unknown'", async () => {
  const failure = Object.assign(new Error("busy"), { code: "GeneralException" });
  const info = await createDetectHost(
    { status: "ready", host: "Excel", platform: "PC" },
    excel(7, failure)
  )();
  expect(info.meetsRequirement).toBe(false);
  expect(info.session).toEqual({ state: "unknown", reason: "GeneralException: busy" });
});

test.each([
  [{ status: "absent" as const }, null],
  [{ status: "timeout" as const, afterMs: 3000 }, 3000],
  [{ status: "ready" as const, host: null, platform: null }, null],
])("standalone when office.js is %p", async (readiness, timeoutMs) => {
  const info = await createDetectHost(readiness, excel(17, true))();
  expect(info).toMatchObject({ kind: "standalone", apiSets: [], session: { state: "notApplicable" } });
  expect(info.officeTimeoutMs).toBe(timeoutMs);
});

test("theme: forced colours, then a dark Office background, else light", () => {
  expect(luminance("#ffffff")).toBeCloseTo(1);
  expect(luminance("000000")).toBe(0);
  expect(luminance("blue")).toBeNull();
  expect(pickThemeKind({ forcedColors: true, officeBodyBackground: "#ffffff" })).toBe("highContrast");
  expect(pickThemeKind({ forcedColors: false, officeBodyBackground: "#262626" })).toBe("dark");
  expect(pickThemeKind({ forcedColors: false, officeBodyBackground: "#666666" })).toBe("dark");
  expect(pickThemeKind({ forcedColors: false, officeBodyBackground: "#E6E6E6" })).toBe("light");
  expect(pickThemeKind({ forcedColors: false })).toBe("light");
});
