/**
 * Files at a province's size: `ocop consolidate` over 15 member books against ExcelJS merely opening them,
 * its peak memory, and `ocop check` of one book. Every timed run is a fresh node process (child.ts), timed
 * inside it; then the same commands as whole processes (wholeProcessBench).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PROVINCE, sizeLabel } from "./council";
import { ensureFixture } from "./fixtures";
import { median, millis, seconds, type Report } from "./report";

const ROOT = join(__dirname, "..");
const TSX = pathToFileURL(require.resolve("tsx")).href;
const TIME = "/usr/bin/time";

interface ChildResult {
  ms: number;
  maxRssKB: number;
  phases?: Record<string, number>;
}

const exec = (
  command: string,
  args: string[]
): Promise<{ code: number; stdout: string; stderr: string; wallMs: number }> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout, stderr, wallMs: performance.now() - started })
    );
  });

const child = async (mode: string, args: string[]): Promise<ChildResult> => {
  const r = await exec(process.execPath, ["--import", TSX, join(__dirname, "child.ts"), mode, ...args]);
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (r.code !== 0 || !last.startsWith("{"))
    throw new Error(`${mode} run failed (${r.code}): ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  return JSON.parse(last) as ChildResult;
};

/** A whole process from spawn to exit: its wall clock, and its peak memory when /usr/bin/time is there. */
const whole = async (args: string[]): Promise<{ wallMs: number; maxRssKB: number | null }> => {
  const r = existsSync(TIME)
    ? await exec(TIME, ["-f", "maxrss=%M", process.execPath, ...args])
    : await exec(process.execPath, args);
  if (r.code !== 0)
    throw new Error(
      `${args.slice(0, 2).join(" ")} exited with ${r.code}: ${(r.stdout + r.stderr).slice(0, 200)}`
    );
  const rss = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  return { wallMs: r.wallMs, maxRssKB: rss ? Number(rss) : null };
};

const BIN = join(ROOT, "bin", "ocop.cjs");
const ENTRY = join(ROOT, "src", "cli", "entry.ts");
const EXCEL_OPEN = join(__dirname, "excelOpen.cjs");

/**
 * What a user waits for: whole processes, node start-up included, side by side and alternated.
 * `ocop check` of one book with the bundle (bin/ocop.cjs → dist/cli/ocop.cjs) against the same command
 * through tsx (`node --import tsx src/cli/entry.ts`, what bin/ocop.cjs ran before the bundle, without its
 * extra parent process); `ocop consolidate` at province size with the bundle against a plain node process
 * that loads ExcelJS and opens the 15 books (excelOpen.cjs).
 */
