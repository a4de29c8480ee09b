/** What the command line says, in Vietnamese (default) and English (--lang en). */
import type { Lang } from "../ocop/messages";
import type { FormsDeferred } from "../app/consolidate";

const HELP_VI = `ocop — Hội đồng đánh giá, phân hạng sản phẩm OCOP: sổ chấm điểm, kiểm tra, tổng hợp

Cách dùng:
  ocop init --products products.csv --members members.csv [--edition qd26-2026|qd148-2023|qd1048-2019]
            [--title "Tên Hội đồng"] [--level province|central] [--year 2026] [--place "Tỉnh …"]
            [--date 2026-06-15] [--password MK] [--criteria PHIẾU.xlsx] --out council.xlsx
      Tạo sổ Hội đồng: sheet Phiên, Sản phẩm, Thành viên, Tiêu chí và một phiếu chấm cho mỗi thành viên.
      Cấp Hội đồng theo bộ tiêu chí: qd26-2026 chỉ có cấp tỉnh (mặc định) và cấp trung ương (Điều 4.1);
      qd148-2023 và qd1048-2019 có thêm cấp huyện (district, mặc định của hai bộ này).
      --criteria: lấy thêm các phiếu chấm Hội đồng tự nhập (sheet “Tiêu chí riêng”, xem examples/forms-qd1048.xlsx).
  ocop books council.xlsx --out-dir THƯ_MỤC [--members TV01,TV02] [--password MK]
      Xuất phiếu riêng cho từng thành viên: THƯ_MỤC/<mã thành viên>.xlsx.
  ocop check TỆP.xlsx... [--json]
      Kiểm tra sổ Hội đồng hoặc phiếu thành viên. Mã thoát 0: không có lỗi; 1: có lỗi; 2: không đọc được tệp hoặc gọi sai.
  ocop consolidate council.xlsx [PHIẾU.xlsx...] --out result.xlsx [--csv ket-qua.csv] [--forms …] [--json]
      Tổng hợp (từ sổ và/hoặc các phiếu thành viên); còn lỗi thì không ghi và thoát 1. Tệp đầu vào không bị sửa.
      --csv: ghi thêm kết quả dạng CSV (UTF-8, mỗi sản phẩm một dòng) cho phần mềm khác.
      --forms all|none|TV01,TV02: phiếu đánh giá của thành viên nào được ghi (mặc định: tất cả khi không quá
      1.500 phiếu; nhiều hơn thì chỉ giữ cập nhật các phiếu đã ghi trước đó).
  ocop round council.xlsx --products SP01,SP02 --out council-r2.xlsx [--reason "…"]
      (và --close, --reopen, --recuse TV03 --product SP01, --decision accept|withhold --product SP01; xem docs/cli.md)
  ocop print result.xlsx --out-dir THƯ_MỤC
      In các văn bản của sổ đã tổng hợp ra PDF (mỗi văn bản một tệp) qua LibreOffice.

Tùy chọn chung: --lang vi|en (ngôn ngữ thông báo), --help.
CSV: UTF-8 (có hoặc không BOM), phân cách bằng dấu phẩy hoặc chấm phẩy, tiêu đề cột tiếng Việt hoặc tiếng Anh.
`;

