/**
 * The choices the decisions leave to a council, with their defaults and a description in both languages
 * (the task pane lists them; docs/rules.md gives the sources). Every consolidation records the settings
 * it used.
 */
import { z } from "zod";
import { DEFAULT_SETTINGS, type CouncilSettings } from "./session";
import type { Finding } from "./findings";
import { CODES } from "./codes";

export const CouncilSettingsSchema = z.object({
  spreadThreshold: z.number().finite().min(0).max(100).default(DEFAULT_SETTINGS.spreadThreshold),
  quorum: z.number().finite().gt(0).max(1).default(DEFAULT_SETTINGS.quorum),
  displayDecimals: z.number().int().min(0).max(4).default(DEFAULT_SETTINGS.displayDecimals),
  tieBreak: z.enum(["partC", "partA", "code", "none"]).default(DEFAULT_SETTINGS.tieBreak),
  minimumLevelRule: z.enum(["mean", "all", "majority"]).default(DEFAULT_SETTINGS.minimumLevelRule),
  dropExtremes: z.boolean().default(DEFAULT_SETTINGS.dropExtremes),
  chairMustScore: z.boolean().default(DEFAULT_SETTINGS.chairMustScore),
  discussMinimumSplit: z.boolean().default(DEFAULT_SETTINGS.discussMinimumSplit),
});

// Compile-time guard: the schema yields exactly the shared type.
const _sameShape: z.ZodType<CouncilSettings> = CouncilSettingsSchema;
void _sameShape;

export type SettingKey = keyof CouncilSettings;

export interface SettingText {
  label: string;
  help: string;
  /** Labels of an enumerated setting's choices. */
  choices?: Record<string, string>;
}

export interface SettingDescription {
  key: SettingKey;
  default: CouncilSettings[SettingKey];
  vi: SettingText;
  en: SettingText;
}

