/**
 * The `ocop` command line over the xlsx host. `run` takes the arguments and an output sink and returns
 * the exit code (0 no errors, 1 errors found, 2 unreadable input, wrong call or an output that cannot be
 * written), so tests call it in-process.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { listEditions, DEFAULT_EDITION } from "../ocop/criteria/builtin";
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import type { Lang } from "../ocop/messages";
import { DEFAULT_SETTINGS, type Session } from "../ocop/session";
import { defaultLevelOf, levelsOf } from "../ocop/process";
import { indexSession } from "../ocop/sessionIndex";
import { validateLevel, validateSession } from "../ocop/validate";
import { readLevel } from "../layout/labels";
import { nodeCodec } from "../hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../hosts/xlsx/parts/partsHost";
import { packageFindings } from "../hosts/xlsx/packageGuard";
import { APP_CODES, LAYOUT_CODES } from "../layout/codes";
import { membersFromRows, productsFromRows } from "../layout/setupSheets";
import { catalogueFor } from "../app/catalogue";
import { checkSheets } from "../app/checkSheets";
import { consolidateWorkbook } from "../app/consolidate";
import { sha256Hex } from "../app/hash";
import { importForms } from "../app/importForms";
import { exportMemberBooks } from "../app/memberBook";
import { setUpSession } from "../app/setUpSession";
import { readCsvBytes } from "../ocop/csvFile";
import { discussionLines, findingJson, findingLines, productsJson, rankingLines } from "./report";
import { TEXT } from "./text";
import { bookFileNames } from "./bookNames";
import { outputMessage, refuseAliases } from "./outputs";
import { OutputError, checkTarget, ensureFolder, writeAllSafely, writeSafely } from "./safeWrite";
import { roundCommand } from "./commands/round";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress is redrawn on one line on a terminal, written line by line otherwise. */
  isTTY?: boolean;
  now?: () => Date;
}

class WrongCall extends Error {}
class Unreadable extends Error {
  constructor(
    readonly file: string,
    detail: string,
    /** The package guard's own findings (not an .xlsx, encrypted, truncated, zip bomb, …), when it refused the file. */
    readonly refused: Finding[] | null = null
  ) {
    super(detail);
  }
}

const COMMON = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
} as const;

const unreadable = (file: string, detail: string): Finding => ({
  code: LAYOUT_CODES.fileUnreadable,
  severity: "error",
  where: { file },
  params: { detail },
});

const unreadableFindings = (e: Unreadable): Finding[] => e.refused ?? [unreadable(e.file, e.message)];

const readBytes = async (file: string): Promise<Uint8Array> => {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    throw new Unreadable(
      file,
      (e as NodeJS.ErrnoException).code === "ENOENT"
        ? `không có tệp ${file} / no such file`
        : String((e as Error).message)
    );
  }
};

/**
 * Opens a workbook the command reads (and, for consolidate, writes a copy of) with the parts host: it
 * reads sheet XML directly and copies unchanged parts, several times faster than ExcelJS on big books.
 */
const openXlsx = async (file: string): Promise<{ host: PartsHost; bytes: Uint8Array }> => {
  const bytes = await readBytes(file);
  try {
    return { host: await PartsHost.fromBuffer(bytes, { fileName: basename(file), codec: nodeCodec }), bytes };
  } catch (e) {
    throw new Unreadable(
      file,
      `không phải tệp .xlsx hợp lệ / not a valid .xlsx file (${(e as Error).message})`,
      packageFindings(e)
    );
  }
};

const progress = (io: CliIO) => {
  let shown = false;
  return {
    step(done: number, total: number, label: string): void {
      const line = `[${done}/${total}] ${label}`;
      if (io.isTTY) {
        io.stderr(`\r\x1b[K${line}`);
        shown = true;
      } else io.stderr(`${line}\n`);
    },
    end(): void {
      if (shown) io.stderr("\n");
      shown = false;
    },
  };
};

