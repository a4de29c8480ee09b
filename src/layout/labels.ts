/**
 * Vietnamese words the sheets show for model values, and the words accepted back (Vietnamese or
 * English, any case, with or without diacritics) when people type or paste them.
 */
import type { CouncilLevel } from "../ocop/process";
import { LEVEL_ALIASES, LEVEL_WORDS } from "../ocop/process";
import { ROLES, type MemberRole } from "../ocop/roles";
import type { ChoiceSetting } from "../ocop/settings";

/** Lower case, NFC, folded spaces, diacritics removed: "Chủ tịch " and "chu tich" compare equal. */
export const looseKey = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const lookup = <T extends string>(table: Record<T, string[]>) => {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, string[]][]) {
    for (const w of words) map.set(looseKey(w), value);
  }
  return (text: string): T | null => map.get(looseKey(text)) ?? null;
};

/** A reader of words for the keys of a vocabulary: the key, its Vietnamese and English words, its aliases. */
const wordsReader = <T extends string>(
  table: Record<T, { vi: string; en: string; aliases?: readonly string[] }>
): ((text: string) => T | null) =>
  lookup(
    Object.fromEntries(
      (Object.entries(table) as [T, { vi: string; en: string; aliases?: readonly string[] }][]).map(
        ([key, w]) => [key, [key, w.vi, w.en, ...(w.aliases ?? [])]]
      )
    ) as Record<T, string[]>
  );

const vietnamese = <T extends string>(table: Record<T, { vi: string }>): Record<T, string> =>
  Object.fromEntries(Object.entries<{ vi: string }>(table).map(([k, w]) => [k, w.vi])) as Record<T, string>;

export const LEVEL_LABEL: Record<CouncilLevel, string> = vietnamese(LEVEL_WORDS);
export const readLevel = wordsReader<CouncilLevel>(
  Object.fromEntries(
    Object.entries(LEVEL_WORDS).map(([k, w]) => [k, { ...w, aliases: LEVEL_ALIASES[k as CouncilLevel] }])
  ) as unknown as Record<CouncilLevel, { vi: string; en: string; aliases: string[] }>
);

export const ROLE_LABEL: Record<MemberRole, string> = vietnamese(ROLES);
export const readRole = wordsReader<MemberRole>(ROLES);

/** Reads a choice setting's value from its words (Vietnamese, English, the key or an alias). */
export const readChoice = (def: ChoiceSetting, text: string): string | null =>
  wordsReader<string>(def.choices)(text);

export const YES = "Có";
export const NO = "Không";
export const readYesNo = lookup<"yes" | "no">({
  yes: [YES, "co", "yes", "true", "x", "1"],
  no: [NO, "khong", "no", "false", "0", ""],
});

export const STARS_LABEL = (stars: number | null): string => (stars ? `${stars} sao` : "—");
