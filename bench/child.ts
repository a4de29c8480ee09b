/**
 * One timed run in a fresh node process (started by files.ts), so no run profits from another's warm-up and
 * the peak memory is this run's own. Modules are loaded before the clock starts. Prints one JSON line:
 * { ms, maxRssKB, phases? }.
 *
 *   load FILE...                       ExcelJS `workbook.xlsx.load` of each file, nothing else
 *   parts-load FILE...                 the parts host (what the command line uses) opening each file, nothing else
 *   consolidate OUT COUNCIL BOOK...    `ocop consolidate COUNCIL BOOK... --out OUT`, through the CLI's own `run`
 *   check FILE                         `ocop check FILE`, through the CLI's own `run`
 *   phases OUT COUNCIL BOOK...         the same steps as `ocop consolidate`, each timed on its own
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../src/cli/main";
import { nodeCodec } from "../src/hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../src/hosts/xlsx/parts/partsHost";
import { sha256Hex } from "../src/app/hash";
import { consolidateWorkbook } from "../src/app/consolidate";
import type { WorkbookHost } from "../src/hosts/workbook";

const quiet = {
  stdout: () => undefined,
  stderr: () => undefined,
  now: () => new Date("2026-06-15T08:00:00Z"),
};

/** A host that adds the time spent in its calls to `spent[read|write]`. */
const timed = (host: WorkbookHost, spent: { read: number; write: number }): WorkbookHost => {
  const clock =
    <A extends unknown[], R>(key: "read" | "write", fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t = performance.now();
      try {
        return await fn(...a);
      } finally {
        spent[key] += performance.now() - t;
      }
    };
  return {
    kind: host.kind,
    listSheets: clock("read", () => host.listSheets()),
    readSheets: clock("read", (names: string[]) => host.readSheets(names)),
    apply: clock("write", (request: Parameters<WorkbookHost["apply"]>[0]) => host.apply(request)),
  };
};

/**
 * The steps of `ocop consolidate` (src/cli/commands/consolidate.ts) with the same calls in the same order, each timed; inside
 * consolidateWorkbook, the hosts' reads and writes are timed apart from the rest (parse, check, rank, plan).
 */
const phases = async (
  out: string,
  councilFile: string,
  bookFiles: string[]
): Promise<Record<string, number>> => {
  const spent = { read: 0, write: 0 };
  const t0 = performance.now();
  const councilBytes = new Uint8Array(await readFile(councilFile));
  const council = await PartsHost.fromBuffer(councilBytes, {
    fileName: basename(councilFile),
    codec: nodeCodec,
  });
  const t1 = performance.now();
  const books: { host: WorkbookHost; file: string; sha256: string }[] = [];
  for (const file of bookFiles) {
    const bytes = new Uint8Array(await readFile(file));
    const host = await PartsHost.fromBuffer(bytes, { fileName: basename(file), codec: nodeCodec });
    books.push({ host: timed(host, spent), file: basename(file), sha256: await sha256Hex(bytes) });
  }
  const t2 = performance.now();
  const r = await consolidateWorkbook(timed(council, spent), {
    books,
    file: basename(councilFile),
    sha256: await sha256Hex(councilBytes),
  });
  if (!r.written) throw new Error("consolidation refused");
  const t3 = performance.now();
  await writeFile(out, await council.toBuffer());
  const t4 = performance.now();
  return {
    "open the council workbook": t1 - t0,
    "open the books": t2 - t1,
    "read the sheets into grids": spent.read,
    "parse, check, rank, plan": t3 - t2 - spent.read - spent.write,
    "write the sheets' XML": spent.write,
    "save (zip)": t4 - t3,
  };
};

const main = async (): Promise<void> => {
  const [mode, ...args] = process.argv.slice(2);
  const started = performance.now();
  let extra: Record<string, unknown> = {};
  if (mode === "load") {
    for (const file of args) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    }
  } else if (mode === "parts-load") {
    for (const file of args)
      await PartsHost.fromBuffer(new Uint8Array(await readFile(file)), { codec: nodeCodec });
  } else if (mode === "consolidate") {
    const [out, council, ...books] = args as [string, string, ...string[]];
    const code = await run(["consolidate", council, ...books, "--out", out], quiet);
    if (code !== 0) throw new Error(`ocop consolidate exited with ${code}`);
  } else if (mode === "check") {
    const code = await run(["check", ...args], quiet);
    if (code !== 0) throw new Error(`ocop check exited with ${code}`);
  } else if (mode === "phases") {
    const [out, council, ...books] = args as [string, string, ...string[]];
    extra = { phases: await phases(out, council, books) };
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, maxRssKB: process.resourceUsage().maxRSS, ...extra })}\n`);
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
