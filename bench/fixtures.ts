/**
 * The files the file benchmark runs on: a council workbook (`ocop init`'s layout, every score sheet blank) and
 * one member book per member with all their scores typed in, as `ocop books` issues them and members return
 * them. Written once into the temp directory and reused while the parameters and the code that lays the files
 * out stay the same (the cache key hashes both).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExcelJsHost } from "../test/reference/exceljsHost";
import { planMemberBook } from "../src/app/memberBook";
import { setUpSession } from "../src/app/setUpSession";
import { hasErrors } from "../src/ocop/findings";
import { enteredValues } from "../src/layout/scoreSheet";
import { EDITION, FORMS, SEED, makeCouncil, type CouncilSize } from "./council";

export interface Fixture {
  dir: string;
  council: string;
  books: string[];
  /** True when the files were made by this run (not taken from the cache). */
  made: boolean;
  makeMs: number;
}

const ROOT = join(__dirname, "..");
/** Code whose changes alter the files: the layout, the xlsx writer, the generator, the criteria. */
const SOURCES = ["src/layout", "src/hosts/xlsx", "src/sim", "src/ocop/criteria"];

const sourceFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? sourceFiles(join(dir, e.name))
        : /\.(ts|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name)
          ? [join(dir, e.name)]
          : []
    )
    .sort();

const cacheKey = (size: CouncilSize): string => {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ size, forms: FORMS, seed: SEED, edition: EDITION }));
  for (const dir of SOURCES)
    for (const file of sourceFiles(dir)) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest("hex").slice(0, 16);
};

export const fixtureDir = (size: CouncilSize): string =>
  join(tmpdir(), "ocop-bench", `${size.members}x${size.products}-${cacheKey(size)}`);

export const ensureFixture = async (size: CouncilSize): Promise<Fixture> => {
  const dir = fixtureDir(size);
  const council = join(dir, "council.xlsx");
  const bookFile = (code: string) => join(dir, "books", `${code}.xlsx`);
  const { session, catalogue, scores } = await makeCouncil(size);
  const books = session.members.map((m) => bookFile(m.code));
  if (existsSync(join(dir, "done"))) return { dir, council, books, made: false, makeMs: 0 };

  const started = performance.now();
  // Files of an older layout of the same size are of no more use.
  const parent = join(tmpdir(), "ocop-bench");
  const prefix = `${size.members}x${size.products}-`;
  if (existsSync(parent))
    for (const old of readdirSync(parent))
      if (old.startsWith(prefix)) rmSync(join(parent, old), { recursive: true, force: true });
  mkdirSync(join(dir, "books"), { recursive: true });
  const now = new Date("2026-06-15T08:00:00Z");
  const host = ExcelJsHost.createEmpty({ fileName: "council.xlsx" });
  const setUp = await setUpSession(host, { session, catalogue, now });
  if (hasErrors(setUp.findings)) throw new Error(`setting the council up failed: ${setUp.findings[0]?.code}`);
  writeFileSync(council, await host.toBuffer());
  for (const [i, member] of session.members.entries()) {
    const book = ExcelJsHost.createEmpty({ fileName: `${member.code}.xlsx` });
    const existing = enteredValues(scores[i]!);
    await book.apply({ plans: planMemberBook({ session, catalogue, member, existing, now }) });
    writeFileSync(bookFile(member.code), await book.toBuffer());
  }
  writeFileSync(join(dir, "done"), new Date().toISOString());
  return { dir, council, books, made: true, makeMs: performance.now() - started };
};
