/**
 * The choices the decisions leave to a council: ONE table, the only home of each setting's schema, bounds,
 * unit, default, source and Vietnamese/English words. The session type, the setup sheet (rows, lists,
 * parsing), the workbook metadata, the audit log and the task pane's editor are all driven by it.
 *
 * Adding a setting is one entry in SETTINGS below, made with the helper of its kind:
 *   - `numberSetting`  a number within bounds (`scale: "percent"` when it is a share shown as %),
 *   - `choiceSetting`  one of named choices, each with its words (and the words accepted back),
 *   - `switchSetting`  on or off.
 * Give it a default, a `source` (the rule or article the default comes from, as docs/rules.md cites it, or
 * "no decision says"), a label and a help text in both languages. The type `CouncilSettings`, the defaults,
 * the schema, the sheet row, the metadata and the editor follow; only the rule that uses the value (and its
 * row in docs/rules.md) is written by hand. Every consolidation records the settings it used.
 */
import { z } from "zod";
import type { Finding } from "./findings";
import { CODES } from "./codes";

export type SettingLang = "vi" | "en";

interface Words {
  vi: string;
  en: string;
}

export interface SettingTexts {
  label: string;
  /** What the setting changes (its source is given apart, in `source`). */
  help: string;
}

interface SettingCommon<T> {
  default: T;
  /** Where the default comes from. */
  source: Words;
  vi: SettingTexts;
  en: SettingTexts;
}

export interface NumberSetting extends SettingCommon<number> {
  kind: "number";
  min: number;
  max: number;
  /** The minimum itself is not allowed ("more than 0"). */
  minExclusive: boolean;
  integer: boolean;
  /** "percent": a share stored 0–1, shown and typed as a percentage (0.75 is "75 %"). */
  scale: "plain" | "percent";
  unit: Words | null;
  schema: z.ZodType<number>;
}

export interface ChoiceWords extends Words {
  /** Further words accepted when the choice is typed on a sheet (the key and both labels always are). */
  aliases?: readonly string[];
}

export interface ChoiceSetting<C extends string = string> extends SettingCommon<C> {
  kind: "choice";
  choices: Record<C, ChoiceWords>;
  schema: z.ZodType<C>;
}

export interface SwitchSetting extends SettingCommon<boolean> {
  kind: "switch";
  schema: z.ZodType<boolean>;
}

export type SettingDef = NumberSetting | ChoiceSetting | SwitchSetting;

type NumberInput = Omit<NumberSetting, "kind" | "schema" | "minExclusive" | "integer" | "scale" | "unit"> &
  Partial<Pick<NumberSetting, "minExclusive" | "integer" | "scale" | "unit">>;

const numberSetting = (input: NumberInput): NumberSetting => {
  const d = { minExclusive: false, integer: false, scale: "plain" as const, unit: null, ...input };
  let schema = z.number().finite();
  schema = d.minExclusive ? schema.gt(d.min) : schema.min(d.min);
  schema = schema.max(d.max);
  if (d.integer) schema = schema.int();
  return { ...d, kind: "number", schema };
};

const choiceSetting = <C extends string>(
  input: Omit<ChoiceSetting<C>, "kind" | "schema" | "default"> & { default: NoInfer<C> }
): ChoiceSetting<C> => ({
  ...input,
  kind: "choice",
  schema: z.enum(Object.keys(input.choices) as [C, ...C[]]) as unknown as z.ZodType<C>,
});

const switchSetting = (input: Omit<SwitchSetting, "kind" | "schema">): SwitchSetting => ({
  ...input,
  kind: "switch",
  schema: z.boolean(),
});

const NO_DECISION = { vi: "Không văn bản nào quy định", en: "No decision sets it" };

