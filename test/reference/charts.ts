/**
 * Charts for the ExcelJS host. ExcelJS neither writes charts nor keeps them when it reads a file, so the host
 * remembers each sheet's planned charts, reads back the ones it wrote (their ranges, kind and place), and
 * adds the chart parts (chartXml.ts) to the package after ExcelJS has written it.
 */
import JSZip from "jszip";
import { colLetter, parseAddress } from "../../src/layout/a1";
import type { CellRange, PlannedChart } from "../../src/layout/plan";
import { REL_NS, relsPathOf, resolveTarget } from "../../src/hosts/xlsx/parts/workbookXml";
import { attribute, decodeXml } from "../../src/hosts/xlsx/parts/xml";
import {
  CT_CHART,
  CT_DRAWING,
  T_CHART,
  T_DRAWING,
  anchorXml,
  chartXml,
  drawingXml,
  type CellSource,
} from "../../src/hosts/xlsx/chartXml";

export type SheetCharts = Map<string, PlannedChart[]>;

/** Sheet name → its part path ("xl/worksheets/sheet3.xml"), from workbook.xml and its relationships. */
const sheetParts = async (zip: JSZip): Promise<Map<string, string>> => {
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const rid = attribute(m[0], "r:id");
    const path = rid ? targets.get(rid) : undefined;
    if (name && path) out.set(name, path);
  }
  return out;
};

// ---------------------------------------------------------------- writing

/** Where <drawing> goes in a worksheet: before these elements, in the schema's order. */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

/** Cell values of a written sheet, for the charts' cached points (viewers that do not recalculate). */
const readCellValue = (sheetXml: string, shared: string[]): CellSource => {
  const cells = new Map<string, string | number>();
  for (const m of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const r = attribute(m[0].slice(0, m[0].indexOf(">") + 1), "r");
    const t = attribute(`<c${m[1]}>`, "t");
    const body = m[2] ?? "";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    if (!r) continue;
    if (t === "s" && v !== undefined) cells.set(r, shared[Number(v)] ?? "");
    else if (t === "inlineStr" && inline !== undefined) cells.set(r, decodeXml(inline));
    else if (t === "str" && v !== undefined) cells.set(r, decodeXml(v));
    else if (v !== undefined) cells.set(r, Number(v));
  }
  return (_sheet, row, col) => cells.get(`${colLetter(col)}${row + 1}`) ?? null;
};

const sharedStrings = async (zip: JSZip): Promise<string[]> => {
  const xml = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1]!)).join("")
  );
};

