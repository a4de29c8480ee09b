import {
  CouncilSettingsSchema,
  SETTINGS,
  SETTING_KEYS,
  boundsText,
  choicesOf,
  isSettingValue,
  parseSettings,
  settingDef,
  settingHint,
  settingLabel,
  settingValueText,
} from "./settings";
import { DEFAULT_SETTINGS } from "./session";

describe("council settings", () => {
  it("default to the documented values: 10-point spread, 3/4 quorum, 2 decimals, part C tie-break, mean rule, no dropping", () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, findings: [] });
    expect(DEFAULT_SETTINGS).toEqual({
      spreadThreshold: 10,
      quorum: 0.75,
      displayDecimals: 2,
      tieBreak: "partC",
      minimumLevelRule: "mean",
      dropExtremes: false,
      chairMustScore: true,
      discussMinimumSplit: false,
    });
  });

  it("keep a council's valid choices", () => {
    const chosen = {
      spreadThreshold: 8,
      quorum: 2 / 3,
      displayDecimals: 1,
      tieBreak: "code",
      minimumLevelRule: "all",
      dropExtremes: true,
      chairMustScore: false,
      discussMinimumSplit: true,
    };
    expect(parseSettings(chosen)).toEqual({ settings: chosen, findings: [] });
  });

  it("report an invalid choice as an error naming the setting, and fall back to its default", () => {
    const { settings, findings } = parseSettings({ quorum: 1.5, tieBreak: "age", spreadThreshold: 12 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, spreadThreshold: 12 });
    expect(findings.map((f) => [f.code, f.severity, f.params.setting])).toEqual([
      ["settings.invalid", "error", "quorum"],
      ["settings.invalid", "error", "tieBreak"],
    ]);
  });

  it("are each described in Vietnamese and English with a source, every choice labelled", () => {
    for (const key of SETTING_KEYS) {
      const def = settingDef(key);
      expect(DEFAULT_SETTINGS[key]).toEqual(def.default);
      expect(def.schema.safeParse(def.default).success).toBe(true);
      for (const lang of ["vi", "en"] as const) {
        expect(def[lang].label).not.toBe("");
        expect(def[lang].help).not.toBe("");
        expect(def.source[lang]).not.toBe("");
        expect(settingHint(key, lang)).toContain(settingValueText(key, def.default, lang));
      }
      if (def.kind === "choice")
        for (const [, words] of choicesOf(def)) expect([words.vi, words.en].every(Boolean)).toBe(true);
    }
  });

  it("state their bounds once: the schema, the words and the shown scale agree", () => {
    const quorum = SETTINGS.quorum;
    expect(isSettingValue("quorum", 0)).toBe(false);
    expect(isSettingValue("quorum", 1)).toBe(true);
    expect(boundsText(quorum, "vi")).toBe("lớn hơn 0 % và không quá 100 %");
    expect(settingValueText("quorum", 0.75, "vi")).toBe("75 %");
    expect(boundsText(SETTINGS.spreadThreshold, "en")).toBe("from 0 points to 100 points");
    expect(isSettingValue("spreadThreshold", 100.5)).toBe(false);
    expect(isSettingValue("displayDecimals", 1.5)).toBe(false);
    expect(settingLabel("spreadThreshold", "vi")).toBe(
      "Chênh lệch tổng điểm tối đa giữa các thành viên (điểm)"
    );
  });

  it("a stored schema fills in a setting an older workbook did not have", () => {
    const { dropExtremes: _dropped, ...older } = DEFAULT_SETTINGS;
    expect(CouncilSettingsSchema.parse(older)).toEqual(DEFAULT_SETTINGS);
  });
});
