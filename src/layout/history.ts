/**
 * "Lịch sử điểm": every score that reached the council workbook, oldest first: time, round, member, product,
 * criterion, old and new value, where it came from (pane, the sheet itself, a member's book with its SHA-256,
 * a paper form entered twice, a round), and who entered it. The add-in owns the sheet (protected); new rows are
 * appended below the others, which are never written again (`historyWrite`); `parseHistorySheet` reads it back,
 * and the results can be computed again from it alone (`replayHistory`).
 *
 * One row per cell change, except that the changes of one member's product made together (same time, round,
 * source and person: a book imported, a paper form, a whole product typed) share a row, their criteria, old and
 * new values listed in the same order ("1.1; 1.2; 2.1" / "–; –; –" / "3; 5; 2,5"). A province's first import is
 * then 6,000 rows rather than 185,000: the sheet stays light enough for Excel to read and write in one request.
 */
import type { Finding } from "../ocop/findings";
import type { ScoreChange, ScoreSource } from "../ocop/history";
import { cellAddress } from "./a1";
import { FORMAT, cellText, put } from "./build";
import { LAYOUT_CODES } from "./codes";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";

const TITLE = "LỊCH SỬ ĐIỂM CHẤM";
const HEADER_ROW = 2;
const FIRST_ROW = 3;

export const HISTORY_HEADER = [
  "Thời điểm",
  "Vòng",
  "Thành viên",
  "Sản phẩm",
  "Tiêu chí",
  "Điểm cũ",
  "Điểm mới",
  "Nguồn",
  "Tệp",
  "SHA-256",
  "Người nhập phiếu giấy",
  "Người đối chiếu",
  "Người ghi",
] as const;

/** The words for each source, printed and read back. */
export const SOURCE_LABEL: Record<ScoreSource["kind"], string> = {
  pane: "Ngăn tác vụ",
  sheet: "Nhập trên trang tính",
  book: "Sổ phiếu chấm",
  paper: "Phiếu giấy (nhập hai lần)",
  round: "Mở vòng chấm",
};

const KIND_OF = new Map(Object.entries(SOURCE_LABEL).map(([k, v]) => [v, k as ScoreSource["kind"]]));

const pointsOrEmpty = (v: number | null): CellValue => v;

/** Separates the criteria and values of a row that holds several changes. */
const LIST_SEPARATOR = "; ";
/** A value that was (or became) empty, in a list. */
const NO_VALUE = "–";
/**
 * A row listing the same criteria as the row above says so ("như trên", as Vietnamese tables do) rather than
 * repeat them: a province's snapshot lists some 35 criteria on each of 6,000 rows, half of the sheet's text,
 * and the whole sheet is what Excel must send back each time the history is compared.
 */
export const SAME_AS_ABOVE = "như trên";

/** Points in a list, in Vietnamese notation (2,5); read back with either decimal mark. */
const listValue = (v: number | null): string => (v === null ? NO_VALUE : String(v).replace(".", ","));

const parseListValue = (text: string): number | null | undefined => {
  const t = text.trim();
  if (t === NO_VALUE || t === "-" || t === "") return null;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
};

const sameSource = (a: ScoreSource, b: ScoreSource): boolean => {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
};

/** Whether two changes belong to one act of entry: the same time, round, source and person. */
const sameBatch = (a: ScoreChange, b: ScoreChange): boolean =>
  a.at === b.at && a.round === b.round && a.by === b.by && sameSource(a.source, b.source);

/**
 * The changes grouped into rows. A batch (consecutive changes of one act of entry) is regrouped by member and
 * product in order of first appearance (a sheet lists criteria across products); each cell appears once in a
 * batch, so the order that matters (a cell's successive values) is kept. A batch that names a cell twice, or a
 * criterion holding the list separator, keeps one row per change.
 */
const rowsOf = (changes: readonly ScoreChange[]): ScoreChange[][] => {
  const rows: ScoreChange[][] = [];
  let start = 0;
  while (start < changes.length) {
    const first = changes[start]!;
    let end = start + 1;
    while (end < changes.length && sameBatch(first, changes[end]!)) end++;
    rows.push(...groupBatch(changes.slice(start, end)));
    start = end;
  }
  return rows;
};

