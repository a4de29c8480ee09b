/** Vietnamese texts for every finding code of the rules. Placeholders: {param}; see messages.ts. */
import type { OcopCode } from "./codes";
import { levelList, levelWords } from "./levelWords";
import { interpolate, type Params, type Template } from "./messageFormat";

const TYPES_VI: Record<string, string> = {
  number: "một số",
  string: "chữ",
  boolean: "true hoặc false",
  array: "một danh sách",
  object: "một bảng giá trị",
};

const schemaMessage = (p: Params): string => {
  const path = String(p.path);
  const expected = String(p.expected ?? "");
  switch (p.kind) {
    case "missing":
      return `Thiếu mục bắt buộc “${path}”.`;
    case "type":
      return `Mục “${path}” phải là ${TYPES_VI[expected] ?? expected}.`;
    case "value":
      return expected
        ? `Mục “${path}” có giá trị không hợp lệ (cho phép: ${expected}).`
        : `Mục “${path}” có giá trị không hợp lệ.`;
    case "tooSmall":
      return `Mục “${path}” nhỏ hơn mức tối thiểu (${expected}) hoặc còn trống.`;
    case "tooBig":
      return `Mục “${path}” vượt mức tối đa (${expected}).`;
    case "format":
      return `Mục “${path}” sai định dạng (${expected}).`;
    default:
      return `Mục “${path}” không hợp lệ.`;
  }
};

const allowedHint = "Các mức điểm được phép: {allowed}.";

