/**
 * A member's score sheet ("Phiếu <member code>"): one block per form used in the session, criteria as
 * rows and that form's products as columns. Column A (hidden) anchors every row: the sheet header, block
 * markers and the criterion id of each row; a hidden row in each block holds the product codes. Parsing
 * reads the anchors only, so inserted blank rows, hidden rows, moved columns and re-sorted products still
 * parse, while deleted or duplicated rows, a changed points list, unknown columns, a foreign sheet or a
 * sheet of another session become findings with the cell.
 */
import { allowedPoints, criteriaOf, criterionIndex, formFor } from "../ocop/criteria/catalogue";
import type { Catalogue, Criterion, Form } from "../ocop/criteria/types";
import type { Finding, Where } from "../ocop/findings";
import type { Member, MemberScores, Product, RawValue, ScoreEntry, Session } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import { cellAddress, colLetter, inRange, rangeAddress } from "./a1";
import { FORMAT, cellText, put, putFormula, range } from "./build";
import { LAYOUT_CODES } from "./codes";
import { LAYOUT_VERSION } from "./meta";
import { roundSheetName } from "./names";
import { cellProblemFindings } from "./cellProblems";
import type { CellRange, CellValue, ListValidation, SheetPlan } from "./plan";
import { emptyPlan } from "./plan";
import type { GridLike as SheetGrid } from "./grid";

const ANCHOR_COL = 0;
const NUMBER_COL = 1;
const TEXT_COL = 2;
const MAX_COL = 3;
const FIRST_PRODUCT_COL = 4;

/** Anchor texts in column A. */
const A = {
  block: "#block:",
  cols: "#cols",
  head: "#head",
  part: "#part:",
  section: "#section:",
  criterion: "c:",
  subtotal: "#sub:",
  total: "#total",
} as const;

export interface SheetAnchor {
  ocop: "score";
  v: number;
  session: string;
  member: string;
  /** Round 2 and later (issue 14): the round and the products it asks for again. */
  round?: number;
  products?: string[];
}

const sheetAnchor = (session: Session, member: Member, round?: ScoreSheetInput["round"]): string =>
  JSON.stringify({
    ocop: "score",
    v: LAYOUT_VERSION,
    session: session.id,
    member: member.code,
    ...(round && round.number > 1 ? { round: round.number, products: [...round.products] } : {}),
  } satisfies SheetAnchor);

/** Key of an entered value, for keeping scores when a sheet is planned again. */
export const scoreKey = (product: string, criterion: string): string =>
  `${normaliseCode(product)}|${normaliseCode(criterion)}`;

/** Forms used in the session, in the order of first appearance, each with its scored products. */
export const blocksOf = (session: Session, catalogue: Catalogue): { form: Form; products: Product[] }[] => {
  const blocks = new Map<string, { form: Form; products: Product[] }>();
  for (const p of session.products) {
    if (p.excluded) continue; // an excluded dossier is not scored
    const form = formFor(catalogue, p.form);
    if (!form) continue; // the session check reports the unknown form
    const block = blocks.get(form.code) ?? { form, products: [] };
    block.products.push(p);
    blocks.set(form.code, block);
  }
  return [...blocks.values()];
};

export interface ScoreSheetInput {
  session: Session;
  catalogue: Catalogue;
  member: Member;
  /** Scores already entered (by `scoreKey`); they are written back unchanged. */
  existing?: ReadonlyMap<string, RawValue>;
  password?: string;
  editionTitle?: string;
  /** The scores were typed from the member's paper form, twice (app/secretariat/paperEntry): said under the title. */
  paper?: { enteredBy: string; checkedBy: string; at: string };
  /**
   * A later round (2, 3, …): only its products are asked, and the member's earlier scores of them
   * (by `scoreKey`) are shown in read-only columns beside the new ones.
   */
  round?: { number: number; products: readonly string[]; previous?: ReadonlyMap<string, RawValue> };
  /** Products the member abstains on (conflict of interest): their cells are locked and greyed. */
  recused?: readonly string[];
}

/** The mark of a sheet typed from a paper form, with both enterers' names (ISO date shown dd/mm/yyyy). */
export const paperMark = (paper: { enteredBy: string; checkedBy: string; at: string }): string => {
  const [y, m, d] = paper.at.slice(0, 10).split("-");
  return `Nhập từ phiếu giấy ngày ${d}/${m}/${y}: ${paper.enteredBy} nhập, ${paper.checkedBy} nhập lại độc lập để đối chiếu.`;
};

