/**
 * The setup sheets in Vietnamese: "Phiên" (council and settings), "Sản phẩm" and "Thành viên" (Excel
 * tables people type or paste into). Planned from a Session and parsed back into one, with a finding
 * (what, which cell, how to fix) for every row that cannot be used.
 */
import { levelsOf } from "../ocop/process";
import { DOSSIER_TYPES, DOSSIER_WORDS, type Dossier, type DossierType } from "../ocop/dossier";
import { CODES } from "../ocop/codes";
import type { Finding, Where } from "../ocop/findings";
import type { Council, CouncilSettings, Member, Product, Session } from "../ocop/session";
import { DEFAULT_SETTINGS } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import { normaliseFormCode } from "../ocop/criteria/catalogue";
import { cellAddress } from "./a1";
import { FORMAT, cellText, put, range, widths } from "./build";
import { LAYOUT_CODES } from "./codes";
import { codeCharFinding } from "./codeCheck";
import {
  LEVEL_LABEL,
  MINIMUM_RULE_LABEL,
  NO,
  ROLE_LABEL,
  TIE_BREAK_LABEL,
  YES,
  looseKey,
  readLevel,
  readMinimumRule,
  readRole,
  readTieBreak,
  readYesNo,
} from "./labels";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";
import { readTable, type FieldSpec, type TableRecord } from "./table";

// ---------------------------------------------------------------- products and members (tables)

export type ProductField =
  "code" | "name" | "owner" | "commune" | "group" | "set" | "form" | "excluded" | DossierField;
type DossierField =
  | "dossierType"
  | "currentStars"
  | "certificate"
  | "certificateExpiry"
  | "submitted"
  | "selfAssessed"
  | "communeReport";
export type MemberField = "code" | "name" | "title" | "role";

export const PRODUCT_FIELDS: readonly FieldSpec<ProductField>[] = [
  { key: "code", header: "Mã sản phẩm", aliases: ["Mã SP", "Mã", "code", "product code"], required: true },
  {
    key: "name",
    header: "Tên sản phẩm",
    aliases: ["Tên SP", "Sản phẩm", "name", "product", "product name"],
    required: true,
  },
  {
    key: "owner",
    header: "Chủ thể",
    aliases: ["Chủ thể sản xuất", "Chủ thể OCOP", "Chủ sở hữu", "Cơ sở sản xuất", "owner", "producer"],
    required: false,
  },
  {
    key: "commune",
    header: "Xã, phường",
    aliases: ["Xã", "Xã/phường", "Xã, phường, thị trấn", "Địa chỉ", "commune", "ward"],
    required: false,
  },
  { key: "group", header: "Nhóm sản phẩm", aliases: ["Nhóm", "group", "product group"], required: false },
  { key: "set", header: "Bộ sản phẩm", aliases: ["Bộ", "Phân nhóm", "set", "product set"], required: false },
  {
    key: "form",
    header: "Phiếu chấm",
    aliases: ["Phiếu", "Mẫu phiếu", "Biểu mẫu", "Phiếu số", "form", "scoring form"],
    required: true,
  },
  {
    key: "excluded",
    header: "Hồ sơ bị loại (lý do)",
    aliases: ["Hồ sơ bị loại", "Lý do loại", "excluded", "exclusion reason", "excluded reason"],
    required: false,
  },
  // Optional, after the columns older files have, so a headerless paste of eight columns still reads.
  {
    key: "dossierType",
    header: "Loại hồ sơ",
    aliases: ["Loại đánh giá", "Hồ sơ", "dossier", "dossier type"],
    required: false,
  },
  {
    key: "currentStars",
    header: "Hạng sao đang có",
    aliases: ["Hạng sao hiện có", "Sao hiện có", "Hạng hiện tại", "current stars"],
    required: false,
  },
  {
    key: "certificate",
    header: "Giấy chứng nhận đang có (số, ngày)",
    aliases: ["Giấy chứng nhận", "Số giấy chứng nhận", "Quyết định công nhận", "certificate"],
    required: false,
  },
  {
    key: "certificateExpiry",
    header: "Ngày hết hạn giấy chứng nhận",
    aliases: ["Ngày hết hạn", "Hết hạn", "certificate expiry", "expiry"],
    required: false,
  },
  {
    key: "submitted",
    header: "Ngày nộp hồ sơ",
    aliases: ["Ngày nộp", "Ngày tiếp nhận", "submitted", "submission date"],
    required: false,
  },
  {
    key: "selfAssessed",
    header: "Điểm tự đánh giá (Mẫu 02)",
    aliases: ["Điểm tự đánh giá", "Tự đánh giá", "self-assessed", "self assessment"],
    required: false,
  },
  {
    key: "communeReport",
    header: "Báo cáo của UBND xã (Mẫu 03)",
    aliases: ["Báo cáo của xã", "Báo cáo xã", "Mẫu 03", "commune report"],
    required: false,
  },
];

