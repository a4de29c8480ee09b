/**
 * One printable certificate sheet per product classed at 3 stars or more ("GCN <code>"): product, owner,
 * stars, score, the decision line to fill in, place and date, and the signatures. A hidden anchor in
 * column A marks the sheet as the add-in's, so a later run removes the ones no longer wanted and never
 * touches a sheet the secretariat made.
 */
import { FORMAT, put, range } from "../../layout/build";
import { cleanSheetName, SHEETS, uniqueSheetName } from "../../layout/names";
import { emptyPlan, type CellValue, type SheetPlan } from "../../layout/plan";
import type { Consolidation, ProductResult } from "../../ocop/results";
import type { Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";

export const CERTIFICATE_PREFIX = "GCN ";
const ANCHOR = "ocop-certificate";

/** The products a certificate is proposed for: classed 3★ or more, in ranking order. */
export const certifiedProducts = (c: Consolidation): ProductResult[] =>
  c.products
    .filter((p) => p.stars !== null && p.stars >= 3 && p.withheld === null)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

/** True when a sheet's first column carries this module's anchor. */
export const isCertificateSheet = (values: CellValue[][]): boolean =>
  values.slice(0, 3).some((row) => typeof row[0] === "string" && row[0].startsWith(ANCHOR));

const vnDate = (iso: string): { d: string; m: string; y: string } | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: m[1]!, m: m[2]!, d: m[3]! } : null;
};

const LAST_COL = 4; // B..E hold the text; A is the hidden anchor

export const planCertificateSheet = (session: Session, result: ProductResult, name: string): SheetPlan => {
  const plan = emptyPlan(name, "certificates");
  const product = session.products.find((p) => normaliseCode(p.code) === normaliseCode(result.product));
  const stars = result.stars ?? 0;
  const chair = session.members.find((m) => m.role === "chair");
  const secretary = session.members.find((m) => m.role === "secretary");
  const wide = (row: number, text: string, style: Parameters<typeof put>[4]): void => {
    put(plan, row, 1, text, style);
    plan.merges.push(range(row, 1, 1, LAST_COL));
  };
  const half = (row: number, left: string, right: string, style: Parameters<typeof put>[4]): void => {
    if (left) put(plan, row, 1, left, style);
    if (right) put(plan, row, 3, right, style);
    plan.merges.push(range(row, 1, 1, 2), range(row, 3, 1, 2));
  };
  put(plan, 0, 0, `${ANCHOR}:${session.id}:${result.product}`, "anchor");
  // Centred lines use the "signature" style, the palette's one centred style.
  wide(0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "signature");
  wide(1, "Độc lập - Tự do - Hạnh phúc", "signature");
  wide(2, session.council.name.toUpperCase(), "signature");
  wide(4, "GIẤY CHỨNG NHẬN SẢN PHẨM OCOP", "signature");
  wide(5, `ĐẠT ${stars} SAO`, "signature");
  wide(6, "★".repeat(stars), "signature");
  const rows: [string, CellValue, string?][] = [
    ["Tên sản phẩm", product?.name ?? result.product],
    ["Mã sản phẩm", result.product],
    ["Chủ thể", product?.owner ?? ""],
    ["Địa chỉ", product?.commune ?? ""],
    ["Nhóm, bộ sản phẩm", [product?.group, product?.set].filter(Boolean).join(" — ")],
    ["Phiếu chấm số", result.form],
    ["Điểm đánh giá (trung bình)", result.mean, FORMAT.mean(session.settings.displayDecimals)],
    ["Hạng sao", `${stars} sao`],
  ];
  rows.forEach(([label, value, numberFormat], i) => {
    const row = 8 + i;
    put(plan, row, 1, `${label}:`, "text");
    put(
      plan,
      row,
      2,
      value,
      typeof value === "number" ? "number" : "text",
      numberFormat ? { numberFormat } : {}
    );
    plan.merges.push(range(row, 2, 1, LAST_COL - 1));
  });
  let row = 8 + rows.length + 1;
  wide(row++, "Kèm theo Quyết định số ……/QĐ-…… ngày …… tháng …… năm …… của ……………………", "text");
  wide(row++, "Giấy chứng nhận có giá trị 36 tháng kể từ ngày ký quyết định công nhận.", "muted");
  row++;
  const date = vnDate(session.council.date);
  const dateLine = date
    ? `${session.council.place ? `${session.council.place}, ` : ""}ngày ${date.d} tháng ${date.m} năm ${date.y}`
    : "……, ngày …… tháng …… năm ……";
  half(row++, "", dateLine, "signature");
  half(row++, "THƯ KÝ HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG", "signature");
  half(row++, "(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên)", "muted");
  row += 3;
  half(row, secretary?.name ?? "", chair?.name ?? "", "signature");
  plan.columns.push(
    { index: 0, width: 4, hidden: true },
    { index: 1, width: 26 },
    { index: 2, width: 22 },
    { index: 3, width: 22 },
    { index: 4, width: 22 }
  );
  plan.rows.push({ index: 2, height: 30 }, { index: 6, height: 24 });
  plan.protection = {};
  plan.print = {
    orientation: "portrait",
    paper: "A4",
    fitToWidth: true,
    footer: `Giấy chứng nhận — ${result.product}`,
  };
  return plan;
};

