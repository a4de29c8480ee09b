/**
 * What a host call threw, in words a member can act on. The Excel host throws a typed HostError whose `code`
 * says what happened (a sheet protected by someone else, a missing API set, a cell being edited…); anything else
 * gets a general sentence with the detail for support.
 */
import type { TFunction } from "i18next";
import type { HostErrorCode } from "../../hosts/workbook";
import { describeFinerHostError, langOfT } from "../../hosts/messages";

const KNOWN: readonly HostErrorCode[] = [
  "protectedByOther",
  "cellEditMode",
  "payloadTooLarge",
  "apiMissing",
  "invalidName",
  "nameTaken",
  "notFound",
  "invalidRequest",
];

/** Duck-typed so an error from another bundle copy of HostError (or a fake) still maps. */
const hostCodeOf = (error: unknown): string | null => {
  if (error && typeof error === "object" && (error as { name?: unknown }).name === "HostError") {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return null;
};

export interface ErrorText {
  message: string;
  /** What to do about it. */
  action: string;
  /** The technical detail, for support. */
  detail: string;
}

export const describeError = (error: unknown, t: TFunction): ErrorText => {
  const code = hostCodeOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  // What the code alone cannot tell apart (an overlapping merge, a hidden sheet…) has its own words.
  const finer = describeFinerHostError(error, langOfT(t));
  if (finer) return { message: finer.message, action: finer.fix, detail };
  const key = code && (KNOWN as readonly string[]).includes(code) ? code : "unknown";
  return {
    message: t(`errors.${key}.message`, { ns: "member" }),
    action: t(`errors.${key}.action`, { ns: "member" }),
    detail,
  };
};
