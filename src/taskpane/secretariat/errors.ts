/**
 * Turns what a use case throws into words for the secretariat. Excel's errors carry a stable `code`
 * (OfficeExtension.Error); their `message` is not meant for users, so known codes get a sentence of
 * their own and the rest a general one with the code for support.
 */
import type { TFunction } from "i18next";
import { describeFinerHostError, langOfT } from "../../hosts/messages";

const KNOWN = [
  "AccessDenied",
  "ActivityLimitReached",
  "ApiNotFound",
  "Conflict",
  "GeneralException",
  "InvalidArgument",
  "InvalidOperation",
  "InvalidOperationInCellEditMode",
  "ItemAlreadyExists",
  "ItemNotFound",
  "MemoryLimitReached",
  "NotImplemented",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "ServiceNotAvailable",
  "UnsupportedOperation",
] as const;

const codeOf = (error: unknown): string | null => {
  if (error && typeof error === "object" && "code" in error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code) return code;
  }
  return null;
};

/** The port's own codes (src/hosts/workbook.ts HostError), which both hosts throw. */
const HOST_CODES = [
  "protectedByOther",
  "cellEditMode",
  "payloadTooLarge",
  "apiMissing",
  "invalidName",
  "nameTaken",
  "notFound",
  "invalidRequest",
] as const;

export const errorMessage = (error: unknown, t: TFunction): string => {
  if (error instanceof Error && error.name === "HostError") {
    // What the code alone cannot tell apart (an overlapping merge, a hidden sheet…) has its own words.
    const finer = describeFinerHostError(error, langOfT(t));
    if (finer) return `${finer.message} ${finer.fix}`;
    const hostCode = codeOf(error);
    const known = HOST_CODES.find((k) => k === hostCode);
    if (known) return t(`errors.host.${known}`, { ns: "secretariat" });
    const officeCode = (error as { officeCode?: unknown }).officeCode;
    if (typeof officeCode === "string") return errorMessage({ code: officeCode, message: error.message }, t);
    return t("errors.other", { ns: "secretariat", message: error.message });
  }
  const code = codeOf(error);
  const raw =
    error instanceof Error
      ? error.message
      : error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string"
        ? (error as { message: string }).message
        : String(error);
  if (code) {
    const known = KNOWN.find((k) => k.toLowerCase() === code.toLowerCase());
    if (known) return t(`errors.excel.${known}`, { ns: "secretariat" });
    return t("errors.excelOther", { ns: "secretariat", code, message: raw });
  }
  return t("errors.other", { ns: "secretariat", message: raw });
};
