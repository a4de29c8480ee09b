/**
 * A products or members CSV file, from its bytes to rows and findings: the encoding decided strictly
 * (csvEncoding.ts), Windows-1258 converted with a warning, TCVN3/VNI and unknown bytes refused with how to
 * convert, a quote that never closes reported at its line, and Excel's "sep=;" first line honoured.
 */
import { decodeCsv } from "./csvEncoding";
import { parseCsvChecked } from "./delimitedText";
import type { Finding } from "./findings";
import { defineMessages, registerMessages } from "./messages";

export const CSV_CODES = {
  converted: "csv.encodingConverted",
  legacy: "csv.encodingLegacy",
  unknown: "csv.encodingUnknown",
  openQuote: "csv.unterminatedQuote",
} as const;

type CsvCode = (typeof CSV_CODES)[keyof typeof CSV_CODES];

/** The rows of a CSV file and what was found reading it; no rows when it cannot be read. */
export const readCsvBytes = (bytes: Uint8Array, file: string): { rows: string[][]; findings: Finding[] } => {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) {
    const finding: Finding = decoded.legacy
      ? {
          code: CSV_CODES.legacy,
          severity: "error",
          where: { file },
          params: { encoding: decoded.legacy === "tcvn3" ? "TCVN3 (ABC)" : "VNI" },
        }
      : { code: CSV_CODES.unknown, severity: "error", where: { file }, params: {} };
    return { rows: [], findings: [finding] };
  }
  const findings: Finding[] = [];
  if (decoded.encoding === "windows-1258")
    findings.push({
      code: CSV_CODES.converted,
      severity: "warning",
      where: { file },
      params: { encoding: "Windows-1258" },
    });
  const { rows, openQuoteLine } = parseCsvChecked(decoded.text);
  if (openQuoteLine !== null)
    findings.push({
      code: CSV_CODES.openQuote,
      severity: "error",
      where: { file },
      params: { line: openQuoteLine },
    });
  return { rows, findings };
};

const saveUtf8Vi =
  "Mở tệp bằng Excel, chọn Tệp > Lưu thành, kiểu “CSV UTF-8 (Comma delimited) (*.csv)”, rồi dùng tệp mới.";
const saveUtf8En =
  "Open the file in Excel, choose File > Save As, type “CSV UTF-8 (Comma delimited) (*.csv)”, and use the new file.";

registerMessages(
  defineMessages<CsvCode>({
    vi: {
      "csv.encodingConverted": {
        message:
          "Tệp CSV mã hóa {encoding} (CSV thường của Excel trên Windows tiếng Việt); đã chuyển sang Unicode.",
        fix: `Kiểm tra tên có dấu đã đúng chưa. Lần sau: ${saveUtf8Vi}`,
      },
      "csv.encodingLegacy": {
        message: "Tệp CSV gõ bằng bảng mã {encoding} (phông chữ cũ); chữ tiếng Việt sẽ bị sai nên không đọc.",
        fix: "Chuyển mã sang Unicode bằng Unikey (Công cụ… [Ctrl+Shift+F6], bảng mã nguồn TCVN3 hoặc VNI Windows, đích Unicode), hoặc mở bằng Excel, đổi phông sang Unicode rồi lưu thành “CSV UTF-8”.",
      },
      "csv.encodingUnknown": {
        message: "Tệp CSV không phải văn bản UTF-8/UTF-16 hợp lệ và không nhận ra bảng mã.",
        fix: saveUtf8Vi,
      },
      "csv.unterminatedQuote": {
        message: 'Dòng {line} mở dấu ngoặc kép (") mà không đóng: phần còn lại của tệp sẽ thành một ô.',
        fix: 'Mở tệp, thêm dấu " đóng ở cuối ô trên dòng {line} (hoặc xóa dấu " thừa), rồi lưu lại.',
      },
    },
    en: {
      "csv.encodingConverted": {
        message:
          "The CSV file is in {encoding} (Excel's plain CSV on Vietnamese Windows); it was converted to Unicode.",
        fix: `Check that names with diacritics read right. Next time: ${saveUtf8En}`,
      },
      "csv.encodingLegacy": {
        message:
          "The CSV file was typed in the {encoding} encoding (old fonts); its Vietnamese would come out wrong, so it was not read.",
        fix: "Convert it to Unicode with Unikey (Tools… [Ctrl+Shift+F6], source TCVN3 or VNI Windows, destination Unicode), or open it in Excel, switch to a Unicode font and save as “CSV UTF-8”.",
      },
      "csv.encodingUnknown": {
        message: "The CSV file is not valid UTF-8/UTF-16 text and its encoding is not recognised.",
        fix: saveUtf8En,
      },
      "csv.unterminatedQuote": {
        message:
          'Line {line} opens a double quote (") that never closes: the rest of the file would be one cell.',
        fix: 'Open the file, add the closing " at the end of the cell on line {line} (or remove the stray "), and save.',
      },
    },
  })
);
