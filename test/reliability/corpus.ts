/**
 * The corpus's starting point: a real council workbook and member books made by the project's own use
 * cases (setUpSession, exportMemberBooks), then filled at the XML level with valid scores (as Excel would
 * store them), so every bad-input case is one edit away from a book that checks clean.
 */
import { exportMemberBooks } from "../../src/app/memberBook";
import { readWorkbook } from "../../src/app/readWorkbook";
import { setUpSession } from "../../src/app/setUpSession";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { Catalogue } from "../../src/ocop/criteria/types";
import type { Session } from "../../src/ocop/session";
import { normaliseCode } from "../../src/ocop/text";
import { ExcelJsHost } from "../reference/exceljsHost";
import { scoreSheetName } from "../../src/layout/names";
import type { CellValue } from "../../src/layout/plan";
import { planScoreSheet } from "../../src/layout/scoreSheet";
import { generateScores, generateSession } from "../../src/sim/generate";
import { XlsxPackage, addr } from "./xlsxXml";

export const EDITION = "qd148-2023";
export const PASSWORD = "hoidong-2023";

/** Where things are on one member's score sheet, from the plan the sheet was written from. */
export interface SheetLayout {
  sheet: string;
  /** `${product}|${criterion}` → A1 address of the score cell. */
  cells: Map<string, string>;
  /** `${form}|${criterion}` → 1-based row of the criterion. */
  criterionRows: Map<string, number>;
  /** product code → 0-based column. */
  productCols: Map<string, number>;
  /** form code → 1-based row of the block marker and of the hidden product-code row. */
  blockRows: Map<string, number>;
  colsRows: Map<string, number>;
}

export interface Corpus {
  catalogue: Catalogue;
  /** The session as read back from the council workbook (member codes in canonical form, e.g. "TV-ÁNH"). */
  session: Session;
  /** The session as the secretariat typed it (member code "TV-Ánh"). */
  typed: Session;
  /** Council workbook as `setUpSession` wrote it (score sheets empty). */
  council: Uint8Array;
  /** Member books as `exportMemberBooks` wrote them (empty). */
  books: Map<string, Uint8Array>;
  /** The valid score each member gives: member → `${product}|${criterion}` → points. */
  scores: Map<string, Map<string, number>>;
  layouts: Map<string, SheetLayout>;
}

export const key = (product: string, criterion: string): string =>
  `${normaliseCode(product)}|${normaliseCode(criterion)}`;

/**
 * Three members (one whose code carries Vietnamese diacritics), three products on two forms, and text
 * fields that start with = + - @, as secretariats paste them from other documents.
 */
