/**
 * `ocop consolidate --csv FILE`: the results as one CSV row per product, for other tools (a provincial
 * database, a spreadsheet, a script). UTF-8 with a byte-order mark (so Excel reads the diacritics), comma
 * separated, CRLF line ends, fields quoted when they hold a comma, a quote or a line break. The header is
 * English machine keys, the same whatever --lang says, so a tool can name its columns once (docs/cli.md).
 * Numbers have a dot as decimal mark and at most 4 decimals; an empty field is a value that does not exist
 * (a withheld product has no stars and no rank).
 */
import type { Lang } from "../ocop/messages";
import type { Consolidation } from "../ocop/results";
import type { Session } from "../ocop/session";
import type { PartId } from "../ocop/criteria/types";
import { levelProcess, outcomeWords } from "../ocop/process";
import { remarkOf } from "../layout/remarks";

const PARTS: PartId[] = ["A", "B", "C"];

const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? "" : String(Math.round(n * 10_000) / 10_000);

/**
 * A text typed by a person that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, the usual guard against formula injection when the file is opened in Excel; numbers are ours.
 */
const text = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const CSV_COLUMNS = [
  "code",
  "name",
  "owner",
  "commune",
  "form",
  "members",
  "mean",
  ...PARTS.map((p) => `mean_${p}`),
  "min",
  "max",
  "spread",
  "stars",
  "outcome",
  "outcome_text",
  "rank",
  "notes",
] as const;

/** The CSV bytes: BOM, header, then the products in the official order (as the ranking lists them). */
export const resultsCsv = (session: Session, c: Consolidation, lang: Lang): Uint8Array => {
  const lp = levelProcess(c.edition, c.level);
  const products = new Map(session.products.map((p) => [p.code, p]));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const r of c.products) {
    const p = products.get(r.product);
    rows.push([
      text(r.product),
      text(p?.name ?? ""),
      text(p?.owner ?? ""),
      text(p?.commune ?? ""),
      r.form,
      String(r.count),
      num(r.mean),
      ...PARTS.map((part) => num(r.partMeans?.[part])),
      num(r.min),
      num(r.max),
      num(r.range),
      r.stars === null ? "" : String(r.stars),
      r.outcome,
      outcomeWords(r.outcome, lp)[lang],
      r.rank === null ? "" : String(r.rank),
      text(remarkOf(r, p)),
    ]);
  }
  const body = rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
  return new TextEncoder().encode("\uFEFF" + body);
};
