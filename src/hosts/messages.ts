/**
 * Words for what a host call threw (HostError reasons, src/hosts/workbook.ts), in Vietnamese and English, in the
 * same book as the findings (src/ocop/messages.ts): `describeHostError` gives message, fix and place, so the pane
 * and the command line say the same thing. Each Excel error code has its own text; Excel's catch-all
 * InvalidOperation is split by the operation that raised it (src/hosts/excel/errors.ts).
 */
import { defineMessages, describeFinding, registerMessages, type Lang } from "../ocop/messages";
import type { Described } from "../ocop/messages";
import type { Finding } from "../ocop/findings";
import { DEFAULT_REASON, HOST_ERROR_REASONS, type HostErrorCode, type HostErrorReason } from "./workbook";

type Code = `host.${HostErrorReason}`;

const unchanged = {
  vi: "Sổ làm việc không bị thay đổi.",
  en: "The workbook was not changed.",
};

export const HOST_MESSAGES = defineMessages<Code>({
  vi: {
    "host.accessDenied": {
      message: "Excel không cho ghi: trang tính {sheet} hoặc cấu trúc sổ đang được bảo vệ.",
      fix: "Bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) hoặc nhờ người đã bảo vệ làm việc đó, rồi thử lại.",
    },
    "host.badPassword": {
      message: "Mật khẩu bảo vệ trang tính {sheet} không đúng.",
      fix: "Nhập đúng mật khẩu của người đã bảo vệ trang tính, hoặc nhờ họ bỏ bảo vệ.",
    },
    "host.cellEditMode": {
      message: "Excel đang ở chế độ sửa ô nên chưa nhận lệnh của Add-in.",
      fix: "Nhấn Enter hoặc Esc để kết thúc sửa ô, rồi thử lại.",
    },
    "host.requestTooLarge": {
      message: "Dữ liệu gửi cho Excel trong một lần vượt giới hạn (khoảng 5 MB trên Excel cho web).",
      fix: `${unchanged.vi} Dùng Excel cho máy tính, hoặc chia phiên thành nhiều sổ.`,
    },
    "host.responseTooLarge": {
      message: "Dữ liệu Excel trả về trong một lần vượt giới hạn (khoảng 5 MB trên Excel cho web).",
      fix: "Xóa các trang tính không cần trong sổ (hoặc dữ liệu thừa bên dưới/bên phải bảng), rồi thử lại.",
    },
    "host.tooManyCells": {
      message: "Thao tác chạm tới quá nhiều ô cho một lần của Excel.",
      fix: "Xóa dữ liệu thừa ở xa bảng (vùng đã dùng của trang tính quá rộng), rồi thử lại.",
    },
    "host.apiNotFound": {
      message: "Phiên bản Excel này thiếu chức năng Add-in cần (bộ API ExcelApi).",
      fix: "Cập nhật Excel, hoặc dùng Excel trên web.",
    },
    "host.notImplemented": {
      message: "Chức năng này chưa có trên Excel đang dùng (nền tảng hoặc phiên bản).",
      fix: "Dùng Excel cho máy tính hoặc Excel trên web bản mới.",
    },
    "host.invalidName": {
      message: "Tên trang tính hoặc bảng {sheet} không hợp lệ trong Excel.",
      fix: "Tên trang tính tối đa 31 ký tự, không có \\ / ? * [ ] :; đổi mã thành viên hoặc tên bị trùng rồi thử lại.",
    },
    "host.nameTaken": {
      message: "Tên trang tính hoặc bảng đã được dùng trong sổ.",
      fix: "Đổi tên trang tính hoặc bảng đang mang tên đó, rồi thử lại.",
    },
    "host.notFound": {
      message: "Không tìm thấy trang tính hoặc ô cần dùng {sheet} (có thể đã bị xóa hay đổi tên).",
      fix: "Khôi phục tên trang tính, hoặc tạo lại trang tính bằng Add-in; điểm đã nhập được giữ.",
    },
    "host.invalidArgument": {
      message: "Excel từ chối dữ liệu ghi vào (một giá trị, công thức hoặc tên không hợp lệ).",
      fix: `${unchanged.vi} Báo nhóm hỗ trợ kèm chi tiết bên dưới.`,
    },
    "host.invalidReference": {
      message: "Một tham chiếu ô hoặc vùng không hợp lệ với thao tác này.",
      fix: `${unchanged.vi} Báo nhóm hỗ trợ kèm chi tiết bên dưới.`,
    },
    "host.formulaTooLong": {
      message: "Một công thức dài quá giới hạn 8.192 ký tự của Excel.",
      fix: `${unchanged.vi} Giảm số sản phẩm trên một trang tính, hoặc báo nhóm hỗ trợ.`,
    },
    "host.mergeOverlap": {
      message: "Excel không gộp được ô: vùng cần gộp chồng lên vùng đã gộp hoặc lên một bảng.",
      fix: "Bỏ gộp ô (Trang đầu › Gộp & Căn giữa › Bỏ gộp ô) ở vùng bị chồng, rồi thử lại.",
    },
    "host.mergeConflict": {
      message:
        "Thao tác đụng vào ô đã gộp mà Excel không cho (chỉ ô trên cùng bên trái của vùng gộp nhận dữ liệu).",
      fix: "Bỏ gộp các ô trên vùng này (Trang đầu › Gộp & Căn giữa › Bỏ gộp ô), rồi thử lại.",
    },
    "host.tableOverlap": {
      message: "Excel không tạo được bảng: vùng của bảng chồng lên bảng khác hoặc lên ô đã gộp.",
      fix: "Chuyển bảng cũ thành vùng thường (Thiết kế bảng › Chuyển thành vùng) hoặc bỏ gộp ô, rồi thử lại.",
    },
    "host.rangeConflict": {
      message: "Vùng cần ghi đang bị lọc, thuộc PivotTable hoặc đang chèn/xóa dòng nên Excel không cho ghi.",
      fix: "Xóa bộ lọc và bỏ PivotTable khỏi vùng đó, rồi thử lại.",
    },
    "host.sheetHidden": {
      message: "Excel không mở được trang tính {sheet} vì trang tính đang bị ẩn.",
      fix: "Hiện trang tính (chuột phải vào thẻ trang tính › Bỏ ẩn), rồi thử lại.",
    },
    "host.lastVisibleSheet": {
      message: "Excel không cho ẩn hoặc xóa trang tính hiển thị cuối cùng của sổ.",
      fix: "Hiện thêm một trang tính khác (chuột phải vào thẻ trang tính › Bỏ ẩn), rồi thử lại.",
    },
    "host.invalidOperation": {
      message: "Excel không cho thực hiện thao tác này với sổ ở trạng thái hiện tại.",
      fix: `${unchanged.vi} Đóng các hộp thoại đang mở trong Excel rồi thử lại; nếu vẫn lỗi, báo nhóm hỗ trợ kèm chi tiết bên dưới.`,
    },
    "host.unsupportedOperation": {
      message:
        "Excel không hỗ trợ thao tác này trên sổ hoặc trang tính hiện tại (ví dụ trang tính biểu đồ, sổ ở chế độ chỉ đọc).",
      fix: "Mở sổ ở chế độ chỉnh sửa, chọn một trang tính dạng bảng tính, rồi thử lại.",
    },
    "host.busy": {
      message: "Excel đang bận (quá nhiều yêu cầu cùng lúc).",
      fix: "Đợi một lát rồi thử lại.",
    },
    "host.editConflict": {
      message: "Sổ vừa được người khác sửa cùng lúc.",
      fix: "Đợi vài giây cho các thay đổi được đồng bộ, rồi thử lại.",
    },
    "host.serviceUnavailable": {
      message: "Dịch vụ Excel tạm thời không phản hồi.",
      fix: "Kiểm tra kết nối mạng rồi thử lại sau.",
    },
    "host.outOfMemory": {
      message: "Excel hết bộ nhớ cho thao tác này.",
      fix: "Đóng bớt sổ và ứng dụng khác, rồi thử lại.",
    },
    "host.cancelled": {
      message: "Đã huỷ thao tác trong lúc chờ Excel.",
      fix: `${unchanged.vi} Kết thúc sửa ô trong Excel (Enter hoặc Esc) rồi làm lại nếu cần.`,
    },
    "host.general": {
      message: "Excel gặp lỗi chung khi thực hiện.",
      fix: `${unchanged.vi} Thử lại; nếu vẫn lỗi, báo nhóm hỗ trợ kèm chi tiết bên dưới.`,
    },
    "host.unknown": {
      message: "Có lỗi không lường trước ({officeCode}).",
      fix: "Thử lại; nếu vẫn lỗi, báo nhóm hỗ trợ kèm chi tiết bên dưới.",
    },
  },
  en: {
    "host.accessDenied": {
      message: "Excel refused to write: the sheet {sheet} or the workbook structure is protected.",
      fix: "Unprotect it (Review › Unprotect Sheet / Protect Workbook), or ask whoever protected it, then try again.",
    },
    "host.badPassword": {
      message: "The password protecting the sheet {sheet} is wrong.",
      fix: "Enter the password of whoever protected the sheet, or ask them to unprotect it.",
    },
    "host.cellEditMode": {
      message: "Excel is editing a cell, so it does not take the add-in's commands.",
      fix: "Press Enter or Esc to finish editing the cell, then try again.",
    },
    "host.requestTooLarge": {
      message: "The data sent to Excel at once is over its limit (about 5 MB in Excel on the web).",
      fix: `${unchanged.en} Use desktop Excel, or split the session into several workbooks.`,
    },
    "host.responseTooLarge": {
      message: "The data Excel returned at once is over its limit (about 5 MB in Excel on the web).",
      fix: "Delete sheets the workbook does not need (or stray data below or right of the tables), then try again.",
    },
    "host.tooManyCells": {
      message: "The operation touches more cells than Excel allows at once.",
      fix: "Delete stray data far from the tables (the sheet's used range is too large), then try again.",
    },
    "host.apiNotFound": {
      message: "This Excel lacks a feature the add-in needs (an ExcelApi requirement set).",
      fix: "Update Excel, or use Excel on the web.",
    },
    "host.notImplemented": {
      message: "This feature is not available in this Excel (platform or version).",
      fix: "Use desktop Excel or an up-to-date Excel on the web.",
    },
    "host.invalidName": {
      message: "A sheet or table name {sheet} is not allowed in Excel.",
      fix: "Sheet names have at most 31 characters and none of \\ / ? * [ ] :; change the member code or the clashing name and try again.",
    },
    "host.nameTaken": {
      message: "A sheet or table name is already used in the workbook.",
      fix: "Rename the sheet or table that has the name, then try again.",
    },
    "host.notFound": {
      message:
        "A sheet or cell the add-in needs was not found {sheet} (it may have been deleted or renamed).",
      fix: "Restore the sheet's name, or re-create the sheet with the add-in; scores already entered are kept.",
    },
    "host.invalidArgument": {
      message: "Excel refused the data written (an invalid value, formula or name).",
      fix: `${unchanged.en} Report it to support with the detail below.`,
    },
    "host.invalidReference": {
      message: "A cell or range reference is not valid for this operation.",
      fix: `${unchanged.en} Report it to support with the detail below.`,
    },
    "host.formulaTooLong": {
      message: "A formula is longer than Excel's limit of 8,192 characters.",
      fix: `${unchanged.en} Put fewer products on one sheet, or report it to support.`,
    },
    "host.mergeOverlap": {
      message: "Excel could not merge cells: the area overlaps merged cells or a table.",
      fix: "Unmerge the overlapping cells (Home › Merge & Center › Unmerge Cells), then try again.",
    },
    "host.mergeConflict": {
      message:
        "The operation touches merged cells in a way Excel refuses (only a merge's top-left cell holds data).",
      fix: "Unmerge the cells in this area (Home › Merge & Center › Unmerge Cells), then try again.",
    },
    "host.tableOverlap": {
      message: "Excel could not create a table: its range overlaps another table or merged cells.",
      fix: "Convert the old table to a range (Table Design › Convert to Range) or unmerge the cells, then try again.",
    },
    "host.rangeConflict": {
      message:
        "The range is filtered, part of a PivotTable or being inserted into, so Excel refuses the write.",
      fix: "Clear the filter and move the PivotTable away from the range, then try again.",
    },
    "host.sheetHidden": {
      message: "Excel cannot show the sheet {sheet}: it is hidden.",
      fix: "Unhide the sheet (right-click a sheet tab › Unhide), then try again.",
    },
    "host.lastVisibleSheet": {
      message: "Excel does not allow hiding or deleting the workbook's last visible sheet.",
      fix: "Unhide another sheet (right-click a sheet tab › Unhide), then try again.",
    },
    "host.invalidOperation": {
      message: "Excel does not allow this operation in the workbook's current state.",
      fix: `${unchanged.en} Close any open dialog in Excel and try again; if it persists, report it to support with the detail below.`,
    },
    "host.unsupportedOperation": {
      message:
        "Excel does not support this on the current workbook or sheet (e.g. a chart sheet, a read-only workbook).",
      fix: "Open the workbook for editing, select a worksheet, then try again.",
    },
    "host.busy": {
      message: "Excel is busy (too many requests at once).",
      fix: "Wait a moment and try again.",
    },
    "host.editConflict": {
      message: "Someone else changed the workbook at the same time.",
      fix: "Wait a few seconds for the changes to sync, then try again.",
    },
    "host.serviceUnavailable": {
      message: "Excel's service is not answering.",
      fix: "Check the network connection and try again later.",
    },
    "host.outOfMemory": {
      message: "Excel ran out of memory for this operation.",
      fix: "Close other workbooks and applications, then try again.",
    },
    "host.cancelled": {
      message: "The operation was cancelled while waiting for Excel.",
      fix: `${unchanged.en} Finish editing the cell in Excel (Enter or Esc), then do it again if needed.`,
    },
    "host.general": {
      message: "Excel hit a general error.",
      fix: `${unchanged.en} Try again; if it persists, report it to support with the detail below.`,
    },
    "host.unknown": {
      message: "An unexpected error occurred ({officeCode}).",
      fix: "Try again; if it persists, report it to support with the detail below.",
    },
  },
});

