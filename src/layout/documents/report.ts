/**
 * "Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP": the report the council makes after its meeting
 * (26/2026 Điều 7.3.d at province level, 7.4.d at central level): the session, the members present and those
 * abstaining, the rounds held, the counts by outcome, the ranking with outcomes and the proposal lists, signed
 * by the secretary and the chair. The council reports and proposes; the decisions are the chairman's of the
 * provincial People's Committee (3★, 4★) and the Minister's (5★).
 */
import { LEVEL_WORDS, levelProcess } from "../../ocop/process";
import { FORMAT } from "../build";
import { classLabel, outcomeLabel, outcomeSentence, outcomesAt } from "../outcomes";
import { PROPOSAL_SHEETS, proposalOutcomes, proposedProducts } from "../proposals";
import { DocSheet, placeDateLine } from "./frame";
import { NONE, meetingDate, roundsOf, type DocumentInput } from "./inputs";
import { DOCUMENT_SHEETS } from "./names";
import { chairName, secretaryName } from "./scoreTable";

// STT | Mã SP | Tên sản phẩm | Chủ thể | Điểm TB | Hạng | Kết quả đề nghị ("Điểm TB" on one line: a
// wrapped header beside one-line headers prints its lines on the baselines of the others)
const WIDTHS = [5, 10, 19, 15, 11, 8, 16];

/** Members who scored at least one product, and those who scored none. */
export const attendance = (input: DocumentInput): { present: string[]; absent: string[] } => {
  const scored = new Set(input.consolidation.products.flatMap((p) => p.members.map((m) => m.member)));
  const present = input.session.members.filter((m) => scored.has(m.code)).map((m) => m.code);
  const absent = input.session.members.filter((m) => !scored.has(m.code)).map((m) => m.code);
  return { present, absent };
};

const memberLabel = (input: DocumentInput, code: string): string => {
  const m = input.session.members.find((x) => x.code === code);
  return m ? `${m.name} (${m.code})` : code;
};

export const planReport = (input: DocumentInput): ReturnType<DocSheet["finish"]> => {
  const { session, consolidation: c, deliberation } = input;
  const level = LEVEL_WORDS[session.council.level];
  const authority = levelProcess(c.edition, c.level).authority.vi;
  const doc = new DocSheet(DOCUMENT_SHEETS.report, "document", WIDTHS, "portrait");
  doc.header(
    session.council.name,
    "Số: ……/BC-HĐ",
    placeDateLine(session.council.place, meetingDate(input)),
    3
  );
  doc.title("BÁO CÁO", `Kết quả đánh giá, phân hạng sản phẩm OCOP năm ${session.council.year}`);

  doc.line("I. THÔNG TIN PHIÊN ĐÁNH GIÁ", "docHead");
  doc.line(
    `- ${level.council}: ${session.council.name}; bộ tiêu chí ${c.edition}; ngày họp: ${placeDateLine("", meetingDate(input)).replace(/^……, /, "")}${session.council.place ? `, tại ${session.council.place}` : ""}.`,
    "docBody"
  );
  const { present, absent } = attendance(input);
  doc.line(
    `- Thành viên Hội đồng: ${session.members.length}; tham gia chấm điểm: ${present.length}${absent.length ? `; không chấm: ${absent.map((m) => memberLabel(input, m)).join(", ")}` : ""}.`,
    "docBody"
  );
  const recusals = deliberation?.recusals ?? [];
  doc.line(
    `- Thành viên không tham gia đánh giá sản phẩm (tự rút): ${
      recusals.length
        ? recusals
            .map((r) => `${memberLabel(input, r.member)} — ${r.product}${r.reason ? ` (${r.reason})` : ""}`)
            .join("; ")
        : NONE
    }.`,
    "docBody"
  );
  const rounds = roundsOf(deliberation);
  doc.line(
    `- Số vòng đánh giá: ${rounds.length}${
      rounds.length > 1
        ? ` (${rounds.map((r) => `vòng ${r.number}${r.date ? ` ngày ${r.date}` : ""}${r.note ? `: ${r.note}` : ""}`).join("; ")})`
        : ""
    }.`,
    "docBody"
  );
  doc.line(`- Số sản phẩm đánh giá, phân hạng: ${c.products.length}.`, "docBody");
  doc.blank();

  doc.line("II. KẾT QUẢ THEO NHÓM ĐỀ NGHỊ", "docHead");
  for (const o of outcomesAt(c)) {
    const n = c.products.filter((p) => p.outcome === o).length;
    doc.line(`- ${outcomeLabel(c, o)}: ${n} sản phẩm.`, "docBody");
  }
  doc.blank();

  doc.line("III. BẢNG XẾP HẠNG", "docHead");
  doc.tableHeader(["STT", "Mã SP", "Tên sản phẩm", "Chủ thể", "Điểm TB", "Hạng sao", "Kết quả đề nghị"]);
  const products = new Map(session.products.map((p) => [p.code, p]));
  const dec = FORMAT.mean(c.settings.displayDecimals);
  c.products.forEach((r, i) => {
    const row = doc.row++;
    const p = products.get(r.product);
    doc.cell(row, 0, 1, i + 1, "number", { numberFormat: FORMAT.integer });
    doc.cell(row, 1, 1, r.product, "wrap");
    doc.cell(row, 2, 1, p?.name ?? "", "wrap");
    doc.cell(row, 3, 1, p?.owner ?? "", "wrap");
    doc.cell(row, 4, 1, r.mean, "number", { numberFormat: dec });
    doc.cell(row, 5, 1, classLabel(r), "wrap");
    doc.cell(row, 6, 1, outcomeLabel(c, r.outcome), "wrap");
  });
  doc.blank();

  doc.line("IV. ĐỀ NGHỊ CỦA HỘI ĐỒNG", "docHead");
  for (const o of proposalOutcomes(c)) {
    const list = proposedProducts(c, o);
    doc.line(
      `- ${outcomeSentence(c, o)}: ${list.length} sản phẩm${list.length ? ` (${list.map((r) => r.product).join(", ")})` : ""}; danh sách kèm theo: "${PROPOSAL_SHEETS[o]}".`,
      "docBody"
    );
  }
  doc.line(
    `Hội đồng báo cáo kết quả đánh giá, phân hạng và đề nghị ${authority} xem xét, quyết định theo quy định.`,
    "docBody"
  );
  doc.blank();
  doc.signatures([
    { cols: [0, 3], signer: { title: "THƯ KÝ HỘI ĐỒNG", name: secretaryName(input) } },
    { cols: [3, 4], signer: { authority: "TM. HỘI ĐỒNG", title: "CHỦ TỊCH", name: chairName(input) } },
  ]);
  doc.blank();
  doc.recipients([authority, "Cơ quan tham mưu quản lý OCOP", "Lưu: Hội đồng"], 4);
  return doc.finish();
};
