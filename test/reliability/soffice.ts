/**
 * LibreOffice, headless, for making the .xls / .ods / LibreOffice-written .xlsx files of the corpus.
 * Each call uses its own profile directory, so parallel jest workers never share a profile lock.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** Converts `bytes` (named `name`) to `format` ("xls", "ods", "xlsx", "csv"…); returns the new file's bytes. */
export const convertWithSoffice = (bytes: Uint8Array, name: string, format: string): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), "ocop-soffice-"));
  try {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    const out = join(dir, "out");
    try {
      execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000 });
    } catch {
      throw new Error(
        "LibreOffice (soffice) is needed to make the .xls/.ods cases: apt-get install -y libreoffice-calc"
      );
    }
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        out,
        input,
      ],
      { stdio: "pipe", timeout: 120_000 }
    );
    const stem = basename(name).replace(/\.[^.]+$/, "");
    return new Uint8Array(readFileSync(join(out, `${stem}.${format.split(":")[0]}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
