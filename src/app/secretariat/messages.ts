/**
 * Finding codes of the secretariat's batch steps, with their words in Vietnamese and English. Importing
 * this module registers them with src/ocop/messages.ts, so `describeFinding` knows them.
 */
import { defineMessages, registerMessages } from "../../ocop/messages";

export const COLLECT_CODES = {
  duplicate: "collect.duplicate",
  alreadyImported: "collect.alreadyImported",
  replaces: "collect.replaces",
  /** The open workbook is a member's book, not the council's. */
  memberBook: "collect.memberBookOpen",
} as const;

type Code = (typeof COLLECT_CODES)[keyof typeof COLLECT_CODES];

export const COLLECT_MESSAGES = defineMessages<Code>({
  vi: {
    "collect.duplicate": {
      message: "Có {count} tệp của thành viên {member} trong lần chọn này ({files}); không gộp tự động.",
      fix: "Bỏ các tệp cũ, chỉ giữ bản mới nhất của thành viên, rồi nhập.",
    },
    "collect.alreadyImported": {
      message: "Tệp này đã được nhập (tệp {file}, lúc {at}); nội dung giống hệt (cùng SHA-256).",
      fix: "Không cần nhập lại.",
    },
    "collect.replaces": {
      message: "Sổ Hội đồng đã có điểm của {member} ({count} ô khác với tệp này).",
      fix: "Nếu đây là bản đúng, chọn “Thay bằng tệp này”; nếu không, bỏ tệp.",
    },
    "collect.memberBookOpen": {
      message: "Sổ đang mở là phiếu của thành viên {member}, không phải sổ Hội đồng.",
      fix: "Mở sổ Hội đồng (hoặc một sổ trống để lập phiên mới); tệp phiếu này được nhập ở bước “Thu phiếu”.",
    },
  },
  en: {
    "collect.duplicate": {
      message: "{count} files of member {member} are in this batch ({files}); they are not merged.",
      fix: "Drop the older files, keep the member's latest one, then import.",
    },
    "collect.alreadyImported": {
      message:
        "This file was imported already (file {file}, at {at}); its content is identical (same SHA-256).",
      fix: "No need to import it again.",
    },
    "collect.replaces": {
      message: "The council workbook already holds scores of {member} ({count} cells differ from this file).",
      fix: "If this is the right copy, choose “Replace with this file”; otherwise drop the file.",
    },
    "collect.memberBookOpen": {
      message: "The open workbook is the score book of member {member}, not the council workbook.",
      fix: "Open the council workbook (or an empty one for a new session); this book is imported in the “Collect” step.",
    },
  },
});

registerMessages(COLLECT_MESSAGES);
