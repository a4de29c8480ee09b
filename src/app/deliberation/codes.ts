/**
 * Finding codes of the deliberation's use cases (rounds, recusals, decisions, score changes), with their
 * words in Vietnamese and English. Importing this module registers them with src/ocop/messages.ts.
 */
import { defineMessages, registerMessages } from "../../ocop/messages";

export const DELIBERATION_CODES = {
  notCouncil: "round.notCouncil",
  noProducts: "round.noProducts",
  productUnknown: "round.productUnknown",
  productExcluded: "round.productExcluded",
  reasonMissing: "round.reasonMissing",
  alreadyClosed: "round.alreadyClosed",
  notClosed: "round.notClosed",
  roundUnknown: "round.unknown",
  closed: "round.closed",
  memberUnknown: "recusal.memberUnknownInSession",
  recusalDuplicate: "recusal.duplicate",
  notFlagged: "decision.notFlagged",
  notConsolidated: "decision.notConsolidated",
  /** Books issued for a closed round: read-only copies. */
  booksOfClosedRound: "books.roundClosed",
  /** A member's book of a closed round brought back: its scores are not taken. */
  bookRoundClosed: "book.roundClosed",
  /** A member's book of a round the council workbook does not hold. */
  bookRoundUnknown: "book.roundUnknown",
} as const;

type Code = (typeof DELIBERATION_CODES)[keyof typeof DELIBERATION_CODES];

