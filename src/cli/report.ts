/** Findings and results as the command line prints them: readable lines, or JSON with --json. */
import type { Finding } from "../ocop/findings";
import { describeFinding, type Lang } from "../ocop/messages";
import type { Consolidation } from "../ocop/results";
import type { DiscussionItem } from "../ocop/deliberation";
import type { Session } from "../ocop/session";
import "../layout/messages";
import { TEXT } from "./text";
import { LEVEL_WORDS, levelProcess, outcomeWords } from "../ocop/process";

export interface FindingJson {
  file: string | null;
  sheet: string | null;
  cell: string | null;
  member: string | null;
  product: string | null;
  criterion: string | null;
  form: string | null;
  severity: Finding["severity"];
  code: string;
  message: string;
  fix: string;
  allowed?: number[];
  /** A finding standing for several cells (a product left blank): each cell with its criterion and points. */
  cells?: { cell: string; criterion: string; allowed: number[] }[];
}

export const findingJson = (f: Finding, lang: Lang): FindingJson => {
  const d = describeFinding(f, lang);
  const allowed =
    f.allowed ??
    (Array.isArray(f.params.allowed) && f.params.allowed.every((x) => typeof x === "number")
      ? (f.params.allowed as number[])
      : undefined);
  return {
    file: f.where.file ?? null,
    sheet: f.where.sheet ?? null,
    cell: f.where.cell ?? null,
    member: f.where.member ?? null,
    product: f.where.product ?? null,
    criterion: f.where.criterion ?? null,
    form: f.where.form ?? null,
    severity: f.severity,
    code: f.code,
    message: d.message,
    fix: d.fix,
    ...(allowed ? { allowed } : {}),
    ...(f.cells ? { cells: f.cells } : {}),
  };
};

export const findingLines = (findings: Finding[], lang: Lang): string => {
  const t = TEXT[lang];
  const lines: string[] = [];
  for (const f of findings) {
    const d = describeFinding(f, lang);
    lines.push(`[${f.severity === "error" ? t.error : t.warning}] ${d.where}`);
    lines.push(`    ${d.message}`);
    if (d.fix) lines.push(`    ${t.fix}: ${d.fix}`);
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  lines.push(errors || findings.length ? t.summary(errors, findings.length - errors) : t.clean);
  return lines.join("\n") + "\n";
};

export const productsJson = (session: Session, c: Consolidation, lang: Lang = "vi") => {
  const lp = levelProcess(c.edition, c.level);
  const names = new Map(session.products.map((p) => [p.code, p.name]));
  return c.products.map((r) => ({
    code: r.product,
    name: names.get(r.product) ?? "",
    form: r.form,
    members: Object.fromEntries(r.members.map((m) => [m.member, m.total])),
    parts: Object.fromEntries(r.members.map((m) => [m.member, m.parts])),
    mean: r.mean,
    stars: r.stars,
    bandStars: r.bandStars,
    rank: r.rank,
    outcome: r.outcome,
    outcomeText: outcomeWords(r.outcome, lp)[lang],
    withheld: r.withheld,
    knockout: r.knockout,
    flags: r.flags,
    shortfalls: r.shortfalls,
    round: r.round ?? 1,
    recused: r.recused ?? [],
    decision: r.decision ?? null,
    needsDiscussion: r.needsDiscussion ?? false,
  }));
};

/** The products that need another round (or the chair's decision), after the ranking. */
export const discussionLines = (waiting: readonly DiscussionItem[], lang: Lang): string => {
  if (!waiting.length) return "";
  const list = waiting.map(
    (w) =>
      `  ${w.product} (${lang === "en" ? "round" : "vòng"} ${w.round}${w.range !== null ? `, ${lang === "en" ? "spread" : "chênh lệch"} ${w.range}` : ""})`
  );
  const head =
    lang === "en"
      ? "DRAFT: products awaiting the council's discussion (open the next round: ocop round council.xlsx --products …; or record the chair's decision: ocop round … --decision accept|withhold --product …):"
      : "DỰ THẢO: sản phẩm chờ Hội đồng thảo luận (mở vòng chấm tiếp theo: ocop round council.xlsx --products …; hoặc ghi quyết định của Chủ tịch: ocop round … --decision accept|withhold --product …):";
  return `${head}\n${list.join("\n")}\n`;
};

export const rankingLines = (session: Session, c: Consolidation, lang: Lang): string => {
  const t = TEXT[lang];
  const names = new Map(session.products.map((p) => [p.code, p.name]));
  const dec = c.settings.displayDecimals;
  const lp = levelProcess(c.edition, c.level);
  const rows = c.products.map((r) => {
    const mean = r.mean === null ? "—" : r.mean.toFixed(dec);
    // A province's 5 stars is a potential only (26/2026 Điều 7.3.e): never printed as a recognised "5 sao".
    const stars = r.outcome === "potential-5" ? t.potential5 : r.stars ? `${r.stars} ${t.stars}` : t.withheld;
    const outcome = outcomeWords(r.outcome, lp)[lang];
    return `${String(r.rank ?? "-").padStart(3)}  ${r.product.padEnd(12)} ${mean.padStart(7)}  ${stars.padEnd(14)} ${outcome.padEnd(30)} ${names.get(r.product) ?? ""}`;
  });
  const level = LEVEL_WORDS[c.level][lang];
  return `${t.ranking} (${level}):\n${rows.join("\n")}\n`;
};
