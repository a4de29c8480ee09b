/** The printed documents' sheets (owned by the add-in; the minutes keep what the secretariat typed). */
import { cleanSheetName } from "../names";

export const DOCUMENT_SHEETS = {
  scoreTable: "Bảng tổng hợp điểm",
  report: "Báo cáo kết quả",
  minutes: "Biên bản họp",
  notices: "Thông báo kết quả",
} as const;

export const FORM_SHEET_PREFIX = "Phiếu đánh giá ";

/** "Phiếu đánh giá TV01": a member's evaluation forms, one printed page per product. */
export const formSheetName = (memberCode: string): string => cleanSheetName(FORM_SHEET_PREFIX + memberCode);

/** Which document a sheet prints, for the publish step and `ocop print`. */
export const DOCUMENT_TITLES: Record<keyof typeof DOCUMENT_SHEETS | "forms", string> = {
  forms: "Phiếu đánh giá của từng thành viên (Phụ lục II)",
  scoreTable: "Bảng tổng hợp điểm",
  report: "Báo cáo kết quả đánh giá, phân hạng (điểm d khoản 3 Điều 7)",
  minutes: "Biên bản họp Hội đồng",
  notices: "Thông báo kết quả cho UBND cấp xã và chủ thể (điểm g khoản 3 Điều 7)",
};
