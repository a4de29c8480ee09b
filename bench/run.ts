/**
 * npm run bench — the performance figures of issue 7, each with its target and PASS/FAIL (docs/performance.md).
 *
 *   npm run bench                  everything (about 3 minutes on 2 cores; the first run also makes the files)
 *   npm run bench -- --quick       fewer runs and sizes (about 2 minutes)
 *   npm run bench -- --only files  one or more sections, comma-separated: rules, excel, files, cli, bundle, tti
 *                                  (files ends with cli: the whole commands; cli alone runs only those)
 *
 * Exit code 1 when any gated target fails (or a section could not run), 2 on a wrong call. A target set
 * before it is reached is printed with PASS/FAIL but does not change the exit code (report.ts, `gated`).
 */
import { availableParallelism, cpus, totalmem } from "node:os";
import { rmSync } from "node:fs";
import { bundleBench, build, type BuildResult } from "./bundle";
import { excelBench } from "./excel";
import { filesBench, wholeProcessBench } from "./files";
import { Report, seconds } from "./report";
import { rulesBench } from "./rules";
import { ttiBench } from "./tti";

const SECTIONS = ["rules", "excel", "files", "cli", "bundle", "tti"] as const;
type Section = (typeof SECTIONS)[number];

const parse = (argv: string[]): { quick: boolean; only: Set<Section> } | null => {
  let quick = false;
  let only = new Set<Section>(SECTIONS);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--quick") quick = true;
    else if (a === "--only" || a.startsWith("--only=")) {
      const list = (a.includes("=") ? a.slice(7) : (argv[++i] ?? "")).split(",").filter(Boolean);
      if (!list.length || list.some((s) => !SECTIONS.includes(s as Section))) return null;
      only = new Set(list as Section[]);
    } else return null;
  }
  return { quick, only };
};

const main = async (): Promise<number> => {
  const opts = parse(process.argv.slice(2));
  if (!opts) {
    console.error(`usage: npm run bench -- [--quick] [--only ${SECTIONS.join(",")}]`);
    return 2;
  }
  const started = performance.now();
  const report = new Report();
  console.log(
    `OCOP benchmark${opts.quick ? " (--quick)" : ""}: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`
  );
  const guard = async (section: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      report.error(section, e);
    }
  };
  if (opts.only.has("rules")) await guard("Rules", () => rulesBench(report, opts));
  if (opts.only.has("excel")) await guard("Excel host", () => excelBench(report, opts));
  if (opts.only.has("files")) await guard("Files", () => filesBench(report, opts));
  else if (opts.only.has("cli")) await guard("Whole commands", () => wholeProcessBench(report, opts));
  let built: BuildResult | null = null;
  if (opts.only.has("bundle") || opts.only.has("tti")) {
    await guard("Task pane build", async () => {
      built = await build();
    });
  }
  const b = built as BuildResult | null;
  if (b) {
    if (opts.only.has("bundle")) await guard("Task pane bundle", () => bundleBench(report, b));
    if (opts.only.has("tti")) await guard("Task pane start", () => ttiBench(report, b.dir, opts));
    rmSync(b.dir, { recursive: true, force: true });
  }
  const failed = report.failed;
  const pending = report.pending;
  const gated = report.checks.filter((c) => c.gated).length;
  console.log(
    `\n${gated - failed.length} of ${gated} targets pass${failed.length ? `; FAIL: ${failed.map((f) => f.name.split(":")[0]).join("; ")}` : ""}${pending.length ? `; not gated yet, FAIL: ${pending.map((f) => f.name.split(":")[0]).join("; ")}` : ""} (${seconds(performance.now() - started)})`
  );
  return failed.length ? 1 : 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  }
);
