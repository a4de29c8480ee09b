/**
 * "Phiếu đánh giá, chấm điểm sản phẩm OCOP" of one member, as Phụ lục II of 26/2026 prints the form: the
 * product's name, code and producer, every criterion with its levels, the member's level ticked "☑" and the
 * others "☐", the points, part totals and the total, the minimum-level note, the member's remarks and
 * "Người đánh giá (Ký và ghi rõ họ tên)". All the member's products in one sheet, one printed page per product
 * (a page break before each; a long form runs on, its signature kept with the total).
 */
import { formFor } from "../../ocop/criteria/catalogue";
import { normaliseCode } from "../../ocop/text";
import type { Criterion, Form } from "../../ocop/criteria/types";
import type { Member, Product, RawValue } from "../../ocop/session";
import { FORMAT } from "../build";
import { scoreKey } from "../scoreSheet";
import { DocSheet } from "./frame";
import type { FormsInput } from "./inputs";
import { formSheetName } from "./names";

// Các tiêu chí | Thang điểm | Điểm chấm
const WIDTHS = [62, 10, 10];
const EPS = 1e-9;

const pointsOf = (v: RawValue | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

/** The level a member's points tick: the first level with those points (levels of a criterion differ in points). */
const tickedLevel = (criterion: Criterion, points: number | null): number =>
  points === null ? -1 : criterion.levels.findIndex((l) => Math.abs(l.points - points) < EPS);

const round = (n: number): number => Math.round(n * 1e9) / 1e9;

const planForm = (
  doc: DocSheet,
  form: Form,
  product: Product,
  member: Member,
  score: (criterion: string) => number | null
): void => {
  const start = doc.row;
  doc.line(`Phụ lục II — Phiếu số ${form.code}: ${form.title}`, "docItalic");
  doc.line("PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP", "docTitle");
  doc.line(`Tên sản phẩm: ${product.name}`, "docBody");
  doc.line(`Mã số sản phẩm: ${product.code}`, "docBody");
  doc.line(`Tên chủ thể sản xuất: ${product.owner || "……"}`, "docBody");
  doc.line(`Địa chỉ: ${product.commune || "……"}`, "docBody");
  doc.line(
    `Người đánh giá: ${member.name} (${member.code})${member.title ? `, ${member.title}` : ""}`,
    "docBody"
  );
  doc.tableHeader(["Các tiêu chí", "Thang điểm", "Điểm chấm"]);
  let total = 0;
  let max = 0;
  const pts = { numberFormat: FORMAT.points };
  for (const part of form.parts) {
    const pr = doc.row++;
    doc.cell(pr, 0, 1, `Phần ${part.id}: ${part.title}`, "section");
    doc.cell(pr, 1, 1, part.max, "section", pts);
    let sum = 0;
    for (const section of part.sections) {
      const alone = section.criteria.length === 1 && section.criteria[0]!.id === section.number;
      if (!alone) {
        const sr = doc.row++;
        doc.cell(sr, 0, 1, `${section.number}. ${section.title}`, "subtotal");
        doc.cell(sr, 1, 1, section.max, "subtotal", pts);
        doc.cell(sr, 2, 1, null, "subtotal");
      }
      for (const criterion of section.criteria) {
        const points = score(criterion.id);
        if (points !== null) sum = round(sum + points);
        // The criterion, its requirement, its levels (the member's ticked) and its notes in one wrapped cell:
        // the form reads the same, and a province's forms stay a fraction of the size a row per level makes.
        const ticked = tickedLevel(criterion, points);
        const lines = [
          `${criterion.number}. ${criterion.text}`,
          ...(criterion.requirement ? [`Yêu cầu: ${criterion.requirement}`] : []),
          ...(criterion.levelsImplicit
            ? []
            : criterion.levels.map((l, i) => `${i === ticked ? "☑" : "☐"} ${l.text} (${l.points} điểm)`)),
          ...criterion.notes,
        ];
        const cr = doc.row++;
        doc.cell(cr, 0, 1, lines.join("\n"), "wrap");
        doc.cell(cr, 1, 1, criterion.max, "number", pts);
        doc.cell(cr, 2, 1, points, "total", pts);
      }
    }
    const tr = doc.row++;
    doc.cell(tr, 0, 1, `Cộng phần ${part.id}`, "subtotal");
    doc.cell(tr, 1, 1, part.max, "subtotal", pts);
    doc.cell(tr, 2, 1, sum, "total", pts);
    total = round(total + sum);
    max += part.max;
  }
  const totalRow = doc.row++;
  doc.cell(totalRow, 0, 1, "TỔNG CỘNG", "total");
  doc.cell(totalRow, 1, 1, max, "total", pts);
  doc.cell(totalRow, 2, 1, total, "total", pts);
  for (const note of form.notes) doc.line(note, "docItalic");
  doc.line("Ý kiến của người đánh giá:", "docBody");
  doc.line("……………………………………………………………………………………………", "docBody");
  doc.cell(doc.row++, 1, 2, "…, ngày … tháng … năm …", "docItalic");
  doc.signatures(
    [{ cols: [0, 3], signer: { title: "Người đánh giá", note: "(Ký và ghi rõ họ tên)", name: member.name } }],
    doc.row - totalRow
  );
  doc.breakBefore(start);
};

/** One sheet per member: the member's forms for every product they scored, one per page. */
export const planMemberForms = (input: FormsInput, member: Member): ReturnType<DocSheet["finish"]> => {
  const { session, catalogue, scores } = input;
  const doc = new DocSheet(formSheetName(member.code), "document", WIDTHS, "portrait");
  doc.repeatHeader = false;
  // The member's sheets in round order: a later round's sheet holds only the products scored again, so each
  // form shows the score of the product's latest round, the one that counts.
  const own = scores.filter((s) => s.member === member.code).sort((a, b) => (a.round ?? 1) - (b.round ?? 1));
  const values = new Map<string, RawValue>();
  // A blank cell of a later round stays blank: the earlier score no longer counts.
  for (const sheet of own)
    for (const e of sheet.entries) values.set(scoreKey(e.product, e.criterion), e.raw.value);
  for (const product of session.products) {
    if (product.excluded) continue;
    const form = formFor(catalogue, product.form);
    if (!form) continue;
    planForm(doc, form, product, member, (criterion) =>
      pointsOf(values.get(scoreKey(product.code, criterion)))
    );
  }
  if (doc.row === 0) doc.line("Thành viên chưa có phiếu đánh giá nào.", "docBody");
  return doc.finish(`Phiếu đánh giá của ${member.code} — Trang &P/&N`);
};

/**
 * Up to this many forms (members who scored × products), every consolidation writes them all. Above it (a
 * province's 15 members × 400 products is 6,000 printed pages, some 270,000 rows) they are written for the
 * members asked for, on demand, and kept up to date once there: Excel and LibreOffice slow to a crawl on sheets
 * that size, and the office-js requests of one consolidation would no longer fit the host's limits.
 */
export const FORMS_WITH_EVERY_CONSOLIDATION = 1500;

/** Which members' forms to write: all who scored, or the members named (codes). */
export type FormsChoice = "all" | readonly string[];

/** The members who scored, in council order: the ones who have forms to print. */
export const membersWithForms = (input: Pick<FormsInput, "session" | "scores">): Member[] =>
  input.session.members.filter((m) => input.scores.some((s) => s.member === m.code && s.entries.length > 0));

/** How many forms "all" means: each member who scored times the products they are asked about. */
export const formCount = (input: Pick<FormsInput, "session" | "scores">): number =>
  membersWithForms(input).length * input.session.products.filter((p) => !p.excluded).length;

/** The forms of every member who scored, or of the members chosen among them. */
export const planAllForms = (
  input: FormsInput,
  choice: FormsChoice = "all"
): ReturnType<DocSheet["finish"]>[] =>
  membersWithForms(input)
    .filter((m) => choice === "all" || choice.some((c) => normaliseCode(c) === normaliseCode(m.code)))
    .map((m) => planMemberForms(input, m));
