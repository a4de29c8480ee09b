/**
 * "Biên bản họp Hội đồng": time, place, attendance and quorum, the products discussed, the decision on each
 * flagged product, the vote and the conclusion, signed by the secretary and the chair. What only the
 * secretariat knows (the hour, guests, opinions, the vote, decisions) is a tinted field, unlocked on the
 * protected sheet, keyed by a hidden anchor beside it; a later run reads the fields back and writes them as
 * they were, so nothing typed there is ever lost.
 */
import type { CellValue } from "../plan";
import { outcomeLabel, outcomesAt } from "../outcomes";
import { DocSheet, placeDateLine } from "./frame";
import { decisionOf, meetingDate, NONE, roundsOf, type DocumentInput } from "./inputs";
import { DOCUMENT_SHEETS } from "./names";
import { attendance } from "./report";
import { chairName, secretaryName } from "./scoreTable";

// Label | text (a field or a computed line); a hidden anchor column follows.
const WIDTHS = [30, 12, 42];
const FIELD = "#field:";

/** The placeholder of a field nobody has filled in yet (also how a decision left open is recognised). */
export const BLANK_FIELD = "……………………………………………";

export type MinutesFields = ReadonlyMap<string, string>;

/** The fields as typed in an existing minutes sheet: anchor "#field:key" beside the field's cell. */
export const parseMinutesFields = (values: readonly (readonly CellValue[])[] | null): Map<string, string> => {
  const out = new Map<string, string>();
  for (const row of values ?? []) {
    row.forEach((v, col) => {
      if (typeof v !== "string" || !v.startsWith(FIELD) || col < 2) return;
      // The field spans the two columns left of its anchor; its text is in the first of them.
      const text = row[col - 2];
      if (text !== null && text !== undefined && String(text).trim() !== "")
        out.set(v.slice(FIELD.length), String(text));
    });
  }
  return out;
};

/** Decisions on flagged products the secretariat wrote into the minutes (placeholders left out). */
export const decisionsFromMinutes = (fields: MinutesFields): { product: string; decision: string }[] =>
  [...fields]
    .filter(([k, v]) => k.startsWith("decision:") && !v.includes("……"))
    .map(([k, v]) => ({ product: k.slice("decision:".length), decision: v }));

export const planMinutes = (
  input: DocumentInput,
  kept: MinutesFields = new Map()
): ReturnType<DocSheet["finish"]> => {
  const { session, consolidation: c, deliberation } = input;
  const doc = new DocSheet(DOCUMENT_SHEETS.minutes, "document", WIDTHS, "portrait");
  const date = meetingDate(input);
  doc.header(session.council.name, "Số: ……/BB-HĐ", placeDateLine(session.council.place, date), 1);
  doc.title("BIÊN BẢN", `Họp ${session.council.name} năm ${session.council.year}`);

  const field = (label: string, key: string, fallback: string): void => {
    const r = doc.row++;
    doc.cell(r, 0, 1, label, "docBody");
    doc.cell(r, 1, 2, kept.get(key) ?? fallback, "docField");
    doc.anchor(r, FIELD + key);
    doc.plan.unlocked.push({ row: r, col: 1, rowCount: 1, colCount: 2 });
  };
  const fact = (label: string, text: string): void => {
    const r = doc.row++;
    doc.cell(r, 0, 1, label, "docBody");
    doc.cell(r, 1, 2, text, "docBody");
  };
  const dayText = placeDateLine("", date).replace(/^……, /, "");

  doc.line("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", "docHead");
  field("Thời gian:", "time", `…… giờ …… phút, ${dayText}`);
  field("Địa điểm:", "place", session.council.place || BLANK_FIELD);
  field("Chủ trì:", "chair", `${chairName(input) || BLANK_FIELD}, Chủ tịch Hội đồng`);
  field("Thư ký:", "secretary", secretaryName(input) || BLANK_FIELD);
  const { present, absent } = attendance(input);
  const required = Math.ceil(c.settings.quorum * session.members.length - 1e-9);
  fact(
    "Thành viên:",
    `${session.members.length} thành viên; tham gia đánh giá, chấm điểm: ${present.length}; ` +
      `cần tối thiểu ${required} (${Math.round(c.settings.quorum * 100)}%): ` +
      (present.length >= required ? "đủ điều kiện tiến hành." : "CHƯA đủ điều kiện.")
  );
  field("Vắng mặt (lý do):", "absent", absent.length ? `${absent.join(", ")}: ……` : NONE);
  const recusals = deliberation?.recusals ?? [];
  fact(
    "Không tham gia đánh giá sản phẩm:",
    recusals.length
      ? recusals.map((r) => `${r.member} — ${r.product}${r.reason ? ` (${r.reason})` : ""}`).join("; ")
      : NONE
  );
  field("Đại biểu dự họp:", "guests", NONE);
  doc.blank();

  doc.line("II. NỘI DUNG", "docHead");
  const rounds = roundsOf(deliberation);
  fact(
    "Sản phẩm đánh giá:",
    `Hội đồng đánh giá, phân hạng ${c.products.length} sản phẩm qua ${rounds.length} vòng (Bảng tổng hợp điểm kèm theo).`
  );
  const flagged = c.products.filter((r) => r.flags.some((f) => f.code === "spread"));
  fact(
    "Sản phẩm có chênh lệch điểm lớn:",
    flagged.length
      ? `${flagged.length} sản phẩm (ngưỡng ${c.settings.spreadThreshold} điểm); quyết định của Hội đồng ghi dưới đây.`
      : NONE
  );
  for (const r of flagged) {
    const mean =
      r.mean === null ? "" : `, điểm TB ${r.mean.toFixed(c.settings.displayDecimals).replace(".", ",")}`;
    field(
      `${r.product} (chênh lệch ${String(r.range).replace(".", ",")}${mean}):`,
      `decision:${r.product}`,
      decisionOf(deliberation, r.product) ?? `Quyết định: ${BLANK_FIELD}`
    );
  }
  field("Ý kiến thảo luận:", "opinions", BLANK_FIELD);
  doc.blank();

  doc.line("III. KẾT QUẢ", "docHead");
  for (const o of outcomesAt(c)) {
    const n = c.products.filter((p) => p.outcome === o).length;
    if (n) fact(`${outcomeLabel(c, o)}:`, `${n} sản phẩm`);
  }
  field(
    "Biểu quyết:",
    "vote",
    `…… / ${present.length} thành viên có mặt nhất trí với kết quả đánh giá, phân hạng và các đề nghị của Hội đồng.`
  );
  field("Kết luận của Chủ tịch:", "conclusion", BLANK_FIELD);
  field(
    "Kết thúc:",
    "end",
    "Cuộc họp kết thúc lúc …… giờ …… cùng ngày; biên bản đã được thông qua tại cuộc họp."
  );
  doc.blank();
  doc.signatures([
    { cols: [0, 2], signer: { title: "THƯ KÝ", name: secretaryName(input) } },
    {
      cols: [2, 1],
      signer: { title: "CHỦ TRÌ", note: "(Chủ tịch Hội đồng; ký, ghi rõ họ tên)", name: chairName(input) },
    },
  ]);
  doc.plan.protection = {};
  return doc.finish();
};
