/** Words of the paper double entry's findings (codes in paperEntry.ts), registered with messages.ts. */
import { defineMessages, registerMessages } from "./messages";

type Code =
  | "paper.sameEnterer"
  | "paper.nameMissing"
  | "paper.unknownMember"
  | "paper.unknownProduct"
  | "paper.excludedProduct"
  | "paper.noProducts"
  | "paper.disagree"
  | "paper.unknownCell"
  | "paper.recused"
  | "paper.roundClosed";

export const PAPER_MESSAGES = defineMessages<Code>({
  vi: {
    "paper.sameEnterer": {
      message: "Hai lần nhập đều do {name} nhập; lần nhập thứ hai phải do người khác nhập.",
      fix: "Nhờ một người khác nhập lại phiếu (không xem lần nhập thứ nhất).",
    },
    "paper.nameMissing": {
      message: "Chưa có tên người nhập lần {entry}.",
      fix: "Gõ họ tên người nhập phiếu.",
    },
    "paper.unknownMember": {
      message: "Không có thành viên {member} trong Hội đồng.",
      fix: "Chọn thành viên đã ký phiếu trong danh sách.",
    },
    "paper.unknownProduct": {
      message: "Không có sản phẩm {product} trong phiên họp.",
      fix: "Chọn sản phẩm ghi trên phiếu trong danh sách.",
    },
    "paper.excludedProduct": {
      message: "Sản phẩm {product} có hồ sơ bị loại; không chấm điểm.",
      fix: "Bỏ sản phẩm này khỏi phiếu nhập.",
    },
    "paper.noProducts": {
      message: "Chưa chọn sản phẩm nào của phiếu.",
      fix: "Chọn các sản phẩm ghi trên phiếu giấy.",
    },
    "paper.disagree": {
      message: "Sản phẩm {product}, tiêu chí {criterion}: lần nhập 1 là “{first}”, lần nhập 2 là “{second}”.",
      fix: "Xem lại phiếu giấy và sửa ô sai để hai lần nhập giống nhau.",
    },
    "paper.recused": {
      message:
        "Thành viên {member} không chấm sản phẩm {product} ({reason}); phiếu không lấy điểm sản phẩm này.",
      fix: "Bỏ sản phẩm {product} khỏi phiếu nhập.",
    },
    "paper.roundClosed": {
      message: "Vòng chấm {round} của sản phẩm {product} đã khóa; không nhận thêm điểm.",
      fix: "Nếu Hội đồng cho sửa, mở lại vòng chấm (có lý do) ở bước Tổng hợp rồi nhập phiếu.",
    },
    "paper.unknownCell": {
      message: "Lần nhập {entry} có điểm cho sản phẩm {product}, tiêu chí {criterion}, không có trên phiếu.",
      fix: "Xóa điểm đó.",
    },
  },
  en: {
    "paper.sameEnterer": {
      message: "Both entries were typed by {name}; the second entry must be typed by someone else.",
      fix: "Ask another person to type the form again (without seeing the first entry).",
    },
    "paper.nameMissing": {
      message: "The name of who typed entry {entry} is missing.",
      fix: "Type the full name of the person entering the form.",
    },
    "paper.unknownMember": {
      message: "Member {member} is not on the council.",
      fix: "Pick the member who signed the form from the list.",
    },
    "paper.unknownProduct": {
      message: "Product {product} is not in the session.",
      fix: "Pick the products written on the form from the list.",
    },
    "paper.excludedProduct": {
      message: "Product {product}'s dossier was excluded; it is not scored.",
      fix: "Leave this product out of the entry.",
    },
    "paper.noProducts": {
      message: "No product of the form is chosen.",
      fix: "Pick the products written on the paper form.",
    },
    "paper.disagree": {
      message: "Product {product}, criterion {criterion}: entry 1 is “{first}”, entry 2 is “{second}”.",
      fix: "Look at the paper form again and correct the wrong cell so both entries agree.",
    },
    "paper.recused": {
      message:
        "Member {member} abstains on product {product} ({reason}); no score is taken for it from the form.",
      fix: "Leave product {product} out of the entry.",
    },
    "paper.roundClosed": {
      message: "Round {round} of product {product} is closed; it takes no more scores.",
      fix: "If the council allows the change, reopen the round (with a reason) in the Consolidate step, then enter the form.",
    },
    "paper.unknownCell": {
      message:
        "Entry {entry} has a score for product {product}, criterion {criterion}, which is not on the form.",
      fix: "Remove that score.",
    },
  },
});

registerMessages(PAPER_MESSAGES);
