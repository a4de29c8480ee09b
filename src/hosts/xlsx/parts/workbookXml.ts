/**
 * The package's structure parts (workbook.xml, its relationships, [Content_Types].xml) as a small model
 * the parts host edits, and written back with everything it does not model kept as it was.
 */
import type { Visibility } from "../../../layout/plan";
import {
  attribute,
  attributes,
  decodeXml,
  element,
  elements,
  escapeXml,
  isTrue,
  startTag,
  tagPattern,
} from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const T_WORKSHEET = `${REL_NS}/worksheet`;
export const T_TABLE = `${REL_NS}/table`;
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  /** Part path without a leading "/" ("xl/worksheets/sheet1.xml"). */
  part: string;
  state: Visibility;
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface DefinedName {
  name: string;
  /** The sheet a local name belongs to (by name; indexes are renumbered on write). */
  localSheet?: string;
  text: string;
  /** The element's other attributes, as written. */
  rest: string;
}

/** Resolves a relationship target against the part that holds the relationships. */
export const resolveTarget = (fromPart: string, target: string): string => {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
};

export const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

export const parseRels = (xml: string | undefined): Rel[] =>
  xml
    ? [...xml.matchAll(tagPattern("Relationship"))].map((m) => {
        const a = attributes(m[0]);
        return {
          id: a.Id ?? "",
          type: a.Type ?? "",
          target: a.Target ?? "",
          external: a.TargetMode === "External",
        };
      })
    : [];

export const relsXml = (rels: Rel[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  rels
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ` TargetMode="External"` : ""}/>`
    )
    .join("") +
  `</Relationships>`;

/** A relationship id not yet used in the list. */
export const freeRelId = (rels: Rel[], prefix = "rId"): string => {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};

export interface WorkbookModel {
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  date1904: boolean;
  activeTab: number;
}

export const parseWorkbook = (xml: string, rels: Rel[]): WorkbookModel => {
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheetsEl = element(xml, "sheets");
  const sheets: SheetEntry[] = [];
  for (const tag of sheetsEl ? (sheetsEl.text.match(tagPattern("sheet")) ?? []) : []) {
    const a = attributes(tag);
    const rid =
      a["r:id"] ?? Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1] ?? "";
    const rel = byId.get(rid);
    if (!rel) continue;
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    sheets.push({
      name: a.name ?? "",
      sheetId: Number(a.sheetId ?? sheets.length + 1),
      rid,
      part: resolveTarget("xl/workbook.xml", rel.target),
      state,
    });
  }
  const definedNames: DefinedName[] = [];
  const names = element(xml, "definedNames");
  for (const d of names ? elements(names.text, "definedName") : []) {
    const open = startTag(d);
    const a = attributes(open);
    const local = a.localSheetId !== undefined ? sheets[Number(a.localSheetId)]?.name : undefined;
    const rest = open
      .replace(/^<definedName\b/, "")
      .replace(/\/?>$/, "")
      .replace(/\s(name|localSheetId)="[^"]*"/g, "");
    definedNames.push({
      name: a.name ?? "",
      ...(local !== undefined ? { localSheet: local } : {}),
      text: d.endsWith("/>") ? "" : decodeXml(d.slice(open.length, d.length - "</definedName>".length)),
      rest,
    });
  }
  const pr = tagPattern("workbookPr", "").exec(xml)?.[0];
  const view = tagPattern("workbookView", "").exec(xml)?.[0];
  return {
    sheets,
    definedNames,
    date1904: pr ? isTrue(attribute(pr, "date1904")) : false,
    activeTab: Number((view && attribute(view, "activeTab")) ?? 0) || 0,
  };
};

const replaceOrInsert = (xml: string, name: string, text: string, before: string[]): string => {
  const el = element(xml, name);
  if (el) return xml.slice(0, el.start) + text + xml.slice(el.end);
  if (!text) return xml;
  for (const b of before) {
    const at = element(xml, b);
    if (at) return xml.slice(0, at.start) + text + xml.slice(at.start);
  }
  const end = xml.lastIndexOf("</workbook>");
  return xml.slice(0, end) + text + xml.slice(end);
};

/** workbook.xml with the model's sheets, defined names, active tab and a full recalculation on open. */
export const writeWorkbook = (xml: string, m: WorkbookModel): string => {
  const sheets = `<sheets>${m.sheets
    .map(
      (s) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${s.state !== "visible" ? ` state="${s.state}"` : ""} r:id="${escapeXml(s.rid)}"/>`
    )
    .join("")}</sheets>`;
  let out = replaceOrInsert(xml, "sheets", sheets, []);
  const index = new Map(m.sheets.map((s, i) => [s.name.toLowerCase(), i]));
  const names = m.definedNames
    .filter((d) => d.localSheet === undefined || index.has(d.localSheet.toLowerCase()))
    .map((d) => {
      const local =
        d.localSheet !== undefined ? ` localSheetId="${index.get(d.localSheet.toLowerCase())}"` : "";
      return `<definedName name="${escapeXml(d.name)}"${local}${d.rest}>${escapeXml(d.text)}</definedName>`;
    });
  out = replaceOrInsert(
    out,
    "definedNames",
    names.length ? `<definedNames>${names.join("")}</definedNames>` : "",
    ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "extLst"]
  );
  const visible = m.sheets.findIndex((s) => s.state === "visible");
  const active = m.sheets[m.activeTab]?.state === "visible" ? m.activeTab : Math.max(0, visible);
  const first = Math.max(0, Math.min(visible, active));
  const view = `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" firstSheet="${first}" activeTab="${active}"/></bookViews>`;
  out = replaceOrInsert(out, "bookViews", view, ["sheets"]);
  const calc = tagPattern("calcPr", "").exec(out)?.[0];
  if (calc) {
    const fixed = /\sfullCalcOnLoad="[^"]*"/.test(calc)
      ? calc.replace(/\sfullCalcOnLoad="[^"]*"/, ` fullCalcOnLoad="1"`)
      : calc.replace(/\s*(\/?)>$/, ` fullCalcOnLoad="1"$1>`);
    out = out.replace(calc, fixed);
  } else {
    out = replaceOrInsert(out, "calcPr", `<calcPr calcId="191029" fullCalcOnLoad="1"/>`, [
      "oleSize",
      "customWorkbookViews",
      "pivotCaches",
      "extLst",
    ]);
  }
  return out;
};

// ------------------------------------------------------------------------------------ content types

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export const parseContentTypes = (xml: string | undefined): ContentTypes => {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of (xml ?? "").matchAll(tagPattern("Default|Override"))) {
    const a = attributes(m[0]);
    if (m[1] === "Default" && a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType ?? "");
    if (m[1] === "Override" && a.PartName) overrides.set(a.PartName.replace(/^\//, ""), a.ContentType ?? "");
  }
  if (!defaults.has("rels")) defaults.set("rels", "application/vnd.openxmlformats-package.relationships+xml");
  if (!defaults.has("xml")) defaults.set("xml", "application/xml");
  return { defaults, overrides };
};

export const contentTypesXml = (ct: ContentTypes): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  [...ct.defaults]
    .map(([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`)
    .join("") +
  [...ct.overrides]
    .map(([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`)
    .join("") +
  `</Types>`;