const pointsText = (list: number[]): string => list.join("; ");
/** Hidden product-row tag of a column showing the member's earlier-round score (read-only, not parsed). */
export const PREVIOUS_TAG = "#TRUOC:";
/** Shared by every score cell (put copies it into the cell). */
const POINTS = { numberFormat: FORMAT.points } as const;

export const planScoreSheet = (input: ScoreSheetInput): SheetPlan => {
  const { session, catalogue, member, existing, round } = input;
  const plan = emptyPlan(roundSheetName(member.code, round?.number ?? 1), "score");
  const asked = round && round.number > 1 ? new Set(round.products.map(normaliseCode)) : null;
  const recused = new Set((input.recused ?? []).map(normaliseCode));
  const blocks = blocksOf(session, catalogue)
    .map((b) => ({
      ...b,
      products: asked ? b.products.filter((p) => asked.has(normaliseCode(p.code))) : b.products,
    }))
    .filter((b) => b.products.length > 0);
  // Earlier scores sit in columns after the new ones, so the score cells stay one contiguous run.
  const previous = asked ? (round?.previous ?? new Map<string, RawValue>()) : null;
  const widest = Math.max(1, ...blocks.map((b) => b.products.length * (previous ? 2 : 1)));
  const lastCol = FIRST_PRODUCT_COL + widest - 1;
  const titleRow = (row: number, text: string, style: "title" | "subtitle" | "text" | "muted"): void => {
    put(plan, row, NUMBER_COL, text, style);
    plan.merges.push(range(row, NUMBER_COL, 1, lastCol - NUMBER_COL + 1));
  };
  put(plan, 0, ANCHOR_COL, sheetAnchor(session, member, round), "anchor");
  titleRow(
    0,
    asked
      ? `PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP — VÒNG ${round!.number}`
      : "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP",
    "title"
  );
  titleRow(1, `${session.council.name} — năm ${session.council.year}`, "subtitle");
  titleRow(
    2,
    `Thành viên: ${member.name} (${member.code})${member.title ? `, ${member.title}` : ""}`,
    "subtitle"
  );
  titleRow(
    3,
    `Bộ tiêu chí ${input.editionTitle ?? session.edition}. Chọn điểm trong danh sách ở mỗi ô; ô để trống là chưa chấm.`,
    "muted"
  );
  if (input.paper) titleRow(4, paperMark(input.paper), "muted");
  let row = 5;
  const breaks: number[] = [];
  let singleHeader: { first: number; last: number } | null = null;

  for (const { form, products } of blocks) {
    if (row > 5) breaks.push(row);
    const cols = products.map((_, i) => FIRST_PRODUCT_COL + i);
    const prevCols = previous ? products.map((_, i) => FIRST_PRODUCT_COL + products.length + i) : [];
    put(plan, row, ANCHOR_COL, A.block + form.code, "anchor");
    put(plan, row, NUMBER_COL, `Phiếu số ${form.code}: ${form.title}`, "section");
    plan.merges.push(range(row, NUMBER_COL, 1, lastCol - NUMBER_COL + 1));
    row++;
    put(plan, row, ANCHOR_COL, A.cols, "anchor");
    products.forEach((p, i) => put(plan, row, cols[i]!, p.code, "anchor"));
    prevCols.forEach((c, i) => put(plan, row, c, PREVIOUS_TAG + products[i]!.code, "anchor"));
    plan.rows.push({ index: row, hidden: true });
    row++;
    const headFirst = row;
    put(plan, row, ANCHOR_COL, A.head, "anchor");
    put(plan, row, NUMBER_COL, "TT", "header");
    put(plan, row, TEXT_COL, "Tiêu chí đánh giá", "header");
    put(plan, row, MAX_COL, "Điểm tối đa", "header");
    products.forEach((p, i) => put(plan, row, cols[i]!, p.code, "header"));
    prevCols.forEach((c, i) => put(plan, row, c, `${products[i]!.code} (vòng trước)`, "header"));
    row++;
    put(plan, row, NUMBER_COL, "", "header");
    put(plan, row, TEXT_COL, "Tên sản phẩm", "header");
    put(plan, row, MAX_COL, "", "header");
    products.forEach((p, i) =>
      put(
        plan,
        row,
        cols[i]!,
        recused.has(normaliseCode(p.code)) ? `${p.name} — không chấm (xung đột lợi ích)` : p.name,
        "header"
      )
    );
    prevCols.forEach((c, i) => put(plan, row, c, `Điểm đã chấm: ${products[i]!.name}`, "header"));
    plan.rows.push({ index: row, height: 45 });
    if (blocks.length === 1) singleHeader = { first: headFirst, last: row };
    row++;

    const subtotalCells: number[] = [];
    // The formulas carry the values they compute (as Excel's SUM would: numbers only), so readers that do
    // not recalculate (openpyxl data_only, pandas, mail previews) show the same totals.
    // Sums per column: this round's products first, then the earlier round's columns beside them.
    const sumCols = [...cols, ...prevCols];
    const totals = sumCols.map(() => 0);
    const add = (sums: number[], i: number, v: RawValue | undefined): void => {
      if (typeof v === "number" && Number.isFinite(v)) sums[i]! += v;
    };
    for (const part of form.parts) {
      const sums = sumCols.map(() => 0);
      put(plan, row, ANCHOR_COL, A.part + part.id, "anchor");
      put(plan, row, NUMBER_COL, `Phần ${part.id}`, "section");
      put(plan, row, TEXT_COL, part.title, "section");
      put(plan, row, MAX_COL, part.max, "section", { numberFormat: FORMAT.points });
      row++;
      const firstRow = row;
      for (const section of part.sections) {
        const onlyItself = section.criteria.length === 1 && section.criteria[0]!.id === section.number;
        if (!onlyItself) {
          put(plan, row, ANCHOR_COL, A.section + section.number, "anchor");
          put(plan, row, NUMBER_COL, section.number, "subtotal");
          put(plan, row, TEXT_COL, section.title, "subtotal");
          if (section.max !== null)
            put(plan, row, MAX_COL, section.max, "subtotal", { numberFormat: FORMAT.points });
          row++;
        }
        for (const criterion of section.criteria) {
          planCriterionRow(plan, row, criterion, products, cols, existing, recused).forEach((v, i) =>
            add(sums, i, v)
          );
          prevCols.forEach((c, i) => {
            const earlier = previous?.get(scoreKey(products[i]!.code, criterion.id)) ?? null;
            put(plan, row, c, earlier, "muted", POINTS);
            add(sums, cols.length + i, earlier);
          });
          row++;
        }
      }
      const lastRow = row - 1;
      put(plan, row, ANCHOR_COL, A.subtotal + part.id, "anchor");
      put(plan, row, TEXT_COL, `Cộng phần ${part.id}`, "subtotal");
      put(plan, row, MAX_COL, part.max, "subtotal", { numberFormat: FORMAT.points });
      sumCols.forEach((c, i) => {
        const sum = roundSum(sums[i]!);
        totals[i] = roundSum(totals[i]! + sum);
        putFormula(
          plan,
          row,
          c,
          `SUM(${colLetter(c)}${firstRow + 1}:${colLetter(c)}${lastRow + 1})`,
          "subtotal",
          FORMAT.points,
          sum
        );
      });
      subtotalCells.push(row);
      row++;
    }
    put(plan, row, ANCHOR_COL, A.total, "anchor");
    put(plan, row, TEXT_COL, "TỔNG ĐIỂM", "total");
    put(
      plan,
      row,
      MAX_COL,
      form.parts.reduce((s, p) => s + p.max, 0),
      "total",
      { numberFormat: FORMAT.points }
    );
    sumCols.forEach((c, i) =>
      putFormula(
        plan,
        row,
        c,
        subtotalCells.map((r) => `${colLetter(c)}${r + 1}`).join("+"),
        "total",
        FORMAT.points,
        totals[i]!
      )
    );
    row += 2;
  }

  // Signature block under the last form.
  const sigCol = Math.max(TEXT_COL, lastCol - 1);
  put(plan, row, sigCol, "Ngày …… tháng …… năm ……", "signature");
  put(plan, row + 1, sigCol, "THÀNH VIÊN HỘI ĐỒNG", "signature");
  put(plan, row + 2, sigCol, "(Ký, ghi rõ họ tên)", "muted");
  put(plan, row + 6, sigCol, member.name, "signature");

  plan.columns.push(
    { index: ANCHOR_COL, width: 6, hidden: true },
    { index: NUMBER_COL, width: 6 },
    { index: TEXT_COL, width: 60 },
    { index: MAX_COL, width: 8 }
  );
  for (let c = FIRST_PRODUCT_COL; c <= lastCol; c++) plan.columns.push({ index: c, width: 14 });
  plan.freeze = singleHeader
    ? { rows: singleHeader.last + 1, cols: FIRST_PRODUCT_COL }
    : { rows: 0, cols: FIRST_PRODUCT_COL };
  plan.protection = input.password ? { password: input.password } : {};
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    ...(singleHeader ? { repeatRows: singleHeader } : {}),
    footer: `Phiếu chấm của ${member.code} — Trang &P/&N`,
    breaksBefore: breaks,
  };
  return plan;
};

