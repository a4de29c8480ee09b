/**
 * The apply as one transaction: the workbook ends up with every sheet of the request, or as it was.
 *
 * Plans are built in new sheets "~tmp1", "~tmp2", … (formulas referring to other planned sheets point at their
 * temporary names, which Excel rewrites when the sheets are renamed); the old sheets are renamed "~old1", … and
 * the temporaries take their names and positions; old and removed sheets are deleted last. If any step fails the
 * catch deletes the new sheets and gives the old ones their names back, so the workbook is as it was. Only a
 * failure inside the final deletes could leave it half-way (reported as such). Formulas on other (surviving)
 * sheets that pointed at a replaced sheet become #REF!, as with any sheet rebuild. This module owns the checks
 * before any change, the inspection syncs, the swap and the rollback; what each plan queues is planOps.ts.
 */
import { HostError, type ApplyRequest, type AppendRows } from "../workbook";
import { appendedColumnCount, appendedRowCount, appendedRows } from "../appendRows";
import { sameSheetName, sheetNameProblem, tableNameProblem } from "./a1";
import { toHostError } from "./errors";
import type { ExcelHostLimits } from "./limits";
import {
  VISIBLE,
  contentUnits,
  cost,
  pack,
  protectSheet,
  protectionUnits,
  unprotectSheet,
  type AppendedSheet,
  type ExistingSheet,
  type PlannedSheet,
  type PreparedWrite,
  type Unit,
} from "./planOps";
import { LISTS_SHEET, collectLists, placeLists } from "./validationLists";

const TMP_PREFIX = "~tmp";
const OLD_PREFIX = "~old";

/**
 * Applies the request inside the Excel.run of `context`: 2 syncs (+1 when cells are written or long lists reuse
 * the list sheet, +1 per extra request of writes; +2 for a rollback).
 */
