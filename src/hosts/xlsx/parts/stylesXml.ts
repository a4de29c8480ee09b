/**
 * The palette (layout/palette.ts) in a package's styles.xml. The existing styles are kept as they are (cells
 * the add-in does not rewrite still point at them). A look the new sheets need reuses an equal font, fill,
 * border or cell format already in the part (so writing the same sheets again adds nothing); only a look the
 * part lacks is appended, and the part is written back when the package is saved.
 */
import type { StyleName } from "../../../layout/plan";
import { BORDER_COLOR, PALETTE, type CellLook } from "../../../layout/palette";
import { attribute, element, elements, escapeXml, isTrue, startTag } from "./xml";

/** Number formats Excel knows by id; anything else gets an id from 164 up. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const rgb = (c: string): string => `FF${escapeXml(c)}`;

const fontXml = (l: CellLook): string =>
  `<font>${l.bold ? "<b/>" : ""}${l.italic ? "<i/>" : ""}<sz val="${l.size ?? 11}"/>${l.color ? `<color rgb="${rgb(l.color)}"/>` : ""}<name val="${l.font ?? "Calibri"}"/>${l.font ? "" : `<family val="2"/>`}</font>`;

const fillXml = (fill: string): string =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${rgb(fill)}"/><bgColor indexed="64"/></patternFill></fill>`;

const BORDER_XML = (() => {
  const side = (tag: string) => `<${tag} style="thin"><color rgb="${rgb(BORDER_COLOR)}"/></${tag}>`;
  return `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`;
})();

const alignmentXml = (l: CellLook): string => {
  const attrs = [
    l.horizontal ? ` horizontal="${l.horizontal}"` : "",
    l.vertical ? ` vertical="${l.vertical}"` : "",
    l.wrap ? ` wrapText="1"` : "",
  ].join("");
  return attrs ? `<alignment${attrs}/>` : "";
};

/** The same element however it was spaced, so an equal look already in the part is found. */
const canonical = (xml: string): string => xml.replace(/>\s+</g, "><").trim();

interface Collection {
  /** Entries of the part as it was. */
  count: number;
  added: string[];
  index: Map<string, number>;
}

/** The entries a part already has, indexed by their text (the first of equal ones wins). */
const collection = (xml: string, tag: string, item: string): Collection => {
  const el = element(xml, tag);
  const items = el ? elements(el.text, item) : [];
  const index = new Map<string, number>();
  items.forEach((text, i) => {
    const key = canonical(text);
    if (!index.has(key)) index.set(key, i);
  });
  return { count: items.length, added: [], index };
};

const intern = (c: Collection, xml: string): number => {
  let i = c.index.get(canonical(xml));
  if (i === undefined) {
    i = c.count + c.added.length;
    c.added.push(xml);
    c.index.set(canonical(xml), i);
  }
  return i;
};

export class StyleBook {
  private readonly fonts: Collection;
  private readonly fills: Collection;
  private readonly borders: Collection;
  private readonly xfs: Collection;
  private readonly numFmts = new Map<string, number>();
  private readonly newNumFmts: { id: number; code: string }[] = [];
  private nextNumFmt = 164;
  /** cellXfs indexes that leave the cell unlocked (protection locked="0"). */
  private readonly unlockedXfs = new Set<number>();
  private readonly byKey = new Map<string, number>();

  constructor(private readonly original: string) {
    this.fonts = collection(original, "fonts", "font");
    this.fills = collection(original, "fills", "fill");
    this.borders = collection(original, "borders", "border");
    this.xfs = collection(original, "cellXfs", "xf");
    const numFmts = element(original, "numFmts");
    for (const f of numFmts ? elements(numFmts.text, "numFmt") : []) {
      const id = Number(attribute(f, "numFmtId"));
      const code = attribute(f, "formatCode");
      if (code !== undefined && Number.isFinite(id)) {
        if (!this.numFmts.has(code)) this.numFmts.set(code, id);
        this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
      }
    }
    const cellXfs = element(original, "cellXfs");
    (cellXfs ? elements(cellXfs.text, "xf") : []).forEach((xf, i) => {
      const p = /<protection\b[^>]*>/.exec(xf)?.[0];
      const locked = p ? attribute(p, "locked") : undefined;
      if (locked !== undefined && !isTrue(locked)) this.unlockedXfs.add(i);
    });
  }

