/** Council levels as words inside messages ("cấp tỉnh", "province"), from the ids a finding carries. */
import { COUNCIL_LEVELS, LEVEL_WORDS, type CouncilLevel } from "./process";

const isLevel = (v: unknown): v is CouncilLevel =>
  typeof v === "string" && (COUNCIL_LEVELS as readonly string[]).includes(v);

export const levelWords = (level: unknown, lang: "vi" | "en"): string =>
  isLevel(level) ? LEVEL_WORDS[level][lang].toLowerCase() : String(level);

/** "province,central" -> "cấp tỉnh hoặc cấp trung ương". */
export const levelList = (ids: unknown, lang: "vi" | "en", joiner: string): string =>
  String(ids)
    .split(",")
    .filter(Boolean)
    .map((l) => levelWords(l, lang))
    .join(joiner);
