/**
 * Maps office-js errors (OfficeExtension.Error `code`, not localized) to the port's HostError code and reason.
 * Each Excel error code has its own reason (and message, src/hosts/messages.ts); InvalidOperation, Excel's
 * catch-all for "not in the workbook's current state", is told apart by the API that raised it
 * (`debugInfo.errorLocation`, e.g. "Range.merge"). It is never "protected": Excel says AccessDenied for that.
 */
import { HostError, type HostErrorCode, type HostErrorReason } from "../workbook";

/** Compared as strings: the typings' Excel.ErrorCodes lacks "RequestPayloadSizeLimitExceeded". */
const CODES: Record<string, [HostErrorCode, HostErrorReason]> = {
  AccessDenied: ["protectedByOther", "accessDenied"],
  BadPassword: ["protectedByOther", "badPassword"],
  InvalidOperationInCellEditMode: ["cellEditMode", "cellEditMode"],
  RequestPayloadSizeLimitExceeded: ["payloadTooLarge", "requestTooLarge"],
  ResponsePayloadSizeLimitExceeded: ["payloadTooLarge", "responseTooLarge"],
  OperationCellsExceedLimit: ["payloadTooLarge", "tooManyCells"],
  RangeExceedsLimit: ["payloadTooLarge", "tooManyCells"],
  ApiNotFound: ["apiMissing", "apiNotFound"],
  ApiNotAvailable: ["apiMissing", "apiNotFound"],
  NotImplemented: ["apiMissing", "notImplemented"],
  UnsupportedFeature: ["apiMissing", "notImplemented"],
  ItemNotFound: ["notFound", "notFound"],
  ItemAlreadyExists: ["nameTaken", "nameTaken"],
  InvalidArgument: ["invalidRequest", "invalidArgument"],
  InvalidReference: ["invalidRequest", "invalidReference"],
  FormulaLengthExceedsLimit: ["invalidRequest", "formulaTooLong"],
  MergedRangeConflict: ["invalidRequest", "mergeConflict"],
  FilteredRangeConflict: ["invalidRequest", "rangeConflict"],
  PivotTableRangeConflict: ["invalidRequest", "rangeConflict"],
  InsertDeleteConflict: ["invalidRequest", "rangeConflict"],
  InvalidOperation: ["invalidRequest", "invalidOperation"],
  UnsupportedOperation: ["invalidRequest", "unsupportedOperation"],
  UnsupportedSheet: ["invalidRequest", "unsupportedOperation"],
  ActivityLimitReached: ["unknown", "busy"],
  Conflict: ["unknown", "editConflict"],
  ServiceNotAvailable: ["unknown", "serviceUnavailable"],
  RequestAborted: ["unknown", "serviceUnavailable"],
  MemoryLimitReached: ["unknown", "outOfMemory"],
  GeneralException: ["unknown", "general"],
};

/** InvalidOperation by the API that raised it ("Worksheet.visibility=" as the fake writes setters). */
const INVALID_OPERATION_AT: Record<string, HostErrorReason> = {
  "Range.merge": "mergeOverlap",
  "TableCollection.add": "tableOverlap",
  "Worksheet.activate": "sheetHidden",
  "Range.select": "sheetHidden",
  "Worksheet.visibility": "lastVisibleSheet",
  "Worksheet.delete": "lastVisibleSheet",
};

export function officeCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

const locationOf = (error: unknown): string | undefined =>
  (error as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;

/** The code and reason an office-js error maps to. */
export function classify(
  officeCode: string | undefined,
  location?: string
): [HostErrorCode, HostErrorReason] {
  const mapped =
    (officeCode && CODES[officeCode]) || (["unknown", "unknown"] as [HostErrorCode, HostErrorReason]);
  if (officeCode === "InvalidOperation" && location) {
    const api = location.replace(/=$/, "").replace(/\(.*$/, "");
    const reason = INVALID_OPERATION_AT[api];
    if (reason) return ["invalidRequest", reason];
  }
  return mapped;
}

export function toHostError(error: unknown, context = ""): HostError {
  if (error instanceof HostError) return error;
  const officeCode = officeCodeOf(error);
  const where = locationOf(error);
  const [code, reason] = classify(officeCode, where);
  const detail = error instanceof Error ? error.message : String(error);
  const message = [context, officeCode, detail, where ? `at ${where}` : ""].filter(Boolean).join(": ");
  return new HostError(code, message, { cause: error, reason, ...(officeCode ? { officeCode } : {}) });
}
