/**
 * Planning a member's score sheet (layout/scoreSheet.ts): one block per form, criteria as rows, the form's
 * products as columns, the anchors in column A, and a later round's earlier scores beside.
 */
import { allowedPoints, formFor } from "../ocop/criteria/catalogue";
import type { Catalogue, Criterion, Form } from "../ocop/criteria/types";
import type { Member, Product, RawValue, Session } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import { colLetter } from "./a1";
import { FORMAT, put, putFormula, range } from "./build";
import { roundSheetName } from "./names";
import type { SheetPlan } from "./plan";
import { emptyPlan } from "./plan";
import {
  A,
  ANCHOR_COL,
  FIRST_PRODUCT_COL,
  MAX_COL,
  NUMBER_COL,
  TEXT_COL,
  sheetAnchor,
  scoreKey,
} from "./scoreSheetAnchors";

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
/** Sums of half-points stay exact; this only clears binary noise (0.1 + 0.2). */
const roundSum = (n: number): number => Math.round(n * 1e9) / 1e9;

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