const readDossierType = (text: string): DossierType | null => {
  const key = looseKey(text);
  for (const t of DOSSIER_TYPES) {
    const w = DOSSIER_WORDS[t];
    if ([w.vi, w.en, ...w.aliases].some((a) => looseKey(a) === key)) return t;
  }
  return null;
};

/** The dossier columns of one row; a value that cannot be read is a finding at its cell. */
const dossierOf = (
  get: (k: DossierField) => string,
  at: (k: DossierField) => Where,
  code: string,
  findings: Finding[]
): Dossier | undefined => {
  const texts = (Object.keys(DOSSIER_LABELS) as DossierField[]).map(get);
  if (texts.every((t) => t === "")) return undefined;
  const invalid = (k: DossierField, allowed?: string[]) =>
    findings.push({
      code: LAYOUT_CODES.setupValueInvalid,
      severity: "error",
      where: { ...at(k), product: code },
      params: { field: DOSSIER_LABELS[k], value: get(k), allowed: allowed ?? null },
    });
  const typeText = get("dossierType");
  const type = typeText ? readDossierType(typeText) : "first";
  if (!type)
    invalid(
      "dossierType",
      DOSSIER_TYPES.map((t) => DOSSIER_WORDS[t].vi)
    );
  const starsText = get("currentStars").replace(/\s*sao$/iu, "");
  const stars = starsText === "" ? null : Number(starsText);
  if (stars !== null && stars !== 3 && stars !== 4 && stars !== 5) invalid("currentStars", ["3", "4", "5"]);
  const date = (k: DossierField): string | null => {
    if (get(k) === "") return null;
    const iso = readDate(get(k));
    if (iso === null || iso === "") invalid(k);
    return iso || null;
  };
  const certificateExpiry = date("certificateExpiry");
  const submitted = date("submitted");
  const selfText = get("selfAssessed").replace(",", ".");
  const self = selfText === "" ? null : Number(selfText);
  if (self !== null && !(Number.isFinite(self) && self >= 0 && self <= 100)) invalid("selfAssessed");
  return {
    type: type ?? "first",
    currentStars: stars === 3 || stars === 4 || stars === 5 ? stars : null,
    certificate: get("certificate"),
    certificateExpiry,
    submitted,
    selfAssessed: self !== null && Number.isFinite(self) && self >= 0 && self <= 100 ? self : null,
    communeReport: get("communeReport"),
  };
};

const DOSSIER_LABELS: Record<DossierField, string> = {
  dossierType: "Loại hồ sơ",
  currentStars: "Hạng sao đang có",
  certificate: "Giấy chứng nhận đang có (số, ngày)",
  certificateExpiry: "Ngày hết hạn giấy chứng nhận",
  submitted: "Ngày nộp hồ sơ",
  selfAssessed: "Điểm tự đánh giá (Mẫu 02)",
  communeReport: "Báo cáo của UBND xã (Mẫu 03)",
};