registerMessages(HOST_MESSAGES);

/** Duck-typed: a HostError from another bundle copy, or one crossing a worker, still maps. */
export function hostReasonOf(error: unknown): HostErrorReason | null {
  if (!error || typeof error !== "object" || (error as { name?: unknown }).name !== "HostError") return null;
  const reason = (error as { reason?: unknown }).reason;
  return (HOST_ERROR_REASONS as readonly unknown[]).includes(reason) ? (reason as HostErrorReason) : null;
}

/** A HostError as a finding (code `host.<reason>`), for the same rendering as the checks' findings. */
export function hostErrorFinding(error: unknown): Finding | null {
  const reason = hostReasonOf(error);
  if (!reason) return null;
  const e = error as { sheet?: unknown; officeCode?: unknown };
  const sheet = typeof e.sheet === "string" ? e.sheet : null;
  return {
    code: `host.${reason}`,
    severity: "error",
    where: sheet ? { sheet } : {},
    params: {
      sheet: sheet ? `“${sheet}”` : "",
      officeCode: typeof e.officeCode === "string" ? e.officeCode : "—",
    },
  };
}

/** Message, fix and place of a HostError; null for anything else. */
export function describeHostError(error: unknown, lang: Lang): Described | null {
  const finding = hostErrorFinding(error);
  if (!finding) return null;
  const d = describeFinding(finding, lang);
  return { ...d, message: d.message.replace(/\s+(?=[.:,)])/g, "").replace(/\s{2,}/g, " ") };
}

/**
 * Only when the reason says more than the code (e.g. InvalidOperation at a merge, under the code invalidRequest):
 * the panes keep their own sentence for a code and use this one for what it cannot tell apart.
 */
export function describeFinerHostError(error: unknown, lang: Lang): Described | null {
  const reason = hostReasonOf(error);
  const code = (error as { code?: unknown } | null)?.code as HostErrorCode | undefined;
  if (!reason || (code && DEFAULT_REASON[code] === reason)) return null;
  return describeHostError(error, lang);
}

/** The language of an i18next `t` from useTranslation (it carries `lng`); Vietnamese when it does not say. */
export const langOfT = (t: unknown): Lang => ((t as { lng?: unknown } | null)?.lng === "en" ? "en" : "vi");
