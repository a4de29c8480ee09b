/**
 * `ocop round`: the council's deliberation from the command line (issue 14). Every form reads the
 * council workbook and writes the result to --out (an input is never overwritten):
 *
 *   ocop round council.xlsx --products SP01,SP02 --out council-r2.xlsx [--reason "…"]   open the next round
 *   ocop round council.xlsx --close [--round N] --out …                                  close a round
 *   ocop round council.xlsx --reopen [--round N] --reason "…" --out …                    reopen it, logged
 *   ocop round council.xlsx --recuse TV03 --product SP01 --reason "…" --out …            a recusal
 *   ocop round council.xlsx --decision accept|withhold --product SP01 --reason "…" --out …  the chair's decision
 *
 * Exit codes as every command: 0 written, 1 refused (the findings say why and how to fix), 2 a wrong
 * call, an unreadable input or an output that cannot be written.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { nodeCodec } from "../../hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { packageFindings } from "../../hosts/xlsx/packageGuard";
import { LAYOUT_CODES } from "../../layout/codes";
import type { Finding } from "../../ocop/findings";
import type { Lang } from "../../ocop/messages";
import {
  closeRound,
  openRound,
  recordChairDecision,
  recordRecusal,
  reopenRound,
  type RoundOptions,
} from "../../app/deliberation";
import { findingJson, findingLines } from "../report";
import { outputMessage, refuseAliases } from "../outputs";
import { OutputError, checkTarget, writeSafely } from "../safeWrite";
import type { CliIO } from "../io";

const USAGE = `ocop round council.xlsx --products SP01,SP02 --out council-r2.xlsx [--reason "…"]
ocop round council.xlsx --close [--round N] --out OUT.xlsx
ocop round council.xlsx --reopen [--round N] --reason "…" --out OUT.xlsx
ocop round council.xlsx --recuse MEMBER --product SP01 --reason "…" --out OUT.xlsx
ocop round council.xlsx --decision accept|withhold --product SP01 --reason "…" --out OUT.xlsx
`;

const DEFAULT_REASON = "Chênh lệch điểm quá ngưỡng: Hội đồng thảo luận, chấm lại";

const TEXT = {
  vi: {
    wrong: (d: string) => `Gọi sai lệnh: ${d}\nCách dùng:\n${USAGE}`,
    opened: (n: number, p: string) =>
      `Đã mở vòng chấm ${n} cho: ${p}. Phát phiếu vòng ${n} cho thành viên (ocop books).`,
    closed: (n: number) => `Đã khóa vòng ${n}: phiếu của thành viên được bảo vệ.`,
    reopened: (n: number) => `Đã mở lại vòng ${n} (ghi vào trang “Vòng chấm”).`,
    recused: (m: string, p: string) => `Đã ghi nhận ${m} không chấm ${p}.`,
    decided: (p: string) => `Đã ghi quyết định của Chủ tịch Hội đồng cho ${p}.`,
    wrote: (f: string) => `Đã ghi ${f}`,
    refused: "Không ghi gì: sửa theo hướng dẫn trên rồi chạy lại.",
  },
  en: {
    wrong: (d: string) => `Wrong call: ${d}\nUsage:\n${USAGE}`,
    opened: (n: number, p: string) =>
      `Opened scoring round ${n} for: ${p}. Send the members their round-${n} books (ocop books).`,
    closed: (n: number) => `Closed round ${n}: the members' sheets are protected.`,
    reopened: (n: number) => `Reopened round ${n} (logged on the “Vòng chấm” sheet).`,
    recused: (m: string, p: string) => `Recorded that ${m} abstains on ${p}.`,
    decided: (p: string) => `Recorded the chair's decision on ${p}.`,
    wrote: (f: string) => `Wrote ${f}`,
    refused: "Nothing written: fix as told above and run again.",
  },
} as const;

class WrongCall extends Error {}

const codes = (text: string): string[] =>
  text
    .split(/[,;\s]+/u)
    .map((s) => s.trim())
    .filter(Boolean);

export const roundCommand = async (args: string[], io: CliIO): Promise<number> => {
  let lang: Lang = args.includes("--lang") && args[args.indexOf("--lang") + 1] === "en" ? "en" : "vi";
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: {
          lang: { type: "string" },
          json: { type: "boolean" },
          out: { type: "string" },
          password: { type: "string" },
          products: { type: "string" },
          product: { type: "string" },
          reason: { type: "string" },
          round: { type: "string" },
          close: { type: "boolean" },
          reopen: { type: "boolean" },
          recuse: { type: "string" },
          decision: { type: "string" },
          by: { type: "string" },
        },
        allowPositionals: true,
        strict: true,
      });
    } catch (e) {
      throw new WrongCall((e as Error).message);
    }
    const v = parsed.values;
    lang = v.lang === "en" ? "en" : "vi";
    const t = TEXT[lang];
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length) throw new WrongCall("council.xlsx");
    if (!v.out) throw new WrongCall("--out");
    const modes = [
      v.products !== undefined,
      !!v.close,
      !!v.reopen,
      v.recuse !== undefined,
      v.decision !== undefined,
    ];
    if (modes.filter(Boolean).length !== 1)
      throw new WrongCall("--products | --close | --reopen | --recuse | --decision");
    const round = v.round === undefined ? undefined : Number(v.round);
    if (round !== undefined && (!Number.isInteger(round) || round < 1))
      throw new WrongCall(`--round ${v.round}`);
    if (v.decision !== undefined && v.decision !== "accept" && v.decision !== "withhold")
      throw new WrongCall(`--decision ${v.decision}`);
    if ((v.recuse !== undefined || v.decision !== undefined) && !v.product) throw new WrongCall("--product");

    await refuseAliases([v.out], [file]);
    await checkTarget(v.out);
    const bytes = new Uint8Array(await readFile(file));
    let host: PartsHost;
    try {
      host = await PartsHost.fromBuffer(bytes, { fileName: basename(file), codec: nodeCodec });
    } catch (e) {
      const findings: Finding[] = packageFindings(e) ?? [
        {
          code: LAYOUT_CODES.fileUnreadable,
          severity: "error",
          where: { file },
          params: { detail: (e as Error).message },
        },
      ];
      io.stdout(findingLines(findings, lang));
      return 2;
    }
    const opts: RoundOptions = {
      now: io.now?.() ?? new Date(),
      by: v.by ?? "CLI",
      // A name given with --by is a person's: a closed round keeps it (Người khóa).
      ...(v.by?.trim() ? { person: v.by.trim() } : {}),
      ...(v.password ? { password: v.password } : {}),
    };
    const reason = v.reason ?? "";
    let outcome: { written: boolean; findings: Finding[] };
    let done = "";
    let roundNo: number | null = null;
    if (v.products !== undefined) {
      const r = await openRound(
        host,
        { products: codes(v.products), reason: reason || DEFAULT_REASON },
        opts
      );
      outcome = r;
      roundNo = r.round;
      done = r.round ? t.opened(r.round, codes(v.products).join(", ")) : "";
    } else if (v.close) {
      const r = await closeRound(host, { round }, opts);
      outcome = r;
      roundNo = r.round;
      done = r.round ? t.closed(r.round) : "";
    } else if (v.reopen) {
      const r = await reopenRound(host, { round, reason }, opts);
      outcome = r;
      roundNo = r.round;
      done = r.round ? t.reopened(r.round) : "";
    } else if (v.recuse !== undefined) {
      outcome = await recordRecusal(host, { member: v.recuse, product: v.product!, reason }, opts);
      done = t.recused(v.recuse, v.product!);
    } else {
      outcome = await recordChairDecision(
        host,
        { product: v.product!, decision: v.decision as "accept" | "withhold", reason },
        opts
      );
      done = t.decided(v.product!);
    }
    if (outcome.written) await writeSafely(v.out, await host.toBuffer());
    if (v.json)
      io.stdout(
        JSON.stringify(
          {
            written: outcome.written,
            ...(outcome.written ? { out: v.out } : {}),
            round: roundNo,
            findings: outcome.findings.map((f) => findingJson(f, lang)),
          },
          null,
          2
        ) + "\n"
      );
    else {
      if (outcome.findings.length) io.stdout(findingLines(outcome.findings, lang));
      io.stdout(outcome.written ? `${done}\n${t.wrote(v.out)}\n` : `${t.refused}\n`);
    }
    return outcome.written ? 0 : 1;
  } catch (e) {
    if (e instanceof WrongCall) {
      io.stderr(TEXT[lang].wrong(e.message));
      return 2;
    }
    if (e instanceof OutputError) {
      io.stderr(outputMessage(e, lang) + "\n");
      return 2;
    }
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      io.stdout(
        findingLines(
          [
            {
              code: LAYOUT_CODES.fileUnreadable,
              severity: "error",
              where: { file: args[0] ?? "" },
              params: { detail: (e as Error).message },
            },
          ],
          lang
        )
      );
      return 2;
    }
    throw e;
  }
};