export const SETTING_DESCRIPTIONS: readonly SettingDescription[] = [
  {
    key: "spreadThreshold",
    default: DEFAULT_SETTINGS.spreadThreshold,
    vi: {
      label: "Chênh lệch tối đa giữa các thành viên (điểm)",
      help: "Sản phẩm có tổng điểm của các thành viên chênh nhau quá mức này được đánh dấu để Hội đồng thảo luận và chấm lại (Quy chế Hội đồng OCOP tỉnh Tây Ninh, Đồng Tháp: 10 điểm).",
    },
    en: {
      label: "Largest allowed spread between members (points)",
      help: "A product whose members' totals differ by more than this is flagged for the council to discuss and re-score (Tây Ninh and Đồng Tháp council rules: 10 points).",
    },
  },
  {
    key: "quorum",
    default: DEFAULT_SETTINGS.quorum,
    vi: {
      label: "Tỷ lệ thành viên tối thiểu đã chấm",
      help: "Sản phẩm chỉ được phân hạng khi số thành viên đã chấm đạt tỷ lệ này trên tổng số thành viên Hội đồng (Quy chế Hội đồng tỉnh Tây Ninh: ít nhất 3/4).",
    },
    en: {
      label: "Smallest share of members who scored",
      help: "A product is classified only when at least this share of the council scored it (Tây Ninh council rules: at least 3/4).",
    },
  },
  {
    key: "displayDecimals",
    default: DEFAULT_SETTINGS.displayDecimals,
    vi: {
      label: "Số chữ số thập phân hiển thị",
      help: "Chỉ ảnh hưởng cách hiển thị điểm trung bình; phân hạng và xếp thứ luôn dùng giá trị chính xác.",
    },
    en: {
      label: "Decimals shown",
      help: "Only how means are shown; classification and ranking always use the exact value.",
    },
  },
  {
    key: "tieBreak",
    default: DEFAULT_SETTINGS.tieBreak,
    vi: {
      label: "Thứ tự khi bằng sao và bằng điểm",
      help: "Văn bản không quy định; Hội đồng chọn. Mặc định: điểm trung bình Phần C (chất lượng sản phẩm) cao hơn xếp trước.",
      choices: {
        partC: "Điểm Phần C cao hơn xếp trước",
        partA: "Điểm Phần A cao hơn xếp trước",
        code: "Theo mã sản phẩm (không đồng hạng)",
        none: "Đồng hạng",
      },
    },
    en: {
      label: "Order of products with equal stars and mean",
      help: "No decision sets it; the council chooses. Default: the higher part C mean (product quality) ranks first.",
      choices: {
        partC: "Higher part C mean first",
        partA: "Higher part A mean first",
        code: "By product code (no equal ranks)",
        none: "Equal rank",
      },
    },
  },
  {
    key: "minimumLevelRule",
    default: DEFAULT_SETTINGS.minimumLevelRule,
    vi: {
      label: "Cách xét mức tối thiểu (tiêu chí có dấu sao)",
      help: "Dấu sao trên phiếu là yêu cầu tối thiểu cho từng hạng sao; văn bản không nói cách gộp điểm của các thành viên. Mặc định: điểm trung bình của các thành viên đạt mức có dấu sao.",
      choices: {
        mean: "Điểm trung bình của các thành viên đạt mức",
        all: "Mọi thành viên đều cho đạt mức",
        majority: "Quá nửa số thành viên cho đạt mức",
      },
    },
    en: {
      label: "How minimum levels (starred criteria) are tested",
      help: "A starred level is the minimum for that star class; the decisions do not say how members' points combine. Default: the mean of members' points reaches the starred level.",
      choices: {
        mean: "The mean of members' points reaches the level",
        all: "Every member gives at least the level",
        majority: "More than half of the members give at least the level",
      },
    },
  },
  {
    key: "dropExtremes",
    default: DEFAULT_SETTINGS.dropExtremes,
    vi: {
      label: "Bỏ tổng điểm cao nhất và thấp nhất",
      help: "Không văn bản nào yêu cầu; mặc định tắt (điểm của sản phẩm là trung bình cộng điểm của tất cả thành viên). Khi bật, chỉ áp dụng cho sản phẩm có từ 3 thành viên chấm.",
    },
    en: {
      label: "Drop the highest and lowest total",
      help: "No decision asks for it; off by default (the product's score is the plain mean of all members). When on, applies to products scored by 3 members or more.",
    },
  },
  {
    key: "chairMustScore",
    default: DEFAULT_SETTINGS.chairMustScore,
    vi: {
      label: "Chủ tịch Hội đồng (hoặc Phó Chủ tịch được ủy quyền) phải chấm",
      help: "Sản phẩm không có điểm của Chủ tịch Hội đồng (hoặc Phó Chủ tịch được Chủ tịch ủy quyền) thì chưa phân hạng (Quy chế Hội đồng OCOP tỉnh Tây Ninh: cuộc họp phải có ít nhất 3/4 thành viên, trong đó phải có Chủ tịch Hội đồng). Mặc định bật.",
    },
    en: {
      label: "The chair (or the delegated vice-chair) must score",
      help: "A product without a score from the chair (or the vice-chair the chair delegates) is withheld (Tây Ninh council rules: at least 3/4 of members present, the chair among them). On by default.",
    },
  },
  {
    key: "discussMinimumSplit",
    default: DEFAULT_SETTINGS.discussMinimumSplit,
    vi: {
      label: "Thảo luận cả sản phẩm có ý kiến khác nhau về mức tối thiểu",
      help: "Khi bật, sản phẩm mà một số thành viên cho đạt, số khác cho không đạt một mức có dấu sao cũng được đưa ra Hội đồng thảo luận, chấm lại. Văn bản không quy định; mặc định tắt.",
    },
    en: {
      label: "Also discuss products split on a minimum level",
      help: "When on, a product where some members reach a starred level and others do not is also listed for the council to discuss and re-score. No decision says so; off by default.",
    },
  },
];

export interface ParsedSettings {
  settings: CouncilSettings;
  findings: Finding[];
}

/**
 * Reads settings as stored in the session sheet. Missing settings take their default; an invalid one
 * takes its default too and yields an error, since consolidating under a rule the council did not
 * choose would be wrong.
 */
export const parseSettings = (input: unknown): ParsedSettings => {
  const source = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const chosen: Record<string, unknown> = {};
  const findings: Finding[] = [];
  for (const [key, schema] of Object.entries(CouncilSettingsSchema.shape)) {
    if (source[key] === undefined) continue;
    const result = schema.safeParse(source[key]);
    if (result.success) chosen[key] = result.data;
    else
      findings.push({
        code: CODES.settingInvalid,
        severity: "error",
        where: {},
        params: {
          setting: key,
          value: JSON.stringify(source[key]) ?? "",
          default: String((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key]),
        },
      });
  }
  return { settings: CouncilSettingsSchema.parse(chosen), findings };
};
