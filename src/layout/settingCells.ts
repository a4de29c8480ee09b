/**
 * A council setting in a cell, in both directions, for every setting alike: the table in ocop/settings.ts
 * says its kind, bounds and words, and this module turns that into a cell value, a number format, a list of
 * allowed words, and back. Used by the session sheet and the audit log.
 */
import {
  boundsText,
  choicesOf,
  fromShown,
  settingDef,
  type CouncilSettings,
  type SettingKey,
} from "../ocop/settings";
import { FORMAT, cellText } from "./build";
import { NO, YES, readChoice, readYesNo } from "./labels";
import type { CellValue } from "./plan";

export interface SettingCell {
  value: CellValue;
  numberFormat?: string;
}

/** The cell of a setting's value: numbers stay numbers (a share with a percent format), words for the rest. */
export const settingCell = (key: SettingKey, value: unknown): SettingCell => {
  const def = settingDef(key);
  switch (def.kind) {
    case "number":
      return {
        value: value as number,
        numberFormat: def.scale === "percent" ? FORMAT.percent : def.integer ? FORMAT.integer : "0.##",
      };
    case "choice":
      return { value: def.choices[String(value)]?.vi ?? String(value) };
    case "switch":
      return { value: value ? YES : NO };
  }
};

/** The words a cell may hold, for a data-validation list; null for a number. */
export const settingList = (key: SettingKey): string[] | null => {
  const def = settingDef(key);
  if (def.kind === "choice") return choicesOf(def).map(([, w]) => w.vi);
  if (def.kind === "switch") return [YES, NO];
  return null;
};

export type ReadSetting<K extends SettingKey> =
  | { ok: true; value: CouncilSettings[K] }
  /** `allowed`: the words or the bounds to tell the user. */
  | { ok: false; allowed: string[] };

/** Reads a setting's value back from its cell: a number (75% or "75%" for a share), a choice's words, Có/Không. */
export const readSettingCell = <K extends SettingKey>(key: K, v: CellValue | undefined): ReadSetting<K> => {
  const def = settingDef(key);
  const text = cellText(v);
  let value: unknown = null;
  switch (def.kind) {
    case "number": {
      const percent = typeof v === "string" && v.includes("%");
      const n = typeof v === "number" ? v : Number(text.replace("%", "").replace(",", "."));
      // "75%" typed as text is a percentage; a number cell (shown 75% by its format) holds the share itself.
      value = text === "" || !Number.isFinite(n) ? null : percent ? fromShown(def, n) : n;
      break;
    }
    case "choice":
      value = readChoice(def, text);
      break;
    case "switch": {
      const yesNo = readYesNo(text);
      value = yesNo === null ? null : yesNo === "yes";
      break;
    }
  }
  if (value !== null && def.schema.safeParse(value).success)
    return { ok: true, value: value as CouncilSettings[K] };
  return { ok: false, allowed: settingList(key) ?? (def.kind === "number" ? [boundsText(def, "vi")] : []) };
};
