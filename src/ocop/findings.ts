/**
 * A finding is what a check reports: what is wrong, where, how to fix it, and whether it blocks
 * consolidation. Text is rendered at the edge (`messages.ts`) from `code` and `params`, so the rules
 * stay language-free and the CLI, the task pane and the JSON output say the same thing.
 */

export type Severity = "error" | "warning";

export interface Where {
  file?: string;
  sheet?: string;
  /** A1 address on `sheet`. */
  cell?: string;
  member?: string;
  product?: string;
  criterion?: string;
  form?: string;
}

export interface Finding {
  /** Stable machine code, e.g. "score.missing", "score.notAllowed", "layout.criterionRowDeleted". */
  code: string;
  severity: Severity;
  where: Where;
  /** Values the message templates need (the offending value, the allowed list, counts, …). */
  params: Record<string, string | number | boolean | number[] | string[] | null>;
  /** For a missing or invalid score: the allowed points. */
  allowed?: number[];
  /** For a finding that stands for several cells (a product left blank): each cell, its criterion, its points. */
  cells?: { cell: string; criterion: string; allowed: number[] }[];
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === "error");
