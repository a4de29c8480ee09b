import { formatMean, roundForDisplay } from "./display";
import { bandOf } from "./classify";
import { tinyEdition } from "./__fixtures__/tiny";

describe("display rounding", () => {
  it("rounds halves up as Excel shows them, despite binary floating point", () => {
    expect(roundForDisplay(2.675, 2)).toBe(2.68);
    expect(roundForDisplay(1.005, 2)).toBe(1.01);
    expect(roundForDisplay(74.66666666666667, 2)).toBe(74.67);
    expect(roundForDisplay(74.66666666666667, 0)).toBe(75);
  });

  it("is separate from classification: 69.995 shows as 70,00 and is still 3★", () => {
    expect(formatMean(69.995, 2, "vi")).toBe("70,00");
    expect(formatMean(69.995, 2, "en")).toBe("70.00");
    expect(bandOf(69.995, tinyEdition().bands)).toBe(3);
  });

  it("shows nothing for a product without a mean", () => {
    expect(formatMean(null, 2, "vi")).toBe("");
  });
});
