/**
 * Finding codes of the printed documents' use case (which members' evaluation forms a run writes), with their
 * words in Vietnamese and English. Importing this module registers them with src/ocop/messages.ts.
 */
import { defineMessages, registerMessages } from "../ocop/messages";

export const DOCUMENT_CODES = {
  /** Forms asked for a member who is not on the council or has not scored. */
  formsUnknownMember: "documents.formsUnknownMember",
} as const;

type Code = (typeof DOCUMENT_CODES)[keyof typeof DOCUMENT_CODES];

export const DOCUMENT_MESSAGES = defineMessages<Code>({
  vi: {
    "documents.formsUnknownMember": {
      message:
        "Yêu cầu ghi phiếu đánh giá của thành viên {member}, nhưng thành viên này không có trong Hội đồng hoặc chưa chấm.",
      fix: "Ghi mã thành viên đã chấm theo trang Thành viên (ví dụ --forms TV01,TV02), hoặc --forms all.",
    },
  },
  en: {
    "documents.formsUnknownMember": {
      message:
        "Evaluation forms were asked for member {member}, who is not on the council or has not scored.",
      fix: "Name a member code from the Members sheet who has scored (for example --forms TV01,TV02), or --forms all.",
    },
  },
});

registerMessages(DOCUMENT_MESSAGES);