export const wholeProcessBench = async (report: Report, opts: { quick: boolean }): Promise<void> => {
  const section = "Whole commands";
  const runs = opts.quick ? 3 : 5;
  const fx = await ensureFixture(PROVINCE);
  report.section(
    `${section}: fresh processes from spawn to exit (node start-up included), ${sizeLabel(PROVINCE)}; median of ${runs} alternated runs`
  );
  await whole([BIN, "--help"]); // makes the bundle if it is missing or stale, outside the clock
  const out = mkdtempSync(join(tmpdir(), "ocop-bench-out-"));
  try {
    const result = join(out, "result.xlsx");
    const book = fx.books[0]!;
    const bundled: number[] = [];
    const viaTsx: number[] = [];
    const cons: { wallMs: number; maxRssKB: number | null }[] = [];
    const excel: number[] = [];
    for (let i = 0; i < runs; i++) {
      bundled.push((await whole([BIN, "check", book])).wallMs);
      viaTsx.push((await whole(["--import", TSX, ENTRY, "check", book])).wallMs);
      cons.push(await whole([BIN, "consolidate", fx.council, ...fx.books, "--out", result]));
      excel.push((await whole([EXCEL_OPEN, ...fx.books])).wallMs);
    }
    const list = (xs: number[]) => xs.map((x) => seconds(x)).join(", ");
    const check = median(bundled);
    const tsx = median(viaTsx);
    report.info(`ocop check of one book through tsx: ${seconds(tsx)} (runs: ${list(viaTsx)})`);
    report.check(
      section,
      "ocop check, bundle ÷ tsx (whole process)",
      `${(check / tsx).toFixed(2)}×`,
      "≤ 0.5×",
      check / tsx <= 0.5,
      `ocop check of one book with the bundle: ${seconds(check)} (runs: ${list(bundled)}) = ${(check / tsx).toFixed(2)}× through tsx (target ≤ 0.5×)`,
      { gated: false }
    );
    const consMs = median(cons.map((r) => r.wallMs));
    const excelMs = median(excel);
    const peak = Math.max(...cons.map((r) => r.maxRssKB ?? 0)) / 1024;
    // Peak memory of the command a user runs (bin/ocop.cjs and its bundle), when /usr/bin/time can say.
    if (peak > 0)
      report.check(
        section,
        "ocop consolidate peak memory (max RSS, the command as shipped)",
        `${peak.toFixed(0)} MB`,
        "< 500 MB",
        peak < 500,
        undefined,
        { gated: false }
      );
    else report.info("ocop consolidate peak memory: not measured (no /usr/bin/time here)");
    report.info(
      `a plain node process opening the ${fx.books.length} books with ExcelJS: ${seconds(excelMs)} (runs: ${list(excel)})`
    );
    report.check(
      section,
      "ocop consolidate ÷ ExcelJS open of the books (whole process)",
      `${(consMs / excelMs).toFixed(2)}×`,
      "≤ 0.5×",
      consMs / excelMs <= 0.5,
      `ocop consolidate with the bundle: ${seconds(consMs)} (runs: ${list(cons.map((r) => r.wallMs))}${peak ? `; max RSS ${peak.toFixed(0)} MB` : ""}) = ${(consMs / excelMs).toFixed(2)}× the ExcelJS process (target ≤ 0.5×)`,
      { gated: false }
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};

export const filesBench = async (report: Report, opts: { quick: boolean }): Promise<void> => {
  const section = "Files";
  const runs = opts.quick ? 3 : 5;
  const fx = await ensureFixture(PROVINCE);
  report.section(
    `${section}: ${sizeLabel(PROVINCE)} over 6 forms; ${fx.books.length} member books; median of ${runs} runs, each in a fresh node process`
  );
  report.info(
    fx.made
      ? `made the council workbook and the books in ${seconds(fx.makeMs)} (cached in ${fx.dir})`
      : `council workbook and books from the cache: ${fx.dir}`
  );
  const out = mkdtempSync(join(tmpdir(), "ocop-bench-out-"));
  try {
    const result = join(out, "result.xlsx");
    const load: ChildResult[] = [];
    const cons: ChildResult[] = [];
    // Alternated, so a slow moment of the machine hits both sides alike.
    for (let i = 0; i < runs; i++) {
      load.push(await child("load", fx.books));
      cons.push(await child("consolidate", [result, fx.council, ...fx.books]));
    }
    const partsLoad: ChildResult[] = [];
    for (let i = 0; i < runs; i++) partsLoad.push(await child("parts-load", fx.books));
    const loadMs = median(load.map((r) => r.ms));
    const consMs = median(cons.map((r) => r.ms));
    const ratio = consMs / loadMs;
    report.info(
      `ExcelJS opens the ${fx.books.length} books: ${seconds(loadMs)} (runs: ${load.map((r) => seconds(r.ms)).join(", ")}; max RSS ${(Math.max(...load.map((r) => r.maxRssKB)) / 1024).toFixed(0)} MB)`
    );
    const partsMs = median(partsLoad.map((r) => r.ms));
    report.info(
      `for information, the command line's own reader (parts host) opens the ${fx.books.length} books in ${seconds(partsMs)}: consolidate is ${(consMs / partsMs).toFixed(1)}× that`
    );
    report.info(
      `ocop consolidate (in-process run()): ${seconds(consMs)} (runs: ${cons.map((r) => seconds(r.ms)).join(", ")})`
    );
    report.check(
      section,
      "ocop consolidate ÷ ExcelJS open of the books",
      `${ratio.toFixed(2)}×`,
      "≤ 1.5×",
      ratio <= 1.5,
      undefined,
      // Not gated yet. The members' forms are now on demand above 1,500 (they took it to 16× and 2.6 GB); what
      // is left over session 3's 1.0× is the score history of the first import (185,000 cells recorded, 6,000
      // rows written) and the printed documents: 1.5× on 2026-12-02, the plan step the largest part.
      { gated: false }
    );
    // For information: this process also holds tsx's compiler (about 60 MB); the target is checked on the
    // command as shipped, in the whole-command section below.
    const peak = Math.max(...cons.map((r) => r.maxRssKB)) / 1024;
    report.info(`ocop consolidate through tsx, in-process run(): max RSS ${peak.toFixed(0)} MB`);

    const ph = await child("phases", [result, fx.council, ...fx.books]);
    report.info(
      `where the time goes (one run): ${Object.entries(ph.phases ?? {})
        .map(([k, v]) => `${k} ${seconds(v)}`)
        .join("; ")}`
    );

    const checks: ChildResult[] = [];
    for (let i = 0; i < runs; i++) checks.push(await child("check", [fx.books[0]!]));
    const checkMs = median(checks.map((r) => r.ms));
    report.check(
      section,
      "ocop check of one book (in-process run())",
      millis(checkMs),
      "< 1 s",
      checkMs < 1000
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  await wholeProcessBench(report, opts);
};