export const SETTINGS = {
  spreadThreshold: numberSetting({
    default: 10,
    min: 0,
    max: 100,
    unit: { vi: "điểm", en: "points" },
    source: {
      vi: "Quy chế Hội đồng OCOP tỉnh Tây Ninh, Đồng Tháp: không chênh lệch quá 10 điểm",
      en: "Tây Ninh and Đồng Tháp council rules: no more than 10 points apart",
    },
    vi: {
      label: "Chênh lệch tổng điểm tối đa giữa các thành viên",
      help: "Sản phẩm có tổng điểm của các thành viên chênh nhau quá mức này được đánh dấu để Hội đồng thảo luận và chấm lại.",
    },
    en: {
      label: "Largest allowed spread between members' totals",
      help: "A product whose members' totals differ by more than this is flagged for the council to discuss and re-score.",
    },
  }),
  quorum: numberSetting({
    default: 0.75,
    min: 0,
    minExclusive: true,
    max: 1,
    scale: "percent",
    source: {
      vi: "Quy chế Hội đồng OCOP tỉnh Tây Ninh: ít nhất 3/4 thành viên",
      en: "Tây Ninh council rules: at least 3/4 of the members",
    },
    vi: {
      label: "Tỷ lệ thành viên tối thiểu đã chấm",
      help: "Sản phẩm chỉ được phân hạng khi số thành viên đã chấm đạt tỷ lệ này trên tổng số thành viên Hội đồng.",
    },
    en: {
      label: "Smallest share of members who scored",
      help: "A product is classified only when at least this share of the council scored it.",
    },
  }),
  displayDecimals: numberSetting({
    default: 2,
    min: 0,
    max: 4,
    integer: true,
    source: { vi: "Chỉ ảnh hưởng cách hiển thị", en: "Display only" },
    vi: {
      label: "Số chữ số thập phân hiển thị",
      help: "Chỉ ảnh hưởng cách hiển thị điểm trung bình; phân hạng và xếp thứ luôn dùng giá trị chính xác.",
    },
    en: {
      label: "Decimals shown",
      help: "Only how means are shown; classification and ranking always use the exact value.",
    },
  }),
  tieBreak: choiceSetting({
    default: "partC",
    choices: {
      partC: { vi: "Điểm phần C cao hơn xếp trước", en: "Higher part C mean first", aliases: ["Phần C"] },
      partA: { vi: "Điểm phần A cao hơn xếp trước", en: "Higher part A mean first", aliases: ["Phần A"] },
      code: {
        vi: "Theo mã sản phẩm (không đồng hạng)",
        en: "By product code (no equal ranks)",
        aliases: ["Theo mã sản phẩm", "Mã sản phẩm"],
      },
      none: { vi: "Đồng hạng", en: "Equal rank", aliases: ["Không"] },
    },
    source: NO_DECISION,
    vi: {
      label: "Thứ tự khi bằng sao và bằng điểm",
      help: "Hội đồng chọn cách xếp các sản phẩm bằng số sao và bằng điểm trung bình; mặc định điểm trung bình Phần C (chất lượng sản phẩm) cao hơn xếp trước.",
    },
    en: {
      label: "Order of products with equal stars and mean",
      help: "The council chooses how products with equal stars and equal mean are ordered; by default the higher part C mean (product quality) ranks first.",
    },
  }),
  minimumLevelRule: choiceSetting({
    default: "mean",
    choices: {
      mean: {
        vi: "Điểm trung bình của các thành viên đạt mức",
        en: "The mean of members' points reaches the level",
        aliases: ["Trung bình điểm của các thành viên", "Trung bình"],
      },
      all: {
        vi: "Mọi thành viên đều cho đạt mức",
        en: "Every member gives at least the level",
        aliases: ["Tất cả thành viên", "Tất cả"],
      },
      majority: {
        vi: "Quá nửa số thành viên cho đạt mức",
        en: "More than half of the members give at least the level",
        aliases: ["Đa số thành viên", "Đa số"],
      },
    },
    source: NO_DECISION,
    vi: {
      label: "Cách xét mức tối thiểu (tiêu chí có dấu sao)",
      help: "Dấu sao trên phiếu là yêu cầu tối thiểu cho từng hạng sao (chú thích cuối phiếu); văn bản không nói cách gộp điểm của các thành viên.",
    },
    en: {
      label: "How minimum levels (starred criteria) are tested",
      help: "A starred level is the minimum for that star class (the forms' footnote); the decisions do not say how members' points combine.",
    },
  }),
  dropExtremes: switchSetting({
    default: false,
    source: { vi: "Không văn bản nào yêu cầu", en: "No decision asks for it" },
    vi: {
      label: "Bỏ tổng điểm cao nhất và thấp nhất",
      help: "Khi bật, điểm của sản phẩm là trung bình sau khi bỏ tổng cao nhất và thấp nhất; chỉ áp dụng cho sản phẩm có từ 3 thành viên chấm.",
    },
    en: {
      label: "Drop the highest and lowest total",
      help: "When on, the product's score is the mean without the highest and lowest totals; only for products scored by 3 members or more.",
    },
  }),
  chairMustScore: switchSetting({
    default: true,
    source: {
      vi: "Quy chế Hội đồng OCOP tỉnh Tây Ninh: cuộc họp có ít nhất 3/4 thành viên, trong đó phải có Chủ tịch Hội đồng",
      en: "Tây Ninh council rules: at least 3/4 of the members present, the chair among them",
    },
    vi: {
      label: "Chủ tịch Hội đồng (hoặc Phó Chủ tịch được ủy quyền) phải chấm",
      help: "Sản phẩm không có điểm của Chủ tịch Hội đồng (hoặc Phó Chủ tịch được Chủ tịch ủy quyền) thì chưa phân hạng.",
    },
    en: {
      label: "The chair (or the delegated vice-chair) must score",
      help: "A product without a score from the chair (or the vice-chair the chair delegates) is withheld.",
    },
  }),
  discussMinimumSplit: switchSetting({
    default: false,
    source: NO_DECISION,
    vi: {
      label: "Thảo luận cả sản phẩm có ý kiến khác nhau về mức tối thiểu",
      help: "Khi bật, sản phẩm mà một số thành viên cho đạt, số khác cho không đạt một mức có dấu sao cũng được đưa ra Hội đồng thảo luận, chấm lại.",
    },
    en: {
      label: "Also discuss products split on a minimum level",
      help: "When on, a product where some members reach a starred level and others do not is also listed for the council to discuss and re-score.",
    },
  }),
};

