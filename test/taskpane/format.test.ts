import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatScore,
  parseNumber,
} from "../../src/taskpane/format";

describe("Vietnamese number formatting", () => {
  test.each([
    [72.5, {}, "72,5"],
    [72, {}, "72"],
    [1234.5, {}, "1.234,5"],
    [-3.25, {}, "-3,25"],
    [72.456, { maxDecimals: 1 }, "72,5"],
    [1234.5, { locale: "en" as const }, "1,234.5"],
  ])("formatNumber(%p, %p) = %p", (value, options, expected) => {
    expect(formatNumber(value, options)).toBe(expected);
  });

  test("scores keep a fixed number of decimals", () => {
    expect(formatScore(72.5)).toBe("72,5");
    expect(formatScore(72, 2)).toBe("72,00");
    expect(formatScore(85.125, 2, "en")).toBe("85.13");
  });

  test("never prints NaN or Infinity on a table", () => {
    expect(formatNumber(Number.NaN)).toBe("");
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("");
  });

  test.each([
    ["72,5", 72.5],
    ["72.5", 72.5],
    [" 1.234,5 ", 1234.5],
    ["1.234", 1234],
    ["-3,25", -3.25],
    ["80", 80],
    ["", null],
    ["abc", null],
    ["7,2,5", null],
  ])("parseNumber(%p) = %p", (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  test("format then parse returns the number", () => {
    for (const value of [0, 0.5, 12.75, 99.9, 1234.5]) expect(parseNumber(formatNumber(value))).toBe(value);
  });
});

describe("dates as dd/MM/yyyy", () => {
  test("day, month and year in that order, zero-padded", () => {
    expect(formatDate(new Date(2026, 2, 5))).toBe("05/03/2026");
    expect(formatDate(new Date(2025, 11, 31, 23, 59))).toBe("31/12/2025");
  });

  test("time before date, 24-hour clock", () => {
    expect(formatDateTime(new Date(2026, 2, 5, 14, 5))).toBe("14:05 05/03/2026");
    expect(formatDateTime(new Date(2026, 0, 1, 0, 0))).toBe("00:00 01/01/2026");
  });

  test("invalid dates give an empty string", () => {
    expect(formatDate(new Date("not a date"))).toBe("");
    expect(formatDateTime(new Date(Number.NaN))).toBe("");
  });
});
