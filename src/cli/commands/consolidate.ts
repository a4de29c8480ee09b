/** `ocop consolidate`: a copy of the council workbook with the results, written only when no error stands. */
import { basename } from "node:path";
import type { Finding } from "../../ocop/findings";
import type { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { consolidateWorkbook, type ConsolidateOptions } from "../../app/consolidate";
import { sha256Hex } from "../../app/hash";
import type { CliIO } from "../io";
import { withCall } from "../call";
import { Unreadable, WrongCall, unreadableFindings } from "../failures";
import { openXlsx } from "../openBook";
import { progress } from "../progress";
import { discussionLines, findingJson, findingLines, productsJson, rankingLines } from "../report";
import { refuseAliases } from "../outputs";
import { checkTarget, writeAllSafely } from "../safeWrite";
import { resultsCsv } from "../resultsCsv";

/** `--forms all|none|TV01,TV02`; absent: "auto" (see ConsolidateOptions.forms). */
const formsOption = (value: string | boolean | undefined): ConsolidateOptions["forms"] => {
  if (value === undefined) return "auto";
  if (typeof value !== "string" || value.trim() === "") throw new WrongCall("--forms");
  const v = value.trim();
  if (v === "all" || v === "none") return v;
  const codes = v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (!codes.length) throw new WrongCall(`--forms ${value}`);
  return codes;
};

export const consolidate = (args: string[], io: CliIO): Promise<number> =>
  withCall("consolidate", args, io, async (c) => {
    const { values: v, positionals, lang, now } = c;
    c.allow(["out", "json", "password", "csv", "forms"]);
    const forms = formsOption(v.forms);
    if (!positionals.length)
      throw new WrongCall("ocop consolidate council.xlsx [BOOK.xlsx...] --out result.xlsx");
    const out = c.need("out");
    const csv = v.csv === undefined ? null : c.need("csv");
    if (csv !== null) await refuseAliases([csv], [out]);
    await refuseAliases(csv === null ? [out] : [out, csv], positionals);
    await checkTarget(out);
    if (csv !== null) await checkTarget(csv);
    const [councilFile, ...bookFiles] = positionals as [string, ...string[]];
    const bar = progress(io);
    const findings: Finding[] = [];
    let council: { host: PartsHost; bytes: Uint8Array };
    const books = [];
    try {
      council = await openXlsx(councilFile);
      for (const [i, file] of bookFiles.entries()) {
        if (bookFiles.length > 2) bar.step(i + 1, bookFiles.length, file);
        const b = await openXlsx(file);
        books.push({ host: b.host, file: basename(file), sha256: await sha256Hex(b.bytes) });
      }
    } catch (e) {
      bar.end();
      if (!(e instanceof Unreadable)) throw e;
      findings.push(...unreadableFindings(e));
      io.stdout(
        v.json
          ? JSON.stringify({ findings: findings.map((f) => findingJson(f, lang)) }, null, 2) + "\n"
          : findingLines(findings, lang)
      );
      return 2;
    }
    const r = await consolidateWorkbook(council.host, {
      books,
      file: basename(councilFile),
      sha256: await sha256Hex(council.bytes),
      now,
      tool: "ocop consolidate",
      password: v.password as string | undefined,
      forms,
      onProgress: books.length > 2 ? (d, n, label) => bar.step(d, n, label) : undefined,
    });
    bar.end();
    if (!r.written || !r.consolidation || !r.session) {
      if (v.json)
        io.stdout(
          JSON.stringify({ written: false, findings: r.findings.map((f) => findingJson(f, lang)) }, null, 2) +
            "\n"
        );
      else io.stdout(findingLines(r.findings, lang) + c.t().refused + "\n");
      return 1;
    }
    // The workbook and the CSV are written together or not at all.
    const files = [{ target: out, bytes: await council.host.toBuffer() }];
    if (csv !== null) files.push({ target: csv, bytes: resultsCsv(r.session, r.consolidation, lang) });
    await writeAllSafely(files);
    if (v.json) {
      io.stdout(
        JSON.stringify(
          {
            written: true,
            out,
            ...(csv !== null ? { csv } : {}),
            sessionId: r.session.id,
            edition: r.consolidation.edition,
            level: r.consolidation.level,
            products: productsJson(r.session, r.consolidation, lang),
            needsDiscussion: r.consolidation.needsDiscussion ?? [],
            ...(r.formsDeferred ? { formsDeferred: r.formsDeferred } : {}),
            findings: r.findings.map((f) => findingJson(f, lang)),
          },
          null,
          2
        ) + "\n"
      );
    } else {
      if (r.findings.length) io.stdout(findingLines(r.findings, lang));
      io.stdout(rankingLines(r.session, r.consolidation, lang));
      io.stdout(discussionLines(r.consolidation.needsDiscussion ?? [], lang));
      if (r.formsDeferred) io.stdout(`${c.t().formsDeferred(r.formsDeferred)}\n`);
      io.stdout(`${c.t().wrote(out)}\n`);
      if (csv !== null) io.stdout(`${c.t().wrote(csv)}\n`);
    }
    return 0;
  });
