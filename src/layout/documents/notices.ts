/**
 * "Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP" to each commune and its producers (26/2026 Điều
 * 7.3.g): one notice per commune, each starting on a new page, listing the commune's products with their
 * points, class and the council's proposal, and what the producer may do next (ocop/nextSteps.ts). The notice
 * is the provincial OCOP office's, not the council's: it reports the council's result and proposals.
 */
import { levelProcess } from "../../ocop/process";
import { NOTIFIER, nextSteps } from "../../ocop/nextSteps";
import { FORMAT } from "../build";
import { classLabel, outcomeLabel } from "../outcomes";
import { remarkOf } from "../remarks";
import { DocSheet, placeDateLine } from "./frame";
import { meetingDate, type DocumentInput } from "./inputs";
import { DOCUMENT_SHEETS } from "./names";

// STT | Mã SP | Tên sản phẩm | Chủ thể | Điểm | Kết quả | Bước tiếp theo
const WIDTHS = [5, 10, 17, 15, 7, 12, 30];

/** Products by commune, communes in Vietnamese order ("(chưa ghi xã)" last). */
export const byCommune = (input: DocumentInput): [string, string[]][] => {
  const out = new Map<string, string[]>();
  const products = new Map(input.session.products.map((p) => [p.code, p]));
  for (const r of input.consolidation.products) {
    const commune = products.get(r.product)?.commune.trim() || "";
    out.set(commune, [...(out.get(commune) ?? []), r.product]);
  }
  return [...out.entries()].sort(([a], [b]) => (!a ? 1 : !b ? -1 : a.localeCompare(b, "vi")));
};

export const planNotices = (input: DocumentInput): ReturnType<DocSheet["finish"]> => {
  const { session, consolidation: c } = input;
  const doc = new DocSheet(DOCUMENT_SHEETS.notices, "document", WIDTHS, "portrait");
  doc.repeatHeader = false;
  const notifier = NOTIFIER[session.council.level];
  const authority = levelProcess(c.edition, c.level).authority.vi;
  const results = new Map(c.products.map((r) => [r.product, r]));
  const products = new Map(session.products.map((p) => [p.code, p]));
  const dec = FORMAT.mean(c.settings.displayDecimals);
  const date = meetingDate(input);
  if (!c.products.length) doc.line("Không có sản phẩm nào được đánh giá, phân hạng.", "docBody");
  byCommune(input).forEach(([commune, codes], n) => {
    if (n > 0) doc.breakBefore(doc.row);
    doc.header(notifier, "Số: ……/TB", placeDateLine(session.council.place, date), 3);
    doc.title(
      "THÔNG BÁO",
      `Kết quả đánh giá, phân hạng sản phẩm OCOP năm ${session.council.year}${commune ? ` — ${commune}` : ""}`
    );
    doc.line(`Kính gửi: UBND ${commune || "cấp xã"} và các chủ thể OCOP có sản phẩm dưới đây.`, "docCenter");
    doc.line(
      `Căn cứ kết quả đánh giá, phân hạng của ${session.council.name} ngày ${placeDateLine("", date).replace(/^……, ngày /, "")}, ${notifier} thông báo kết quả đánh giá, phân hạng các sản phẩm như sau:`,
      "docBody"
    );
    doc.tableHeader([
      "STT",
      "Mã SP",
      "Tên sản phẩm",
      "Chủ thể",
      "Điểm TB",
      "Kết quả",
      "Chủ thể có thể làm tiếp",
    ]);
    codes.forEach((code, i) => {
      const r = results.get(code)!;
      const p = products.get(code);
      const row = doc.row++;
      const remark = remarkOf(r, p);
      doc.cell(row, 0, 1, i + 1, "number", { numberFormat: FORMAT.integer });
      doc.cell(row, 1, 1, code, "wrap");
      doc.cell(row, 2, 1, p?.name ?? "", "wrap");
      doc.cell(row, 3, 1, p?.owner ?? "", "wrap");
      doc.cell(row, 4, 1, r.mean, "number", { numberFormat: dec });
      doc.cell(row, 5, 1, `${classLabel(r)}; ${outcomeLabel(c, r.outcome)}`, "wrap");
      doc.cell(
        row,
        6,
        1,
        `${nextSteps(r.outcome, authority)}${remark ? ` Ghi chú: ${remark}.` : ""}`,
        "wrap"
      );
    });
    doc.line(
      `Kết quả trên là kết quả đánh giá và đề nghị của Hội đồng; việc công nhận do ${authority} quyết định theo quy định.`,
      "docBody"
    );
    doc.blank();
    doc.signatures([
      {
        cols: [3, 4],
        signer: {
          authority: `TM. ${notifier.toUpperCase()}`,
          title: "THỦ TRƯỞNG",
          note: "(Ký, ghi rõ họ tên, đóng dấu)",
          name: "",
        },
      },
    ]);
    doc.recipients([`UBND ${commune || "cấp xã"}`, "Các chủ thể OCOP có tên trên", "Lưu: VT"], 3);
    doc.blank();
  });
  return doc.finish();
};
