/**
 * Who has scored what: for every member and every product that is scored, how many of the form's
 * criteria hold a value, and how many of those are not an allowed score. A product is done only when every
 * criterion holds an allowed score. Pure; computed from the members' sheets as parsed by the layout.
 */
import { criteriaOf, formFor } from "../../ocop/criteria/catalogue";
import type { Catalogue } from "../../ocop/criteria/types";
import type { MemberScores, Session } from "../../ocop/session";
import { normaliseCode } from "../../ocop/text";
import { checkValue } from "../../ocop/validate";

export type ProgressState = "done" | "partial" | "empty" | "noSheet";

export interface ProgressCell {
  member: string;
  product: string;
  filled: number;
  /** Filled cells whose value is not an allowed score ("2,5", a formula, 7 on a 3-point criterion). */
  invalid: number;
  total: number;
  state: ProgressState;
}

export interface MemberProgress {
  member: string;
  /** Products the member has scored completely. */
  done: number;
  /** Products that are scored at all (not excluded, with a known form). */
  products: number;
  hasSheet: boolean;
}

export interface Progress {
  /** Row per member in council order, cell per scored product in session order. */
  cells: ProgressCell[][];
  members: MemberProgress[];
  products: string[];
  /** Cells done out of all cells: a number between 0 and 1. */
  ratio: number;
}

const isFilled = (value: unknown, formula: string | undefined): boolean =>
  (formula !== undefined && formula !== "") ||
  (value !== null && value !== undefined && !(typeof value === "string" && value.trim() === ""));

export const computeProgress = (
  session: Session,
  catalogue: Catalogue,
  sheets: readonly MemberScores[]
): Progress => {
  const scored = session.products
    .filter((p) => !p.excluded)
    .map((p) => ({ code: normaliseCode(p.code), form: formFor(catalogue, p.form) }))
    .filter((p): p is { code: string; form: NonNullable<typeof p.form> } => p.form !== undefined);
  const flatOf = new Map(
    scored.map(({ code, form }) => [
      code,
      new Map(criteriaOf(form).map((c) => [normaliseCode(c.criterion.id), c])),
    ])
  );
  const byMember = new Map<string, MemberScores>();
  for (const s of sheets) {
    const key = normaliseCode(s.member);
    if (!byMember.has(key)) byMember.set(key, s);
  }
  let done = 0;
  let all = 0;
  const members: MemberProgress[] = [];
  const cells = session.members.map((m) => {
    const key = normaliseCode(m.code);
    const sheet = byMember.get(key);
    const filled = new Map<string, Set<string>>();
    const bad = new Map<string, Set<string>>();
    for (const e of sheet?.entries ?? []) {
      if (!isFilled(e.raw.value, e.raw.formula)) continue;
      const product = normaliseCode(e.product);
      const criterion = normaliseCode(e.criterion);
      const set = filled.get(product) ?? new Set<string>();
      set.add(criterion);
      filled.set(product, set);
      const flat = flatOf.get(product)?.get(criterion);
      if (flat && checkValue(e.raw, flat) !== null) {
        const b = bad.get(product) ?? new Set<string>();
        b.add(criterion);
        bad.set(product, b);
      }
    }
    const row = scored.map(({ code, form }): ProgressCell => {
      const total = criteriaOf(form).length;
      const count = Math.min(total, filled.get(code)?.size ?? 0);
      const invalid = Math.min(count, bad.get(code)?.size ?? 0);
      const state: ProgressState = !sheet
        ? "noSheet"
        : count === 0
          ? "empty"
          : count >= total && invalid === 0
            ? "done"
            : "partial";
      return { member: key, product: code, filled: count, invalid, total, state };
    });
    const memberDone = row.filter((c) => c.state === "done").length;
    done += memberDone;
    all += row.length;
    members.push({ member: key, done: memberDone, products: row.length, hasSheet: Boolean(sheet) });
    return row;
  });
  return { cells, members, products: scored.map((p) => p.code), ratio: all ? done / all : 0 };
};