export const corpusSession = (catalogue: Catalogue): Session => {
  const base = generateSession({ products: 3, members: 3, catalogue, seed: 2023, forms: ["01", "01", "02"] });
  const [p1, p2, p3] = base.products as [
    Session["products"][number],
    Session["products"][number],
    Session["products"][number],
  ];
  const [m1, m2, m3] = base.members as [
    Session["members"][number],
    Session["members"][number],
    Session["members"][number],
  ];
  return {
    ...base,
    id: "reliability-corpus-0001",
    council: { ...base.council, name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Bến Tre" },
    products: [
      { ...p1, name: "=Gạo ST25 Sóc Trăng", owner: "+84 HTX Nông nghiệp Tân Hưng" },
      { ...p2, name: "Khô cá lóc", owner: "@HTX Thủy sản", commune: "-Mỹ Thạnh" },
      { ...p3, name: "Nước mắm cá cơm (đóng chai)" },
    ],
    members: [
      { ...m1, name: "Nguyễn Thị Ánh", title: "=Phó Chủ tịch UBND tỉnh" },
      { ...m2, name: "Trần Văn Ơn" },
      { ...m3, code: "TV-Ánh", name: "Lê Ngọc Ánh" },
    ],
  };
};

/** Reads positions off the plan of a member's sheet (the plan is what the use cases wrote). */
export const layoutOf = (session: Session, catalogue: Catalogue, memberCode: string): SheetLayout => {
  const member = session.members.find((m) => m.code === memberCode)!;
  const plan = planScoreSheet({ session, catalogue, member });
  const at = new Map<string, CellValue>();
  for (const c of plan.cells) at.set(`${c.row},${c.col}`, c.value ?? null);
  const rows = Math.max(...plan.cells.map((c) => c.row)) + 1;
  const layout: SheetLayout = {
    sheet: plan.name,
    cells: new Map(),
    criterionRows: new Map(),
    productCols: new Map(),
    blockRows: new Map(),
    colsRows: new Map(),
  };
  let form = "";
  let cols: { col: number; product: string }[] = [];
  for (let r = 0; r < rows; r++) {
    const tag = at.get(`${r},0`);
    if (typeof tag !== "string") continue;
    if (tag.startsWith("#block:")) {
      form = tag.slice(7);
      layout.blockRows.set(form, r + 1);
    } else if (tag === "#cols") {
      layout.colsRows.set(form, r + 1);
      cols = [];
      for (let c = 1; c < 40; c++) {
        const v = at.get(`${r},${c}`);
        if (typeof v === "string" && v) {
          cols.push({ col: c, product: v });
          layout.productCols.set(normaliseCode(v), c);
        }
      }
    } else if (tag.startsWith("c:")) {
      const criterion = tag.slice(2);
      layout.criterionRows.set(`${form}|${normaliseCode(criterion)}`, r + 1);
      for (const { col, product } of cols) layout.cells.set(key(product, criterion), addr(r, col));
    }
  }
  return layout;
};

let cached: Promise<Corpus> | null = null;

/** Built once per test file (setUpSession and the books take a second or two). */
export const buildCorpus = (): Promise<Corpus> => {
  cached ??= (async () => {
    const catalogue = await loadEdition(EDITION);
    const typed = corpusSession(catalogue);
    const host = ExcelJsHost.createEmpty({ fileName: "hoi-dong.xlsx" });
    const setup = await setUpSession(host, {
      session: typed,
      catalogue,
      password: PASSWORD,
      now: new Date("2023-06-15T08:00:00Z"),
    });
    if (setup.findings.length) throw new Error(`setUpSession: ${JSON.stringify(setup.findings)}`);
    const council = await host.toBuffer();
    // The session as the use cases see it from now on: read back from the workbook (codes canonical).
    const read = await readWorkbook(await ExcelJsHost.fromBuffer(council));
    if (!read.session) throw new Error(`readWorkbook: ${JSON.stringify(read.findings)}`);
    const session = read.session;
    const targets = new Map<string, ExcelJsHost>();
    const exported = await exportMemberBooks(
      await ExcelJsHost.fromBuffer(council),
      (m) => {
        const h = ExcelJsHost.createEmpty();
        targets.set(m.code, h);
        return h;
      },
      { password: PASSWORD, now: new Date("2023-06-15T08:00:00Z") }
    );
    if (exported.findings.some((f) => f.severity === "error"))
      throw new Error(`books: ${JSON.stringify(exported.findings)}`);
    const books = new Map<string, Uint8Array>();
    for (const [code, h] of targets) books.set(code, await h.toBuffer());
    const scores = new Map<string, Map<string, number>>();
    for (const s of generateScores(session, catalogue, {
      seed: 7,
      pattern: ["typical", "harsh", "lenient"],
    })) {
      scores.set(
        s.member,
        new Map(s.entries.map((e) => [key(e.product, e.criterion), e.raw.value as number]))
      );
    }
    const layouts = new Map(session.members.map((m) => [m.code, layoutOf(session, catalogue, m.code)]));
    return { catalogue, session, typed, council, books, scores, layouts };
  })();
  return cached;
};

/** Writes a member's valid scores into the sheet `sheet` of a package, as plain numbers (what Excel stores). */
export const fillSheet = async (
  pkg: XlsxPackage,
  c: Corpus,
  member: string,
  sheet = scoreSheetName(member)
): Promise<void> => {
  const layout = c.layouts.get(member)!;
  const scores = c.scores.get(member)!;
  await pkg.editSheet(sheet, (xml) => {
    let out = xml;
    for (const [k, a] of layout.cells) {
      const v = scores.get(k)!;
      out = out.replace(
        new RegExp(`<c r="${a}"((?:\\s[^>]*?)?)(?:/>|>[\\s\\S]*?</c>)`),
        (_, attrs: string) => {
          const style = /\bs="\d+"/.exec(attrs)?.[0];
          return `<c r="${a}"${style ? ` ${style}` : ""}><v>${v}</v></c>`;
        }
      );
    }
    return out;
  });
};

/** A member's book, filled with valid scores. */
export const filledBook = async (c: Corpus, member: string): Promise<Uint8Array> => {
  const pkg = await XlsxPackage.load(c.books.get(member)!);
  await fillSheet(pkg, c, member);
  return pkg.save();
};

/** The council workbook with every member's sheet filled (members typed into the shared workbook). */
export const filledCouncil = async (
  c: Corpus,
  members = c.session.members.map((m) => m.code)
): Promise<Uint8Array> => {
  const pkg = await XlsxPackage.load(c.council);
  for (const m of members) await fillSheet(pkg, c, m);
  return pkg.save();
};

/** The first product, criterion and cell of a member's sheet in a given form (for aiming edits). */
export const firstCell = (
  c: Corpus,
  member: string,
  form = "01"
): { product: string; criterion: string; cell: string; value: number } => {
  const layout = c.layouts.get(member)!;
  const product = c.session.products.find((p) => p.form === form)!.code;
  const [criterionKey] = [...layout.criterionRows.keys()].filter((k) => k.startsWith(`${form}|`));
  const criterion = criterionKey!.split("|")[1]!;
  return {
    product,
    criterion,
    cell: layout.cells.get(key(product, criterion))!,
    value: c.scores.get(member)!.get(key(product, criterion))!,
  };
};
