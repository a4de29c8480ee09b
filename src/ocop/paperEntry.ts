/**
 * A member's paper form typed twice ("nhập hai lần"): the secretariat types the scores of a printed form, a
 * second person types the same form without seeing the first entry, and a score is accepted only where both
 * typed the same allowed level. Pure: which cells a form has, what each typed text means, and where the two
 * entries disagree, cell by cell. Writing the agreed scores is the use case's job (app/secretariat/paperEntry).
 */
import { criteriaOf, formFor } from "./criteria/catalogue";
import type { Catalogue } from "./criteria/types";
import type { Finding } from "./findings";
import type { Session } from "./session";
import { normaliseCode, parseNumberText } from "./text";
import { checkValue } from "./validate";
import "./paperMessages";

export const PAPER_CODES = {
  /** Both entries typed by the same person: the second entry must be someone else's. */
  sameEnterer: "paper.sameEnterer",
  /** An enterer's name is missing. */
  nameMissing: "paper.nameMissing",
  unknownMember: "paper.unknownMember",
  unknownProduct: "paper.unknownProduct",
  /** The product's dossier was excluded: it has no score cells. */
  excludedProduct: "paper.excludedProduct",
  noProducts: "paper.noProducts",
  /** The two entries differ at a cell. */
  disagree: "paper.disagree",
  /** The member abstains on the product (conflict of interest). */
  recused: "paper.recused",
  /** The product's round is closed. */
  roundClosed: "paper.roundClosed",
  /** A cell typed in one entry that the form does not have. */
  unknownCell: "paper.unknownCell",
} as const;

/** One score cell of a paper form: a product and one criterion of its form, with the points it allows. */
export interface PaperCell {
  product: string;
  criterion: string;
  /** The criterion's printed number ("1.2") and text, for the entry grid. */
  number: string;
  text: string;
  form: string;
  allowed: readonly number[];
}

/** Key of a cell in an entry: "SP01|1.2". */
export const paperKey = (product: string, criterion: string): string =>
  `${normaliseCode(product)}|${normaliseCode(criterion)}`;

/** What one person typed: the text of each cell by `paperKey` (blank or absent = no score on the form). */
export interface PaperEntry {
  /** The name of the person who typed it. */
  by: string;
  values: Readonly<Record<string, string>>;
}

/** The cells of the products on one member's form, product by product, criteria in printed order. */
export const paperCells = (
  session: Session,
  catalogue: Catalogue,
  products: readonly string[]
): PaperCell[] => {
  const cells: PaperCell[] = [];
  for (const code of products) {
    const product = session.products.find((p) => normaliseCode(p.code) === normaliseCode(code));
    if (!product || product.excluded) continue;
    const form = formFor(catalogue, product.form);
    if (!form) continue;
    for (const flat of criteriaOf(form)) {
      cells.push({
        product: product.code,
        criterion: flat.criterion.id,
        number: flat.criterion.number,
        text: flat.criterion.text,
        form: form.code,
        allowed: flat.allowed,
      });
    }
  }
  return cells;
};

/**
 * What typed text means at a cell: no score (blank), an allowed level, or a finding saying what is wrong
 * (the rules of a score sheet: a level's points or 0, "2,5" read as 2.5 since a person types the pane).
 */
export const readPaperValue = (
  text: string | undefined,
  cell: PaperCell,
  catalogue: Catalogue,
  session: Session
): { value: number | null } | { problem: Omit<Finding, "where"> } => {
  const t = (text ?? "").trim();
  if (t === "") return { value: null };
  const n = parseNumberText(t);
  const product = session.products.find((p) => normaliseCode(p.code) === normaliseCode(cell.product))!;
  const flat = criteriaOf(formFor(catalogue, product.form)!).find((f) => f.criterion.id === cell.criterion)!;
  const problem = checkValue({ value: n ?? t }, flat);
  return problem ? { problem } : { value: n };
};

