import { CouncilSettingsSchema, SETTING_DESCRIPTIONS, parseSettings } from "./settings";
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

  it("are each described in Vietnamese and English with their default, every choice labelled", () => {
    expect(SETTING_DESCRIPTIONS.map((d) => d.key).sort()).toEqual(
      Object.keys(CouncilSettingsSchema.shape).sort()
    );
    for (const d of SETTING_DESCRIPTIONS) {
      expect(d.default).toEqual(DEFAULT_SETTINGS[d.key]);
      for (const lang of ["vi", "en"] as const) {
        expect(d[lang].label).not.toBe("");
        expect(d[lang].help).not.toBe("");
      }
      const options = CouncilSettingsSchema.shape[d.key].unwrap();
      if ("options" in options)
        for (const lang of ["vi", "en"] as const)
          expect(Object.keys(d[lang].choices ?? {}).sort()).toEqual([...options.options].sort());
    }
  });
});
