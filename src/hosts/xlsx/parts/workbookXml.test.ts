/**
 * workbook.xml, its relationships and the content types as the parts host reads them. XML allows a raw ">"
 * inside a quoted attribute value; a writer that leaves it unescaped must not cut a sheet's name or lose
 * the sheets after it.
 */
import { parseContentTypes, parseRels, parseWorkbook, writeWorkbook } from "./workbookXml";
import { element, startTag } from "./xml";

const RELS =
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
  `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>` +
  `</Relationships>`;

const WORKBOOK =
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<workbookPr date1904="1" note="a > b"/><bookViews><workbookView title='x > y' activeTab="2"/></bookViews>` +
  `<sheets><sheet name="Điểm > 50" sheetId="1" r:id="rId1"/><sheet name='Ẩn "B"' sheetId="4" state="hidden" r:id="rId2"/>` +
  `<sheet name="TV01 &amp; TV02" sheetId="7" r:id="rId3"/></sheets>` +
  `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="2" hidden="1">'TV01 &amp; TV02'!$3:$3</definedName>` +
  `<definedName name="Vùng" comment="&gt; 50 > 40">'Điểm > 50'!$A$1:$B$2</definedName></definedNames>` +
  `<calcPr calcId="191029" note="1 > 0"/></workbook>`;

describe("workbook.xml as the parts host reads it", () => {
  const model = parseWorkbook(WORKBOOK, parseRels(RELS));

  it("reads every sheet whole, names with a raw '>' or quotes included, in order", () => {
    expect(model.sheets).toEqual([
      { name: "Điểm > 50", sheetId: 1, rid: "rId1", part: "xl/worksheets/sheet1.xml", state: "visible" },
      { name: 'Ẩn "B"', sheetId: 4, rid: "rId2", part: "xl/worksheets/sheet2.xml", state: "hidden" },
      { name: "TV01 & TV02", sheetId: 7, rid: "rId3", part: "xl/worksheets/sheet3.xml", state: "visible" },
    ]);
  });

  it("reads the 1904 date system, the active tab and the defined names with their sheets", () => {
    expect(model.date1904).toBe(true);
    expect(model.activeTab).toBe(2);
    expect(model.definedNames.map((d) => [d.name, d.localSheet, d.text])).toEqual([
      ["_xlnm.Print_Titles", "TV01 & TV02", "'TV01 & TV02'!$3:$3"],
      ["Vùng", undefined, "'Điểm > 50'!$A$1:$B$2"],
    ]);
  });

  it("writes back what it read, and the written part reads the same", () => {
    const again = parseWorkbook(writeWorkbook(WORKBOOK, model), parseRels(RELS));
    expect(again.sheets).toEqual(model.sheets);
    expect(again.definedNames.map((d) => [d.name, d.localSheet, d.text])).toEqual(
      model.definedNames.map((d) => [d.name, d.localSheet, d.text])
    );
    expect(again.activeTab).toBe(2);
    // Recalculation on open is asked for, and the calcPr's other attributes are kept.
    const calc = startTag(element(writeWorkbook(WORKBOOK, model), "calcPr")!.text);
    expect(calc).toContain(`fullCalcOnLoad="1"`);
    expect(calc).toContain(`note="1 > 0"`);
  });

  it("reads content types with a raw '>' in a value", () => {
    const ct = parseContentTypes(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default x="a>b" Extension="png" ContentType="image/png"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
    );
    expect(ct.defaults.get("png")).toBe("image/png");
    expect(ct.overrides.get("xl/workbook.xml")).toMatch(/sheet\.main\+xml$/);
  });
});
