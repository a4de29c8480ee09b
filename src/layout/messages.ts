/**
 * Words for the layout's and the use cases' finding codes, in Vietnamese and English. Importing this
 * module registers them with src/ocop/messages.ts, so `describeFinding` knows them.
 */
import { defineMessages, registerMessages } from "../ocop/messages";
import { APP_CODES, LAYOUT_CODES } from "./codes";

type Code = (typeof LAYOUT_CODES)[keyof typeof LAYOUT_CODES] | (typeof APP_CODES)[keyof typeof APP_CODES];

const reissue = {
  vi: "Tạo lại phiếu của thành viên (lệnh ocop books hoặc “Tạo lại phiếu” trong Add-in); các điểm đã nhập được giữ nguyên.",
  en: "Re-create the member's sheet (ocop books, or “Re-create sheet” in the add-in); scores already entered are kept.",
};

export const LAYOUT_MESSAGES = defineMessages<Code>({
  vi: {
    "layout.metaMissing": {
      message:
        "Tệp không có trang tính thông tin ẩn của Add-in OCOP (_ocop_meta): không phải sổ của Hội đồng hay phiếu thành viên.",
      fix: "Chọn đúng tệp sổ Hội đồng (tạo bằng ocop init) hoặc phiếu thành viên (tạo bằng ocop books).",
    },
    "layout.metaInvalid": {
      message: "Sheet thông tin ẩn (_ocop_meta) bị hỏng ({detail}).",
      fix: "Dùng bản gốc của tệp do Add-in tạo ra; không sửa trang tính ẩn.",
    },
    "layout.newerVersion": {
      message: "Tệp được tạo bởi phiên bản Add-in mới hơn (bố cục {found}, bản này đọc đến {supported}).",
      fix: "Cập nhật Add-in / công cụ ocop lên bản mới nhất.",
    },
    "layout.notScoreSheet": {
      message: "Sheet này không phải phiếu chấm do Add-in tạo (không có mốc ẩn).",
      fix: "Dùng phiếu chấm do Add-in tạo; không chép điểm sang trang tính khác hoặc đổi tên trang tính khác thành “Phiếu …”.",
    },
    "layout.otherSession": {
      message: "Phiếu thuộc phiên đánh giá khác (mã phiên {found}, phiên này là {expected}).",
      fix: "Dùng phiếu được phát cho phiên này; nếu phiên đã được tạo lại, phát lại phiếu cho thành viên.",
    },
    "layout.blockUnknownForm": {
      message: "Phiếu có khối chấm của mẫu phiếu {form}, không có trong bộ tiêu chí.",
      fix: reissue.vi,
    },
    "layout.blockDuplicate": {
      message: "Khối chấm của mẫu phiếu {form} xuất hiện hai lần (lần đầu ở {first}).",
      fix: "Xóa khối bị chép thêm hoặc tạo lại phiếu.",
    },
    "layout.blockMissing": {
      message: "Phiếu không có khối chấm của mẫu phiếu {form}, dù phiên có sản phẩm dùng mẫu này.",
      fix: reissue.vi,
    },
    "layout.blockNoProductRow": {
      message: "Khối chấm của mẫu phiếu {form} mất dòng mã sản phẩm ẩn.",
      fix: reissue.vi,
    },
    "layout.productColumnUnknown": {
      message: "Cột {column} mang mã sản phẩm {product}, không có trong danh sách sản phẩm của phiên.",
      fix: "Kiểm tra mã sản phẩm trên trang tính Sản phẩm, hoặc tạo lại phiếu để bỏ cột này.",
    },
    "layout.productColumnDuplicate": {
      message: "Sản phẩm {product} có hai cột chấm (cột đầu ở {first}).",
      fix: "Xóa cột bị chép thêm, giữ lại một cột điểm cho mỗi sản phẩm.",
    },
    "layout.productColumnMissing": {
      message: "Phiếu không có cột chấm cho sản phẩm {product} (mẫu phiếu {form}).",
      fix: reissue.vi,
    },
    "layout.productWrongForm": {
      message:
        "Sản phẩm {product} nằm trong khối mẫu phiếu {form}, nhưng được đăng ký chấm theo mẫu {expected}.",
      fix: "Sửa cột Phiếu chấm trên trang tính Sản phẩm cho đúng, rồi tạo lại phiếu.",
    },
    "layout.criterionRowDeleted": {
      message: "Dòng tiêu chí {criterion} ({text}) của mẫu phiếu {form} đã bị xóa khỏi phiếu.",
      fix: reissue.vi,
    },
    "layout.criterionRowDuplicated": {
      message: "Tiêu chí {criterion} có hai dòng (dòng đầu ở {first}); dòng {row} không được tính.",
      fix: "Xóa dòng bị chép thêm, chỉ giữ một dòng điểm cho mỗi tiêu chí.",
    },
    "layout.criterionRowUnknown": {
      message: "Dòng mang mã tiêu chí {criterion}, không có trong mẫu phiếu {form}.",
      fix: reissue.vi,
    },
    "layout.scoreCellsMerged": {
      message:
        "Các ô {range} bị gộp (merge) đè lên ô điểm của tiêu chí {criterion}; khi gộp, Excel chỉ giữ giá trị của ô đầu tiên.",
      fix: "Chọn vùng {range}, bỏ gộp ô (Merge & Center → Unmerge Cells), rồi nhập lại điểm cho từng sản phẩm.",
    },
    "layout.allowedListChanged": {
      message: "Danh sách điểm chọn của tiêu chí {criterion} đã bị sửa ({found}); đúng phải là {allowed}.",
      fix: reissue.vi,
    },
    "layout.validationRemoved": {
      message: "Ô điểm của tiêu chí {criterion} đã mất danh sách chọn điểm.",
      fix: "Không dán đè định dạng lên ô điểm; tạo lại phiếu để có lại danh sách chọn ({allowed}).",
    },
    "setup.sheetMissing": {
      message: "Thiếu trang tính “{sheet}”.",
      fix: "Tạo lại sổ bằng ocop init, hoặc khôi phục trang tính đã xóa.",
    },
    "setup.columnMissing": {
      message: "Không tìm thấy cột “{column}” trong dòng tiêu đề.",
      fix: "Thêm cột “{column}” (tên cột tiếng Việt hoặc tiếng Anh, xem hướng dẫn).",
    },
    "setup.codeMissing": {
      message: "Dòng {row} không có mã.",
      fix: "Nhập mã cho dòng này, hoặc xóa dòng nếu thừa.",
    },
    "setup.nameMissing": { message: "{code} chưa có tên.", fix: "Nhập tên đầy đủ." },
    "setup.formMissing": {
      message: "Sản phẩm {code} chưa ghi phiếu chấm.",
      fix: "Ghi số phiếu trong bộ tiêu chí (01, 02, …) vào cột Phiếu chấm.",
    },
    "history.rowInvalid": {
      message: "Dòng {row} của trang “Lịch sử điểm” không đọc được: “{field}” có giá trị “{value}”.",
      fix: "Trang lịch sử do Add-in ghi và là bằng chứng của Hội đồng: lấy lại bản trước khi bị sửa (bản lưu của tệp), không sửa tay.",
    },
    "deliberation.rowInvalid": {
      message:
        "Dòng {row} của trang “Vòng chấm” không đọc được: thiếu hoặc sai “{field}” (đang là “{value}”).",
      fix: "Điền đủ mã thành viên, mã sản phẩm và lý do (mục Không chấm); các mục khác do Add-in ghi, lấy lại bản trước nếu đã bị sửa.",
    },
    "setup.valueInvalid": {
      message: "“{field}” có giá trị không hợp lệ: “{value}”.",
      fix: (p) =>
        p.allowed
          ? `Chọn một trong: ${(p.allowed as string[]).join("; ")}.`
          : "Nhập lại giá trị đúng kiểu (số, tỷ lệ hoặc ngày ngày/tháng/năm).",
    },
    "setup.roleUnknown": {
      message: "Vai trò “{value}” không rõ; được coi là Thành viên.",
      fix: "Chọn một trong: {allowed}.",
    },
    "setup.alreadySetUp": {
      message: "Sổ đã được thiết lập cho phiên {session}; không ghi đè.",
      fix: "Dùng một sổ trống để tạo phiên mới.",
    },
    "setup.memberNotFound": {
      message: "Không có thành viên {member} trong phiên.",
      fix: "Kiểm tra mã trên trang tính Thành viên.",
    },
    "criteria.rowOrphan": {
      message: "Dòng “{kind}” đứng trước khi có dòng “{needs}”.",
      fix: "Thêm dòng “{needs}” phía trên, theo thứ tự Phiếu → Phần → Mục → Tiêu chí → Mức.",
    },
    "criteria.kindUnknown": {
      message: "Loại dòng “{value}” không rõ.",
      fix: "Cột Loại dòng nhận: {allowed}.",
    },
    "criteria.numberInvalid": {
      message: "“{value}” không phải số điểm hợp lệ.",
      fix: "Nhập số (ví dụ 3 hoặc 1,5) hoặc *** / **** / *****.",
    },
    "criteria.sheetMissing": {
      message:
        "Tệp không có trang tính tiêu chí (“Tiêu chí riêng”, “Tiêu chí” hoặc trang tính có cột “Loại dòng”); các trang tính có: {sheets}.",
      fix: "Nhập các phiếu vào trang tính “Tiêu chí riêng” theo mẫu examples/forms-qd1048.xlsx (xem docs/catalogue-format.md).",
    },
    "criteria.noForms": {
      message: "Sheet tiêu chí không có dòng “Phiếu” nào.",
      fix: "Mỗi phiếu bắt đầu bằng một dòng Loại dòng = Phiếu, cột Mã = số phiếu (ví dụ 02), cột Nội dung = tên bộ sản phẩm.",
    },
    "criteria.formDuplicate": {
      message: "Phiếu {code} được nhập hai lần (lần đầu ở ô {first}); phiếu nhập sau không được dùng.",
      fix: "Giữ một phiếu {code}, xóa hoặc đổi mã phiếu còn lại.",
    },
    "file.unreadable": {
      message: "Không đọc được tệp: {detail}",
      fix: "Kiểm tra đường dẫn và định dạng (.xlsx hoặc .csv UTF-8); mở và lưu lại bằng Excel nếu tệp bị hỏng.",
    },
    "book.noScoreSheet": {
      message: "Tệp không có phiếu chấm nào.",
      fix: "Chọn tệp phiếu của thành viên (tạo bằng ocop books).",
    },
    "book.manyScoreSheets": {
      message: "Phiếu thành viên có {count} phiếu chấm; chỉ được có một.",
      fix: "Dùng tệp phiếu gốc của thành viên.",
    },
    "book.memberMismatch": {
      message: "Phiếu của {found} nằm trong tệp phát cho {expected}.",
      fix: "Dùng đúng tệp phiếu của thành viên.",
    },
    "book.sheetReplaced": {
      message: "Phiếu của {member} trong sổ Hội đồng được thay bằng phiếu từ tệp {file}.",
      fix: "Không cần làm gì nếu đây là bản mới nhất của thành viên.",
    },
    "book.otherSession": {
      message: (p) =>
        p.foundName
          ? `Phiếu này của «${String(p.foundName)} — năm ${String(p.foundYear)}», không phải của Hội đồng này («${String(p.expectedName)} — năm ${String(p.expectedYear)}»).${p.member ? ` Tệp có vẻ là phiếu của ${p.memberName ? `${String(p.memberName)} (${String(p.member)})` : String(p.member)} trong phiên đó.` : ""}`
          : `Tệp thuộc phiên đánh giá khác (mã phiên ${String(p.found)}, phiên này là ${String(p.expected)}).`,
      fix: "Dùng phiếu được phát cho phiên này.",
    },
    "book.otherEdition": {
      message:
        "Tệp được tạo theo bộ tiêu chí {found}, nhưng phiên này chấm theo bộ tiêu chí {expected}; không đọc được điểm trong tệp.",
      fix: "Phát lại phiếu cho thành viên từ sổ Hội đồng hiện tại (lệnh ocop books hoặc bước “Phát phiếu” trong Add-in) và chấm lại trên phiếu mới.",
    },
    "csv.empty": {
      message: "Tệp không có dòng dữ liệu nào.",
      fix: "Thêm dòng tiêu đề và ít nhất một dòng dữ liệu.",
    },
  },
  en: {
    "layout.metaMissing": {
      message:
        "The file has no OCOP add-in metadata sheet (_ocop_meta): it is neither a council workbook nor a member workbook.",
      fix: "Choose the council workbook (made by ocop init) or a member workbook (made by ocop books).",
    },
    "layout.metaInvalid": {
      message: "The hidden metadata sheet (_ocop_meta) is damaged ({detail}).",
      fix: "Use the original file made by the add-in; do not edit hidden sheets.",
    },
    "layout.newerVersion": {
      message: "The file was made by a newer add-in (layout {found}; this one reads up to {supported}).",
      fix: "Update the add-in / the ocop tool.",
    },
    "layout.notScoreSheet": {
      message: "This sheet is not a score sheet made by the add-in (no hidden anchors).",
      fix: "Use the score sheet the add-in made; do not copy scores to another sheet or rename another sheet to “Phiếu …”.",
    },
    "layout.otherSession": {
      message: "The sheet belongs to another session (session id {found}; this one is {expected}).",
      fix: "Use the sheets issued for this session; if the session was set up again, issue the sheets again.",
    },
    "layout.blockUnknownForm": {
      message: "The sheet has a block for form {form}, which the criteria do not have.",
      fix: reissue.en,
    },
    "layout.blockDuplicate": {
      message: "The block for form {form} appears twice (first at {first}).",
      fix: "Delete the copied block, or re-create the sheet.",
    },
    "layout.blockMissing": {
      message: "The sheet has no block for form {form}, though products of the session use it.",
      fix: reissue.en,
    },
    "layout.blockNoProductRow": {
      message: "The block for form {form} lost its hidden product-code row.",
      fix: reissue.en,
    },
    "layout.productColumnUnknown": {
      message: "Column {column} carries product code {product}, which is not in the session's product list.",
      fix: "Check the code on the products sheet, or re-create the sheet to drop the column.",
    },
    "layout.productColumnDuplicate": {
      message: "Product {product} has two score columns (the first at {first}).",
      fix: "Delete the copied column; keep one score column per product.",
    },
    "layout.productColumnMissing": {
      message: "The sheet has no score column for product {product} (form {form}).",
      fix: reissue.en,
    },
    "layout.productWrongForm": {
      message: "Product {product} is in the block of form {form} but is registered for form {expected}.",
      fix: "Correct the form column on the products sheet, then re-create the sheet.",
    },
    "layout.criterionRowDeleted": {
      message: "The row of criterion {criterion} ({text}) of form {form} was deleted from the sheet.",
      fix: reissue.en,
    },
    "layout.criterionRowDuplicated": {
      message: "Criterion {criterion} has two rows (the first at {first}); row {row} is not counted.",
      fix: "Delete the copied row; keep one score row per criterion.",
    },
    "layout.criterionRowUnknown": {
      message: "A row carries criterion id {criterion}, which form {form} does not have.",
      fix: reissue.en,
    },
    "layout.scoreCellsMerged": {
      message:
        "Cells {range} are merged over the score cells of criterion {criterion}; a merge keeps only the first cell's value.",
      fix: "Select {range}, unmerge it (Merge & Center → Unmerge Cells), then type each product's score again.",
    },
    "layout.allowedListChanged": {
      message: "The dropdown of criterion {criterion} was changed ({found}); it must be {allowed}.",
      fix: reissue.en,
    },
    "layout.validationRemoved": {
      message: "The score cells of criterion {criterion} lost their dropdown.",
      fix: "Do not paste formats over score cells; re-create the sheet to restore the dropdown ({allowed}).",
    },
    "setup.sheetMissing": {
      message: "Sheet “{sheet}” is missing.",
      fix: "Make the workbook again with ocop init, or restore the deleted sheet.",
    },
    "setup.columnMissing": {
      message: "No column “{column}” in the header row.",
      fix: "Add a “{column}” column (Vietnamese or English header; see the guide).",
    },
    "setup.codeMissing": {
      message: "Row {row} has no code.",
      fix: "Type a code on this row, or delete the row.",
    },
    "setup.nameMissing": { message: "{code} has no name.", fix: "Type the full name." },
    "setup.formMissing": {
      message: "Product {code} has no scoring form.",
      fix: "Type the form number of the edition (01, 02, …).",
    },
    "history.rowInvalid": {
      message: "Row {row} of the “Lịch sử điểm” sheet cannot be read: “{field}” holds “{value}”.",
      fix: "The add-in writes the history and it is the council's evidence: restore the file's earlier copy; do not edit it by hand.",
    },
    "deliberation.rowInvalid": {
      message:
        "Row {row} of the “Vòng chấm” sheet cannot be read: “{field}” is missing or wrong (it holds “{value}”).",
      fix: "Fill in the member code, the product code and the reason (recusals); the add-in writes the other sections: restore the earlier copy if they were edited.",
    },
    "setup.valueInvalid": {
      message: "“{field}” has an invalid value: “{value}”.",
      fix: (p) =>
        p.allowed
          ? `Choose one of: ${(p.allowed as string[]).join("; ")}.`
          : "Type a value of the right kind (number, share, or date dd/mm/yyyy).",
    },
    "setup.roleUnknown": {
      message: "Role “{value}” is not known; taken as Member.",
      fix: "Choose one of: {allowed}.",
    },
    "setup.alreadySetUp": {
      message: "The workbook is already set up for session {session}; nothing was overwritten.",
      fix: "Use an empty workbook for a new session.",
    },
    "setup.memberNotFound": {
      message: "The session has no member {member}.",
      fix: "Check the code on the members sheet.",
    },
    "criteria.rowOrphan": {
      message: "A “{kind}” row comes before any “{needs}” row.",
      fix: "Add the “{needs}” row above, in the order Form → Part → Section → Criterion → Level.",
    },
    "criteria.kindUnknown": {
      message: "Row kind “{value}” is not known.",
      fix: "The kind column takes: {allowed}.",
    },
    "criteria.numberInvalid": {
      message: "“{value}” is not a valid number of points.",
      fix: "Type a number (e.g. 3 or 1.5) or *** / **** / *****.",
    },
    "criteria.sheetMissing": {
      message:
        "The file has no criteria sheet (“Tiêu chí riêng”, “Tiêu chí” or a sheet with a “Loại dòng” column); its sheets: {sheets}.",
      fix: "Type the forms into a “Tiêu chí riêng” sheet shaped like examples/forms-qd1048.xlsx (see docs/catalogue-format.md).",
    },
    "criteria.noForms": {
      message: "The criteria sheet has no “Phiếu” (form) row.",
      fix: "Start each form with a row whose kind is Phiếu, code the form's number (e.g. 02) and text the product set's name.",
    },
    "criteria.formDuplicate": {
      message: "Form {code} is typed twice (first at cell {first}); the later one is not used.",
      fix: "Keep one form {code}; delete the other or give it its own code.",
    },
    "file.unreadable": {
      message: "The file cannot be read: {detail}",
      fix: "Check the path and the format (.xlsx, or UTF-8 .csv); open and save it again in Excel if it is damaged.",
    },
    "book.noScoreSheet": {
      message: "The file has no score sheet.",
      fix: "Choose a member workbook (made by ocop books).",
    },
    "book.manyScoreSheets": {
      message: "The member workbook has {count} score sheets; it must have one.",
      fix: "Use the member's original workbook.",
    },
    "book.memberMismatch": {
      message: "The sheet of {found} is in the workbook issued to {expected}.",
      fix: "Use the member's own workbook.",
    },
    "book.sheetReplaced": {
      message: "The sheet of {member} in the council workbook was replaced by the one from {file}.",
      fix: "Nothing to do if this is the member's latest copy.",
    },
    "book.otherSession": {
      message: (p) =>
        p.foundName
          ? `This book belongs to “${String(p.foundName)}, ${String(p.foundYear)}”, not to this council (“${String(p.expectedName)}, ${String(p.expectedYear)}”).${p.member ? ` It seems to be the book of ${p.memberName ? `${String(p.memberName)} (${String(p.member)})` : String(p.member)} in that session.` : ""}`
          : `The file belongs to another session (session id ${String(p.found)}; this one is ${String(p.expected)}).`,
      fix: "Use the sheets issued for this session.",
    },
    "book.otherEdition": {
      message:
        "The file was made for criteria edition {found}, but this session scores with edition {expected}; its scores cannot be read.",
      fix: "Issue the member a new workbook from the current council workbook (ocop books, or the “Score sheets” step in the add-in) and score on it.",
    },
    "csv.empty": {
      message: "The file has no data rows.",
      fix: "Add a header row and at least one data row.",
    },
  },
});

registerMessages(LAYOUT_MESSAGES);