const planCriterionRow = (
  plan: SheetPlan,
  row: number,
  criterion: Criterion,
  products: Product[],
  cols: number[],
  existing: ReadonlyMap<string, RawValue> | undefined,
  recused: ReadonlySet<string>
): RawValue[] => {
  put(plan, row, ANCHOR_COL, A.criterion + criterion.id, "anchor");
  put(plan, row, NUMBER_COL, criterion.number, "text");
  put(plan, row, TEXT_COL, criterion.text, "wrap");
  put(plan, row, MAX_COL, criterion.max, "number", { numberFormat: FORMAT.points });
  const lookUp = existing?.size ? existing : undefined; // a blank sheet needs no key per cell
  const isRecused = (p: Product): boolean => recused.size > 0 && recused.has(normaliseCode(p.code));
  const values = products.map((p, i) => {
    const value = lookUp?.get(scoreKey(p.code, criterion.id)) ?? null;
    put(plan, row, cols[i]!, value, isRecused(p) ? "muted" : "score", POINTS);
    return value;
  });
  if (!products.length) return values;
  const allowed = allowedPoints(criterion);
  // A recused member's cells stay locked: each run of asked products is one unlocked range.
  let start = -1;
  products.forEach((p, i) => {
    if (!isRecused(p) && start < 0) start = i;
    if (start >= 0 && (isRecused(p) || i === products.length - 1)) {
      const end = isRecused(p) ? i : i + 1;
      plan.unlocked.push(range(row, FIRST_PRODUCT_COL + start, 1, end - start));
      start = -1;
    }
  });
  plan.validations.push({
    range: range(row, FIRST_PRODUCT_COL, 1, products.length),
    list: allowed,
    prompt: {
      title: `Tiêu chí ${criterion.number}`.slice(0, 32),
      message: `Điểm: ${pointsText(allowed)}`.slice(0, 255),
    },
    error: {
      title: "Điểm không hợp lệ",
      message: `Tiêu chí ${criterion.number} chỉ nhận: ${pointsText(allowed)}.`.slice(0, 255),
    },
  });
  return values;
};

