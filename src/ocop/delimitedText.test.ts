import { parseCsv, parseTabbed } from "./delimitedText";

describe("delimited text", () => {
  it("reads pasted rows by tab, keeping commas and quoted line breaks inside cells", () => {
    expect(parseTabbed('\uFEFFA1\t"Dòng 1\nDòng 2"\tx, y\r\n\t\t\r\nA2\tTrà\t\n')).toEqual([
      ["A1", "Dòng 1\nDòng 2", "x, y"],
      ["A2", "Trà", ""],
    ]);
  });

  it("splits CSV on the delimiter its first line uses most", () => {
    expect(parseCsv("a;b;c,d\n1;2;3,4")).toEqual([
      ["a", "b", "c,d"],
      ["1", "2", "3,4"],
    ]);
    expect(parseCsv("a,b,c;d\n1,2,3;4")).toEqual([
      ["a", "b", "c;d"],
      ["1", "2", "3;4"],
    ]);
  });
});
