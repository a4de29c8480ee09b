/** The command line end to end on real files, for the round-trip and LibreOffice tests. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/app/readWorkbook";
import { parseSheets } from "../../src/app/scores";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { Catalogue } from "../../src/ocop/criteria/types";
import type { MemberScores, Session } from "../../src/ocop/session";
import { ExcelJsHost } from "../reference/exceljsHost";
import { run } from "../../src/cli/main";
import { fillCells } from "./xmlFill";

export const ROOT = join(__dirname, "..", "..");
export const EXAMPLES = join(ROOT, "examples");

export const cli = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    now: () => new Date("2026-06-15T08:00:00Z"),
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
};

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "ocop-rt-"));

/** `ocop init` on the example CSVs and `ocop books`; returns the paths and the session as written. */
export const initExample = async (
  dir: string
): Promise<{ council: string; books: string[]; session: Session; catalogue: Catalogue }> => {
  const council = join(dir, "council.xlsx");
  const init = await cli([
    "init",
    "--products",
    join(EXAMPLES, "products.csv"),
    "--members",
    join(EXAMPLES, "members.csv"),
    "--title",
    "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bắc Ninh",
    "--date",
    "2026-06-15",
    "--out",
    council,
  ]);
  if (init.code !== 0) throw new Error(`init failed: ${init.stdout}${init.stderr}`);
  const books = await cli(["books", council, "--out-dir", join(dir, "books")]);
  if (books.code !== 0) throw new Error(`books failed: ${books.stdout}${books.stderr}`);
  const read = await readWorkbook(await ExcelJsHost.fromBuffer(readFileSync(council)));
  const session = read.session!;
  const catalogue = await loadEdition(session.edition);
  const bookFiles = readdirSync(join(dir, "books"))
    .sort()
    .map((f) => join(dir, "books", f));
  return { council, books: bookFiles, session, catalogue };
};

/**
 * Writes a member's generated scores into their book with the raw-XML filler, at the cells the book's
 * anchors point to. `edit` may change the value list before it is written (to make faults).
 */
export const fillBook = async (
  file: string,
  scores: MemberScores,
  session: Session,
  catalogue: Catalogue,
  edit?: (cells: Map<string, number | string | null>) => void
): Promise<void> => {
  const bytes = new Uint8Array(readFileSync(file));
  const read = await readWorkbook(await ExcelJsHost.fromBuffer(bytes));
  const [sheet] = parseSheets(read.scoreSheets, session, catalogue);
  const wanted = new Map(scores.entries.map((e) => [`${e.product}|${e.criterion}`, e.raw.value]));
  const cells = new Map<string, number | string | null>();
  for (const e of sheet!.parsed.scores!.entries) {
    const v = wanted.get(`${e.product}|${e.criterion}`);
    if (v !== undefined && e.cell) cells.set(e.cell, typeof v === "boolean" ? String(v) : v);
  }
  edit?.(cells);
  writeFileSync(file, await fillCells(bytes, sheet!.grid.name, cells));
};
