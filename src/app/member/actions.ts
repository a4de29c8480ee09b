/**
 * The member's use cases on top of the layout: insert (or re-insert) their score sheet keeping what is entered,
 * read it for the assistant, write one score, check it, and build a member workbook for the secretariat.
 * Each reads what it needs in one `readSheets` and changes the workbook in one `apply`.
 */
import type { SheetGrid, WorkbookHost } from "../../hosts/workbook";
import { enteredValues, parseScoreSheet, planScoreSheet, scoreKey } from "../../layout/scoreSheet";
import type { SheetPlan } from "../../layout/plan";
import { EMPTY_DELIBERATION } from "../../ocop/history";
import { normaliseCode } from "../../ocop/text";
import { askedSession } from "../books";
import { listEditions } from "../../ocop/criteria/builtin";
import type { Finding } from "../../ocop/findings";
import type { Member, RawValue } from "../../ocop/session";
import { validateMemberScores } from "../../ocop/validate";
import { planMemberBook, planRoundsCopy } from "../memberBook";
import { withoutEchoes } from "../scores";
import { memberRound, type MemberContext } from "./context";
import { MEMBER_CODES } from "./messages";
import { buildMemberSheet, memberSheetName, type MemberSheet } from "./sheet";

const editionTitle = (edition: string): string | undefined =>
  listEditions().find((e) => e.id === edition)?.vi;

const readOne = async (host: WorkbookHost, name: string): Promise<SheetGrid | null> => {
  const { sheets } = await host.readSheets([name]);
  return sheets[0] ?? null;
};

/**
 * The member's sheet of the round they score, planned again with `existing` values: a later round's keeps
 * its products and the earlier scores shown beside them; recused cells stay locked; a closed round's sheet
 * stays locked whole.
 */
const planOwnSheet = (
  context: MemberContext,
  member: Member,
  existing: ReadonlyMap<string, RawValue>,
  earlier: MemberSheet | null
): SheetPlan => {
  const { session, catalogue } = context;
  const round = memberRound(context, member);
  const previous = new Map<string, RawValue>();
  for (const c of earlier?.cells ?? [])
    if (c.previous !== undefined) previous.set(scoreKey(c.product.code, c.flat.criterion.id), c.previous);
  const plan = planScoreSheet({
    session,
    catalogue,
    member,
    existing,
    editionTitle: editionTitle(session.edition),
    recused: (context.deliberation?.recusals ?? [])
      .filter((r) => normaliseCode(r.member) === normaliseCode(member.code))
      .map((r) => r.product),
    ...(round.number > 1 && round.products
      ? { round: { number: round.number, products: round.products, previous } }
      : {}),
  });
  return round.closedAt ? { ...plan, unlocked: [] } : plan;
};

export type InsertResult =
  | { ok: true; sheet: string; kept: number; replaced: boolean }
  /** A sheet of that name exists and is not this session's score sheet: nothing was changed. */
  | { ok: false; finding: Finding };

/**
 * Plans the member's score sheet and writes it; values already on an existing sheet of this session (valid or
 * not) are written back unchanged, so re-inserting repairs the layout without losing work.
 */
export const insertMemberSheet = async (
  host: WorkbookHost,
  context: MemberContext,
  member: Member
): Promise<InsertResult> => {
  const { session, catalogue } = context;
  const name = memberSheetName(member, context);
  const grid = await readOne(host, name);
  let existing = new Map<string, RawValue>();
  let earlier: MemberSheet | null = null;
  if (grid) {
    const parsed = parseScoreSheet(grid, { session, catalogue });
    if (
      !parsed.scores ||
      !parsed.anchor ||
      parsed.anchor.member.toUpperCase() !== member.code.toUpperCase()
    ) {
      return {
        ok: false,
        finding: {
          code: MEMBER_CODES.sheetForeign,
          severity: "error",
          where: { sheet: name, cell: "A1", member: member.code },
          params: { sheet: name },
        },
      };
    }
    existing = enteredValues(parsed.scores);
    earlier = buildMemberSheet(grid, session, catalogue, member);
  }
  const plan = planOwnSheet(context, member, existing, earlier);
  const first = plan.unlocked[0];
  await host.apply({
    plans: [plan],
    ...(first ? { select: { sheet: name, row: first.row, col: first.col } } : {}),
  });
  return { ok: true, sheet: name, kept: existing.size, replaced: grid !== null };
};