export const MEMBER_FIELDS: readonly FieldSpec<MemberField>[] = [
  { key: "code", header: "Mã thành viên", aliases: ["Mã TV", "Mã", "code", "member code"], required: true },
  { key: "name", header: "Họ và tên", aliases: ["Họ tên", "Tên", "name", "full name"], required: true },
  {
    key: "title",
    header: "Chức vụ, đơn vị",
    aliases: ["Chức vụ", "Chức danh", "Đơn vị", "title", "position"],
    required: false,
  },
  {
    key: "role",
    header: "Vai trò",
    aliases: ["Vai trò trong Hội đồng", "Nhiệm vụ", "role"],
    required: false,
  },
];

type Located = { file?: string; sheet?: string };

const missingColumns = (missing: string[], fields: readonly FieldSpec<string>[], where: Located): Finding[] =>
  missing.map((key) => ({
    code: LAYOUT_CODES.setupColumnMissing,
    severity: "error",
    where,
    params: { column: fields.find((f) => f.key === key)?.header ?? key },
  }));

/** A table row with a usable code, its name, and where its cells are, for the findings on the rest of the row. */
interface CodedRecord<K extends string> {
  rec: TableRecord<K | "code" | "name">;
  code: string;
  name: string;
  at: (key: K | "code" | "name") => Where;
}

/**
 * The rows of a products or members table that have a code not used by an earlier row; a row without a
 * code, or repeating one, becomes a finding instead (naming the first row with that code); a row without a
 * name is kept, with a finding. Lazy, so the caller's findings on a row come in row order with these.
 */
function* codedRecords<K extends string>(
  records: readonly TableRecord<K | "code" | "name">[],
  where: Located,
  who: "product" | "member",
  findings: Finding[]
): Generator<CodedRecord<K>> {
  const seen = new Map<string, string>();
  for (const rec of records) {
    const at = (key: K | "code" | "name"): Where => ({
      ...where,
      cell: cellAddress(rec.row, Math.max(0, rec.col(key))),
    });
    const invisible = codeCharFinding(rec.get("code"), at("code"), rec.row);
    if (invisible) {
      findings.push(invisible);
      continue;
    }
    const code = normaliseCode(rec.get("code"));
    if (!code) {
      findings.push({
        code: LAYOUT_CODES.setupCodeMissing,
        severity: "error",
        where: at("code"),
        params: { row: rec.row + 1 },
      });
      continue;
    }
    const first = seen.get(code);
    if (first) {
      findings.push({
        code: who === "product" ? CODES.productDuplicate : CODES.memberDuplicate,
        severity: "error",
        where: { ...at("code"), [who]: code },
        params: { code, first },
      });
      continue;
    }
    seen.set(code, cellAddress(rec.row, rec.col("code")));
    const name = rec.get("name");
    if (!name) {
      findings.push({
        code: LAYOUT_CODES.setupNameMissing,
        severity: "error",
        where: { ...at("name"), [who]: code },
        params: { code },
      });
    }
    yield { rec, code, name, at };
  }
}

export const productsFromRows = (
  rows: CellValue[][],
  where: Located
): { products: Product[]; findings: Finding[] } => {
  const t = readTable(rows, PRODUCT_FIELDS);
  const findings = missingColumns(t.missing, PRODUCT_FIELDS, where);
  const products: Product[] = [];
  for (const { rec, code, name, at } of codedRecords(t.records, where, "product", findings)) {
    const formText = rec.get("form");
    const form = formText ? normaliseFormCode(formText) : "";
    if (!form && t.missing.length === 0) {
      findings.push({
        code: LAYOUT_CODES.setupFormMissing,
        severity: "error",
        where: { ...at("form"), product: code },
        params: { code },
      });
    }
    const reason = rec.get("excluded");
    const dossier = dossierOf(rec.get, at, code, findings);
    products.push({
      code,
      name,
      owner: rec.get("owner"),
      commune: rec.get("commune"),
      group: rec.get("group"),
      set: rec.get("set"),
      form,
      excluded: reason ? { reason } : null,
      ...(dossier ? { dossier } : {}),
    });
  }
  return { products, findings };
};

