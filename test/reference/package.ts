/**
 * Fix-ups on an .xlsx package before ExcelJS reads it. LibreOffice writes booleans as "true"/"false",
 * which the schema allows but ExcelJS reads as false in several places (sheet protection, fit to page,
 * tab selection); rewriting them as "1"/"0" keeps protection and print setup through a re-save.
 */
import JSZip from "jszip";

const PARTS = /^xl\/(workbook\.xml|worksheets\/[^/]+\.xml|tables\/[^/]+\.xml)$/;

export const normalisePackage = async (bytes: Uint8Array): Promise<{ bytes: Uint8Array; zip: JSZip }> => {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const path of Object.keys(zip.files)) {
    if (!PARTS.test(path)) continue;
    const xml = await zip.file(path)!.async("string");
    if (!/="(true|false)"/.test(xml)) continue;
    // Only inside start tags: attribute values, never cell text.
    const fixed = xml.replace(/<[A-Za-z][^<>]*>/g, (tag) =>
      tag.replace(/="true"/g, '="1"').replace(/="false"/g, '="0"')
    );
    if (fixed !== xml) {
      zip.file(path, fixed);
      changed = true;
    }
  }
  if (!changed) return { bytes, zip };
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), zip };
};