export const MESSAGES_VI: Record<OcopCode, Template> = {
  "catalogue.schema": {
    message: (p) => schemaMessage(p),
    fix: (p) =>
      p.what === "form"
        ? "Sửa mục này trên trang tính tiêu chí (hoặc trong tệp form-NN.json của phiếu), rồi kiểm tra lại."
        : "Sửa mục này trong tệp edition.json của bộ tiêu chí.",
  },
  "catalogue.formEdition": {
    message: "Phiếu ghi thuộc bộ tiêu chí {formEdition}, nhưng đang được dùng trong bộ {edition}.",
    fix: "Kiểm tra lại phiếu có đúng quyết định đang áp dụng không; nếu đúng, sửa mục “edition” thành {edition}.",
  },
  "catalogue.formIncomplete": {
    message: "Phiếu chưa được đối chiếu đầy đủ với văn bản gốc: {note}",
    fix: "Đối chiếu phiếu với văn bản quyết định; Hội đồng có thể nhập phiếu đã sửa trên trang tính tiêu chí.",
  },
  "catalogue.formTotal": {
    message: "Tổng điểm tối đa các phần của phiếu là {total}, không phải 100.",
    fix: "Sửa điểm tối đa của các phần A, B, C cho đúng văn bản (tổng 100).",
  },
  "catalogue.partMissing": {
    message: "Phiếu thiếu Phần {part} ({expected} điểm).",
    fix: "Bổ sung Phần {part} với các tiêu chí của nó.",
  },
  "catalogue.partUnknown": {
    message: "Phiếu có Phần {part}, không có trong bộ tiêu chí này.",
    fix: "Xóa phần này hoặc sửa mã phần thành A, B hoặc C.",
  },
  "catalogue.partDuplicate": {
    message: "Phần {part} xuất hiện hai lần trong phiếu.",
    fix: "Gộp các tiêu chí vào một Phần {part} duy nhất.",
  },
  "catalogue.partMax": {
    message: "Phần {part} có điểm tối đa {max}, bộ tiêu chí quy định {expected}.",
    fix: "Sửa điểm tối đa của Phần {part} thành {expected}.",
  },
  "catalogue.partSum": {
    message: "Tổng điểm tối đa các tiêu chí của Phần {part} là {sum}, không bằng điểm của phần ({max}).",
    fix: "Đối chiếu điểm tối đa của từng tiêu chí trong Phần {part} với văn bản và sửa cho khớp.",
  },
  "catalogue.sectionSum": {
    message: "Mục {section} “{title}”: tổng điểm các tiêu chí là {sum}, không bằng điểm của mục ({max}).",
    fix: "Đối chiếu điểm tối đa của các tiêu chí trong mục {section} với văn bản và sửa cho khớp.",
  },
  "catalogue.criterionIdDuplicate": {
    message: "Mã tiêu chí {id} bị trùng trong phiếu.",
    fix: "Đặt cho mỗi tiêu chí một mã riêng (ví dụ 1.1, 1.2).",
  },
  "catalogue.criterionNoLevels": {
    message: "Tiêu chí không có mức điểm nào.",
    fix: "Nhập các mức (□) kèm điểm; nếu văn bản không in mức, đánh dấu tiêu chí là “đạt/không đạt” (0 hoặc {max}).",
  },
  "catalogue.levelRange": {
    message: "Mức “{level}” có {points} điểm, ngoài khoảng 0 đến {max}.",
    fix: "Sửa điểm của mức cho đúng văn bản (từ 0 đến {max}).",
  },
  "catalogue.maxUnreachable": {
    message: "Mức cao nhất của tiêu chí là {top} điểm, không đạt được điểm tối đa {max}.",
    fix: "Sửa điểm tối đa của tiêu chí hoặc điểm của mức cao nhất cho đúng văn bản.",
  },
  "catalogue.levelPointsDuplicate": {
    message: "Có nhiều mức cùng {points} điểm; điểm nhập vào không phân biệt được mức nào.",
    fix: "Không cần sửa nếu văn bản in như vậy; nếu là lỗi nhập, sửa điểm của mức.",
  },
  "catalogue.minStarsOrder": {
    message:
      "Mức tối thiểu cho {lowStars} sao ({lowPoints} điểm) cao hơn mức tối thiểu cho {highStars} sao ({highPoints} điểm).",
    fix: "Kiểm tra lại dấu sao (***, ****, *****) trên các mức của tiêu chí.",
  },
  "catalogue.editionPartsTotal": {
    message: "Tổng điểm các phần của bộ tiêu chí là {total}, không phải 100.",
    fix: "Sửa điểm tối đa các phần trong edition.json.",
  },
  "catalogue.bandsStart": {
    message: "Hạng thấp nhất bắt đầu từ {min} điểm, không phải 0.",
    fix: "Sửa ngưỡng dưới của hạng 1 sao thành 0.",
  },
  "catalogue.bandsEnd": {
    message: "Hạng cao nhất kết thúc ở {max} điểm, không phải 100.",
    fix: "Sửa ngưỡng trên của hạng 5 sao thành 100.",
  },
  "catalogue.bandsGap": {
    message: "Các hạng sao bỏ trống khoảng điểm từ {from} đến {to}.",
    fix: "Sửa ngưỡng các hạng để hạng sau bắt đầu đúng chỗ hạng trước kết thúc.",
  },
  "catalogue.bandsOverlap": {
    message: "Hai hạng sao cùng chứa khoảng điểm từ {from} đến {to}.",
    fix: "Sửa ngưỡng các hạng để hạng sau bắt đầu đúng chỗ hạng trước kết thúc.",
  },
  "catalogue.bandEmpty": {
    message: "Hạng {stars} sao có ngưỡng dưới {min} không nhỏ hơn ngưỡng trên {max}.",
    fix: "Sửa ngưỡng của hạng {stars} sao.",
  },
  "catalogue.bandsStars": {
    message: "Hạng bắt đầu từ {min} điểm mang {stars} sao; theo thứ tự phải là {expected} sao.",
    fix: "Sắp các hạng từ 1 đến 5 sao theo điểm tăng dần.",
  },
  "catalogue.formMissing": {
    message: "Bộ tiêu chí liệt kê phiếu {code} nhưng không có dữ liệu phiếu này.",
    fix: "Bổ sung tệp phiếu, hoặc nhập phiếu trên trang tính tiêu chí.",
  },
  "catalogue.setFormMissing": {
    message: "Nhóm/bộ sản phẩm {set} “{title}” được chấm bằng phiếu chưa có trong bộ tiêu chí.",
    fix: "Nếu Hội đồng chấm sản phẩm thuộc nhóm này, nhập phiếu trên trang tính tiêu chí.",
  },
  "catalogue.customFormReplaces": {
    message: "Phiếu {code} “{title}” nhập trên trang tính tiêu chí được dùng thay cho phiếu có sẵn.",
    fix: "Không cần sửa; kiểm tra lại nếu Hội đồng không định thay phiếu này.",
  },
  "catalogue.customFormAdded": {
    message: "Phiếu {code} “{title}” nhập trên trang tính tiêu chí được thêm vào bộ tiêu chí.",
    fix: "Không cần sửa.",
  },
  "catalogue.customFormRejected": {
    message: "Phiếu {code} trên trang tính tiêu chí có lỗi nên không được dùng.",
    fix: "Sửa các lỗi được liệt kê cho phiếu này rồi kiểm tra lại.",
  },
  "session.editionMismatch": {
    message: "Phiên họp dùng bộ tiêu chí {session}, nhưng bộ tiêu chí đã nạp là {catalogue}.",
    fix: "Chọn lại bộ tiêu chí của phiên họp trên trang tính phiên họp.",
  },
  "session.productDuplicate": {
    message: "Mã sản phẩm {product} bị trùng trong danh sách sản phẩm.",
    fix: "Đặt cho mỗi sản phẩm một mã riêng trên trang tính sản phẩm.",
  },
  "session.memberDuplicate": {
    message: "Mã thành viên {member} bị trùng trong danh sách Hội đồng.",
    fix: "Đặt cho mỗi thành viên một mã riêng trên trang tính thành viên.",
  },
  "session.formUnknown": {
    message: "Sản phẩm {product} được gán phiếu {form}, không có trong bộ tiêu chí {edition}.",
    fix: "Chọn đúng phiếu cho sản phẩm trên trang tính sản phẩm, hoặc nhập phiếu trên trang tính tiêu chí.",
  },
  "dossier.currentStarsMissing": {
    message: (p) =>
      `Sản phẩm ${String(p.product)} có hồ sơ ${p.type === "upgrade" ? "nâng hạng" : "đánh giá lại"} nhưng chưa ghi hạng sao đang có.`,
    fix: "Ghi hạng sao theo giấy chứng nhận đang có (3, 4 hoặc 5) vào cột “Hạng sao đang có” của trang tính Sản phẩm.",
  },
  "dossier.reevaluationWindow": {
    message:
      "Hồ sơ đánh giá lại của sản phẩm {product} nộp ngày {submitted}, {days} ngày trước khi giấy chứng nhận hết hạn ({expiry}); Điều 7 khoản 6 điểm a Quyết định 26/2026/QĐ-TTg: không sớm hơn {earliest} ngày và không muộn hơn {latest} ngày.",
    fix: "Kiểm tra ngày nộp hồ sơ và ngày hết hạn giấy chứng nhận; nếu đúng, Hội đồng ghi nhận hồ sơ nộp ngoài thời hạn trong biên bản.",
  },
  "session.levelNotInEdition": {
    message: (p) =>
      `Bộ tiêu chí ${String(p.edition)} không có Hội đồng ${levelWords(p.level, "vi")}: ${String(p.cite)}.`,
    fix: (p) =>
      `Chọn cấp Hội đồng: ${levelList(p.allowed, "vi", " hoặc ")}; hoặc chọn bộ tiêu chí của quyết định cũ nếu phiên họp thuộc quyết định đó.`,
  },
  "session.noMembers": {
    message: "Phiên họp chưa có thành viên Hội đồng nào.",
    fix: "Nhập danh sách thành viên trên trang tính thành viên.",
  },
  "session.noProducts": {
    message: "Phiên họp chưa có sản phẩm nào.",
    fix: "Nhập danh sách sản phẩm trên trang tính sản phẩm.",
  },
  "settings.invalid": {
    message: "Giá trị {value} của thiết lập “{setting}” không hợp lệ; tạm dùng mặc định {default}.",
    fix: "Sửa thiết lập trên trang tính phiên họp.",
  },
  "member.unknown": {
    message: "Bảng điểm của {member}, người không có trong danh sách Hội đồng.",
    fix: "Kiểm tra mã thành viên trên bảng điểm, hoặc bổ sung thành viên vào trang tính thành viên.",
  },
  "member.duplicate": {
    message: "Có hai bảng điểm của thành viên {member} (bảng đầu tiên: {firstFile} {firstSheet}).",
    fix: "Giữ lại một bảng điểm của thành viên này và bỏ bảng còn lại.",
  },
  "member.missingSheet": {
    message: "Chưa có bảng điểm của thành viên {member} {name}.",
    fix: "Nhập bảng điểm của thành viên; nếu thành viên vắng, sản phẩm chỉ được phân hạng khi đủ số thành viên tối thiểu.",
  },
  "score.missing": {
    message: "Chưa có điểm.",
    fix: `Nhập điểm của mức đã chọn. ${allowedHint}`,
  },
  "score.productMissing": {
    message: "Thành viên chưa chấm sản phẩm {product} {name} ({count} tiêu chí để trống).",
    fix: "Nhập điểm cho tất cả tiêu chí của sản phẩm này.",
  },
  "score.text": {
    message: "Ô chứa chữ “{value}”, không phải số.",
    fix: (p) =>
      p.numberAllowed
        ? interpolate("Xóa ô và gõ lại số {number} (dạng số, không phải chữ).", p, "vi")
        : interpolate(`Xóa ô và gõ điểm dạng số. ${allowedHint}`, p, "vi"),
  },
  "score.notANumber": {
    message: "Ô chứa “{value}”, không phải điểm.",
    fix: `Gõ điểm dạng số. ${allowedHint}`,
  },
  "score.formula": {
    message: "Ô chứa công thức ={formula}; điểm phải được nhập trực tiếp.",
    fix: `Xóa công thức và gõ điểm. ${allowedHint}`,
  },
  "score.negative": {
    message: "Điểm {value} là số âm.",
    fix: `Gõ điểm từ 0 trở lên. ${allowedHint}`,
  },
  "score.aboveMax": {
    message: "Điểm {value} vượt điểm tối đa {max} của tiêu chí.",
    fix: `Gõ điểm không quá {max}. ${allowedHint}`,
  },
  "score.notAllowed": {
    message: "Điểm {value} không phải điểm của một mức trong tiêu chí.",
    fix: `Chọn một mức và gõ đúng điểm của mức đó. ${allowedHint}`,
  },
  "score.duplicate": {
    message: "Tiêu chí {criterion} được chấm hai lần cho cùng sản phẩm.",
    fix: "Giữ một điểm cho tiêu chí này và xóa dòng lặp.",
  },
  "score.unknownProduct": {
    message: "Bảng điểm có sản phẩm {product}, không có trong danh sách sản phẩm.",
    fix: "Kiểm tra mã sản phẩm; dùng bảng điểm do Thư ký phát cho phiên họp này.",
  },
  "score.unknownCriterion": {
    message: "Phiếu {form} không có tiêu chí {criterion}.",
    fix: "Kiểm tra mã tiêu chí; dùng bảng điểm do Thư ký phát cho phiên họp này.",
  },
  // Deliberation (issue 14).
  "recusal.scored": {
    message:
      "Thành viên {member} đã xin không chấm sản phẩm {product} ({reason}) nhưng phiếu vẫn có điểm; điểm này không được tính.",
    fix: "Xóa điểm của {member} cho sản phẩm {product}, hoặc bỏ ghi nhận không chấm nếu thành viên thực sự chấm sản phẩm này.",
  },
  "recusal.unknownMember": {
    message:
      "Ghi nhận không chấm sản phẩm {product} nêu thành viên {member}, không có trong danh sách thành viên Hội đồng.",
    fix: "Sửa mã thành viên trên trang “Vòng chấm” (mục Không chấm) cho đúng danh sách thành viên.",
  },
  "deliberation.unknownProduct": {
    message: "Mục {what} trên trang “Vòng chấm” nêu sản phẩm {product}, không có trong danh sách sản phẩm.",
    fix: "Sửa mã sản phẩm cho đúng trang Sản phẩm, hoặc xóa dòng đó.",
  },
  "deliberation.chairNotNamed": {
    message:
      "Danh sách thành viên không có ai giữ vai trò Chủ tịch Hội đồng, nên chưa kiểm tra được Chủ tịch có chấm hay không.",
    fix: "Trên trang Thành viên, chọn vai trò “Chủ tịch” cho Chủ tịch Hội đồng; hoặc tắt thiết lập “Chủ tịch phải chấm”.",
  },
  "deliberation.needsDiscussion": {
    message:
      "Sản phẩm {products} có điểm các thành viên chênh lệch quá mức (hoặc khác nhau về mức tối thiểu) và chưa được xử lý: chưa công bố được.",
    fix: "Mở vòng chấm tiếp theo cho các sản phẩm này (lệnh “ocop round … --products …” hoặc nút Mở vòng chấm), hoặc ghi quyết định của Chủ tịch Hội đồng (chấp nhận kèm lý do, hoặc chưa phân hạng), rồi tổng hợp lại.",
  },
  "round.changedAfterClose": {
    message:
      "Ô {cell} (trang {sheet}, thành viên {member}, sản phẩm {product}, tiêu chí {criterion}) đã bị sửa sau khi vòng {round} khóa: {old} → {new}.",
    fix: "Trả ô về giá trị {old} như lịch sử điểm ghi; nếu Hội đồng muốn sửa, Thư ký mở lại vòng chấm (có lý do) rồi nhập lại.",
  },
};
