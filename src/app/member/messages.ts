/**
 * Words for the findings only the member's pane emits. Importing this module registers them (and the layout's)
 * with src/ocop/messages.ts, so `describeFinding` renders them like every other finding.
 */
import "../../layout/messages";
import { defineMessages, registerMessages } from "../../ocop/messages";

export const MEMBER_CODES = {
  sheetMissing: "memberSheet.missing",
  sheetForeign: "memberSheet.foreign",
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
  },
});

registerMessages(MEMBER_MESSAGES);