export async function applyRequest(
  context: Excel.RequestContext,
  request: ApplyRequest,
  env: { limits: ExcelHostLimits; supports: (version: string) => boolean; warnings: string[] }
): Promise<void> {
  const { warnings } = env;
  const workbook = context.workbook;

  // ---- sync 1: what is there
  const sheets = workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility,items/position,items/protection/protected");
  const bookProtection = workbook.protection;
  bookProtection.load("protected");
  const tables = workbook.tables;
  tables.load("items/name,items/worksheet/name");
  // Where each append starts: below the target's last value. By name, in this first (read-only) sync: a target
  // that went away since the caller read it fails here with ItemNotFound, before anything changes.
  const appendTargets = (request.appends ?? []).map((append) => {
    const used = workbook.worksheets.getItem(append.plan.name).getUsedRange(true);
    used.load("rowIndex,rowCount");
    return { append, used };
  });
  await context.sync();

  const before: ExistingSheet[] = sheets.items.map((ws) => ({
    ws,
    name: ws.name,
    id: ws.id,
    visibility: ws.visibility,
    position: ws.position,
    protected: ws.protection.protected,
  }));
  const find = (name: string) => before.find((b) => sameSheetName(b.name, name)) ?? null;
  const taken = new Set(before.map((b) => b.name.toUpperCase()));
  const freshName = (prefix: string): string => {
    let i = 1;
    while (taken.has(`${prefix}${i}`.toUpperCase())) i++;
    const name = `${prefix}${i}`;
    taken.add(name.toUpperCase());
    return name;
  };
  const planned: PlannedSheet[] = request.plans.map((plan) => ({
    plan,
    old: find(plan.name),
    tmpName: freshName(TMP_PREFIX),
    ws: null,
    tables: [],
  }));
  const plannedByName = (name: string) => planned.find((p) => sameSheetName(p.plan.name, name)) ?? null;
  const removed = [
    ...new Set(
      (request.remove ?? [])
        .filter((name) => !plannedByName(name) && !sameSheetName(name, LISTS_SHEET))
        .map(find)
        .filter((b): b is ExistingSheet => b !== null)
    ),
  ];
  const dying = new Set([...planned.flatMap((p) => (p.old ? [p.old.id] : [])), ...removed.map((r) => r.id)]);

  if (bookProtection.protected && (planned.length > 0 || removed.length > 0))
    throw new HostError(
      "protectedByOther",
      "The workbook structure is protected: sheets can't be added or removed."
    );
  const visibleAfter =
    before.filter((b) => !dying.has(b.id) && b.visibility === VISIBLE).length +
    planned.filter((p) => p.plan.visibility === "visible").length;
  // Checked here, before any change, rather than left to Excel's InvalidOperation half-way through.
  if (visibleAfter === 0)
    throw new HostError("invalidRequest", "At least one sheet must stay visible.", {
      reason: "lastVisibleSheet",
    });

  const survivingTables = tables.items
    .filter((t) => !dying.has(find(t.worksheet.name)?.id ?? ""))
    .map((t) => t.name);
  for (const p of planned)
    for (const t of p.plan.tables)
      if (survivingTables.some((n) => sameSheetName(n, t.name)))
        throw new HostError("nameTaken", `A table named "${t.name}" already exists in this workbook.`, {
          sheet: p.plan.name,
        });

  const writes: PreparedWrite[] = (request.cellWrites ?? []).map((w) => {
    if (plannedByName(w.sheet))
      throw new HostError(
        "invalidRequest",
        `"${w.sheet}" is rebuilt by this request: write its cells in the plan.`,
        {
          sheet: w.sheet,
        }
      );
    const existing = find(w.sheet);
    if (!existing || dying.has(existing.id))
      throw new HostError("notFound", `The sheet "${w.sheet}" doesn't exist.`, { sheet: w.sheet });
    return { row: w.row, col: w.col, value: w.value, existing, probe: null, text: false };
  });

  const appended: AppendedSheet[] = appendTargets.map(({ append, used }) =>
    prepareAppend(append, used.rowIndex + used.rowCount, find(append.plan.name), plannedByName, removed)
  );

  const helper = find(LISTS_SHEET);
  const lists = collectLists(planned.map((p) => p.plan));

  // ---- sync 2 (only when needed): lock state and old contents of written cells, existing lists
  let helperUsed: Excel.Range | null = null;
  if (writes.length > 0 || (helper && lists.length > 0)) {
    for (const w of writes) {
      w.probe = w.existing.ws.getRangeByIndexes(w.row, w.col, 1, 1);
      w.probe.load("formulas,numberFormat,format/protection/locked");
    }
    if (helper && lists.length > 0) {
      helperUsed = helper.ws.getUsedRangeOrNullObject(true);
      helperUsed.load("values,rowIndex,columnIndex,rowCount,columnCount");
    }
    await context.sync();
    for (const w of writes) {
      if (w.existing.protected && w.probe!.format.protection.locked !== false)
        throw new HostError(
          "protectedByOther",
          `The cell ${w.row + 1}:${w.col + 1} of "${w.existing.name}" is locked and the sheet is protected.`,
          { sheet: w.existing.name, officeCode: "AccessDenied" }
        );
      w.oldFormula = w.probe!.formulas[0]![0];
      w.text = w.probe!.numberFormat[0]![0] === "@";
    }
  }
  const listSource = placeLists(lists, helperUsed && !helperUsed.isNullObject ? helperUsed : null);

  // ---- the writes, in as few requests as the payload allows
  const units = [
    ...contentUnits(
      context,
      { planned, appended, writes, listSource, helper, warnings },
      env.limits,
      env.supports
    ),
    swapUnit({ planned, before, removed, warnings, request }),
    ...protectionUnits([...planned, ...appended]),
  ];
  const requests = pack(units, env.limits);
  let started = false;
  try {
    for (const req of requests) {
      started = true;
      context.application.suspendApiCalculationUntilNextSync();
      for (const u of req) u.queue();
      // Each request is its own sync on purpose: over 4 MB Excel on the web refuses the batch.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  } catch (error) {
    if (!started) throw error;
    const restored = await rollback(context, before, writes, appended).catch((e: unknown) => e);
    if (restored !== true) {
      const host = toHostError(error, "apply");
      throw new HostError(
        host.code,
        `${host.message} — the workbook could not be fully restored (${restored instanceof Error ? restored.message : String(restored)}).`,
        { cause: error, ...(host.officeCode ? { officeCode: host.officeCode } : {}) }
      );
    }
    throw error;
  }
}

/** The swap: old sheets step aside, new ones take their names and places; then the deletes and the selection. */
function swapUnit(s: {
  planned: PlannedSheet[];
  before: ExistingSheet[];
  removed: ExistingSheet[];
  warnings: string[];
  request: ApplyRequest;
}): Unit {
  const tableCount = s.planned.reduce((n, p) => n + p.plan.tables.length, 0);
  return {
    bytes: cost(2, 4) * (s.planned.length + s.removed.length + 1) + cost(1, 1) * tableCount,
    cells: 0,
    queue: () => {
      const replaced = s.planned.filter((p) => p.old).sort((a, b) => a.old!.position - b.old!.position);
      const taken = new Set([
        ...s.before.map((b) => b.name.toUpperCase()),
        ...s.planned.map((p) => p.tmpName.toUpperCase()),
      ]);
      let n = 1;
      replaced.forEach((p, offset) => {
        while (taken.has(`${OLD_PREFIX}${n}`.toUpperCase())) n++;
        p.old!.ws.name = `${OLD_PREFIX}${n++}`;
        p.ws!.name = p.plan.name;
        p.ws!.position = p.old!.position + offset;
      });
      for (const p of s.planned) if (!p.old) p.ws!.name = p.plan.name;
      for (const p of replaced) p.old!.ws.delete();
      for (const r of s.removed) r.ws.delete();
      for (const p of s.planned) for (const t of p.tables) t.proxy.name = t.name;
      const sel = s.request.select;
      if (sel) {
        const p = s.planned.find((x) => sameSheetName(x.plan.name, sel.sheet));
        const e = p ? null : s.before.find((b) => sameSheetName(b.name, sel.sheet) && !s.removed.includes(b));
        const visible = p ? p.plan.visibility === "visible" : e?.visibility === VISIBLE;
        const target = p?.ws ?? e?.ws;
        if (target && visible) {
          target.activate();
          target.getRangeByIndexes(sel.row, sel.col, 1, 1).select();
        } else s.warnings.push(`Selection skipped: "${sel.sheet}" is missing or not visible.`);
      }
    },
  };
}

/** An append checked against the sheets the first sync found, with the rows it adds placed below `start`. */
function prepareAppend(
  append: AppendRows,
  start: number,
  existing: ExistingSheet | null,
  plannedByName: (name: string) => PlannedSheet | null,
  removed: ExistingSheet[]
): AppendedSheet {
  const name = append.plan.name;
  if (!existing) throw new HostError("notFound", `The sheet "${name}" doesn't exist.`, { sheet: name });
  if (plannedByName(name) || removed.includes(existing))
    throw new HostError(
      "invalidRequest",
      `"${name}" is rebuilt or removed by this request: append to it in its plan.`,
      {
        sheet: name,
      }
    );
  return {
    plan: appendedRows(append, start),
    old: null,
    tmpName: existing.name,
    ws: existing.ws,
    tables: [],
    existing,
    start,
    rowCount: appendedRowCount(append),
    colCount: appendedColumnCount(append),
  };
}

/**
 * Undo a failed apply: delete sheets that weren't there, give the old ones their names back, restore cells, clear
 * the rows appended and protect again a sheet whose protection the append lifted.
 */
async function rollback(
  context: Excel.RequestContext,
  before: ExistingSheet[],
  writes: PreparedWrite[],
  appended: AppendedSheet[]
): Promise<true> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  for (const a of appended) a.existing.ws.protection.load("protected");
  await context.sync();
  const now = sheets.items;
  const lost = before.filter((b) => !now.some((ws) => ws.id === b.id));
  if (lost.length > 0) throw new Error(`sheets already deleted: ${lost.map((l) => l.name).join(", ")}`);
  const ids = new Set(before.map((b) => b.id));
  for (const ws of now) if (!ids.has(ws.id)) ws.delete();
  for (const ws of now) {
    const b = before.find((x) => x.id === ws.id);
    if (b && b.name !== ws.name) ws.name = b.name;
  }
  for (const w of writes)
    if (w.oldFormula !== undefined)
      w.existing.ws.getRangeByIndexes(w.row, w.col, 1, 1).formulas = [[w.oldFormula as string]];
  for (const a of appended) {
    if (!a.touched) continue;
    const ws = a.existing.ws;
    if (ws.protection.protected) unprotectSheet(ws, a.plan.protection);
    // The rows below the old last value were empty: cleared, they are as they were.
    if (a.rowCount > 0 && a.colCount > 0) ws.getRangeByIndexes(a.start, 0, a.rowCount, a.colCount).clear();
    if (a.existing.protected) protectSheet(ws, a.plan.protection);
  }
  await context.sync();
  return true;
}