const groupBatch = (batch: readonly ScoreChange[]): ScoreChange[][] => {
  const cells = new Set<string>();
  const groups = new Map<string, ScoreChange[]>();
  for (const c of batch) {
    const pair = `${c.member}\u0000${c.product}`;
    const cell = `${pair}\u0000${c.criterion}`;
    if (cells.has(cell) || c.criterion.includes(";")) return batch.map((x) => [x]);
    cells.add(cell);
    const group = groups.get(pair);
    if (group) group.push(c);
    else groups.set(pair, [c]);
  }
  return [...groups.values()];
};

export const planHistorySheet = (changes: readonly ScoreChange[]): SheetPlan => {
  const plan = emptyPlan(SHEETS.history, "history");
  put(plan, 0, 0, TITLE, "title");
  put(
    plan,
    1,
    0,
    `Mỗi lần một điểm được nhập hay sửa, Add-in thêm một dòng; không dòng nào bị xóa. Sheet do Add-in ghi, không sửa. «${SAME_AS_ABOVE}»: cùng các tiêu chí với dòng trên.`,
    "muted"
  );
  HISTORY_HEADER.forEach((h, col) => put(plan, HEADER_ROW, col, h, "header"));
  let above = "";
  rowsOf(changes).forEach((group, i) => {
    const row = FIRST_ROW + i;
    const c = group[0]!;
    const s = c.source;
    put(plan, row, 0, c.at, "text");
    put(plan, row, 1, c.round, "number", { numberFormat: FORMAT.integer });
    put(plan, row, 2, c.member, "text");
    put(plan, row, 3, c.product, "text");
    if (group.length === 1) {
      above = "";
      put(plan, row, 4, c.criterion, "text");
      put(plan, row, 5, pointsOrEmpty(c.old), "number", { numberFormat: FORMAT.points });
      put(plan, row, 6, pointsOrEmpty(c.new), "number", { numberFormat: FORMAT.points });
    } else {
      const criteria = group.map((g) => g.criterion).join(LIST_SEPARATOR);
      put(plan, row, 4, criteria === above ? SAME_AS_ABOVE : criteria, "text");
      above = criteria;
      // A first entry (nothing before) leaves the old values empty rather than a row of dashes.
      const olds = group.every((g) => g.old === null) ? null : group.map((g) => listValue(g.old));
      put(plan, row, 5, olds ? olds.join(LIST_SEPARATOR) : null, "text");
      put(plan, row, 6, group.map((g) => listValue(g.new)).join(LIST_SEPARATOR), "text");
    }
    put(plan, row, 7, SOURCE_LABEL[s.kind], "text");
    if (s.kind === "book") {
      put(plan, row, 8, s.file, "text");
      put(plan, row, 9, s.sha256, "text");
    }
    if (s.kind === "paper") {
      put(plan, row, 10, s.enteredBy, "text");
      put(plan, row, 11, s.checkedBy, "text");
    }
    put(plan, row, 12, c.by, "text");
  });
  plan.columns.push(
    { index: 0, width: 24 },
    { index: 1, width: 6 },
    { index: 2, width: 12 },
    { index: 3, width: 18 },
    { index: 4, width: 10 },
    { index: 5, width: 9 },
    { index: 6, width: 9 },
    { index: 7, width: 24 },
    { index: 8, width: 28 },
    { index: 9, width: 30 },
    { index: 10, width: 18 },
    { index: 11, width: 18 },
    { index: 12, width: 18 }
  );
  plan.freeze = { rows: FIRST_ROW, cols: 0 };
  plan.protection = {};
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    footer: "Lịch sử điểm — Trang &P/&N",
  };
  return plan;
};

/** New history rows as part of an apply: a plan of the whole sheet, or an append below the rows there. */
export interface HistoryWrite {
  plans: SheetPlan[];
  appends: { plan: SheetPlan; firstRow: number }[];
}

/**
 * How `added` reaches the sheet: appended below the rows already there when the workbook has the add-in's history
 * sheet (`present`, as `parseHistorySheet` found it), so no earlier row is written again (one the add-in could not
 * read stays as evidence) and Excel sends only the new rows; else the sheet written whole. Nothing when nothing
 * was added.
 */
