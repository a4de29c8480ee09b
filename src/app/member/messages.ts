/**
 * Words for the findings only the member's pane emits. Importing this module registers them (and the layout's)
 * with src/ocop/messages.ts, so `describeFinding` renders them like every other finding.
 */
import "../../layout/messages";
import { defineMessages, interpolate, registerMessages } from "../../ocop/messages";
import type { Params } from "../../ocop/messageFormat";

/** The person who closed the round, in brackets, when the workbook names one. */
const closer = (p: Params): string => (p.by ? " ({by})" : "");

export const MEMBER_CODES = {
  sheetMissing: "memberSheet.missing",
  sheetForeign: "memberSheet.foreign",
  roundClosed: "memberSheet.roundClosed",
} as const;

type Code = (typeof MEMBER_CODES)[keyof typeof MEMBER_CODES];

export const MEMBER_MESSAGES = defineMessages<Code>({
  vi: {
    "memberSheet.missing": {
      message: "Sổ này chưa có phiếu chấm của thành viên {member} (sheet “{sheet}”).",
      fix: "Bấm “Chèn phiếu chấm” để tạo phiếu.",
    },
    "memberSheet.foreign": {
      message: "Sheet “{sheet}” đã có nhưng không phải phiếu chấm của phiên này.",
      fix: "Đổi tên hoặc xoá sheet đó (sau khi chép lại những gì cần giữ), rồi bấm “Chèn phiếu chấm”.",
    },
    "memberSheet.roundClosed": {
      message: (p, lang) =>
        interpolate(
          `Vòng chấm {round} đã được Thư ký Hội đồng${closer(p)} khóa lúc {at}: phiếu “{sheet}” không nhận thêm điểm, ô điểm bị khóa.`,
          p,
          lang
        ),
      fix: "Nếu cần sửa điểm, báo Thư ký Hội đồng mở lại vòng {round} (có ghi lý do), rồi nhận phiếu mới để chấm.",
    },
  },
  en: {
    "memberSheet.missing": {
      message: "This workbook has no score sheet for member {member} (sheet “{sheet}”).",
      fix: "Press “Insert score sheet” to create it.",
    },
    "memberSheet.foreign": {
      message: "Sheet “{sheet}” exists but is not a score sheet of this session.",
      fix: "Rename or delete that sheet (after copying what you need from it), then press “Insert score sheet”.",
    },
    "memberSheet.roundClosed": {
      message: (p, lang) =>
        interpolate(
          `Scoring round {round} was closed by the council's secretariat${closer(p)} at {at}: sheet “{sheet}” takes no more scores, its score cells are locked.`,
          p,
          lang
        ),
      fix: "To change a score, ask the secretariat to reopen round {round} (with a reason), then take the new book to score.",
    },
  },
});

registerMessages(MEMBER_MESSAGES);