export const membersFromRows = (
  rows: CellValue[][],
  where: Located
): { members: Member[]; findings: Finding[] } => {
  const t = readTable(rows, MEMBER_FIELDS);
  const findings = missingColumns(t.missing, MEMBER_FIELDS, where);
  const members: Member[] = [];
  for (const { rec, code, name, at } of codedRecords(t.records, where, "member", findings)) {
    const roleText = rec.get("role");
    const role = roleText ? readRole(roleText) : "member";
    if (!role) {
      findings.push({
        code: LAYOUT_CODES.setupRoleUnknown,
        severity: "warning",
        where: { ...at("role"), member: code },
        params: { value: roleText, allowed: Object.values(ROLE_LABEL) },
      });
    }
    members.push({ code, name, title: rec.get("title"), role: role ?? "member" });
  }
  return { members, findings };
};

const TITLE_ROWS = 2;

const planTableSheet = <K extends string>(
  name: string,
  kind: "products" | "members",
  title: string,
  hint: string,
  tableName: string,
  fields: readonly FieldSpec<K>[],
  rows: Record<K, string>[],
  colWidths: number[]
): SheetPlan => {
  const plan = emptyPlan(name, kind);
  put(plan, 0, 0, title, "title");
  put(plan, 1, 0, hint, "muted");
  fields.forEach((f, c) => put(plan, TITLE_ROWS, c, f.header, "header"));
  // A table needs one data row; an empty one invites typing.
  const body = rows.length ? rows : [null];
  body.forEach((rec, i) =>
    fields.forEach((f, c) =>
      put(plan, TITLE_ROWS + 1 + i, c, rec ? rec[f.key] : null, "text", { numberFormat: FORMAT.text })
    )
  );
  plan.tables.push({ name: tableName, range: range(TITLE_ROWS, 0, body.length + 1, fields.length) });
  widths(plan, colWidths);
  plan.freeze = { rows: TITLE_ROWS + 1, cols: 1 };
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    repeatRows: { first: TITLE_ROWS, last: TITLE_ROWS },
    footer: "Trang &P/&N",
  };
  return plan;
};

export const planProductsSheet = (session: Session, formCodes: string[]): SheetPlan => {
  const rows = session.products.map((p) => ({
    code: p.code,
    name: p.name,
    owner: p.owner,
    commune: p.commune,
    group: p.group,
    set: p.set,
    form: p.form,
    excluded: p.excluded?.reason ?? "",
    ...dossierCells(p.dossier),
  }));
  const plan = planTableSheet(
    SHEETS.products,
    "products",
    "DANH SÁCH SẢN PHẨM ĐĂNG KÝ ĐÁNH GIÁ, PHÂN HẠNG",
    'Mỗi dòng một sản phẩm. Cột "Phiếu chấm" là số phiếu trong bộ tiêu chí (01, 02, …). Ghi lý do vào cột "Hồ sơ bị loại" nếu hồ sơ bị loại. Các cột sau đó (loại hồ sơ, hạng sao đang có, điểm tự đánh giá…) không bắt buộc.',
    "SanPham",
    PRODUCT_FIELDS,
    rows,
    [14, 36, 30, 18, 24, 24, 11, 28, 13, 10, 26, 14, 13, 12, 26]
  );
  const formCol = PRODUCT_FIELDS.findIndex((f) => f.key === "form");
  const list = formCodes.join(",");
  // Leave room for rows added later; a longer list than Excel allows is simply not offered.
  if (formCodes.length && list.length <= 255) {
    plan.validations.push({
      range: range(TITLE_ROWS + 1, formCol, Math.max(rows.length, 1) + 200, 1),
      list: formCodes,
      error: { title: "Phiếu chấm", message: "Chọn số phiếu có trong bộ tiêu chí." },
    });
  }
  return plan;
};