/** A plan per certified product, with names unique among the workbook's other sheets. */
export const planCertificateSheets = (
  session: Session,
  c: Consolidation,
  otherSheets: readonly string[]
): SheetPlan[] => {
  const taken = [...otherSheets];
  return certifiedProducts(c).map((r) => {
    const name = uniqueSheetName(cleanSheetName(CERTIFICATE_PREFIX + r.product), taken);
    taken.push(name);
    return planCertificateSheet(session, r, name);
  });
};

/** "Đề nghị công nhận": the products at 3 stars and above, for the decision and the certificates. Print-ready. */
export const planCertificateListSheet = (session: Session, c: Consolidation, dateText: string): SheetPlan => {
  const plan = emptyPlan(SHEETS.certificates, "certificates");
  const cols = [
    "STT",
    "Mã SP",
    "Tên sản phẩm",
    "Chủ thể",
    "Xã, phường",
    "Nhóm sản phẩm",
    "Điểm TB",
    "Hạng sao",
  ];
  const last = cols.length - 1;
  const line = (row: number, text: string, style: "title" | "subtitle" | "muted" | "signature"): void => {
    put(plan, row, 0, text, style);
    plan.merges.push(range(row, 0, 1, last + 1));
  };
  line(0, "DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN SẢN PHẨM OCOP (TỪ 3 SAO)", "title");
  line(1, `${session.council.name} — năm ${session.council.year}`, "subtitle");
  line(2, dateText, "muted");
  const h = 4;
  cols.forEach((t, col) => put(plan, h, col, t, "header"));
  const list = certifiedProducts(c);
  const products = new Map(session.products.map((p) => [normaliseCode(p.code), p]));
  const dec = FORMAT.mean(c.settings.displayDecimals);
  list.forEach((r, i) => {
    const row = h + 1 + i;
    const p = products.get(normaliseCode(r.product));
    put(plan, row, 0, i + 1, "number", { numberFormat: FORMAT.integer });
    put(plan, row, 1, r.product, "text");
    put(plan, row, 2, p?.name ?? "", "wrap");
    put(plan, row, 3, p?.owner ?? "", "wrap");
    put(plan, row, 4, p?.commune ?? "", "wrap");
    put(plan, row, 5, p?.group ?? "", "wrap");
    put(plan, row, 6, r.mean, "number", { numberFormat: dec });
    put(plan, row, 7, r.stars, "number", { numberFormat: '0" sao"' });
  });
  let row = h + 1 + list.length;
  if (!list.length) put(plan, row++, 2, "Không có sản phẩm đạt từ 3 sao.", "muted");
  row++;
  const counts = [5, 4, 3].map((s) => `${s} sao: ${c.starCounts[s as 3 | 4 | 5]}`).join("; ");
  line(row++, `Tổng số: ${list.length} sản phẩm (${counts}).`, "subtitle");
  row++;
  const chair = session.members.find((m) => m.role === "chair");
  put(plan, row, 5, "CHỦ TỊCH HỘI ĐỒNG", "signature");
  plan.merges.push(range(row, 5, 1, 3));
  put(plan, row + 1, 5, "(Ký, ghi rõ họ tên)", "muted");
  plan.merges.push(range(row + 1, 5, 1, 3));
  put(plan, row + 5, 5, chair?.name ?? "", "signature");
  plan.merges.push(range(row + 5, 5, 1, 3));
  [5, 14, 32, 28, 16, 22, 9, 9].forEach((width, index) => plan.columns.push({ index, width }));
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    repeatRows: { first: h, last: h },
    footer: "Trang &P/&N",
  };
  plan.protection = {};
  return plan;
};
