/**
 * Codes may not hold invisible characters: a right-to-left override (U+202E) makes "TV01" show as
 * something else, and control or zero-width characters make two codes that look the same differ. Such a
 * code is refused where it is typed (products and members tables, CSV or sheet), naming the character.
 */
import type { Finding, Where } from "../ocop/findings";
import { defineMessages, registerMessages } from "../ocop/messages";

export const CODE_CHAR = "setup.codeInvisibleChar";

/** Controls (Cc) and format characters (Cf: bidi overrides and isolates, zero-width, BOM…). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** The finding for a code holding an invisible character, or null when it holds none. */
export const codeCharFinding = (raw: string, where: Where, row: number): Finding | null => {
  const m = INVISIBLE.exec(raw);
  if (!m) return null;
  const char = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  return {
    code: CODE_CHAR,
    severity: "error",
    where,
    params: { char, row: row + 1, code: raw.replace(/[\p{Cc}\p{Cf}]/gu, "") },
  };
};

registerMessages(
  defineMessages<typeof CODE_CHAR>({
    vi: {
      "setup.codeInvisibleChar": {
        message:
          "Mã “{code}” ở dòng {row} chứa ký tự ẩn {char} (ký tự điều khiển hoặc đảo chiều văn bản), có thể làm mã hiển thị khác với thực tế.",
        fix: "Gõ lại mã bằng tay (không dán từ nơi khác), chỉ dùng chữ, số và dấu gạch.",
      },
    },
    en: {
      "setup.codeInvisibleChar": {
        message:
          "Code “{code}” on row {row} holds the invisible character {char} (a control or text-direction character), which can make it display as something else.",
        fix: "Type the code again by hand (do not paste it), using letters, digits and dashes only.",
      },
    },
  })
);
