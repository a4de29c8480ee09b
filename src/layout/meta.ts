/**
 * The very hidden "_ocop_meta" sheet: which session, edition and layout version a workbook belongs to,
 * so a sheet can be recognised (or refused) wherever the file travels. Key in column A, value in B;
 * long JSON is cut into chunks across the row because a cell holds at most 32,767 characters.
 */
import { z } from "zod";
import type { Finding } from "../ocop/findings";
import { COUNCIL_LEVELS } from "../ocop/process";
import { MEMBER_ROLES } from "../ocop/roles";
import type { Session } from "../ocop/session";
import { parseSettings } from "../ocop/settings";
import { normaliseCode } from "../ocop/text";
import { LAYOUT_CODES } from "./codes";
import { SHEETS } from "./names";
import { emptyPlan, type CellValue, type SheetPlan } from "./plan";

/** Bumped when the sheets change in a way an older parser would misread. */
export const LAYOUT_VERSION = 1;

const CHUNK = 30000;
const MARK = "ocop-meta";

export interface ImportRecord {
  file: string;
  sha256: string;
  member: string;
  sheet: string;
  /** ISO time of the import. */
  at: string;
}

/** A member's paper form typed twice and accepted (app/secretariat/paperEntry): the sheet says so. */
export interface PaperRecord {
  member: string;
  sheet: string;
  products: string[];
  /** Who typed the first entry, and who typed the second one blind. */
  enteredBy: string;
  checkedBy: string;
  /** ISO time of the acceptance. */
  at: string;
}

export interface WorkbookMeta {
  layoutVersion: number;
  /** A council workbook holds every member; a member workbook one member's sheet. */
  kind: "council" | "member";
  session: Session;
  member: string | null;
  created: string;
  imports: ImportRecord[];
  /** Paper forms entered twice, oldest first (absent in workbooks that have none). */
  paper?: PaperRecord[];
}

const sessionSchema = z.object({
  id: z.string().min(1),
  council: z.object({
    name: z.string(),
    // "national" is how workbooks before the 26/2026 process named the central level.
    level: z.enum([...COUNCIL_LEVELS, "national"]).transform((l) => (l === "national" ? "central" : l)),
    year: z.number(),
    place: z.string(),
    date: z.string(),
  }),
  edition: z.string().min(1),
  // Each setting is checked by its own schema (ocop/settings.ts) once read: a bad one is a finding, not a lost session.
  settings: z.record(z.string(), z.unknown()).optional(),
  products: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      owner: z.string(),
      commune: z.string(),
      group: z.string(),
      set: z.string(),
      form: z.string(),
      excluded: z.object({ reason: z.string() }).nullable(),
      dossier: z
        .object({
          type: z.enum(["first", "upgrade", "re-evaluation"]),
          currentStars: z.union([z.literal(3), z.literal(4), z.literal(5), z.null()]),
          certificate: z.string(),
          certificateExpiry: z.string().nullable(),
          submitted: z.string().nullable(),
          selfAssessed: z.number().nullable(),
          communeReport: z.string(),
        })
        .optional(),
    })
  ),
  members: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      title: z.string(),
      role: z.enum(MEMBER_ROLES),
    })
  ),
  // Forms are checked by the catalogue's own schema and integrity check when used.
  customForms: z.array(z.unknown()),
});

const importSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  member: z.string(),
  sheet: z.string(),
  at: z.string(),
});

const paperSchema = z.object({
  member: z.string(),
  sheet: z.string(),
  products: z.array(z.string()),
  enteredBy: z.string(),
  checkedBy: z.string(),
  at: z.string(),
});

const chunks = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out.length ? out : [""];
};