export const historyWrite = (present: boolean, added: readonly ScoreChange[]): HistoryWrite =>
  added.length === 0
    ? { plans: [], appends: [] }
    : present
      ? { plans: [], appends: [{ plan: planHistorySheet(added), firstRow: FIRST_ROW }] }
      : { plans: [planHistorySheet(added)], appends: [] };

export interface ParsedHistory {
  changes: ScoreChange[];
  findings: Finding[];
  /** The sheet is the add-in's history (its title in A1), whether or not its rows could be read. */
  present: boolean;
}

const points = (v: CellValue | undefined): number | null | undefined =>
  v === null || v === undefined || v === ""
    ? null
    : typeof v === "number" && Number.isFinite(v)
      ? v
      : undefined;

/**
 * The history as read back (values from A1). No sheet, or not ours: no changes. A row that cannot be
 * read (a value that is not points, an unknown source, no member or product) is an error naming the
 * cell: the history is the council's evidence, so a damaged row is never skipped silently.
 */
export const parseHistorySheet = (values: CellValue[][] | null, file?: string): ParsedHistory => {
  const changes: ScoreChange[] = [];
  const findings: Finding[] = [];
  if (!values || cellText(values[0]?.[0]) !== TITLE) return { changes, findings, present: false };
  // The criteria of the row above, for a row that says "như trên" (only a list of several is ever abridged).
  let above: string[] | null = null;
  for (let r = FIRST_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => v === null || v === "")) continue;
    const bad = (col: number, field: string): void => {
      findings.push({
        code: LAYOUT_CODES.historyRowInvalid,
        severity: "error",
        where: { file, sheet: SHEETS.history, cell: cellAddress(r, col) },
        params: { row: r + 1, field, value: cellText(row[col]) },
      });
    };
    const round = row[1];
    const kind = KIND_OF.get(cellText(row[7]));
    const member = cellText(row[2]);
    const product = cellText(row[3]);
    const named = cellText(row[4]).trim();
    const ditto = named.normalize("NFC").toLowerCase() === SAME_AS_ABOVE;
    const criteria: string[] = ditto ? (above ?? [""]) : named.split(";").map((c) => c.trim());
    above = criteria.length > 1 && criteria.every(Boolean) ? criteria : null;
    const list = criteria.length > 1;
    const listOf = (v: CellValue | undefined): (number | null)[] | undefined => {
      if (!list) {
        const p = points(v);
        return p === undefined ? undefined : [p];
      }
      if (v === null || v === undefined || v === "") return criteria.map(() => null);
      const parts = cellText(v).split(";").map(parseListValue);
      return parts.length === criteria.length && parts.every((p) => p !== undefined)
        ? (parts as (number | null)[])
        : undefined;
    };
    const olds = listOf(row[5]);
    const nows =
      list && (row[6] === null || row[6] === undefined || row[6] === "") ? undefined : listOf(row[6]);
    if (typeof round !== "number" || !Number.isInteger(round) || round < 1) bad(1, HISTORY_HEADER[1]);
    else if (!member) bad(2, HISTORY_HEADER[2]);
    else if (!product) bad(3, HISTORY_HEADER[3]);
    else if (criteria.some((c) => !c)) bad(4, HISTORY_HEADER[4]);
    else if (olds === undefined) bad(5, HISTORY_HEADER[5]);
    else if (nows === undefined) bad(6, HISTORY_HEADER[6]);
    else if (!kind) bad(7, HISTORY_HEADER[7]);
    else {
      const source: ScoreSource =
        kind === "book"
          ? { kind, file: cellText(row[8]), sha256: cellText(row[9]) }
          : kind === "paper"
            ? { kind, enteredBy: cellText(row[10]), checkedBy: cellText(row[11]) }
            : kind === "round"
              ? { kind, round }
              : { kind };
      criteria.forEach((criterion, i) =>
        changes.push({
          at: cellText(row[0]),
          member,
          product,
          criterion,
          round,
          old: olds[i]!,
          new: nows[i]!,
          source,
          by: cellText(row[12]),
        })
      );
    }
  }
  return { changes, findings, present: true };
};
