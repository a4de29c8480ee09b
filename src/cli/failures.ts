/**
 * The two ways a command stops early, and the exit code and words each one gets: a wrong call (exit 2,
 * one line on standard error), an input that cannot be read (exit 2, its findings on standard output),
 * an output that cannot be written (exit 2, one sentence on standard error).
 */
import type { Finding } from "../ocop/findings";
import type { Lang } from "../ocop/messages";
import { LAYOUT_CODES } from "../layout/codes";
import type { CliIO } from "./io";
import { findingLines } from "./report";
import { TEXT } from "./text";
import { outputMessage } from "./outputs";
import { OutputError } from "./safeWrite";

export class WrongCall extends Error {}

export class Unreadable extends Error {
  constructor(
    readonly file: string,
    detail: string,
    /** The package guard's own findings (not an .xlsx, encrypted, truncated, zip bomb, …), when it refused the file. */
    readonly refused: Finding[] | null = null
  ) {
    super(detail);
  }
}

const unreadable = (file: string, detail: string): Finding => ({
  code: LAYOUT_CODES.fileUnreadable,
  severity: "error",
  where: { file },
  params: { detail },
});

export const unreadableFindings = (e: Unreadable): Finding[] => e.refused ?? [unreadable(e.file, e.message)];

/** The exit code for an early stop, after saying why; anything else is a fault of ours and is thrown on. */
export const exitFor = (e: unknown, io: CliIO, lang: Lang): number => {
  if (e instanceof WrongCall) {
    io.stderr(TEXT[lang].wrongCall(e.message) + "\n");
    return 2;
  }
  if (e instanceof Unreadable) {
    io.stdout(findingLines(unreadableFindings(e), lang));
    return 2;
  }
  if (e instanceof OutputError) {
    io.stderr(outputMessage(e, lang) + "\n");
    return 2;
  }
  throw e;
};
