import { columnsWidthPt, heightForLines, rowHeightFor, textWidth, wrappedLines } from "./rowHeight";

const F11 = { size: 11 };
const F13 = { size: 13 };

describe("row heights for wrapped text", () => {
  it("a short text fits one line; the same text in a narrow column wraps to more", () => {
    expect(wrappedLines("Bánh đa nem", columnsWidthPt([30]), F11)).toBe(1);
    expect(
      wrappedLines("Hợp tác xã nông nghiệp dịch vụ tổng hợp Tân Yên", columnsWidthPt([12]), F11)
    ).toBeGreaterThan(2);
  });

  it("more text, a narrower column or a bigger font never needs fewer lines", () => {
    const text =
      "Sản phẩm có tiềm năng đạt 5 sao: gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng";
    for (let w = 8; w < 60; w += 4) {
      const here = wrappedLines(text, columnsWidthPt([w]), F11);
      expect(wrappedLines(text, columnsWidthPt([w + 4]), F11)).toBeLessThanOrEqual(here);
      expect(wrappedLines(text, columnsWidthPt([w]), F13)).toBeGreaterThanOrEqual(here);
      expect(wrappedLines(text + " thêm", columnsWidthPt([w]), F11)).toBeGreaterThanOrEqual(here);
    }
  });

  it("counts line breaks the text carries and splits a word longer than the line", () => {
    expect(wrappedLines("Dòng 1\nDòng 2\n\nDòng 4", columnsWidthPt([40]), F11)).toBe(4);
    const url = "https://example.gov.vn/" + "a".repeat(120);
    const width = columnsWidthPt([20]);
    expect(wrappedLines(url, width, F11)).toBeGreaterThanOrEqual(Math.ceil(textWidth(url, F11) / width));
  });

  it("capitals and bold are wider than plain lower case", () => {
    expect(textWidth("HỘI ĐỒNG", F13)).toBeGreaterThan(textWidth("hội đồng", F13));
    expect(textWidth("hội đồng", { size: 13, bold: true })).toBeGreaterThan(textWidth("hội đồng", F13));
  });

  it("the row takes the height of its tallest cell, at least the minimum; merged cells add their widths", () => {
    const long = "Chủ thể: Hợp tác xã nông nghiệp dịch vụ tổng hợp xã Tân Yên, tỉnh Bắc Ninh";
    const one = heightForLines(1, F11);
    const h = rowHeightFor([
      { text: "X", widths: [5], font: F11 },
      { text: long, widths: [10], font: F11 },
    ]);
    expect(h).toBeGreaterThan(2 * one);
    expect(rowHeightFor([{ text: long, widths: [10, 10, 10, 10], font: F11 }])).toBeLessThan(h);
    expect(rowHeightFor([{ text: "X", widths: [5], font: F11 }], 30)).toBe(30);
  });
});