  /** Whether a cell with this style index is locked once the sheet is protected (Excel's default: yes). */
  isLocked(xf: number | undefined): boolean {
    return !this.unlockedXfs.has(xf ?? 0);
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
      this.newNumFmts.push({ id, code });
    }
    return id;
  }

  /** The cellXfs index for a palette look (or none), a number format and a lock. */
  xf(name: StyleName | undefined, numFmt: string | undefined, unlocked: boolean): number {
    const key = `${name ?? ""}|${numFmt ?? ""}|${unlocked ? "u" : ""}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const look: CellLook = name ? PALETTE[name] : {};
    const plainFont = !look.bold && !look.italic && !look.color && look.size === undefined;
    const fontId = plainFont ? 0 : intern(this.fonts, fontXml(look));
    const fillId = look.fill ? intern(this.fills, fillXml(look.fill)) : 0;
    const borderId = look.border ? intern(this.borders, BORDER_XML) : 0;
    const numFmtId = this.numFmtId(numFmt ?? look.numberFormat);
    const align = alignmentXml(look);
    const applies = [
      numFmtId ? ` applyNumberFormat="1"` : "",
      fontId ? ` applyFont="1"` : "",
      fillId ? ` applyFill="1"` : "",
      borderId ? ` applyBorder="1"` : "",
      align ? ` applyAlignment="1"` : "",
      unlocked ? ` applyProtection="1"` : "",
    ].join("");
    const body = `${align}${unlocked ? `<protection locked="0"/>` : ""}`;
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${body ? `>${body}</xf>` : "/>"}`;
    const index = intern(this.xfs, xml);
    if (unlocked) this.unlockedXfs.add(index);
    this.byKey.set(key, index);
    return index;
  }

  get changed(): boolean {
    return (
      this.newNumFmts.length +
        this.fonts.added.length +
        this.fills.added.length +
        this.borders.added.length +
        this.xfs.added.length >
      0
    );
  }

  /** styles.xml with the appended looks. */
  toXml(): string {
    let xml = this.original;
    const append = (tag: string, c: Collection | null, items: string[]): void => {
      if (!items.length) return;
      const el = element(xml, tag);
      const total = (c?.count ?? 0) + items.length;
      if (!el || el.text.endsWith("/>")) {
        const open = el ? startTag(el.text).replace(/\/>$/, ">") : `<${tag}>`;
        const replacement = `${open.replace(/\scount="\d*"/, "").replace(/>$/, ` count="${total}">`)}${items.join("")}</${tag}>`;
        xml = el
          ? xml.slice(0, el.start) + replacement + xml.slice(el.end)
          : insertInOrder(xml, tag, replacement);
        return;
      }
      const open = startTag(el.text);
      const counted = /\scount="\d*"/.test(open)
        ? open.replace(/\scount="\d*"/, ` count="${total}"`)
        : open.replace(/>$/, ` count="${total}">`);
      const inner = el.text.slice(open.length, el.text.length - `</${tag}>`.length);
      xml = `${xml.slice(0, el.start)}${counted}${inner}${items.join("")}</${tag}>${xml.slice(el.end)}`;
    };
    const existingNumFmts = element(xml, "numFmts");
    const numFmtCount = existingNumFmts ? elements(existingNumFmts.text, "numFmt").length : 0;
    append(
      "numFmts",
      { count: numFmtCount, added: [], index: new Map() },
      this.newNumFmts.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code)}"/>`)
    );
    append("fonts", this.fonts, this.fonts.added);
    append("fills", this.fills, this.fills.added);
    append("borders", this.borders, this.borders.added);
    append("cellXfs", this.xfs, this.xfs.added);
    return xml;
  }
}

/** styleSheet's children in schema order, to place one that the part lacks. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"];
const insertInOrder = (xml: string, tag: string, text: string): string => {
  for (const next of ORDER.slice(ORDER.indexOf(tag) + 1)) {
    const el = element(xml, next);
    if (el) return xml.slice(0, el.start) + text + xml.slice(el.start);
  }
  const end = xml.lastIndexOf("</styleSheet>");
  return xml.slice(0, end) + text + xml.slice(end);
};

/** A styles.xml for a new package: the defaults Excel expects at index 0 of each list. */
export const EMPTY_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
  `</styleSheet>`;
