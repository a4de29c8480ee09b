import { normaliseCode, parseNumberText, sameText } from "./text";

describe("sameText", () => {
  it("matches Vietnamese typed in decomposed form (macOS) against the catalogue's composed form", () => {
    const composed = "Rau, củ, quả, hạt tươi";
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(sameText(decomposed, composed)).toBe(true);
  });

  it("ignores case and stray spaces but not a different word", () => {
    expect(sameText("  THỊT,   thủy sản ", "Thịt, thủy sản")).toBe(true);
    expect(sameText("Đồ uống", "đồ uống")).toBe(true);
    expect(sameText("Đồ uống", "Đồ ăn")).toBe(false);
  });
});

describe("normaliseCode", () => {
  it("makes the forms people type of one code equal", () => {
    expect(normaliseCode(" t-x-01-2026 ")).toBe("T-X-01-2026");
    expect(normaliseCode("1.1.")).toBe("1.1");
    expect(normaliseCode("1. a")).toBe("1.A");
    expect(normaliseCode("1.đ".normalize("NFD"))).toBe(normaliseCode("1.Đ"));
  });

  it("keeps distinct codes distinct", () => {
    expect(normaliseCode("1.1")).not.toBe(normaliseCode("1.10"));
  });
});

describe("parseNumberText", () => {
  it("reads numbers typed as text with either decimal mark", () => {
    expect(parseNumberText("2")).toBe(2);
    expect(parseNumberText(" 2,0 ")).toBe(2);
    expect(parseNumberText("1.5")).toBe(1.5);
    expect(parseNumberText("-1")).toBe(-1);
  });

  it("refuses words and ambiguous thousands", () => {
    expect(parseNumberText("hai")).toBeNull();
    expect(parseNumberText("1.000,5")).toBeNull();
    expect(parseNumberText("")).toBeNull();
  });
});
