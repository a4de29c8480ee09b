/** Maps office-js errors (OfficeExtension.Error `code`, not localized) to the port's HostError codes. */
import { HostError, type HostErrorCode } from "../workbook";

/**
 * Compared as strings: the typings' Excel.ErrorCodes lacks "RequestPayloadSizeLimitExceeded".
 * InvalidOperation is what some platforms return for writes to a protected sheet (and, without
 * delayForCellEdit, during cell editing — we always pass delayForCellEdit).
 */
const CODES: Record<string, HostErrorCode> = {
  AccessDenied: "protectedByOther",
  InvalidOperation: "protectedByOther",
  BadPassword: "protectedByOther",
  InvalidOperationInCellEditMode: "cellEditMode",
  RequestPayloadSizeLimitExceeded: "payloadTooLarge",
  ResponsePayloadSizeLimitExceeded: "payloadTooLarge",
  OperationCellsExceedLimit: "payloadTooLarge",
  RangeExceedsLimit: "payloadTooLarge",
  ApiNotFound: "apiMissing",
  ApiNotAvailable: "apiMissing",
  NotImplemented: "apiMissing",
  ItemNotFound: "notFound",
  ItemAlreadyExists: "nameTaken",
  InvalidArgument: "invalidRequest",
  InvalidReference: "invalidRequest",
  GeneralException: "unknown",
};

export function officeCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

export function toHostError(error: unknown, context = ""): HostError {
  if (error instanceof HostError) return error;
  const officeCode = officeCodeOf(error);
  const code: HostErrorCode = (officeCode && CODES[officeCode]) || "unknown";
  const detail = error instanceof Error ? error.message : String(error);
  const where = (error as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  const message = [context, officeCode, detail, where ? `at ${where}` : ""].filter(Boolean).join(": ");
  return new HostError(code, message, { cause: error, ...(officeCode ? { officeCode } : {}) });
}
