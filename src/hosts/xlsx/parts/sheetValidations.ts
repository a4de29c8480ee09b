/**
 * List validations of a sheet part: the <dataValidation> rules after <sheetData>, as row runs (tall bands kept
 * whole), with their items read from an inline list or from a range on this sheet or another.
 */
import { parseRange } from "../../../layout/a1";
import type { CellRange, CellValue, ListValidation } from "../../../layout/plan";
import { COLS } from "./cellValues";
import { endsName, xmlText } from "./cellValues";
import { attribute } from "./xml";

/** Rows of one validation rule with the same columns taller than this stay one range (see readSheetXml). */
export const TALL_BAND = 64;
/** Overlapping validation rules are resolved cell by cell up to this many cells. */
const EXACT_CELLS = 100_000;

/** Where list items come from: this sheet (by name) and the values of any other. */
export interface ListSources {
  name: string;
  otherSheet: (name: string) => CellValue[][] | null;
}

interface Rule {
  list: boolean;
  formula: string;
  rects: CellRange[];
}

const FORMULA = /<formula([12])(?:\s[^>]*)?>([\s\S]*?)<\/formula\1>/;

/** Index of the ">" ending the tag at `from`, past quoted values (a prompt may hold a raw ">"); -1 if none. */
const tagEnd = (xml: string, from: number): number => {
  for (let i = from; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      i = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
};

/** Every <dataValidation> in document order (Excel 2010's <x14:dataValidation> are not read, as in ExcelJS). */
const parseRules = (tail: string): Rule[] => {
  const rules: Rule[] = [];
  const open = "<dataValidation";
  for (let at = tail.indexOf("<dataValidations"); at >= 0;) {
    const i = tail.indexOf(open, at);
    if (i < 0) break;
    const gt = tagEnd(tail, i);
    if (gt < 0) break;
    at = gt + 1;
    if (!endsName(tail.charCodeAt(i + open.length))) continue; // <dataValidations>
    const tag = tail.slice(i, gt + 1);
    let body = "";
    if (tail.charCodeAt(gt - 1) !== 47) {
      const close = tail.indexOf("</dataValidation>", gt);
      if (close < 0) break;
      body = tail.slice(gt + 1, close);
      at = close + open.length + 2; // past "</dataValidation>"
    }
    const rects: CellRange[] = [];
    for (const part of (attribute(tag, "sqref") ?? "").split(/\s+/)) {
      const r = parseRange(part);
      if (r) rects.push(r);
    }
    const f = FORMULA.exec(body);
    rules.push({ list: attribute(tag, "type") === "list", formula: f ? xmlText(f[2]!) : "", rects });
  }
  return rules;
};

/** Whether a list rule shares a cell with another rule (then ExcelJS's last-rule-wins matters). */
const overlapping = (rules: Rule[]): boolean => {
  const all: { r: CellRange; i: number }[] = [];
  rules.forEach((rule, i) => rule.rects.forEach((r) => all.push({ r, i })));
  all.sort((a, b) => a.r.row - b.r.row);
  for (let a = 0; a < all.length; a++) {
    const A = all[a]!;
    const bottom = A.r.row + A.r.rowCount;
    for (let b = a + 1; b < all.length && all[b]!.r.row < bottom; b++) {
      const B = all[b]!;
      if (B.i === A.i || !(rules[A.i]!.list || rules[B.i]!.list)) continue;
      if (B.r.col < A.r.col + A.r.colCount && A.r.col < B.r.col + B.r.colCount) return true;
    }
  }
  return false;
};

/** readGrid's row runs of one rule's cells, computed by bands of rows instead of cell by cell. */
const bandRuns = (rects: CellRange[]): CellRange[] => {
  const out: CellRange[] = [];
  const emit = (top: number, height: number, spans: [number, number][]): void => {
    if (height > TALL_BAND) {
      for (const [from, to] of spans)
        out.push({ row: top, col: from, rowCount: height, colCount: to - from + 1 });
      return;
    }
    for (let r = top; r < top + height; r++)
      for (const [from, to] of spans) out.push({ row: r, col: from, rowCount: 1, colCount: to - from + 1 });
  };
  if (rects.length === 1) {
    const r = rects[0]!;
    emit(r.row, r.rowCount, [[r.col, r.col + r.colCount - 1]]);
    return out;
  }
  const edges = [...new Set(rects.flatMap((r) => [r.row, r.row + r.rowCount]))].sort((a, b) => a - b);
  for (let e = 0; e + 1 < edges.length; e++) {
    const top = edges[e]!;
    const spans: [number, number][] = rects
      .filter((r) => r.row <= top && top < r.row + r.rowCount)
      .map((r): [number, number] => [r.col, r.col + r.colCount - 1])
      .sort((a, b) => a[0] - b[0]);
    if (!spans.length) continue;
    // Consecutive cells of a row are one run in readGrid: join spans that touch or overlap.
    const joined: [number, number][] = [spans[0]!];
    for (const s of spans.slice(1)) {
      const last = joined[joined.length - 1]!;
      if (s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
      else joined.push(s);
    }
    emit(top, edges[e + 1]! - top, joined);
  }
  return out;
};

/**
 * ExcelJS's model cell by cell: each rule claims its cells in order (a later rule takes a cell over but
 * the cell keeps its place), rules come out in the order of their first cell, cells in row runs.
 */
const exactRuns = (rules: Rule[]): { rule: number; ranges: CellRange[] }[] | null => {
  let total = 0;
  for (const rule of rules) for (const r of rule.rects) total += r.rowCount * r.colCount;
  if (total > EXACT_CELLS) return null;
  const owner = new Map<number, number>();
  rules.forEach((rule, i) => {
    for (const r of rule.rects)
      for (let c = r.col; c < r.col + r.colCount; c++)
        // column by column, as Range.forEachAddress
        for (let row = r.row; row < r.row + r.rowCount; row++) owner.set(row * COLS + c, i);
  });
  const byRule = new Map<number, number[]>();
  for (const [key, i] of owner) {
    if (!rules[i]!.list) continue;
    const keys = byRule.get(i);
    if (keys) keys.push(key);
    else byRule.set(i, [key]);
  }
  const out: { rule: number; ranges: CellRange[] }[] = [];
  for (const [rule, keys] of byRule) {
    keys.sort((a, b) => a - b);
    const ranges: CellRange[] = [];
    let run: CellRange | null = null;
    for (const key of keys) {
      const row = Math.floor(key / COLS);
      const col = key % COLS;
      if (run && run.row === row && run.col + run.colCount === col) run.colCount++;
      else {
        if (run) ranges.push(run);
        run = { row, col, rowCount: 1, colCount: 1 };
      }
    }
    if (run) ranges.push(run);
    out.push({ rule, ranges });
  }
  return out;
};

/** Cells a list can take its items from. */
export interface Source {
  rows: number;
  cols: number;
  at(row: number, col: number): CellValue;
}

const gridSource = (values: CellValue[][] | null): Source | null =>
  values && {
    rows: values.length,
    cols: values.reduce((n, r) => Math.max(n, r.length), 0),
    at: (row, col) => values[row]?.[col] ?? null,
  };

const unquote = (s: string): string =>
  s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;

/** readGrid's listItems: an inline "a,b,c" list, or a range on this or another sheet. */
const listItems = (formula: string, own: Source, ctx: ListSources): (string | number)[] => {
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"')) {
    return unquote(f)
      .split(",")
      .map((s) => s.trim())
      .map((s) => (s !== "" && Number.isFinite(Number(s)) ? Number(s) : s));
  }
  const bang = f.lastIndexOf("!");
  const sheetName = bang >= 0 ? f.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : null;
  const source = !sheetName || sheetName === ctx.name ? own : gridSource(ctx.otherSheet(sheetName));
  const r = parseRange(bang >= 0 ? f.slice(bang + 1) : f);
  if (!source || !r) return [];
  const out: (string | number)[] = [];
  // Cells beyond the source's extent are empty; not visiting them keeps A1:A1048576 cheap.
  const rowEnd = Math.min(r.row + r.rowCount, source.rows);
  const colEnd = Math.min(r.col + r.colCount, source.cols);
  for (let i = r.row; i < rowEnd; i++)
    for (let j = r.col; j < colEnd; j++) {
      const value = source.at(i, j);
      if (value !== null && value !== "") out.push(typeof value === "number" ? value : String(value));
    }
  return out;
};

export const readValidations = (tail: string, own: Source, ctx: ListSources): ListValidation[] => {
  const rules = parseRules(tail);
  if (!rules.some((r) => r.list && r.rects.length)) return [];
  const runs =
    (overlapping(rules) ? exactRuns(rules) : null) ??
    rules.flatMap((rule, i) =>
      rule.list && rule.rects.length ? [{ rule: i, ranges: bandRuns(rule.rects) }] : []
    );
  const out: ListValidation[] = [];
  // Province sheets repeat the same few lists over hundreds of rules: read each once.
  const lists = new Map<string, (string | number)[]>();
  for (const { rule, ranges } of runs) {
    const formula = rules[rule]!.formula;
    let list = lists.get(formula);
    if (!list) lists.set(formula, (list = listItems(formula, own, ctx)));
    for (const range of ranges) out.push({ range, list });
  }
  return out;
};
