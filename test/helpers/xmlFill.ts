/**
 * Types values into cells of an .xlsx the way another program would: straight into the sheet's XML
 * through jszip, without ExcelJS (the library the host uses), so the round trip tests the real file format.
 */
import JSZip from "jszip";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const sheetPath = async (zip: JSZip, sheet: string): Promise<string> => {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const tag = [...wb.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${esc(sheet)}"`));
  const rid = tag && /r:id="([^"]+)"/.exec(tag)?.[1];
  const rel =
    rid &&
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid}"`));
  const target = rel && /Target="([^"]+)"/.exec(rel)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
};

/** Sets each cell (which must already exist in the sheet, as score cells do) to a number, a text, or empty. */
export const fillCells = async (
  bytes: Uint8Array,
  sheet: string,
  values: ReadonlyMap<string, number | string | null>
): Promise<Uint8Array> => {
  const zip = await JSZip.loadAsync(bytes);
  const path = await sheetPath(zip, sheet);
  let xml = await zip.file(path)!.async("string");
  const done = new Set<string>();
  xml = xml.replace(
    /<c r="([A-Z]+\d+)"([^>]*?)(\/>|>[\s\S]*?<\/c>)/g,
    (whole, ref: string, attrs: string) => {
      if (!values.has(ref)) return whole;
      done.add(ref);
      const style = /\ss="\d+"/.exec(attrs)?.[0] ?? "";
      const v = values.get(ref);
      if (v === null || v === undefined) return `<c r="${ref}"${style}/>`;
      if (typeof v === "number") return `<c r="${ref}"${style}><v>${v}</v></c>`;
      return `<c r="${ref}"${style} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    }
  );
  const missing = [...values.keys()].filter((k) => !done.has(k));
  if (missing.length) throw new Error(`cells not in the sheet: ${missing.slice(0, 5).join(", ")}`);
  zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
};

/** The text of a sheet's XML part, for asserting what was written. */
export const sheetXml = async (bytes: Uint8Array, sheet: string): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(await sheetPath(zip, sheet))!.async("string");
};

export const partText = async (bytes: Uint8Array, path: string): Promise<string | null> => {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file(path)?.async("string")) ?? null;
};

export const partNames = async (bytes: Uint8Array): Promise<string[]> =>
  Object.keys((await JSZip.loadAsync(bytes)).files);