export const planMeta = (meta: WorkbookMeta): SheetPlan => {
  const plan = emptyPlan(SHEETS.meta, "meta", "veryHidden");
  const rows: [string, ...CellValue[]][] = [
    [MARK, meta.layoutVersion],
    ["kind", meta.kind],
    ["sessionId", meta.session.id],
    ["edition", meta.session.edition],
    ["member", meta.member ?? ""],
    ["created", meta.created],
    ["session", ...chunks(JSON.stringify(meta.session))],
    ["imports", ...chunks(JSON.stringify(meta.imports))],
    // Only when there is one, so workbooks without paper forms keep their metadata as before.
    ...(meta.paper?.length
      ? [["paper", ...chunks(JSON.stringify(meta.paper))] as [string, ...CellValue[]]]
      : []),
  ];
  rows.forEach((cells, row) =>
    cells.forEach((value, col) => plan.cells.push({ row, col, value, asText: typeof value === "string" }))
  );
  plan.protection = {};
  return plan;
};

const joinRow = (row: readonly CellValue[] | undefined): string =>
  (row ?? [])
    .slice(1)
    .map((v) => (v === null ? "" : String(v)))
    .join("");

export interface ParsedMeta {
  meta: WorkbookMeta | null;
  findings: Finding[];
}

/** Reads the metadata back; a missing or damaged sheet is a finding, never an exception. */
export const parseMeta = (values: CellValue[][] | null, file?: string): ParsedMeta => {
  const where = { file, sheet: SHEETS.meta };
  if (!values) {
    return {
      meta: null,
      findings: [{ code: LAYOUT_CODES.metaMissing, severity: "error", where, params: {} }],
    };
  }
  const byKey = new Map<string, CellValue[]>();
  for (const row of values) {
    const key = row[0];
    if (typeof key === "string" && !byKey.has(key)) byKey.set(key, row);
  }
  const head = byKey.get(MARK);
  const version = head ? Number(head[1]) : NaN;
  const bad = (detail: string): ParsedMeta => ({
    meta: null,
    findings: [{ code: LAYOUT_CODES.metaInvalid, severity: "error", where, params: { detail } }],
  });
  if (!Number.isInteger(version)) return bad("version");
  if (version > LAYOUT_VERSION) {
    return {
      meta: null,
      findings: [
        {
          code: LAYOUT_CODES.newerLayout,
          severity: "error",
          where,
          params: { found: version, supported: LAYOUT_VERSION },
        },
      ],
    };
  }
  let session: Session;
  let imports: ImportRecord[] = [];
  const findings: Finding[] = [];
  let paper: PaperRecord[] = [];
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(joinRow(byKey.get("session"))));
    if (!parsed.success) return bad("session");
    const settings = parseSettings(parsed.data.settings);
    findings.push(...settings.findings.map((f) => ({ ...f, where })));
    session = { ...parsed.data, settings: settings.settings } as Session;
    const importsText = joinRow(byKey.get("imports"));
    if (importsText) {
      const parsedImports = z.array(importSchema).safeParse(JSON.parse(importsText));
      if (parsedImports.success) imports = parsedImports.data;
    }
    const paperText = joinRow(byKey.get("paper"));
    if (paperText) {
      const parsedPaper = z.array(paperSchema).safeParse(JSON.parse(paperText));
      if (parsedPaper.success) paper = parsedPaper.data;
    }
  } catch {
    return bad("json");
  }
  const kind = byKey.get("kind")?.[1] === "member" ? "member" : "council";
  const memberCell = byKey.get("member")?.[1];
  const created = byKey.get("created")?.[1];
  return {
    meta: {
      layoutVersion: version,
      kind,
      session,
      member: typeof memberCell === "string" && memberCell ? memberCell : null,
      created: typeof created === "string" ? created : "",
      imports,
      ...(paper.length ? { paper } : {}),
    },
    findings,
  };
};

/**
 * The paper form a member's sheet now shows, if any: the latest one accepted, unless a book of that member
 * was imported after it (the book's scores then replaced the typed ones).
 */
export const currentPaper = (meta: WorkbookMeta, member: string): PaperRecord | undefined => {
  const same = (code: string) => normaliseCode(code) === normaliseCode(member);
  const paper = [...(meta.paper ?? [])].reverse().find((p) => same(p.member));
  if (!paper) return undefined;
  return meta.imports.some((i) => same(i.member) && i.at > paper.at) ? undefined : paper;
};