export const run = async (argv: string[], io: CliIO): Promise<number> => {
  const [command, ...rest] = argv;
  let lang: Lang = argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";
  const t = () => TEXT[lang];
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      io.stdout(t().help);
      return command ? 0 : 2;
    }
    if (command === "round") return await roundCommand(rest, io);
    const parse = <
      O extends Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>,
    >(
      options: O
    ) => {
      try {
        return parseArgs({
          args: rest,
          options: { ...COMMON, ...options },
          allowPositionals: true,
          strict: true,
        });
      } catch (e) {
        throw new WrongCall((e as Error).message);
      }
    };
    const base = parse({
      products: { type: "string" },
      members: { type: "string" },
      edition: { type: "string" },
      criteria: { type: "string" },
      title: { type: "string" },
      level: { type: "string" },
      year: { type: "string" },
      place: { type: "string" },
      date: { type: "string" },
      password: { type: "string" },
      out: { type: "string" },
      "out-dir": { type: "string" },
    });
    const v = base.values as Record<string, string | boolean | undefined>;
    if (v.lang !== undefined && v.lang !== "vi" && v.lang !== "en")
      throw new WrongCall(`--lang ${String(v.lang)}`);
    lang = v.lang === "en" ? "en" : "vi";
    if (v.help) {
      io.stdout(t().help);
      return 0;
    }
    const allow = (names: string[]): void => {
      for (const [k, val] of Object.entries(v)) {
        if (val !== undefined && !["lang", "help", ...names].includes(k))
          throw new WrongCall(`--${k} (${command})`);
      }
    };
    const need = (name: string): string => {
      const val = v[name];
      if (typeof val !== "string" || val === "") throw new WrongCall(`--${name}`);
      return val;
    };
    const positionals = base.positionals;
    const now = io.now?.() ?? new Date();

    switch (command) {
      case "init": {
        allow([
          "products",
          "members",
          "edition",
          "criteria",
          "title",
          "level",
          "year",
          "place",
          "date",
          "password",
          "out",
          "json",
        ]);
        if (positionals.length) throw new WrongCall(positionals.join(" "));
        const out = need("out");
        await refuseAliases(
          [out],
          [need("products"), need("members"), ...(typeof v.criteria === "string" ? [v.criteria] : [])]
        );
        await checkTarget(out);
        const edition = (v.edition as string | undefined) ?? DEFAULT_EDITION;
        if (!listEditions().some((e) => e.id === edition))
          throw new WrongCall(
            `--edition ${edition} (${listEditions()
              .map((e) => e.id)
              .join(", ")})`
          );
        const levelArg = v.level as string | undefined;
        const level = levelArg === undefined ? defaultLevelOf(edition) : readLevel(levelArg);
        if (level === null)
          throw new WrongCall(`--level ${String(levelArg)} (${levelsOf(edition).join(", ")})`);
        // A level the edition does not have (26/2026 has no district council) is a wrong call: exit 2.
        const levelFindings = validateLevel({ edition, council: { level } as Session["council"] });
        if (levelFindings.length) {
          io.stdout(
            v.json
              ? JSON.stringify({ findings: levelFindings.map((f) => findingJson(f, lang)) }, null, 2) + "\n"
              : findingLines(levelFindings, lang)
          );
          return 2;
        }
        const year = v.year === undefined ? now.getFullYear() : Number(v.year);
        if (!Number.isInteger(year)) throw new WrongCall(`--year ${String(v.year)}`);
        const findings: Finding[] = [];
        const table = async (key: "products" | "members") => {
          const file = need(key);
          const read = readCsvBytes(await readBytes(file), file);
          findings.push(...read.findings);
          const rows = read.rows;
          if (rows.length < 2 && !hasErrors(read.findings))
            findings.push({ code: APP_CODES.csvEmpty, severity: "error", where: { file }, params: {} });
          return { file, rows };
        };
        const p = await table("products");
        const m = await table("members");
        const products = productsFromRows(p.rows, { file: p.file });
        const members = membersFromRows(m.rows, { file: m.file });
        findings.push(...products.findings, ...members.findings);
        // The council's own forms (--criteria FORMS.xlsx), checked like the built-in ones.
        const own =
          typeof v.criteria === "string"
            ? await importForms((await openXlsx(v.criteria)).host, { edition, file: basename(v.criteria) })
            : null;
        findings.push(...(own?.findings ?? []));
        const session: Session = {
          id: randomUUID(),
          council: {
            name: (v.title as string | undefined) ?? "Hội đồng đánh giá, phân hạng sản phẩm OCOP",
            level,
            year,
            place: (v.place as string | undefined) ?? "",
            date: (v.date as string | undefined) ?? "",
          },
          edition,
          settings: { ...DEFAULT_SETTINGS },
          products: products.products,
          members: members.members,
          customForms: own?.forms ?? [],
        };
        const { catalogue } = await catalogueFor(session);
        findings.push(
          ...validateSession(session, catalogue, indexSession(session, catalogue)).filter(
            (f) => f.severity === "error"
          )
        );
        if (hasErrors(findings)) {
          io.stdout(
            v.json
              ? JSON.stringify({ findings: findings.map((f) => findingJson(f, lang)) }, null, 2) + "\n"
              : findingLines(findings, lang)
          );
          return 1;
        }
        const host = PartsHost.createEmpty({ fileName: basename(out), codec: nodeCodec, created: now });
        const r = await setUpSession(host, {
          session,
          catalogue,
          password: v.password as string | undefined,
          now,
        });
        if (hasErrors(r.findings)) {
          io.stdout(findingLines(r.findings, lang));
          return 1;
        }
        await writeSafely(out, await host.toBuffer());
        if (findings.length) io.stdout(findingLines(findings, lang));
        io.stdout(
          `${t().wrote(out)} (${session.products.length} SP, ${session.members.length} TV, ${edition})\n`
        );
        return 0;
      }

      case "books": {
        allow(["out-dir", "members", "password"]);
        if (positionals.length !== 1) throw new WrongCall("ocop books council.xlsx --out-dir DIR");
        const dir = need("out-dir");
        const file = positionals[0]!;
        const { host } = await openXlsx(file);
        const books = new Map<string, PartsHost>();
        const bar = progress(io);
        const r = await exportMemberBooks(
          host,
          (member) => {
            const h = PartsHost.createEmpty({
              fileName: `${member.code}.xlsx`,
              codec: nodeCodec,
              created: now,
            });
            books.set(member.code, h);
            return h;
          },
          {
            file: basename(file),
            password: v.password as string | undefined,
            members:
              typeof v.members === "string"
                ? v.members
                    .split(",")
                    .map((s) => s.trim())
                    .filter(Boolean)
                : undefined,
            now,
            onProgress: (done, total) => bar.step(done, total, [...books.keys()][done - 1] ?? ""),
          }
        );
        bar.end();
        if (hasErrors(r.findings)) {
          io.stdout(findingLines(r.findings, lang));
          return 1;
        }
        await ensureFolder(dir);
        // All books or none: each is written beside its target first, then all are renamed into place.
        const names = bookFileNames([...books.keys()]);
        const files = [];
        for (const [code, h] of books)
          files.push({ target: join(dir, names.get(code)!), bytes: await h.toBuffer() });
        await refuseAliases(
          files.map((f) => f.target),
          [file]
        );
        await writeAllSafely(files);
        for (const f of files) io.stdout(`${t().wrote(f.target)}\n`);
        return 0;
      }

      case "check": {
        allow(["json"]);
        if (!positionals.length) throw new WrongCall("ocop check FILE.xlsx...");
        const all: Finding[] = [];
        let unreadableInput = false;
        const bar = progress(io);
        for (const [i, file] of positionals.entries()) {
          if (positionals.length > 2) bar.step(i + 1, positionals.length, file);
          try {
            const { host } = await openXlsx(file);
            const r = await checkSheets(host, { file: basename(file) });
            all.push(...r.findings);
          } catch (e) {
            if (!(e instanceof Unreadable)) throw e;
            unreadableInput = true;
            all.push(...unreadableFindings(e));
          }
        }
        bar.end();
        io.stdout(
          v.json
            ? JSON.stringify(
                all.map((f) => findingJson(f, lang)),
                null,
                2
              ) + "\n"
            : findingLines(all, lang)
        );
        return unreadableInput ? 2 : hasErrors(all) ? 1 : 0;
      }

      case "consolidate": {
        allow(["out", "json", "password"]);
        if (!positionals.length)
          throw new WrongCall("ocop consolidate council.xlsx [BOOK.xlsx...] --out result.xlsx");
        const out = need("out");
        await refuseAliases([out], positionals);
        await checkTarget(out);
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
          onProgress: books.length > 2 ? (d, n, label) => bar.step(d, n, label) : undefined,
        });
        bar.end();
        if (!r.written || !r.consolidation || !r.session) {
          if (v.json)
            io.stdout(
              JSON.stringify(
                { written: false, findings: r.findings.map((f) => findingJson(f, lang)) },
                null,
                2
              ) + "\n"
            );
          else io.stdout(findingLines(r.findings, lang) + t().refused + "\n");
          return 1;
        }
        await writeSafely(out, await council.host.toBuffer());
        if (v.json) {
          io.stdout(
            JSON.stringify(
              {
                written: true,
                out,
                sessionId: r.session.id,
                edition: r.consolidation.edition,
                level: r.consolidation.level,
                products: productsJson(r.session, r.consolidation, lang),
                needsDiscussion: r.consolidation.needsDiscussion ?? [],
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
          io.stdout(`${t().wrote(out)}\n`);
        }
        return 0;
      }

      default:
        throw new WrongCall(`"${command}"`);
    }
  } catch (e) {
    if (e instanceof WrongCall) {
      io.stderr(t().wrongCall(e.message) + "\n");
      return 2;
    }
    if (e instanceof Unreadable) {
      io.stdout(findingLines(unreadableFindings(e), lang));
      return 2;
    }
    if (e instanceof OutputError) {
      io.stderr(outputMessage(e, lang) + "\n");
      return 2;
    }
    throw e;
  }
};

/** Runs with the process's arguments and streams (see entry.ts). */
export const main = async (): Promise<void> => {
  const code = await run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
};