export interface Disagreement {
  product: string;
  criterion: string;
  /** The criterion's printed number, for the grid. */
  number: string;
  /** The texts as typed ("" for a cell left blank). */
  first: string;
  second: string;
}

export interface PaperComparison {
  /** Scores both entries typed alike, by `paperKey` (null: both left the cell blank). */
  agreed: Map<string, number | null>;
  /** Cells where the entries differ, in the form's order. */
  disagreements: Disagreement[];
  /** Values that are not a level of their criterion, per entry (`params.entry` 1 or 2), at the cell. */
  invalid: Finding[];
  /** Every cell agrees and no value is invalid: the form can be accepted. */
  complete: boolean;
}

/**
 * Compares two entries of one member's form cell by cell. A cell is agreed when both entries read as the
 * same score (so "2" and "2,0" agree); an invalid value is reported at its cell and never agreed.
 */
export const comparePaperEntries = (
  session: Session,
  catalogue: Catalogue,
  member: string,
  cells: readonly PaperCell[],
  first: PaperEntry,
  second: PaperEntry
): PaperComparison => {
  const agreed = new Map<string, number | null>();
  const disagreements: Disagreement[] = [];
  const invalid: Finding[] = [];
  const known = new Set(cells.map((c) => paperKey(c.product, c.criterion)));
  for (const [entry, e] of [first, second].entries()) {
    for (const key of Object.keys(e.values)) {
      if (known.has(key) || (e.values[key] ?? "").trim() === "") continue;
      const [product, criterion] = key.split("|");
      invalid.push({
        code: PAPER_CODES.unknownCell,
        severity: "error",
        where: { member, product, criterion },
        params: { entry: entry + 1, product: product ?? "", criterion: criterion ?? "" },
      });
    }
  }
  for (const cell of cells) {
    const key = paperKey(cell.product, cell.criterion);
    const texts = [first.values[key] ?? "", second.values[key] ?? ""] as const;
    const read = texts.map((t) => readPaperValue(t, cell, catalogue, session));
    let bad = false;
    read.forEach((r, i) => {
      if (!("problem" in r)) return;
      bad = true;
      invalid.push({
        ...r.problem,
        where: { member, product: cell.product, criterion: cell.criterion },
        params: { ...r.problem.params, entry: i + 1, criterion: cell.number, product: cell.product },
      });
    });
    if (bad) continue;
    const [a, b] = read as [{ value: number | null }, { value: number | null }];
    if (a.value === b.value) agreed.set(key, a.value);
    else
      disagreements.push({
        product: cell.product,
        criterion: cell.criterion,
        number: cell.number,
        first: texts[0].trim(),
        second: texts[1].trim(),
      });
  }
  return {
    agreed,
    disagreements,
    invalid,
    complete: disagreements.length === 0 && invalid.length === 0,
  };
};

/** Findings about who typed the entries: two names, two different people. */
export const entererFindings = (member: string, first: PaperEntry, second: PaperEntry): Finding[] => {
  const findings: Finding[] = [];
  [first, second].forEach((e, i) => {
    if (e.by.trim() === "")
      findings.push({
        code: PAPER_CODES.nameMissing,
        severity: "error",
        where: { member },
        params: { entry: i + 1 },
      });
  });
  const same = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  if (!findings.length && same(first.by) === same(second.by))
    findings.push({
      code: PAPER_CODES.sameEnterer,
      severity: "error",
      where: { member },
      params: { name: first.by.trim() },
    });
  return findings;
};

/** One finding per disagreement, for the CLI, the audit and any list of findings. */
export const disagreementFindings = (member: string, comparison: PaperComparison): Finding[] =>
  comparison.disagreements.map((d) => ({
    code: PAPER_CODES.disagree,
    severity: "error",
    where: { member, product: d.product, criterion: d.criterion },
    params: { product: d.product, criterion: d.number, first: d.first, second: d.second },
  }));