/** A dossier as the products table shows it (dates dd/mm/yyyy, as typed back). */
const dossierCells = (d: Dossier | undefined): Record<DossierField, string> => ({
  dossierType: d ? DOSSIER_WORDS[d.type].vi : "",
  currentStars: d?.currentStars ? String(d.currentStars) : "",
  certificate: d?.certificate ?? "",
  certificateExpiry: d?.certificateExpiry ? isoToVn(d.certificateExpiry) : "",
  submitted: d?.submitted ? isoToVn(d.submitted) : "",
  selfAssessed: d?.selfAssessed === null || d?.selfAssessed === undefined ? "" : String(d.selfAssessed),
  communeReport: d?.communeReport ?? "",
});

export const planMembersSheet = (session: Session): SheetPlan => {
  const rows = session.members.map((m) => ({
    code: m.code,
    name: m.name,
    title: m.title,
    role: ROLE_LABEL[m.role],
  }));
  const plan = planTableSheet(
    SHEETS.members,
    "members",
    "DANH SÁCH THÀNH VIÊN HỘI ĐỒNG",
    "Mỗi dòng một thành viên; mỗi thành viên có một phiếu chấm riêng.",
    "ThanhVien",
    MEMBER_FIELDS,
    rows,
    [14, 30, 36, 24]
  );
  const roleCol = MEMBER_FIELDS.findIndex((f) => f.key === "role");
  plan.validations.push({
    range: range(TITLE_ROWS + 1, roleCol, Math.max(rows.length, 1) + 50, 1),
    list: Object.values(ROLE_LABEL),
  });
  return plan;
};

// ---------------------------------------------------------------- the session sheet (key/value)

type SessionKey =
  | "name"
  | "level"
  | "year"
  | "place"
  | "date"
  | "edition"
  | "spreadThreshold"
  | "quorum"
  | "displayDecimals"
  | "tieBreak"
  | "minimumLevelRule"
  | "dropExtremes"
  | "chairMustScore"
  | "discussMinimumSplit"
  | "sessionId";

const SESSION_LABELS: Record<SessionKey, string> = {
  name: "Tên Hội đồng",
  level: "Cấp đánh giá",
  year: "Năm đánh giá",
  place: "Địa điểm họp",
  date: "Ngày họp (ngày/tháng/năm)",
  edition: "Bộ tiêu chí áp dụng",
  spreadThreshold: "Chênh lệch tổng điểm tối đa giữa các thành viên",
  quorum: "Tỷ lệ thành viên tối thiểu phải chấm",
  displayDecimals: "Số chữ số thập phân khi hiển thị điểm",
  tieBreak: "Khi bằng điểm và bằng sao",
  minimumLevelRule: "Cách xét mức tối thiểu (***, ****, *****)",
  dropExtremes: "Bỏ tổng điểm cao nhất và thấp nhất",
  chairMustScore: "Chủ tịch (hoặc Phó Chủ tịch được ủy quyền) phải chấm",
  discussMinimumSplit: "Thảo luận cả sản phẩm có ý kiến khác nhau về mức tối thiểu",
  sessionId: "Mã phiên (không sửa)",
};

const SESSION_NOTES: Partial<Record<SessionKey, string>> = {
  edition: "qd26-2026 (QĐ 26/2026), qd148-2023 (QĐ 148/2023) hoặc qd1048-2019 (QĐ 1048/2019)",
  spreadThreshold: "Sản phẩm có tổng điểm chênh lệch lớn hơn sẽ được đánh dấu để Hội đồng xem lại",
  quorum: "Ví dụ 75%: sản phẩm do ít thành viên chấm hơn sẽ chưa được phân hạng",
  dropExtremes: "Không bắt buộc theo quy định; mặc định Không",
  chairMustScore:
    "Quy chế Hội đồng tỉnh Tây Ninh: phải có Chủ tịch Hội đồng; sản phẩm thiếu điểm của Chủ tịch chưa phân hạng",
  discussMinimumSplit: "Không bắt buộc theo quy định; mặc định Không",
};