/** The member's sheet for the assistant; null when the workbook has no such sheet (or it is not a score sheet). */
export const readMemberSheet = async (
  host: WorkbookHost,
  context: MemberContext,
  member: Member
): Promise<MemberSheet | null> => {
  const grid = await readOne(host, memberSheetName(member, context));
  return grid ? buildMemberSheet(grid, context.session, context.catalogue, member) : null;
};

/** Writes one score (or clears the cell with null). */
export const writeScore = async (
  host: WorkbookHost,
  cell: { sheet: string; row: number; col: number },
  points: number | null
): Promise<void> => {
  await host.apply({
    plans: [],
    cellWrites: [{ sheet: cell.sheet, row: cell.row, col: cell.col, value: points }],
  });
};

/** Puts back what a score cell held before the member's last change (undo), whatever it was. */
export const restoreCell = async (
  host: WorkbookHost,
  cell: { sheet: string; row: number; col: number },
  value: RawValue
): Promise<void> => {
  await host.apply({
    plans: [],
    cellWrites: [{ sheet: cell.sheet, row: cell.row, col: cell.col, value }],
  });
};

/**
 * "Check my sheet": the sheet's structure and every value, as the secretariat's check will see them. Reads only;
 * nothing in the workbook changes.
 */
export const checkMemberSheet = async (
  host: WorkbookHost,
  context: MemberContext,
  member: Member
): Promise<Finding[]> => {
  const { session, catalogue } = context;
  const round = memberRound(context, member);
  const name = round.sheet;
  const grid = await readOne(host, name);
  if (!grid) {
    return [
      {
        code: MEMBER_CODES.sheetMissing,
        severity: "error",
        where: { sheet: name, member: member.code },
        params: { sheet: name, member: member.code },
      },
    ];
  }
  const parsed = parseScoreSheet(grid, { session, catalogue });
  // A closed round takes no more scores: say so first, with when and who can reopen it.
  const closed: Finding[] = round.closedAt
    ? [
        {
          code: MEMBER_CODES.roundClosed,
          severity: "error",
          where: { sheet: name, member: member.code },
          params: { round: round.number, at: round.closedAt, by: round.closedBy, sheet: name },
        },
      ]
    : [];
  if (!parsed.scores) return [...closed, ...parsed.findings];
  const scores = { ...parsed.scores, member: member.code };
  // Products this round does not ask again, and those the member abstains on, are not missing.
  const asked = askedSession(
    session,
    context.deliberation ?? EMPTY_DELIBERATION,
    member.code,
    round.number > 1 ? round.products : null
  );
  return withoutEchoes([...closed, ...parsed.findings, ...validateMemberScores(asked, catalogue, scores)]);
};

/**
 * Writes a member workbook into `target` (an empty workbook) as `ocop books` issues one (src/app/memberBook.ts),
 * with every value entered so far on the member's sheet. The secretariat imports it like any member workbook.
 */
export const buildMemberBook = async (
  source: WorkbookHost,
  context: MemberContext,
  member: Member,
  target: WorkbookHost,
  now: () => Date = () => new Date()
): Promise<{ sheet: string; values: number }> => {
  const { session, catalogue } = context;
  const name = memberSheetName(member, context);
  const grid = await readOne(source, name);
  const parsed = grid ? parseScoreSheet(grid, { session, catalogue }) : null;
  const existing = enteredValues(parsed?.scores ?? null);
  const earlier = grid ? buildMemberSheet(grid, session, catalogue, member) : null;
  await target.apply({
    plans: planMemberBook({
      session,
      catalogue,
      member,
      existing,
      now: now(),
      sheet: planOwnSheet(context, member, existing, earlier),
    }).concat(planRoundsCopy(context.deliberation ?? EMPTY_DELIBERATION, member.code)),
    select: { sheet: name, row: 0, col: 1 },
  });
  return { sheet: name, values: existing.size };
};

/** File name for a member's workbook: "OCOP-<session>-TV01.xlsx" (ASCII, safe on every system). */
export const memberBookFileName = (context: MemberContext, member: Member): string => {
  const ascii = (s: string): string =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .replace(/[^A-Za-z0-9_-]+/g, "-")
      .replace(/^-+|-+$/g, "");
  return `OCOP-${ascii(String(context.session.council.year))}-${ascii(member.code) || "member"}.xlsx`;
};
