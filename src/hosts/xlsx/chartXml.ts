/**
 * Chart parts as XML: the chart, the drawing that places it and one anchor per chart. Pure strings, shared by
 * both xlsx hosts (the parts host writes them itself; the ExcelJS host adds them after ExcelJS has saved).
 */
import { quoteSheet, rangeAddress } from "../../layout/a1";
import type { CellRange, PlannedChart } from "../../layout/plan";
import { REL_NS } from "./parts/workbookXml";
import { escapeXml } from "./parts/xml";

export const T_DRAWING = `${REL_NS}/drawing`;
export const T_CHART = `${REL_NS}/chart`;
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export interface CellSource {
  (sheet: string, row: number, col: number): string | number | null;
}

const cache = (r: CellRange, values: CellSource, sheet: string, numeric: boolean): string => {
  const points: string[] = [];
  let n = 0;
  for (let i = 0; i < r.rowCount; i++)
    for (let j = 0; j < r.colCount; j++) {
      const v = values(sheet, r.row + i, r.col + j);
      if (v !== null && v !== "") points.push(`<c:pt idx="${n}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`);
      n++;
    }
  const tag = numeric ? "numCache" : "strCache";
  return `<c:${tag}>${numeric ? "<c:formatCode>General</c:formatCode>" : ""}<c:ptCount val="${n}"/>${points.join("")}</c:${tag}>`;
};

const ref = (sheet: string, r: CellRange): string => {
  const abs = rangeAddress(r).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quoteSheet(sheet)}!${abs}`;
};

export const chartXml = (sheet: string, chart: PlannedChart, values: CellSource): string => {
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    (chart.kind === "pie" ? "" : `<c:spPr><a:solidFill><a:srgbClr val="2E75B6"/></a:solidFill></c:spPr>`) +
    `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(ref(sheet, chart.categories))}</c:f>${cache(chart.categories, values, sheet, false)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(ref(sheet, chart.values))}</c:f>${cache(chart.values, values, sheet, true)}</c:numRef></c:val>` +
    `</c:ser>`;
  const plot =
    chart.kind === "pie"
      ? `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`
      : `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
        `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="${chart.kind === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === "bar" ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
        `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.kind === "bar" ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="5001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    (chart.kind === "pie" ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
};

/** The drawing part holding a sheet's chart anchors. */
export const drawingXml = (anchors: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}">${anchors.join("")}</xdr:wsDr>`;

/** One chart's anchor in a drawing; its chart is the drawing's relationship rIdC<index + 1>. */
export const anchorXml = (chart: PlannedChart, index: number): string => {
  const a = chart.anchor;
  const point = (tag: string, row: number, col: number): string =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${point("from", a.row, a.col)}${point("to", a.row + a.rowCount, a.col + a.colCount)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${escapeXml(chart.title || `Chart ${index + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdC${index + 1}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
};
