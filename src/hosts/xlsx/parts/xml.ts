/**
 * The little XML the parts reader and writer need. SpreadsheetML parts are machine-written and flat, so
 * start tags are matched with regular expressions instead of building a DOM (a province sheet is ~600 KB
 * of XML; a DOM of it costs more than everything else the command does with it).
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * The index of the ">" that ends the tag starting at `from`. XML allows a raw ">" inside a quoted
 * attribute value (a sheet named "Điểm > 50" may be written so), so quotes are skipped over.
 */
export const tagEnd = (xml: string, from: number): number => {
  for (let i = from; i < xml.length; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62) return i; // >
    if (ch === 34 || ch === 39) {
      const close = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
};

/** A start tag's body after its name: anything but ">", with quoted values (which may hold ">") whole. */
const TAG_BODY = `(?:[^>"']|"[^"]*"|'[^']*')*`;

/** Matches whole start (or empty) tags named `name` (a regular-expression alternative), any prefix. */
export const tagPattern = (name: string, flags = "g"): RegExp =>
  new RegExp(`<(?:\\w+:)?(${name})\\b${TAG_BODY}>`, flags);

/** Whether XML 1.0 allows a character reference to this code point (Char production). */
const xmlChar = (cp: number): boolean =>
  cp === 9 ||
  cp === 10 ||
  cp === 13 ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);

/** The code point a numeric reference stands for, or -1 when XML does not allow it (e.g. &#x110000;). */
const refCodePoint = (hex: string | undefined, dec: string | undefined): number => {
  const digits = hex ?? dec!;
  if (digits.length > 8) return -1; // beyond any code point, and beyond what parseInt keeps exact
  const cp = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
  return xmlChar(cp) ? cp : -1;
};

/** Text or attribute value as written in XML → the string it stands for; a bad reference reads U+FFFD. */
export const decodeXml = (s: string): string =>
  s.indexOf("&") < 0
    ? s
    : s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
        if (named) return NAMED[named]!;
        const cp = refCodePoint(hex, dec);
        return cp < 0 ? "\ufffd" : String.fromCodePoint(cp);
      });

/** The first numeric character reference in raw XML text that stands for no allowed character, or null. */
export const badCharRef = (s: string): string | null => {
  if (s.indexOf("&#") < 0) return null;
  for (const m of s.matchAll(ENTITY)) if (!m[3] && refCodePoint(m[1], m[2]) < 0) return m[0];
  return null;
};

/** Characters XML 1.0 does not allow at all (a pasted control character would make Excel refuse the file). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** A string → XML text, safe inside elements and double-quoted attributes. */
export const escapeXml = (s: string): string =>
  s
    .replace(INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag (or of the text between its name and ">"), decoded. */
export const attributes = (tag: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTR)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
};

/** One attribute of a start tag, or undefined. Cheaper than `attributes` when one is wanted. */
export const attribute = (tag: string, name: string): string | undefined => {
  const at = tag.indexOf(` ${name}=`);
  const i = at >= 0 ? at : tag.search(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=`));
  if (i < 0) return undefined;
  const eq = tag.indexOf("=", i);
  let q = eq + 1;
  while (tag[q] === " ") q++;
  const quote = tag[q];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = tag.indexOf(quote, q + 1);
  return end < 0 ? undefined : decodeXml(tag.slice(q + 1, end));
};

/** "1", "true" (LibreOffice) and "on" all mean true in the schema's boolean. */
export const isTrue = (v: string | undefined): boolean => v === "1" || v === "true" || v === "on";

/** The first element `<name …>…</name>` (or `<name …/>`) of a part, as text; null when absent. */
export const element = (
  xml: string,
  name: string,
  from = 0
): { text: string; start: number; end: number } | null => {
  const re = new RegExp(`<${name}(?=[\\s/>])`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  const close = tagEnd(xml, start);
  if (close < 0) return null;
  if (xml[close - 1] === "/") return { text: xml.slice(start, close + 1), start, end: close + 1 };
  const endTag = `</${name}>`;
  const e = xml.indexOf(endTag, close);
  if (e < 0) return null;
  return { text: xml.slice(start, e + endTag.length), start, end: e + endTag.length };
};

/** Every element `<name …>…</name>` or `<name …/>` (not nested in itself), in order. */
export const elements = (xml: string, name: string): string[] => {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const e = element(xml, name, from);
    if (!e) return out;
    out.push(e.text);
    from = e.end;
  }
};

/** The start tag of an element's text ("<c r=\"A1\" s=\"2\">"). */
export const startTag = (el: string): string => el.slice(0, tagEnd(el, 0) + 1);

/** The text inside `<name>…</name>` runs of an element (e.g. every <t> of a rich string), joined. */
export const innerTexts = (xml: string, name: string): string => {
  let out = "";
  const re = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, "g");
  for (const m of xml.matchAll(re)) out += decodeXml(m[1]!);
  return out;
};
