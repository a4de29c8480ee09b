/**
 * The council's deliberation as data: the history of every score that reached the council workbook,
 * the scoring rounds, members' recusals and the chair's decisions. Pure: the layout stores these in the
 * workbook ("Lịch sử điểm", "Vòng chấm") and parses them back; `replayHistory` rebuilds every member's
 * scores of every round from the history alone, so the results can be reproduced without the sheets.
 */
import type { MemberScores, RawValue, ScoreEntry } from "./session";
import { normaliseCode } from "./text";

/** Where a score came from. */
export type ScoreSource =
  /** Typed in the member pane (the scoring assistant). */
  | { kind: "pane" }
  /** Typed straight into the council workbook's sheet; found and recorded by the next consolidation. */
  | { kind: "sheet" }
  /** Imported from a member's book, named with the file's SHA-256 so the very file can be found again. */
  | { kind: "book"; file: string; sha256: string }
  /** A paper form entered twice (by two people) and accepted where both entries agree. */
  | { kind: "paper"; enteredBy: string; checkedBy: string }
  /** Cleared or carried when a round was opened. */
  | { kind: "round"; round: number };

export type ScoreSourceKind = ScoreSource["kind"];

/** One cell's change. `old` and `new` are points (null: empty). */
export interface ScoreChange {
  /** ISO 8601 time. */
  at: string;
  /** Member code. */
  member: string;
  /** Product code. */
  product: string;
  /** Criterion id as the catalogue names it. */
  criterion: string;
  /** The round the new value belongs to (1, 2, …). */
  round: number;
  old: number | null;
  new: number | null;
  source: ScoreSource;
  /** Who entered it: the name typed in setup or in the pane, or "CLI". */
  by: string;
}

/** A member abstains on a product (conflict of interest). */
export interface Recusal {
  member: string;
  product: string;
  reason: string;
  at: string;
}

/**
 * A scoring round. Round 1 covers every product; a later round re-asks the products it lists (spread
 * beyond the threshold, or the secretariat's choice such as a second evaluation after added test results).
 */
export interface Round {
  number: number;
  products: string[];
  reason: string;
  openedAt: string;
  /** When the secretariat closed the round (member sheets protected); null while open. */
  closedAt: string | null;
  /** Who closed it (the name typed in the pane, or "CLI"), when known. */
  closedBy?: string;
}

/** The chair's decision on a product still flagged after the last round the council holds. */
export interface ChairDecision {
  product: string;
  round: number;
  decision: "accept" | "withhold";
  reason: string;
  at: string;
}

/** An explicit reopening of a closed round, kept for the audit log. */
export interface Reopening {
  round: number;
  reason: string;
  at: string;
  by: string;
}

/** Everything the council decided about its scoring, as stored in the workbook. */
export interface Deliberation {
  rounds: Round[];
  recusals: Recusal[];
  decisions: ChairDecision[];
  reopenings: Reopening[];
  /** The vice-chair the chair delegates (member code), who counts as the chair for `chairMustScore`. */
  delegate: string | null;
}

export const EMPTY_DELIBERATION: Deliberation = {
  rounds: [],
  recusals: [],
  decisions: [],
  reopenings: [],
  delegate: null,
};

/** A round's scores after replaying the history: one MemberScores per member who has a value in it. */
export interface ReplayedRound {
  round: number;
  sheets: MemberScores[];
}

// The same few hundred codes recur across a province's 185,000 cells: normalise each once.
const codeCache = new Map<string, string>();
const code = (raw: string): string => {
  let key = codeCache.get(raw);
  if (key === undefined) {
    if (codeCache.size > 100_000) codeCache.clear();
    key = normaliseCode(raw);
    codeCache.set(raw, key);
  }
  return key;
};

const cellKey = (member: string, product: string, criterion: string): string =>
  `${code(member)}\u0000${code(product)}\u0000${code(criterion)}`;

/**
 * The latest value of every member × product × criterion, per round, in history order (the order of
 * the rows is the truth: two changes may carry the same time). A cell whose latest value is empty is
 * left out, as an empty cell is on a sheet. Rounds come back in ascending order; members in the order
 * they first appear, products and criteria too, so the result is stable.
 */
export const replayHistory = (changes: readonly ScoreChange[]): ReplayedRound[] => {
  const rounds = new Map<number, Map<string, { change: ScoreChange; value: number | null }>>();
  for (const change of changes) {
    let cells = rounds.get(change.round);
    if (!cells) {
      cells = new Map();
      rounds.set(change.round, cells);
    }
    const key = cellKey(change.member, change.product, change.criterion);
    const previous = cells.get(key);
    // Keep the first position of the cell, so a member's entries stay grouped by product as on a sheet.
    if (previous) previous.value = change.new;
    else cells.set(key, { change, value: change.new });
  }
  return [...rounds.keys()]
    .sort((a, b) => a - b)
    .map((round) => {
      const byMember = new Map<string, Map<string, ScoreEntry[]>>();
      for (const { change, value } of rounds.get(round)!.values()) {
        if (value === null) continue;
        const member = normaliseCode(change.member);
        let products = byMember.get(member);
        if (!products) {
          products = new Map();
          byMember.set(member, products);
        }
        const product = normaliseCode(change.product);
        const list = products.get(product) ?? [];
        list.push({ product, criterion: change.criterion, raw: { value } });
        products.set(product, list);
      }
      const sheets: MemberScores[] = [...byMember].map(([member, products]) => ({
        member,
        entries: [...products.values()].flat(),
      }));
      return { round, sheets };
    });
};