type Table = typeof SETTINGS;
export type SettingKey = keyof Table;
type ValueOf<D> = D extends SettingCommon<infer T> ? T : never;

/** The council's settings, one field per entry of the table. */
export type CouncilSettings = { [K in SettingKey]: ValueOf<Table[K]> };

/** How products with equal stars and equal mean are ordered. */
export type TieBreak = CouncilSettings["tieBreak"];
/** How members' points on a criterion with a star minimum are combined before the minimum is tested. */
export type MinimumLevelRule = CouncilSettings["minimumLevelRule"];

/** The settings in the order the sheet and the editor list them. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** One setting's entry, seen through the common shape (for code that handles every setting alike). */
export const settingDef = (key: SettingKey): SettingDef => SETTINGS[key] as SettingDef;

export const DEFAULT_SETTINGS: CouncilSettings = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, settingDef(k).default])
) as CouncilSettings;

/** The stored settings: each setting's own schema, missing ones taking their default. */
export const CouncilSettingsSchema = z.object(
  Object.fromEntries(
    SETTING_KEYS.map((k) => [k, (settingDef(k).schema as z.ZodType<unknown>).default(settingDef(k).default)])
  )
) as unknown as z.ZodType<CouncilSettings>;

/** Is a typed or stored value allowed for this setting? */
export const isSettingValue = (key: SettingKey, value: unknown): boolean =>
  settingDef(key).schema.safeParse(value).success;

// ------------------------------------------------------------------ words

const ON_OFF = { vi: { on: "Bật", off: "Tắt" }, en: { on: "On", off: "Off" } } as const;

/** A plain number in the language's notation (no grouping; up to two decimals). */
const numberText = (n: number, lang: SettingLang): string => {
  const text = String(Math.round(n * 100) / 100);
  return lang === "vi" ? text.replace(".", ",") : text;
};

