/** LibreOffice Calc, headless: is it here, and re-save an .xlsx through it. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const sofficeOnPath = (): boolean =>
  spawnSync("sh", ["-c", "command -v soffice"], { stdio: "pipe" }).status === 0;

/** Opens the file in Calc and saves it again as .xlsx (`soffice --headless --convert-to xlsx`). */
export const resaveWithCalc = (bytes: Uint8Array, name: string): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), "ocop-lo-"));
  try {
    writeFileSync(join(dir, name), bytes);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx",
        "--outdir",
        join(dir, "out"),
        join(dir, name),
      ],
      { stdio: "pipe", timeout: 180_000 }
    );
    return new Uint8Array(readFileSync(join(dir, "out", name)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