const HELP_EN = `ocop — OCOP product evaluation councils: score workbooks, checks, consolidation

Usage:
  ocop init --products products.csv --members members.csv [--edition qd26-2026|qd148-2023|qd1048-2019]
            [--title "Council name"] [--level province|central] [--year 2026] [--place "Province …"]
            [--date 2026-06-15] [--password PW] [--criteria FORMS.xlsx] --out council.xlsx
      Make the council workbook: session, products, members and criteria sheets, one score sheet per member.
      The council level follows the edition: qd26-2026 has province (default) and central only (Điều 4.1);
      qd148-2023 and qd1048-2019 also have district (their default).
      --criteria: also take the council's own scoring forms (sheet “Tiêu chí riêng”, see examples/forms-qd1048.xlsx).
  ocop books council.xlsx --out-dir DIR [--members TV01,TV02] [--password PW]
      Write one workbook per member: DIR/<member code>.xlsx.
  ocop check FILE.xlsx... [--json]
      Check a council workbook or member workbooks. Exit 0: no errors; 1: errors found; 2: unreadable input or wrong call.
  ocop consolidate council.xlsx [BOOK.xlsx...] --out result.xlsx [--csv results.csv] [--forms …] [--json]
      Consolidate (from the workbook and/or member workbooks); refuses while any error stands (exit 1). Inputs are never modified.
      --csv: also write the results as CSV (UTF-8, one row per product) for other tools.
      --forms all|none|TV01,TV02: whose evaluation forms to write (default: all while they are at most 1,500
      forms; above that, only those written before are kept up to date).
  ocop round council.xlsx --products SP01,SP02 --out council-r2.xlsx [--reason "…"]
      (also --close, --reopen, --recuse TV03 --product SP01, --decision accept|withhold --product SP01; see docs/cli.md)
  ocop print result.xlsx --out-dir DIR
      Print the documents of a consolidated workbook to PDF (one file per document) through LibreOffice.

Common options: --lang vi|en (language of messages), --help.
CSV: UTF-8 (with or without BOM), comma or semicolon separated, Vietnamese or English headers.
`;

export const TEXT = {
  vi: {
    help: HELP_VI,
    wrongCall: (detail: string) => `Gọi lệnh sai: ${detail}\nXem: ocop --help`,
    error: "Lỗi",
    warning: "Cảnh báo",
    fix: "Cách sửa",
    summary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo.`,
    clean: "Không có lỗi.",
    wrote: (file: string) => `Đã ghi ${file}`,
    refused: "Chưa tổng hợp vì còn lỗi; sửa các lỗi trên rồi chạy lại.",
    outIsInput: "Tệp --out trùng với một tệp đầu vào; chọn tên khác để không ghi đè đầu vào.",
    ranking: "Bảng xếp hạng",
    stars: "sao",
    potential5: "tiềm năng 5 sao",
    withheld: "chưa xếp hạng",
    formsDeferred: (d: FormsDeferred) =>
      `Phiếu đánh giá của từng thành viên: ${d.forms.toLocaleString("vi-VN")} phiếu, quá ${d.limit.toLocaleString("vi-VN")} phiếu ghi cùng mỗi lần tổng hợp` +
      (d.written.length ? `; đã cập nhật phiếu của ${d.written.join(", ")}` : "") +
      `. Ghi phiếu của thành viên cần in: --forms ${d.notWritten.slice(0, 2).join(",") || "TV01"} (hoặc --forms all).`,
  },
  en: {
    help: HELP_EN,
    wrongCall: (detail: string) => `Wrong call: ${detail}\nSee: ocop --help`,
    error: "Error",
    warning: "Warning",
    fix: "Fix",
    summary: (errors: number, warnings: number) => `${errors} error(s), ${warnings} warning(s).`,
    clean: "No errors.",
    wrote: (file: string) => `Wrote ${file}`,
    refused: "Not consolidated: errors stand; fix them and run again.",
    outIsInput: "--out is one of the inputs; choose another name so inputs are never overwritten.",
    ranking: "Ranking",
    stars: "stars",
    potential5: "potential 5 stars",
    withheld: "withheld",
    formsDeferred: (d: FormsDeferred) =>
      `Members' evaluation forms: ${d.forms.toLocaleString("en-US")} forms, more than the ${d.limit.toLocaleString("en-US")} written with every consolidation` +
      (d.written.length ? `; updated the forms of ${d.written.join(", ")}` : "") +
      `. Write the forms of the members to print with --forms ${d.notWritten.slice(0, 2).join(",") || "TV01"} (or --forms all).`,
  },
} satisfies Record<Lang, unknown>;
