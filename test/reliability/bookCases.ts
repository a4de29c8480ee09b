/**
 * What the member-book cases share: TV01's valid book, edits of it, and running it through check and
 * consolidation next to the other members' valid books. State is per test file (jest isolates modules).
 */
import type { Finding } from "../../src/ocop/findings";
import { normaliseCode } from "../../src/ocop/text";
import type { ProductResult } from "../../src/ocop/results";
import { type Corpus, buildCorpus, filledBook, key } from "./corpus";
import { type Expected, bookFile, brief, check, consolidateBytes, errorsOf, expectFinding } from "./harness";
import { XlsxPackage } from "./xlsxXml";

export const M = "TV01";
export const SHEET = "Phiếu TV01";
export const FILE = bookFile(M);
/** Typed "TV-Ánh" by the secretariat; codes are read back in canonical form. */
export const ANH = "TV-ÁNH";

export interface BookState {
  c: Corpus;
  P1: string; // form 01, column E
  P2: string; // form 01, column F
  P3: string; // form 02, column E of the second block
  validBooks: Map<string, Uint8Array>;
  baseline: ProductResult[];
}
/** Filled by `prepareBooks` in a beforeAll. */
export const S = {} as BookState;

export const row = (form: string, criterion: string): number =>
  S.c.layouts.get(M)!.criterionRows.get(`${form}|${normaliseCode(criterion)}`)!;
export const cellOf = (product: string, criterion: string): string =>
  S.c.layouts.get(M)!.cells.get(key(product, criterion))!;
export const value = (product: string, criterion: string): number =>
  S.c.scores.get(M)!.get(key(product, criterion))!;

export const prepareBooks = async (): Promise<void> => {
  const c = await buildCorpus();
  S.c = c;
  [S.P1, S.P2, S.P3] = c.session.products.map((p) => p.code) as [string, string, string];
  const validBooks = new Map<string, Uint8Array>();
  for (const m of c.session.members) validBooks.set(m.code, await filledBook(c, m.code));
  S.validBooks = validBooks;
  const { result } = await consolidateBytes(
    c.council,
    [...S.validBooks].map(([m, bytes]) => ({ file: bookFile(m), bytes }))
  );
  expect(brief(result.findings)).toEqual([]);
  expect(result.written).toBe(true);
  S.baseline = result.consolidation!.products;
};

/** A member book case: TV01's valid book, edited. */
export const editBook = async (
  edit: (pkg: XlsxPackage) => Promise<void>,
  member = M
): Promise<Uint8Array> => {
  const pkg = await XlsxPackage.load(S.validBooks.get(member)!);
  await edit(pkg);
  return pkg.save();
};

/** Checks the book alone, then consolidates it with the others' valid books into the council workbook. */
export const runBook = async (
  bytes: Uint8Array,
  member = M
): Promise<{ check: Finding[]; consolidate: Finding[]; written: boolean; products: ProductResult[] }> => {
  const checked = await check(bytes, bookFile(member));
  const books = [...S.validBooks].map(([m, b]) => ({ file: bookFile(m), bytes: m === member ? bytes : b }));
  const { result } = await consolidateBytes(S.c.council, books);
  return {
    check: checked.findings,
    consolidate: result.findings,
    written: result.written,
    products: result.consolidation?.products ?? [],
  };
};

/** The case is an error: found by check and by consolidation, and nothing is written. */
export const expectRefused = async (
  bytes: Uint8Array,
  expected: Expected[],
  member = M
): Promise<Finding[]> => {
  const r = await runBook(bytes, member);
  const out = expected.map((e) => expectFinding(r.check, e));
  for (const e of expected) expectFinding(r.consolidate, e);
  if (expected.some((e) => e.severity === "error")) expect(r.written).toBe(false);
  return out;
};

/** The edit is harmless: no error, and the ranking is the untouched one. */
export const expectAccepted = async (bytes: Uint8Array, member = M): Promise<void> => {
  const r = await runBook(bytes, member);
  expect(brief(errorsOf(r.check))).toEqual([]);
  expect(brief(errorsOf(r.consolidate))).toEqual([]);
  expect(r.written).toBe(true);
  expect(r.products).toEqual(S.baseline);
};

export const at = (product: string, criterion: string, extra: Record<string, string> = {}) => ({
  file: FILE,
  sheet: SHEET,
  cell: cellOf(product, criterion),
  member: M,
  product,
  criterion,
  ...extra,
});