/** Sums of half-points stay exact; this only clears binary noise (0.1 + 0.2). */
const roundSum = (n: number): number => Math.round(n * 1e9) / 1e9;

// ---------------------------------------------------------------- parsing back

export interface ParsedBlock {
  form: string;
  products: string[];
}

export interface ParsedScoreSheet {
  /** Null when the sheet is not a score sheet at all. */
  anchor: SheetAnchor | null;
  scores: MemberScores | null;
  blocks: ParsedBlock[];
  findings: Finding[];
}

/** Finds the sheet anchor anywhere in the grid (a column may have been inserted before it). */
const findAnchor = (values: CellValue[][]): { anchor: SheetAnchor; row: number; col: number } | null => {
  for (let r = 0; r < Math.min(values.length, 50); r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < Math.min(row.length, 10); c++) {
      const v = row[c];
      if (typeof v !== "string" || !v.startsWith('{"ocop"')) continue;
      try {
        const parsed = JSON.parse(v) as Partial<SheetAnchor>;
        if (
          parsed.ocop === "score" &&
          typeof parsed.session === "string" &&
          typeof parsed.member === "string"
        ) {
          const round = Number(parsed.round);
          const later =
            Number.isInteger(round) && round > 1 && Array.isArray(parsed.products)
              ? { round, products: parsed.products.map(String) }
              : {};
          return {
            anchor: {
              ocop: "score",
              v: Number(parsed.v) || 0,
              session: parsed.session,
              member: parsed.member,
              ...later,
            },
            row: r,
            col: c,
          };
        }
      } catch {
        // not ours; keep looking
      }
    }
  }
  return null;
};

