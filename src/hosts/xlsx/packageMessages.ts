/**
 * The package guard's words: for each finding code, what is wrong with the file and how the secretariat fixes
 * it, in Vietnamese and English. Importing this module registers them with `describeFinding`.
 */
import { defineMessages, registerMessages } from "../../ocop/messages";
import type { PackageCode } from "./packageVerdict";

const resaveVi =
  "Mở tệp bằng Excel (hoặc LibreOffice Calc), chọn Tệp > Lưu thành, kiểu “Sổ làm việc Excel (*.xlsx)”, rồi gửi lại tệp .xlsx.";
const resaveEn =
  "Open the file in Excel (or LibreOffice Calc), choose File > Save As, type “Excel Workbook (*.xlsx)”, and send the .xlsx file again.";
const resendVi =
  "Xin thành viên gửi lại tệp gốc (tệp có thể bị hỏng khi tải về hoặc chép); nếu mở được bằng Excel, lưu lại thành .xlsx.";
const resendEn =
  "Ask the member to send the original file again (it may have been damaged in download or copy); if Excel opens it, save it again as .xlsx.";

/** "Tệp này là văn bản Word (.docx)": what the file is, in words a secretary knows. */
const KIND_WORDS: Record<string, { vi: string; en: string }> = {
  "Word (.docx)": { vi: "văn bản Word (.docx)", en: "a Word document (.docx)" },
  "Word (.doc)": { vi: "văn bản Word (.doc)", en: "a Word document (.doc)" },
  "PowerPoint (.ppt)": { vi: "bản trình chiếu PowerPoint (.ppt)", en: "a PowerPoint presentation (.ppt)" },
  PDF: { vi: "tệp PDF", en: "a PDF file" },
  PNG: { vi: "ảnh PNG", en: "a PNG image" },
  JPEG: { vi: "ảnh JPEG", en: "a JPEG image" },
  RAR: { vi: "tệp nén RAR", en: "a RAR archive" },
  "7z": { vi: "tệp nén 7z", en: "a 7z archive" },
  gzip: { vi: "tệp nén gzip", en: "a gzip archive" },
};

const kindOf = (detected: unknown, lang: "vi" | "en"): string => {
  const words = KIND_WORDS[String(detected)];
  if (words) return lang === "vi" ? `Tệp này là ${words.vi}` : `This file is ${words.en}`;
  if (detected === "binary" || detected === "OLE2")
    return lang === "vi" ? "Không nhận ra loại tệp này" : "This file is of an unknown kind";
  return lang === "vi" ? `Tệp này là tệp ${String(detected)}` : `This file is ${String(detected)}`;
};