export const injectCharts = async (
  bytes: Uint8Array,
  order: string[],
  charts: SheetCharts
): Promise<Uint8Array> => {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  const shared = await sharedStrings(zip);
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  let drawingNo = 0;
  let chartNo = 0;
  for (const name of order) {
    const list = charts.get(name);
    const part = parts.get(name);
    if (!list?.length || !part) continue;
    let sheetXml = (await zip.file(part)?.async("string")) ?? "";
    if (sheetXml.includes("<drawing ")) continue; // the sheet has a drawing of its own; leave it alone
    const values = readCellValue(sheetXml, shared);
    drawingNo++;
    const drawingPath = `xl/drawings/ocopDrawing${drawingNo}.xml`;
    const drawingRels: string[] = [];
    const anchors: string[] = [];
    list.forEach((chart, i) => {
      chartNo++;
      const chartPath = `xl/charts/ocopChart${chartNo}.xml`;
      zip.file(chartPath, chartXml(name, chart, values), { createFolders: false });
      types = types.replace(
        "</Types>",
        `<Override PartName="/${chartPath}" ContentType="${CT_CHART}"/></Types>`
      );
      drawingRels.push(
        `<Relationship Id="rIdC${i + 1}" Type="${T_CHART}" Target="../charts/ocopChart${chartNo}.xml"/>`
      );
      anchors.push(anchorXml(chart, i));
    });
    zip.file(drawingPath, drawingXml(anchors), { createFolders: false });
    zip.file(
      relsPathOf(drawingPath),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${drawingRels.join("")}</Relationships>`,
      { createFolders: false }
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/></Types>`
    );
    const sheetRelsPath = relsPathOf(part);
    let sheetRels =
      (await zip.file(sheetRelsPath)?.async("string")) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const rid = `rIdOcopDrawing${drawingNo}`;
    sheetRels = sheetRels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="${T_DRAWING}" Target="../drawings/ocopDrawing${drawingNo}.xml"/></Relationships>`
    );
    zip.file(sheetRelsPath, sheetRels);
    if (!sheetXml.includes("xmlns:r="))
      sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${REL_NS}" `);
    const p = Math.min(...AFTER_DRAWING.map((t) => sheetXml.indexOf(t)).filter((i) => i >= 0));
    sheetXml = `${sheetXml.slice(0, p)}<drawing r:id="${rid}"/>${sheetXml.slice(p)}`;
    zip.file(part, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

// ---------------------------------------------------------------- reading back

const parseRef = (f: string): CellRange | null => {
  const bang = f.lastIndexOf("!");
  const [a, b] = f
    .slice(bang + 1)
    .replace(/\$/g, "")
    .split(":");
  const from = a ? parseAddress(a) : null;
  const to = b ? parseAddress(b) : from;
  if (!from || !to) return null;
  return { row: from.row, col: from.col, rowCount: to.row - from.row + 1, colCount: to.col - from.col + 1 };
};

/** Charts on each sheet, as far as one series' ranges, kind, title and place can be read. */
export const readCharts = async (zip: JSZip, names: string[]): Promise<SheetCharts> => {
  const out: SheetCharts = new Map();
  const parts = await sheetParts(zip);
  for (const name of names) {
    const part = parts.get(name);
    if (!part) continue;
    const rels = (await zip.file(relsPathOf(part))?.async("string")) ?? "";
    for (const rel of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      if (attribute(rel[0], "Type") !== T_DRAWING) continue;
      const drawingPath = resolveTarget(part, attribute(rel[0], "Target") ?? "");
      const drawing = (await zip.file(drawingPath)?.async("string")) ?? "";
      const drels = (await zip.file(relsPathOf(drawingPath))?.async("string")) ?? "";
      const chartOf = new Map<string, string>();
      for (const d of drels.matchAll(/<Relationship\b[^>]*>/g)) {
        if (attribute(d[0], "Type") === T_CHART)
          chartOf.set(
            attribute(d[0], "Id") ?? "",
            resolveTarget(drawingPath, attribute(d[0], "Target") ?? "")
          );
      }
      for (const anchor of drawing.matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g)) {
        const a = anchor[0];
        const num = (tag: string, inner: string): number =>
          Number(new RegExp(`<xdr:${tag}>[\\s\\S]*?<xdr:${inner}>(\\d+)</xdr:${inner}>`).exec(a)?.[1] ?? 0);
        const rid = /<c:chart\b[^>]*r:id="([^"]+)"/.exec(a)?.[1] ?? "";
        const chartPath = chartOf.get(rid);
        const xml = chartPath ? ((await zip.file(chartPath)?.async("string")) ?? "") : "";
        const cat = /<c:cat>[\s\S]*?<c:f>([\s\S]*?)<\/c:f>/.exec(xml)?.[1];
        const val = /<c:val>[\s\S]*?<c:f>([\s\S]*?)<\/c:f>/.exec(xml)?.[1];
        const categories = cat ? parseRef(decodeXml(cat)) : null;
        const values = val ? parseRef(decodeXml(val)) : null;
        if (!categories || !values) continue;
        const kind: PlannedChart["kind"] = xml.includes("<c:pieChart")
          ? "pie"
          : /<c:barDir val="bar"/.test(xml)
            ? "bar"
            : "column";
        const title = [
          ...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "").matchAll(/<a:t>([\s\S]*?)<\/a:t>/g),
        ]
          .map((m) => decodeXml(m[1]!))
          .join("");
        const row = num("from", "row");
        const col = num("from", "col");
        const list = out.get(name) ?? [];
        list.push({
          kind,
          title,
          categories,
          values,
          anchor: {
            row,
            col,
            rowCount: Math.max(1, num("to", "row") - row),
            colCount: Math.max(1, num("to", "col") - col),
          },
        });
        out.set(name, list);
      }
    }
  }
  return out;
};