export const DELIBERATION_MESSAGES = defineMessages<Code>({
  vi: {
    "round.notCouncil": {
      message: "Sổ đang mở không phải sổ Hội đồng đã lập phiên (không có phiên đánh giá).",
      fix: "Mở sổ Hội đồng (tạo bằng ocop init hoặc bước Lập phiên) rồi làm lại.",
    },
    "round.noProducts": {
      message: "Chưa chọn sản phẩm nào để chấm lại.",
      fix: "Chọn ít nhất một sản phẩm (ví dụ --products SP01,SP02), thường là các sản phẩm chờ Hội đồng thảo luận.",
    },
    "round.productUnknown": {
      message: "Sản phẩm {product} không có trong danh sách sản phẩm của phiên.",
      fix: "Kiểm tra mã sản phẩm trên trang Sản phẩm và chọn lại.",
    },
    "round.productExcluded": {
      message: "Sản phẩm {product} có hồ sơ bị loại, không chấm điểm.",
      fix: "Bỏ sản phẩm này khỏi danh sách chấm lại, hoặc xóa lý do loại trên trang Sản phẩm nếu hồ sơ đã được bổ sung.",
    },
    "round.reasonMissing": {
      message: "Chưa ghi lý do ({what}).",
      fix: "Ghi lý do (ví dụ “Chênh lệch quá 10 điểm, Hội đồng thảo luận”); lý do được in vào nhật ký.",
    },
    "round.alreadyClosed": {
      message: "Vòng {round} đã khóa lúc {at}.",
      fix: "Không cần khóa lại. Muốn sửa điểm của vòng này thì mở lại vòng (có lý do).",
    },
    "round.notClosed": {
      message: "Vòng {round} đang mở, không cần mở lại.",
      fix: "Thành viên có thể tiếp tục nhập điểm của vòng này.",
    },
    "round.unknown": {
      message: "Phiên chưa có vòng chấm {round} (vòng hiện tại: {current}).",
      fix: "Chọn một vòng đã mở (1 đến {current}).",
    },
    "round.closed": {
      message: "Vòng {round} đã khóa: không nhận điểm mới cho thành viên {member}, sản phẩm {product}.",
      fix: "Nếu Hội đồng cần sửa điểm, Thư ký mở lại vòng {round} (có lý do) rồi nhập lại.",
    },
    "recusal.memberUnknownInSession": {
      message: "Thành viên {member} không có trong danh sách thành viên Hội đồng.",
      fix: "Kiểm tra mã thành viên trên trang Thành viên và chọn lại.",
    },
    "recusal.duplicate": {
      message: "Thành viên {member} đã được ghi nhận không chấm sản phẩm {product}.",
      fix: "Không cần ghi lại; sửa lý do trên trang “Vòng chấm” nếu cần.",
    },
    "decision.notFlagged": {
      message:
        "Sản phẩm {product} không chờ Hội đồng thảo luận (điểm các thành viên không chênh lệch quá mức ở vòng {round}).",
      fix: "Chủ tịch chỉ quyết định cho sản phẩm còn bị đánh dấu sau vòng chấm cuối; kiểm tra lại mã sản phẩm.",
    },
    "decision.notConsolidated": {
      message:
        "Chưa tổng hợp được (còn lỗi trong phiếu chấm), nên chưa biết sản phẩm {product} có chờ thảo luận không.",
      fix: "Sửa các lỗi ở bước Kiểm tra, tổng hợp lại, rồi ghi quyết định của Chủ tịch.",
    },
    "books.roundClosed": {
      message:
        "Vòng chấm {round} (vòng hiện tại) đã khóa lúc {at}: phiếu phát ra chỉ để xem, các ô điểm bị khóa.",
      fix: "Để thành viên chấm lại, mở vòng mới cho các sản phẩm cần chấm (ocop round --products …) hoặc mở lại vòng {round} (ocop round --reopen --reason “…”), rồi phát phiếu lại.",
    },
    "book.roundClosed": {
      message:
        "Tệp này là phiếu vòng {round} của thành viên {member}, nhưng vòng {round} đã khóa lúc {at}: điểm trong tệp không được nhận.",
      fix: "Bỏ tệp này (điểm vòng {round} đã nằm trong sổ Hội đồng và trang “Lịch sử điểm”). Nếu Hội đồng cần sửa điểm vòng {round}, Thư ký mở lại vòng (ocop round --reopen --round {round} --reason “…”, hoặc “Mở lại vòng” trong Add-in) rồi nhập lại tệp.",
    },
    "book.roundUnknown": {
      message:
        "Tệp này là phiếu vòng {round} của thành viên {member}, nhưng sổ Hội đồng này chưa có vòng chấm {round} (vòng hiện tại: {current}).",
      fix: "Dùng sổ Hội đồng đã mở vòng {round} (tệp do ocop round --out ghi ra), hoặc phát lại phiếu từ sổ này (ocop books) cho thành viên chấm.",
    },
  },
  en: {
    "round.notCouncil": {
      message: "The open workbook is not a council workbook with a session.",
      fix: "Open the council workbook (made by ocop init or the Setup step) and try again.",
    },
    "round.noProducts": {
      message: "No product chosen to be scored again.",
      fix: "Choose at least one product (e.g. --products SP01,SP02), usually those awaiting discussion.",
    },
    "round.productUnknown": {
      message: "Product {product} is not in the session's products.",
      fix: "Check the product code on the Products sheet and choose again.",
    },
    "round.productExcluded": {
      message: "Product {product}'s dossier is excluded; it is not scored.",
      fix: "Leave it out of the round, or clear the exclusion on the Products sheet if the dossier was completed.",
    },
    "round.reasonMissing": {
      message: "No reason given ({what}).",
      fix: "Give a reason (e.g. “Spread above 10 points, discussed by the council”); it is printed in the log.",
    },
    "round.alreadyClosed": {
      message: "Round {round} was closed at {at}.",
      fix: "Nothing to do. To change its scores, reopen the round (with a reason).",
    },
    "round.notClosed": {
      message: "Round {round} is open; there is nothing to reopen.",
      fix: "Members can keep entering this round's scores.",
    },
    "round.unknown": {
      message: "The session has no scoring round {round} (current round: {current}).",
      fix: "Choose a round that was opened (1 to {current}).",
    },
    "round.closed": {
      message: "Round {round} is closed: no new score is taken for member {member}, product {product}.",
      fix: "If the council needs to change it, the secretariat reopens round {round} (with a reason) and enters it again.",
    },
    "recusal.memberUnknownInSession": {
      message: "Member {member} is not on the council.",
      fix: "Check the member code on the Members sheet and choose again.",
    },
    "recusal.duplicate": {
      message: "Member {member} is already recorded as abstaining on product {product}.",
      fix: "Nothing to do; edit the reason on the “Vòng chấm” sheet if needed.",
    },
    "decision.notFlagged": {
      message:
        "Product {product} is not awaiting discussion (members' totals are within the threshold in round {round}).",
      fix: "The chair decides only on products still flagged after the last round; check the product code.",
    },
    "decision.notConsolidated": {
      message:
        "The scores cannot be consolidated yet (errors stand), so whether product {product} awaits discussion is unknown.",
      fix: "Fix the errors in the Check step, consolidate again, then record the chair's decision.",
    },
    "books.roundClosed": {
      message:
        "Scoring round {round} (the current one) was closed at {at}: the books issued are for reading only, their score cells are locked.",
      fix: "For members to score again, open a new round for the products concerned (ocop round --products …) or reopen round {round} (ocop round --reopen --reason “…”), then issue the books again.",
    },
    "book.roundClosed": {
      message:
        "This file is member {member}'s book of round {round}, but round {round} was closed at {at}: its scores are not taken.",
      fix: "Leave the file out (round {round}'s scores are already in the council workbook and on “Lịch sử điểm”). If the council must change them, the secretariat reopens the round (ocop round --reopen --round {round} --reason “…”, or “Reopen round” in the add-in) and imports the file again.",
    },
    "book.roundUnknown": {
      message:
        "This file is member {member}'s book of round {round}, but this council workbook has no scoring round {round} (current round: {current}).",
      fix: "Use the council workbook in which round {round} was opened (the file ocop round --out wrote), or issue the books again from this workbook (ocop books) and have the member score on them.",
    },
  },
});

registerMessages(DELIBERATION_MESSAGES);