/** Words for the codes above; importing this module registers them with `describeFinding`. */
export const PACKAGE_MESSAGES = defineMessages<PackageCode>({
  vi: {
    "file.empty": { message: "Tệp rỗng (0 byte hoặc không có nội dung).", fix: resendVi },
    "file.tooLarge": {
      message: "Tệp quá lớn ({sizeMB} MB; giới hạn {limitMB} MB), không mở để tránh treo máy.",
      fix: "Xóa các sheet, hình ảnh không cần thiết rồi lưu lại; phiếu chấm của Hội đồng thường chỉ vài trăm KB.",
    },
    "file.notXlsx.xls": {
      message: "Tệp là sổ Excel 97–2003 (.xls), không phải .xlsx (có thể đã bị đổi đuôi).",
      fix: resaveVi,
    },
    "file.notXlsx.ods": {
      message: "Tệp là bảng tính OpenDocument (.ods) của LibreOffice, không phải .xlsx.",
      fix: resaveVi,
    },
    "file.notXlsx.csv": {
      message: "Tệp là văn bản/CSV (dữ liệu cách nhau bởi “{separator}”), không phải sổ Excel .xlsx.",
      fix: "Không đổi đuôi tệp CSV thành .xlsx: dùng phiếu do Add-in tạo; nếu chỉ có CSV, mở bằng Excel rồi lưu thành .xlsx.",
    },
    "file.notXlsx.html": {
      message: "Tệp là trang {detected} (thường do phần mềm khác xuất “ra Excel”), không phải sổ .xlsx.",
      fix: resaveVi,
    },
    "file.notXlsx.xlsb": { message: "Tệp là sổ Excel nhị phân (.xlsb), không phải .xlsx.", fix: resaveVi },
    "file.notXlsx.other": {
      message: (p) => `${kindOf(p.detected, "vi")}, không phải sổ Excel (.xlsx).`,
      fix: "Chọn đúng tệp phiếu chấm .xlsx; có thể đã đính kèm nhầm tệp.",
    },
    "file.encrypted": {
      message: "Tệp được mã hóa bằng mật khẩu mở tệp; không thể đọc khi chưa gỡ mật khẩu.",
      fix: "Mở tệp bằng Excel, nhập mật khẩu, vào Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu, xóa mật khẩu, lưu lại rồi gửi lại.",
    },
    "file.truncated": {
      message: "Tệp bị cắt cụt (thiếu phần cuối hoặc một phần dữ liệu: {detail}).",
      fix: resendVi,
    },
    "file.corrupt": { message: "Tệp .xlsx bị hỏng, cấu trúc nén không hợp lệ ({detail}).", fix: resendVi },
    "file.tooManyEntries": {
      message: "Gói .xlsx có {entries} thành phần (giới hạn {limit}); không mở để tránh treo máy.",
      fix: "Xóa các sheet, hình ảnh, đối tượng thừa rồi lưu lại; nếu tệp không rõ nguồn gốc, không dùng tệp này.",
    },
    "file.zipBomb": {
      message:
        "Tệp có thành phần “{entry}” giải nén tới {sizeMB} MB (tỉ lệ nén {ratio}:1; giới hạn {limitMB} MB tổng, {limitRatio}:1) — dấu hiệu “bom nén”, không mở.",
      fix: "Không dùng tệp này; xin thành viên gửi lại phiếu gốc do Add-in tạo.",
    },
    "file.partMissing": {
      message: "Tệp là gói nén nhưng không phải sổ Excel: thiếu thành phần bắt buộc {part}.",
      fix: resendVi,
    },
    "file.ambiguousParts": {
      message:
        "Gói .xlsx có hai thành phần chỉ khác nhau chữ hoa/thường (“{other}” và “{entry}”); các phần mềm đọc khác nhau, nên không mở.",
      fix: "Mở tệp bằng Excel và lưu lại thành .xlsx (Excel ghi lại gói cho đúng), hoặc xin thành viên gửi lại tệp gốc.",
    },
    "file.unsafePartName": {
      message:
        "Gói .xlsx có thành phần tên “{entry}” (có “..”, đường dẫn tuyệt đối hoặc dấu “\\”): không hợp lệ, không mở.",
      fix: "Không dùng tệp này; mở bằng Excel và lưu lại thành .xlsx, hoặc dùng tệp gốc do Add-in tạo.",
    },
    "file.sheetTooLarge": {
      message: "Sheet có hơn {limit} ô đã dùng; không mở để tránh treo máy.",
      fix: "Xóa các dòng, cột thừa (kể cả ô chỉ có định dạng) trên sheet này rồi lưu lại; phiếu chấm chỉ cần vài nghìn ô.",
    },
  },
  en: {
    "file.empty": { message: "The file is empty (0 bytes or no content).", fix: resendEn },
    "file.tooLarge": {
      message: "The file is too large ({sizeMB} MB; the limit is {limitMB} MB) and was not opened.",
      fix: "Delete sheets and pictures that are not needed and save again; a council score book is a few hundred KB.",
    },
    "file.notXlsx.xls": {
      message: "The file is an Excel 97–2003 workbook (.xls), not .xlsx (it may have been renamed).",
      fix: resaveEn,
    },
    "file.notXlsx.ods": {
      message: "The file is an OpenDocument spreadsheet (.ods), not .xlsx.",
      fix: resaveEn,
    },
    "file.notXlsx.csv": {
      message: "The file is text/CSV (separated by “{separator}”), not an Excel .xlsx workbook.",
      fix: "Do not rename a CSV file to .xlsx: use the sheet the add-in made; if all you have is CSV, open it in Excel and save as .xlsx.",
    },
    "file.notXlsx.html": {
      message:
        "The file is a {detected} page (often what other software exports “to Excel”), not an .xlsx workbook.",
      fix: resaveEn,
    },
    "file.notXlsx.xlsb": {
      message: "The file is a binary Excel workbook (.xlsb), not .xlsx.",
      fix: resaveEn,
    },
    "file.notXlsx.other": {
      message: (p) => `${kindOf(p.detected, "en")}, not an Excel workbook (.xlsx).`,
      fix: "Choose the .xlsx score workbook; a different file may have been attached by mistake.",
    },
    "file.encrypted": {
      message:
        "The file is encrypted with a password to open; it cannot be read until the password is removed.",
      fix: "Open it in Excel, type the password, go to File > Info > Protect Workbook > Encrypt with Password, clear the password, save, and send it again.",
    },
    "file.truncated": {
      message: "The file is truncated (its end or part of its data is missing: {detail}).",
      fix: resendEn,
    },
    "file.corrupt": {
      message: "The .xlsx file is damaged: its zip structure is invalid ({detail}).",
      fix: resendEn,
    },
    "file.tooManyEntries": {
      message: "The .xlsx package has {entries} parts (the limit is {limit}) and was not opened.",
      fix: "Delete unneeded sheets, pictures and objects and save again; do not use the file if its origin is unknown.",
    },
    "file.zipBomb": {
      message:
        "Part “{entry}” of the file inflates to {sizeMB} MB (ratio {ratio}:1; limits {limitMB} MB in all, {limitRatio}:1): a zip bomb; not opened.",
      fix: "Do not use this file; ask the member for the original workbook the add-in made.",
    },
    "file.partMissing": {
      message: "The file is a zip package but not an Excel workbook: the required part {part} is missing.",
      fix: resendEn,
    },
    "file.ambiguousParts": {
      message:
        "The .xlsx package has two parts whose names differ only in case (“{other}” and “{entry}”); readers disagree on which counts, so it was not opened.",
      fix: "Open the file in Excel and save it again as .xlsx (Excel rewrites the package correctly), or ask the member for the original file.",
    },
    "file.unsafePartName": {
      message:
        "The .xlsx package has a part named “{entry}” (with “..”, an absolute path or a backslash): not valid; not opened.",
      fix: "Do not use this file; open it in Excel and save it again as .xlsx, or use the original workbook the add-in made.",
    },
    "file.sheetTooLarge": {
      message: "The sheet has more than {limit} used cells and was not opened.",
      fix: "Delete surplus rows and columns on this sheet (including cells that only carry formatting) and save again; a score sheet needs a few thousand cells.",
    },
  },
});

registerMessages(PACKAGE_MESSAGES);