/** The value as it is shown and typed: a share as a percentage, anything else as is. */
export const toShown = (def: NumberSetting, value: number): number =>
  def.scale === "percent" ? Math.round(value * 1e6) / 1e4 : value;
export const fromShown = (def: NumberSetting, shown: number): number =>
  def.scale === "percent" ? shown / 100 : shown;

/** The unit after a shown number: "điểm", "%", or nothing. */
export const unitText = (def: SettingDef, lang: SettingLang): string =>
  def.kind !== "number" ? "" : def.scale === "percent" ? "%" : (def.unit?.[lang] ?? "");

/** The label with its unit: "Chênh lệch tổng điểm tối đa giữa các thành viên (điểm)". */
export const settingLabel = (key: SettingKey, lang: SettingLang): string => {
  const def = settingDef(key);
  const unit = unitText(def, lang);
  return unit ? `${def[lang].label} (${unit})` : def[lang].label;
};

/** A value in words: "10 điểm", "75 %", "Đồng hạng", "Tắt". */
export const settingValueText = (key: SettingKey, value: unknown, lang: SettingLang): string => {
  const def = settingDef(key);
  switch (def.kind) {
    case "number": {
      if (typeof value !== "number") return String(value);
      const unit = unitText(def, lang);
      return `${numberText(toShown(def, value), lang)}${unit ? ` ${unit}` : ""}`;
    }
    case "choice":
      return (def.choices as Record<string, ChoiceWords>)[String(value)]?.[lang] ?? String(value);
    case "switch":
      return value ? ON_OFF[lang].on : ON_OFF[lang].off;
  }
};

/** The allowed values of a number in words: "từ 0 đến 100 điểm", "lớn hơn 0 % và không quá 100 %". */
export const boundsText = (def: NumberSetting, lang: SettingLang): string => {
  const unit = unitText(def, lang);
  const n = (v: number) => `${numberText(toShown(def, v), lang)}${unit ? ` ${unit}` : ""}`;
  const whole = def.integer ? (lang === "vi" ? "số nguyên " : "a whole number ") : "";
  if (def.minExclusive)
    return lang === "vi"
      ? `${whole}lớn hơn ${n(def.min)} và không quá ${n(def.max)}`
      : `${whole}more than ${n(def.min)} and at most ${n(def.max)}`;
  return lang === "vi"
    ? `${whole}từ ${n(def.min)} đến ${n(def.max)}`
    : `${whole}from ${n(def.min)} to ${n(def.max)}`;
};

/** The words of each choice of a choice setting, in the table's order. */
export const choicesOf = (def: ChoiceSetting): [string, ChoiceWords][] =>
  Object.entries(def.choices) as [string, ChoiceWords][];

/** The help, the default and its source, as one hint: "…. Mặc định: 10 điểm (Quy chế …)." */
export const settingHint = (key: SettingKey, lang: SettingLang): string => {
  const def = settingDef(key);
  const value = settingValueText(key, def.default, lang);
  return lang === "vi"
    ? `${def.vi.help} Mặc định: ${value} (${def.source.vi}).`
    : `${def.en.help} Default: ${value} (${def.source.en}).`;
};

// ------------------------------------------------------------------ reading stored settings

export interface ParsedSettings {
  settings: CouncilSettings;
  findings: Finding[];
}

/**
 * Reads settings as stored (session sheet, metadata). Missing settings take their default; an invalid one
 * takes its default too and yields an error, since consolidating under a rule the council did not choose
 * would be wrong.
 */
export const parseSettings = (input: unknown): ParsedSettings => {
  const source = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const findings: Finding[] = [];
  for (const key of SETTING_KEYS) {
    if (source[key] === undefined) continue;
    const result = settingDef(key).schema.safeParse(source[key]);
    if (result.success) settings[key] = result.data;
    else
      findings.push({
        code: CODES.settingInvalid,
        severity: "error",
        where: {},
        params: {
          setting: key,
          value: JSON.stringify(source[key]) ?? "",
          default: String(settingDef(key).default),
        },
      });
  }
  return { settings: settings as CouncilSettings, findings };
};
