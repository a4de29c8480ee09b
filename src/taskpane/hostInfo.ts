/**
 * Where the pane runs, as the first screen shows it. The Excel-specific part (requirement sets, the workbook's
 * metadata sheet) is behind `ExcelDetection`, implemented in src/hosts/excel/detect.ts and handed in by the
 * composition root (index.tsx), so the React code never touches `Excel`.
 */
import type { OfficeReadiness } from "./office";

/** The ExcelApi versions the pane lists (1.8 is the manifest's minimum; 1.17 is Excel 2024 LTSC's maximum). */
export const EXCEL_API_VERSIONS = [
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "1.11",
  "1.12",
  "1.13",
  "1.14",
  "1.15",
  "1.16",
  "1.17",
] as const;

/** Must equal `<Set Name="ExcelApi" MinVersion=…>` in manifest.xml (checked by a test). */
export const REQUIRED_EXCEL_API = "1.8";

export interface ApiSetSupport {
  version: string;
  supported: boolean;
}

/** Whether the open workbook holds an OCOP session; "notApplicable" outside Excel. */
export type SessionState =
  | { state: "found" }
  | { state: "absent" }
  | { state: "unknown"; reason: string }
  | { state: "notApplicable" };

export interface HostInfo {
  /** "excel": inside Excel; "otherOffice": another Office application; "standalone": a plain browser page. */
  kind: "excel" | "otherOffice" | "standalone";
  /** How the wait for office.js ended (standalone can mean office.js absent or silent). */
  office: OfficeReadiness["status"];
  /** How long the pane waited for office.js before giving up (status "timeout"), else null. */
  officeTimeoutMs: number | null;
  /** Office.HostType and Office.PlatformType names, e.g. "Excel", "OfficeOnline"; null outside Office. */
  host: string | null;
  platform: string | null;
  /** ExcelApi 1.1…1.17 as reported by the host; empty outside Excel. */
  apiSets: ApiSetSupport[];
  meetsRequirement: boolean;
  session: SessionState;
  checkedAt: Date;
}

/** What the Excel adapter answers (src/hosts/excel/detect.ts). */
export interface ExcelDetection {
  supportedApiSets(versions: readonly string[]): ApiSetSupport[];
  hasOcopSession(): Promise<boolean>;
}

export type DetectHost = () => Promise<HostInfo>;

function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof message === "string" && message)
      return typeof code === "string" ? `${code}: ${message}` : message;
  }
  return String(error);
}

/** A `detectHost()` for one outcome of the wait for office.js. */
export function createDetectHost(
  readiness: OfficeReadiness,
  excel: ExcelDetection,
  now: () => Date = () => new Date()
): DetectHost {
  return async () => {
    const host = readiness.status === "ready" ? readiness.host : null;
    const platform = readiness.status === "ready" ? readiness.platform : null;
    const base = {
      office: readiness.status,
      officeTimeoutMs: readiness.status === "timeout" ? readiness.afterMs : null,
      host,
      platform,
      checkedAt: now(),
    };

    if (host === null) {
      return {
        ...base,
        kind: "standalone",
        apiSets: [],
        meetsRequirement: false,
        session: { state: "notApplicable" },
      };
    }
    if (host !== "Excel") {
      return {
        ...base,
        kind: "otherOffice",
        apiSets: [],
        meetsRequirement: false,
        session: { state: "notApplicable" },
      };
    }

    let apiSets: ApiSetSupport[];
    try {
      apiSets = excel.supportedApiSets(EXCEL_API_VERSIONS);
    } catch {
      apiSets = EXCEL_API_VERSIONS.map((version) => ({ version, supported: false }));
    }
    const meetsRequirement = apiSets.some((s) => s.version === REQUIRED_EXCEL_API && s.supported);

    let session: SessionState;
    try {
      session = { state: (await excel.hasOcopSession()) ? "found" : "absent" };
    } catch (error) {
      session = { state: "unknown", reason: errorText(error) };
    }
    return { ...base, kind: "excel", apiSets, meetsRequirement, session };
  };
}
