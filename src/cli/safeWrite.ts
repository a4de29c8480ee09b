/**
 * Writing an output so that nothing is ever destroyed: the bytes go to a temporary file in the target's
 * directory, are flushed to disk (fsync), and only then renamed over the target. A write that fails (disk
 * full, file-size limit, read-only place) leaves the previous file whole and no temporary file behind;
 * runs writing the same output at once each rename a complete file, so the last one wins whole and none
 * is spliced. Failures become an OutputError the command line reports in words (exit 2).
 */
import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

export type OutputProblem =
  | "missingDir"
  | "notDirectory"
  | "isDirectory"
  | "readOnly"
  | "noSpace"
  | "tooLarge"
  | "nameTooLong"
  | "aliasesInput"
  | "failed";

export class OutputError extends Error {
  constructor(
    /** The output as the user named it. */
    readonly target: string,
    readonly problem: OutputProblem,
    /** The system's code (ENOSPC…) or the input it aliases. */
    readonly detail: string
  ) {
    super(`${problem}: ${target} (${detail})`);
    this.name = "OutputError";
  }
}

/** The few calls a write makes; tests pass a file system that fails where they want. */
export interface WriteFs {
  open(path: string, flags: string, mode?: number): Promise<nodeFs.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ isDirectory(): boolean }>;
}

export const realFs: WriteFs = {
  open: (p, f, m) => nodeFs.open(p, f, m),
  rename: (a, b) => nodeFs.rename(a, b),
  unlink: (p) => nodeFs.unlink(p),
  stat: (p) => nodeFs.stat(p),
};

/** What a system error means for the user. */
export const problemOf = (e: unknown): OutputProblem => {
  switch ((e as NodeJS.ErrnoException | null)?.code) {
    case "ENOENT":
      return "missingDir";
    case "ENOTDIR":
      return "notDirectory";
    case "EISDIR":
      return "isDirectory";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "readOnly";
    case "ENOSPC":
    case "EDQUOT":
      return "noSpace";
    case "EFBIG":
      return "tooLarge";
    case "ENAMETOOLONG":
      return "nameTooLong";
    default:
      return "failed";
  }
};

const fail = (target: string, e: unknown): OutputError =>
  e instanceof OutputError
    ? e
    : new OutputError(
        target,
        problemOf(e),
        (e as NodeJS.ErrnoException).code ?? String((e as Error).message)
      );

/** Checks that the target's directory exists and the target is not a directory, before any work. */
export const checkTarget = async (target: string, fs: WriteFs = realFs): Promise<void> => {
  const dir = dirname(resolve(target));
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new OutputError(target, "notDirectory", dir);
  } catch (e) {
    throw fail(target, e);
  }
  try {
    if ((await fs.stat(target)).isDirectory()) throw new OutputError(target, "isDirectory", target);
  } catch (e) {
    if (e instanceof OutputError) throw e;
    // Not there yet: that is the usual case.
  }
};

/** Makes a folder for outputs (and its parents); a file in the way or a read-only place is an OutputError. */
export const ensureFolder = async (dir: string): Promise<void> => {
  try {
    await nodeFs.mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new OutputError(dir, code === "EEXIST" ? "notDirectory" : problemOf(e), code || dir);
  }
};

/** A file written in full next to its target, to be renamed over it or thrown away. */
export interface Staged {
  target: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Writes the bytes to a temporary file beside the target and flushes it; nothing of the target changes. */
export const stage = async (target: string, bytes: Uint8Array, fs: WriteFs = realFs): Promise<Staged> => {
  await checkTarget(target, fs);
  // A short name of its own: a long target name must not make the temporary name too long.
  const temp = join(dirname(resolve(target)), `.ocop-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, "wx", 0o644);
    for (let at = 0; at < bytes.length;) {
      const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
      if (bytesWritten <= 0) throw Object.assign(new Error("short write"), { code: "ENOSPC" });
      at += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw fail(target, e);
  }
  return {
    target,
    commit: async () => {
      try {
        await fs.rename(temp, target);
      } catch (e) {
        await fs.unlink(temp).catch(() => undefined);
        throw fail(target, e);
      }
    },
    discard: () => fs.unlink(temp).catch(() => undefined),
  };
};

/** One output, written whole or not at all. */
export const writeSafely = async (target: string, bytes: Uint8Array, fs: WriteFs = realFs): Promise<void> =>
  (await stage(target, bytes, fs)).commit();

/**
 * Several outputs, all or none: every file is written and flushed beside its target first; only when all
 * are there are they renamed into place (a failure before that leaves every target as it was).
 */
export const writeAllSafely = async (
  files: readonly { target: string; bytes: Uint8Array }[],
  fs: WriteFs = realFs
): Promise<void> => {
  const staged: Staged[] = [];
  try {
    for (const f of files) staged.push(await stage(f.target, f.bytes, fs));
  } catch (e) {
    await Promise.all(staged.map((s) => s.discard()));
    throw e;
  }
  for (const [i, s] of staged.entries()) {
    try {
      await s.commit();
    } catch (e) {
      await Promise.all(staged.slice(i + 1).map((x) => x.discard()));
      throw e;
    }
  }
};
