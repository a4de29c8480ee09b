/**
 * "Bảng tổng hợp điểm": per product, every member's part scores and total, the mean (of the parts and the
 * total), the lowest, the highest and the spread, and — where the spread is flagged — the council's decision
 * (or a line left for it). Landscape A4, the header row repeated on every page.
 */
import type { ProductResult } from "../../ocop/results";
import { FORMAT } from "../build";
import { classLabel, outcomeLabel } from "../outcomes";
import { DocSheet, placeDateLine } from "./frame";
import { decisionOf, meetingDate, type DocumentInput } from "./inputs";
import { DOCUMENT_SHEETS } from "./names";

// STT | Mã SP | Tên sản phẩm / thành viên | A | B | C | Tổng | Ghi chú
const WIDTHS = [5, 12, 36, 9, 9, 9, 9, 40];

const num = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");

const spreadNote = (r: ProductResult): string | null => {
  const f = r.flags.find((x) => x.code === "spread");
  return f && f.code === "spread"
    ? `Chênh lệch ${num(f.range)} điểm, vượt ngưỡng ${num(f.threshold)} điểm (${f.members.join(", ")})`
    : null;
};

export const planScoreTable = (input: DocumentInput): ReturnType<DocSheet["finish"]> => {
  const { session, consolidation: c, deliberation } = input;
  const doc = new DocSheet(DOCUMENT_SHEETS.scoreTable, "document", WIDTHS, "landscape");
  doc.header(session.council.name, null, placeDateLine(session.council.place, meetingDate(input)), 4);
  doc.title(
    "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
    `Năm ${session.council.year} — ${c.products.length} sản phẩm, ${session.members.length} thành viên Hội đồng`
  );
  doc.tableHeader(["STT", "Mã SP", "Sản phẩm / Thành viên", "Phần A", "Phần B", "Phần C", "Tổng", "Ghi chú"]);
  const names = new Map(session.members.map((m) => [m.code, m.name]));
  const products = new Map(session.products.map((p) => [p.code, p]));
  const dec = FORMAT.mean(c.settings.displayDecimals);
  const pts = { numberFormat: FORMAT.points };
  c.products.forEach((r, i) => {
    const p = products.get(r.product);
    const first = doc.row;
    const row = doc.row++;
    doc.cell(row, 0, 1, i + 1, "number", { numberFormat: FORMAT.integer });
    doc.cell(row, 1, 1, r.product, "section");
    doc.cell(row, 2, 5, [p?.name, p?.owner].filter(Boolean).join(" — "), "section");
    doc.cell(row, 7, 1, `${classLabel(r)}; ${outcomeLabel(c, r.outcome)}`, "section");
    for (const m of r.members) {
      const mr = doc.row++;
      doc.cell(mr, 0, 1, null, "text");
      doc.cell(mr, 1, 1, m.member, "text");
      doc.cell(mr, 2, 1, names.get(m.member) ?? m.member, "wrap");
      doc.cell(mr, 3, 1, m.parts.A, "number", pts);
      doc.cell(mr, 4, 1, m.parts.B, "number", pts);
      doc.cell(mr, 5, 1, m.parts.C, "number", pts);
      doc.cell(mr, 6, 1, m.total, "number", pts);
      const notes = [
        m.deviating ? "Lệch nhiều so với điểm trung bình" : "",
        m.dropped ? "Không tính vào TB" : "",
      ];
      doc.cell(mr, 7, 1, notes.filter(Boolean).join("; "), m.deviating ? "warning" : "wrap");
    }
    const sr = doc.row++;
    doc.cell(sr, 0, 2, null, "subtotal");
    doc.cell(sr, 2, 1, "Điểm trung bình", "subtotal");
    doc.cell(sr, 3, 1, r.partMeans?.A ?? null, "subtotal", { numberFormat: dec });
    doc.cell(sr, 4, 1, r.partMeans?.B ?? null, "subtotal", { numberFormat: dec });
    doc.cell(sr, 5, 1, r.partMeans?.C ?? null, "subtotal", { numberFormat: dec });
    doc.cell(sr, 6, 1, r.mean, "total", { numberFormat: dec });
    doc.cell(
      sr,
      7,
      1,
      r.min === null
        ? "Chưa có điểm"
        : `Thấp nhất ${num(r.min)}; cao nhất ${num(r.max!)}; chênh lệch ${num(r.range!)}`,
      "subtotal"
    );
    const spread = spreadNote(r);
    if (spread) {
      const dr = doc.row++;
      doc.cell(dr, 0, 2, null, "wrap");
      doc.cell(dr, 2, 1, "Quyết định của Hội đồng", "wrap");
      const decision = decisionOf(deliberation, r.product);
      doc.cell(
        dr,
        3,
        5,
        `${spread}. ${decision ?? "Quyết định: …………………………………… (Thư ký ghi theo kết luận của Chủ tịch Hội đồng)"}`,
        decision ? "wrap" : "warning"
      );
    }
    // A product's block stays on one page (a province block is a dozen rows).
    doc.keepTogether(first, doc.row - 1);
  });
  doc.blank();
  doc.signatures([
    { cols: [0, 3], signer: { title: "THƯ KÝ HỘI ĐỒNG", name: secretaryName(input) } },
    { cols: [4, 4], signer: { authority: "TM. HỘI ĐỒNG", title: "CHỦ TỊCH", name: chairName(input) } },
  ]);
  return doc.finish(`${DOCUMENT_SHEETS.scoreTable} — Trang &P/&N`);
};

export const chairName = (input: DocumentInput): string =>
  input.session.members.find((m) => m.role === "chair")?.name ?? "";
export const secretaryName = (input: DocumentInput): string =>
  input.session.members.find((m) => m.role === "secretary")?.name ?? "";