/** The numbers a validation allows, or null when it is not a plain list. */
const listNumbers = (v: ListValidation): number[] | null => {
  const out: number[] = [];
  for (const item of v.list) {
    const n = typeof item === "number" ? item : Number(String(item).trim().replace(",", "."));
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return [...new Set(out)].sort((a, b) => a - b);
};

const sameList = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((x, i) => Math.abs(x - b[i]!) < 1e-9);

export interface ParseContext {
  session: Session;
  catalogue: Catalogue;
  file?: string;
}

export const isScoreSheet = (grid: SheetGrid): boolean => findAnchor(grid.values) !== null;

export const parseScoreSheet = (grid: SheetGrid, ctx: ParseContext): ParsedScoreSheet => {
  const { session, catalogue, file } = ctx;
  const findings: Finding[] = [];
  const base: Where = { file, sheet: grid.name };
  const at = (row: number, col: number, extra: Partial<Where> = {}): Where => ({
    ...base,
    cell: cellAddress(row, col),
    ...extra,
  });
  const found = findAnchor(grid.values);
  if (!found) {
    findings.push({
      code: LAYOUT_CODES.notScoreSheet,
      severity: "error",
      where: { ...base, cell: "A1" },
      params: {},
    });
    return { anchor: null, scores: null, blocks: [], findings };
  }
  const { anchor } = found;
  const ac = found.col;
  const member = normaliseCode(anchor.member);
  const whereM = (row: number, col: number, extra: Partial<Where> = {}): Where =>
    at(row, col, { member, ...extra });
  if (anchor.v > LAYOUT_VERSION) {
    findings.push({
      code: LAYOUT_CODES.newerLayout,
      severity: "error",
      where: whereM(found.row, ac),
      params: { found: anchor.v, supported: LAYOUT_VERSION },
    });
    return { anchor, scores: null, blocks: [], findings };
  }
  if (anchor.session !== session.id) {
    findings.push({
      code: LAYOUT_CODES.otherSession,
      severity: "error",
      where: whereM(found.row, ac),
      params: { found: anchor.session, expected: session.id },
    });
    return { anchor, scores: null, blocks: [], findings };
  }

  findings.push(...cellProblemFindings(grid, { ...base, member }));

  const productForm = new Map<string, string>();
  for (const p of session.products) if (!p.excluded) productForm.set(normaliseCode(p.code), p.form);
  // A later round's sheet holds only the products it asks for again.
  const roundProducts = anchor.products ? new Set(anchor.products.map(normaliseCode)) : null;
  const checkLists = grid.validations.length > 0;
  const validationAt = checkLists ? validationLookup(grid.validations) : null;
  const entries: ScoreEntry[] = [];
  const blocks: ParsedBlock[] = [];
  const seenForms = new Map<string, string>();
  const seenProducts = new Map<string, string>();
  const values = grid.values;
  const merges = grid.merges ?? []; // the sheet's own (titles) are on rows without a criterion
  const reportedMerges = new Set<CellRange>();

  let form: Form | undefined;
  let formCode = "";
  let columns: { col: number; product: string }[] = [];
  let seenCriteria = new Map<string, string>();
  let blockCell = "";

  const closeBlock = (): void => {
    if (!form) return;
    for (const flat of criteriaOf(form)) {
      const id = normaliseCode(flat.criterion.id);
      if (!seenCriteria.has(id)) {
        findings.push({
          code: LAYOUT_CODES.criterionRowDeleted,
          severity: "error",
          where: { ...base, cell: blockCell, member, criterion: flat.criterion.id, form: form.code },
          params: { criterion: flat.criterion.number, text: flat.criterion.text, form: form.code },
        });
      }
    }
    form = undefined;
  };

  for (let r = 0; r < values.length; r++) {
    const tag = values[r]?.[ac];
    if (typeof tag !== "string" || tag === "" || r === found.row) continue;
    if (tag.startsWith(A.block)) {
      closeBlock();
      formCode = tag.slice(A.block.length);
      blockCell = cellAddress(r, ac);
      form = formFor(catalogue, formCode);
      columns = [];
      seenCriteria = new Map();
      if (!form) {
        findings.push({
          code: LAYOUT_CODES.blockUnknownForm,
          severity: "error",
          where: whereM(r, ac, { form: formCode }),
          params: { form: formCode },
        });
        continue;
      }
      const first = seenForms.get(form.code);
      if (first) {
        findings.push({
          code: LAYOUT_CODES.blockDuplicate,
          severity: "error",
          where: whereM(r, ac, { form: form.code }),
          params: { form: form.code, first },
        });
        form = undefined;
        continue;
      }
      seenForms.set(form.code, blockCell);
      blocks.push({ form: form.code, products: [] });
    } else if (tag === A.cols && form) {
      const row = values[r] ?? [];
      const block = blocks[blocks.length - 1]!;
      for (let c = 0; c < row.length; c++) {
        if (c === ac) continue;
        const code = normaliseCode(cellText(row[c]));
        if (!code || code.startsWith(PREVIOUS_TAG)) continue; // an earlier round's scores, shown only
        const where = whereM(r, c, { product: code, form: form.code });
        const expectedForm = productForm.get(code);
        if (expectedForm === undefined) {
          findings.push({
            code: LAYOUT_CODES.productColumnUnknown,
            severity: "error",
            where,
            params: { product: code, column: colLetter(c) },
          });
          continue;
        }
        if (formFor(catalogue, expectedForm)?.code !== form.code) {
          findings.push({
            code: LAYOUT_CODES.productWrongForm,
            severity: "error",
            where,
            params: { product: code, form: form.code, expected: expectedForm },
          });
          continue;
        }
        const first = seenProducts.get(code);
        if (first) {
          findings.push({
            code: LAYOUT_CODES.productColumnDuplicate,
            severity: "error",
            where,
            params: { product: code, first },
          });
          continue;
        }
        seenProducts.set(code, cellAddress(r, c));
        columns.push({ col: c, product: code });
        block.products.push(code);
      }
    } else if (tag.startsWith(A.criterion) && form) {
      const id = normaliseCode(tag.slice(A.criterion.length));
      const flat = criterionIndex(form).get(id);
      if (!flat) {
        findings.push({
          code: LAYOUT_CODES.criterionRowUnknown,
          severity: "error",
          where: whereM(r, ac, { criterion: id, form: form.code }),
          params: { criterion: id, form: form.code },
        });
        continue;
      }
      const first = seenCriteria.get(id);
      if (first) {
        findings.push({
          code: LAYOUT_CODES.criterionRowDuplicated,
          severity: "error",
          where: whereM(r, ac, { criterion: flat.criterion.id, form: form.code }),
          params: { criterion: flat.criterion.number, first, row: r + 1 },
        });
        continue;
      }
      seenCriteria.set(id, cellAddress(r, ac));
      if (!columns.length) {
        findings.push({
          code: LAYOUT_CODES.blockNoProducts,
          severity: "error",
          where: whereM(r, ac, { form: form.code }),
          params: { form: form.code },
        });
        continue;
      }
      if (validationAt)
        checkValidation(validationAt, r, columns, flat.criterion, form.code, whereM, findings);
      if (merges.length)
        checkMerges(merges, reportedMerges, r, columns, flat.criterion, form.code, whereM, findings);
      for (const { col, product } of columns) {
        const value = values[r]?.[col] ?? null;
        const formula = grid.formulas[r]?.[col] ?? null;
        entries.push({
          product,
          criterion: flat.criterion.id,
          raw: formula ? { value, formula } : { value },
          sheet: grid.name,
          cell: cellAddress(r, col),
        });
      }
    }
  }
  closeBlock();

  // Products of the session that have no column anywhere on the sheet.
  const firstCell = cellAddress(found.row, ac);
  for (const [code, formOf] of productForm) {
    if (seenProducts.has(code) || (roundProducts && !roundProducts.has(code))) continue;
    const f = formFor(catalogue, formOf);
    if (!f) continue;
    if (!seenForms.has(f.code)) {
      if (!findings.some((x) => x.code === LAYOUT_CODES.blockMissing && x.where.form === f.code)) {
        findings.push({
          code: LAYOUT_CODES.blockMissing,
          severity: "error",
          where: { ...base, cell: firstCell, member, form: f.code },
          params: { form: f.code },
        });
      }
      continue;
    }
    findings.push({
      code: LAYOUT_CODES.productColumnMissing,
      severity: "error",
      where: { ...base, cell: seenForms.get(f.code), member, product: code, form: f.code },
      params: { product: code, form: f.code },
    });
  }
  const scores: MemberScores = { member, file, sheet: grid.name, entries };
  if (anchor.round) scores.round = anchor.round;
  return { anchor, scores, blocks, findings };
};

/**
 * The first list validation (in the grid's order) covering a cell, found through an index by row: a linear
 * search per score cell was quadratic (a province sheet has ~12,000 score cells and ~200 validations).
 */
const validationLookup = (
  validations: readonly ListValidation[]
): ((row: number, col: number) => ListValidation | undefined) => {
  const byRow = new Map<number, number[]>();
  const tall: number[] = []; // whole-column rules and the like are checked on every row
  validations.forEach((v, i) => {
    if (v.range.rowCount > 64) {
      tall.push(i);
      return;
    }
    for (let r = v.range.row; r < v.range.row + v.range.rowCount; r++) {
      const list = byRow.get(r);
      if (list) list.push(i);
      else byRow.set(r, [i]);
    }
  });
  return (row, col) => {
    let best = -1;
    for (const i of byRow.get(row) ?? [])
      if (inRange(validations[i]!.range, row, col)) {
        best = i;
        break;
      }
    for (const i of tall) {
      if (best >= 0 && i > best) break;
      if (inRange(validations[i]!.range, row, col)) {
        best = i;
        break;
      }
    }
    return best < 0 ? undefined : validations[best];
  };
};

/**
 * A merge over score cells hides all but its first cell (Excel keeps one value): one error per merge, at its
 * top-left cell, naming the first score cell it covers.
 */
const checkMerges = (
  merges: readonly CellRange[],
  reported: Set<CellRange>,
  row: number,
  columns: { col: number; product: string }[],
  criterion: Criterion,
  form: string,
  whereM: (row: number, col: number, extra?: Partial<Where>) => Where,
  findings: Finding[]
): void => {
  for (const m of merges) {
    if (reported.has(m) || row < m.row || row >= m.row + m.rowCount) continue;
    const covered = columns.find(({ col }) => inRange(m, row, col));
    if (!covered) continue;
    reported.add(m);
    findings.push({
      code: LAYOUT_CODES.scoreCellsMerged,
      severity: "error",
      where: whereM(m.row, m.col, { criterion: criterion.id, product: covered.product, form }),
      params: { range: rangeAddress(m), criterion: criterion.number, product: covered.product },
    });
  }
};

const checkValidation = (
  validationAt: (row: number, col: number) => ListValidation | undefined,
  row: number,
  columns: { col: number; product: string }[],
  criterion: Criterion,
  form: string,
  whereM: (row: number, col: number, extra?: Partial<Where>) => Where,
  findings: Finding[]
): void => {
  const allowed = allowedPoints(criterion);
  // The cell's place is only built for a finding, and a rule already found right is not compared again
  // (one rule usually covers the whole row).
  let checked: ListValidation | undefined;
  for (const { col, product } of columns) {
    const v = validationAt(row, col);
    if (v && v === checked) continue;
    const where = (): Where => whereM(row, col, { criterion: criterion.id, product, form });
    if (!v) {
      findings.push({
        code: LAYOUT_CODES.validationRemoved,
        severity: "warning",
        where: where(),
        params: { criterion: criterion.number, allowed },
      });
      return;
    }
    const list = listNumbers(v);
    if (!list || !sameList(list, allowed)) {
      findings.push({
        code: LAYOUT_CODES.allowedListChanged,
        severity: "error",
        where: where(),
        params: { criterion: criterion.number, found: v.list.map(String), allowed },
        allowed,
      });
      return;
    }
    checked = v;
  }
};

/** Values entered on a parsed sheet, keyed for `planScoreSheet({ existing })`. */
export const enteredValues = (scores: MemberScores | null): Map<string, RawValue> => {
  const map = new Map<string, RawValue>();
  for (const e of scores?.entries ?? []) {
    if (e.raw.value !== null && e.raw.value !== "") map.set(scoreKey(e.product, e.criterion), e.raw.value);
  }
  return map;
};