/** The value a cell holds after the given changes (null when never set or cleared). */
export const valueAfter = (
  changes: readonly ScoreChange[],
  member: string,
  product: string,
  criterion: string,
  round: number
): number | null => {
  const key = cellKey(member, product, criterion);
  let value: number | null = null;
  for (const c of changes)
    if (c.round === round && cellKey(c.member, c.product, c.criterion) === key) value = c.new;
  return value;
};

/** A sheet cell whose value differs from what the history says it holds. */
export interface HistoryDifference {
  member: string;
  product: string;
  criterion: string;
  round: number;
  /** The value the history holds (null: empty or never recorded). */
  old: number | null;
  /** The value on the sheet now: points, empty, or whatever else was typed. */
  now: RawValue;
  sheet?: string;
  cell?: string;
}

const asPoints = (v: RawValue): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Each cell's last recorded value, by round and cell: what `compareWithHistory` compares the sheets with. */
export type RecordedValues = Map<string, number | null>;

const recordedKey = (c: Pick<ScoreChange, "round" | "member" | "product" | "criterion">): string =>
  `${c.round}\u0000${cellKey(c.member, c.product, c.criterion)}`;

export const recordedValues = (history: readonly ScoreChange[]): RecordedValues => {
  const recorded: RecordedValues = new Map();
  for (const c of history) recorded.set(recordedKey(c), c.new);
  return recorded;
};

/** Records changes into values built by `recordedValues`, so one index serves several comparisons. */
export const recordInto = (recorded: RecordedValues, changes: readonly ScoreChange[]): void => {
  for (const c of changes) recorded.set(recordedKey(c), c.new);
};

/**
 * Compares the sheets (each with its round) with the replayed history, cell by cell. A cell left empty
 * that the history never saw is no difference; every other mismatch is, text included.
 */
export const compareWithHistory = (
  history: readonly ScoreChange[] | RecordedValues,
  sheets: readonly MemberScores[]
): HistoryDifference[] => {
  const recorded = history instanceof Map ? history : recordedValues(history);
  const out: HistoryDifference[] = [];
  for (const s of sheets) {
    const round = s.round ?? 1;
    for (const e of s.entries) {
      const key = recordedKey({ round, member: s.member, product: e.product, criterion: e.criterion });
      const old = recorded.get(key) ?? null;
      const now = e.raw.formula ? `=${e.raw.formula}` : e.raw.value === "" ? null : e.raw.value;
      if (now === old || (now === null && old === null)) continue;
      const d: HistoryDifference = {
        member: s.member,
        product: e.product,
        criterion: e.criterion,
        round,
        old,
        now,
      };
      const sheet = e.sheet ?? s.sheet;
      if (sheet !== undefined) d.sheet = sheet;
      if (e.cell !== undefined) d.cell = e.cell;
      out.push(d);
    }
  }
  return out;
};

/**
 * The changes to record for the sheets' cells that differ from what is recorded, all from one source. Text and
 * formulas are not scores (validation reports them); an emptied cell is a change.
 */
const changesFrom = (
  recorded: readonly ScoreChange[] | RecordedValues,
  sheets: readonly MemberScores[],
  source: ScoreSource,
  at: string,
  by: string
): ScoreChange[] => {
  const out: ScoreChange[] = [];
  for (const d of compareWithHistory(recorded, sheets)) {
    const points = d.now === null ? null : asPoints(d.now);
    if (d.now !== null && points === null) continue;
    out.push({
      at,
      member: d.member,
      product: d.product,
      criterion: d.criterion,
      round: d.round,
      old: d.old,
      new: points,
      source,
      by,
    });
  }
  return out;
};

/** What a member's book brings against what is recorded (source: the book, with its file and SHA-256). */
export const bookChanges = (
  recorded: readonly ScoreChange[] | RecordedValues,
  scores: MemberScores,
  source: ScoreSource,
  at: string,
  by: string
): ScoreChange[] => changesFrom(recorded, [scores], source, at, by);

const SHEET_SOURCE: ScoreSource = Object.freeze({ kind: "sheet" });

/** The cells typed straight into the sheets since the history last saw them (source "sheet"). */
export const sheetChanges = (
  history: readonly ScoreChange[] | RecordedValues,
  sheets: readonly MemberScores[],
  at: string,
  by: string
): ScoreChange[] => changesFrom(history, sheets, SHEET_SOURCE, at, by);