const readFlag = (t: string): boolean | null => (readYesNo(t) === null ? null : readYesNo(t) === "yes");

const HEADER_ROW = 2;
const FIRST_ROW = 3;

const isoToVn = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

/** Accepts dd/mm/yyyy, yyyy-mm-dd or an Excel date serial; returns ISO or null. */
export const readDate = (v: CellValue | undefined): string | null => {
  if (typeof v === "number" && v > 20000 && v < 80000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const t = cellText(v);
  if (t === "") return "";
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return calendarDate(m[1]!, m[2]!, m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return calendarDate(m[3]!, m[2]!, m[1]!);
  return null;
};

/** "2027-02-31" is no date: only a day the calendar has. */
const calendarDate = (y: string, mo: string, d: string): string | null => {
  const iso = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null;
};

export const planSessionSheet = (session: Session, editions: string[]): SheetPlan => {
  const plan = emptyPlan(SHEETS.session, "session");
  const { council, settings } = session;
  put(plan, 0, 1, "THÔNG TIN PHIÊN ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP", "title");
  put(plan, 1, 1, "Sửa các ô ở cột Giá trị; cột A ẩn giữ mã của từng dòng để Add-in đọc lại.", "muted");
  put(plan, HEADER_ROW, 1, "Thông tin", "header");
  put(plan, HEADER_ROW, 2, "Giá trị", "header");
  put(plan, HEADER_ROW, 3, "Ghi chú", "header");
  const values: [SessionKey, CellValue, string?][] = [
    ["name", council.name],
    ["level", LEVEL_LABEL[council.level]],
    ["year", council.year, FORMAT.integer],
    ["place", council.place],
    ["date", isoToVn(council.date)],
    ["edition", session.edition],
    ["spreadThreshold", settings.spreadThreshold, "0.##"],
    ["quorum", settings.quorum, FORMAT.percent],
    ["displayDecimals", settings.displayDecimals, FORMAT.integer],
    ["tieBreak", TIE_BREAK_LABEL[settings.tieBreak]],
    ["minimumLevelRule", MINIMUM_RULE_LABEL[settings.minimumLevelRule]],
    ["dropExtremes", settings.dropExtremes ? YES : NO],
    ["chairMustScore", settings.chairMustScore ? YES : NO],
    ["discussMinimumSplit", settings.discussMinimumSplit ? YES : NO],
    ["sessionId", session.id],
  ];
  const lists: Partial<Record<SessionKey, string[]>> = {
    level: levelsOf(session.edition).map((l) => LEVEL_LABEL[l]),
    edition: editions,
    tieBreak: Object.values(TIE_BREAK_LABEL),
    minimumLevelRule: Object.values(MINIMUM_RULE_LABEL),
    dropExtremes: [YES, NO],
    chairMustScore: [YES, NO],
    discussMinimumSplit: [YES, NO],
  };
  values.forEach(([key, value, numberFormat], i) => {
    const row = FIRST_ROW + i;
    put(plan, row, 0, key, "anchor");
    put(plan, row, 1, SESSION_LABELS[key], "text");
    put(
      plan,
      row,
      2,
      value,
      key === "sessionId" ? "muted" : "scoreEntered",
      numberFormat ? { numberFormat } : {}
    );
    const note = SESSION_NOTES[key];
    if (note) put(plan, row, 3, note, "muted");
    const list = lists[key];
    if (list && list.length) plan.validations.push({ range: range(row, 2), list });
    if (key !== "sessionId") plan.unlocked.push(range(row, 2));
  });
  plan.columns.push(
    { index: 0, width: 4, hidden: true },
    { index: 1, width: 48 },
    { index: 2, width: 40 },
    { index: 3, width: 60 }
  );
  plan.protection = {};
  plan.print = { orientation: "landscape", paper: "A4", fitToWidth: true };
  return plan;
};

export interface ParsedSessionSheet {
  council: Council;
  edition: string;
  settings: CouncilSettings;
  findings: Finding[];
}

/** Reads "Phiên" back by the hidden keys in column A (or by the labels, if the keys were lost). */
export const parseSessionSheet = (rows: CellValue[][], base: Session, file?: string): ParsedSessionSheet => {
  const findings: Finding[] = [];
  const found = new Map<SessionKey, { value: CellValue; row: number }>();
  const byLabel = new Map(Object.entries(SESSION_LABELS).map(([k, label]) => [label, k as SessionKey]));
  rows.forEach((row, r) => {
    const key = (
      typeof row[0] === "string" && row[0] in SESSION_LABELS ? row[0] : byLabel.get(cellText(row[1]))
    ) as SessionKey | undefined;
    if (key && !found.has(key)) found.set(key, { value: row[2] ?? null, row: r });
  });
  const invalid = (key: SessionKey, allowed?: string[]): void => {
    const at = found.get(key);
    findings.push({
      code: LAYOUT_CODES.setupValueInvalid,
      severity: "error",
      where: { file, sheet: SHEETS.session, cell: at ? cellAddress(at.row, 2) : undefined },
      params: { field: SESSION_LABELS[key], value: at ? cellText(at.value) : "", allowed: allowed ?? null },
    });
  };
  const text = (key: SessionKey): string | null => (found.has(key) ? cellText(found.get(key)!.value) : null);
  const num = (key: SessionKey, fallback: number, ok: (n: number) => boolean): number => {
    const at = found.get(key);
    if (!at) return fallback;
    const v = at.value;
    const n = typeof v === "number" ? v : Number(cellText(v).replace("%", "").replace(",", "."));
    const scaled = typeof v === "string" && v.includes("%") ? n / 100 : n;
    if (cellText(v) === "" || !Number.isFinite(scaled) || !ok(scaled)) {
      invalid(key);
      return fallback;
    }
    return scaled;
  };
  const pick = <T>(key: SessionKey, read: (t: string) => T | null, fallback: T, labels: string[]): T => {
    const t = text(key);
    if (t === null) return fallback;
    const v = read(t);
    if (v === null) {
      invalid(key, labels);
      return fallback;
    }
    return v;
  };
  const d = base.settings ?? DEFAULT_SETTINGS;
  const dateCell = found.get("date");
  let date = base.council.date;
  if (dateCell) {
    const iso = readDate(dateCell.value);
    if (iso === null) invalid("date");
    else date = iso;
  }
  const council: Council = {
    name: text("name") ?? base.council.name,
    level: pick("level", readLevel, base.council.level, Object.values(LEVEL_LABEL)),
    year: num("year", base.council.year, (n) => Number.isInteger(n) && n >= 2018 && n <= 2100),
    place: text("place") ?? base.council.place,
    date,
  };
  const settings: CouncilSettings = {
    spreadThreshold: num("spreadThreshold", d.spreadThreshold, (n) => n >= 0 && n <= 100),
    quorum: num("quorum", d.quorum, (n) => n > 0 && n <= 1),
    displayDecimals: num(
      "displayDecimals",
      d.displayDecimals,
      (n) => Number.isInteger(n) && n >= 0 && n <= 4
    ),
    tieBreak: pick("tieBreak", readTieBreak, d.tieBreak, Object.values(TIE_BREAK_LABEL)),
    minimumLevelRule: pick(
      "minimumLevelRule",
      readMinimumRule,
      d.minimumLevelRule,
      Object.values(MINIMUM_RULE_LABEL)
    ),
    dropExtremes: pick("dropExtremes", readFlag, d.dropExtremes, [YES, NO]),
    chairMustScore: pick("chairMustScore", readFlag, d.chairMustScore ?? true, [YES, NO]),
    discussMinimumSplit: pick("discussMinimumSplit", readFlag, d.discussMinimumSplit ?? false, [YES, NO]),
  };
  const edition = text("edition") || base.edition;
  return { council, edition, settings, findings };
};