/** Plan-level checks that need no Excel: names, duplicates, reserved names, table names. */
export function checkRequest(request: ApplyRequest): void {
  const seen = new Set<string>();
  for (const plan of request.plans) {
    const problem = sheetNameProblem(plan.name);
    if (problem)
      throw new HostError("invalidName", `The sheet name "${plan.name}" ${problem}.`, { sheet: plan.name });
    const upper = plan.name.toUpperCase();
    if (
      sameSheetName(plan.name, LISTS_SHEET) ||
      upper.startsWith(TMP_PREFIX.toUpperCase()) ||
      upper.startsWith(OLD_PREFIX.toUpperCase())
    )
      throw new HostError("invalidName", `The sheet name "${plan.name}" is reserved by the add-in.`, {
        sheet: plan.name,
      });
    if (seen.has(upper))
      throw new HostError("invalidName", `Two plans write the sheet "${plan.name}".`, { sheet: plan.name });
    seen.add(upper);
  }
  const tables = new Set<string>();
  for (const plan of request.plans)
    for (const t of plan.tables) {
      const problem = tableNameProblem(t.name);
      if (problem)
        throw new HostError("invalidName", `The table name "${t.name}" ${problem}.`, { sheet: plan.name });
      if (tables.has(t.name.toUpperCase()))
        throw new HostError("nameTaken", `Two tables are named "${t.name}".`, { sheet: plan.name });
      tables.add(t.name.toUpperCase());
    }
  const appended = new Set<string>();
  for (const a of request.appends ?? []) {
    const key = a.plan.name.toUpperCase();
    // Both would start below the same last row and overwrite each other: one append per sheet.
    if (appended.has(key))
      throw new HostError("invalidRequest", `Two appends to the sheet "${a.plan.name}".`, {
        sheet: a.plan.name,
      });
    appended.add(key);
  }
  for (const w of request.cellWrites ?? [])
    if (
      !Number.isInteger(w.row) ||
      !Number.isInteger(w.col) ||
      w.row < 0 ||
      w.col < 0 ||
      w.row >= 1048576 ||
      w.col >= 16384
    )
      throw new HostError("invalidRequest", `Cell ${w.row},${w.col} of "${w.sheet}" is outside the sheet.`, {
        sheet: w.sheet,
      });
}
