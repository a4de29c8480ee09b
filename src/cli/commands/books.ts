/** `ocop books`: one workbook per member, written all together or not at all. */
import { basename, join } from "node:path";
import { hasErrors } from "../../ocop/findings";
import { nodeCodec } from "../../hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { exportMemberBooks } from "../../app/memberBook";
import type { CliIO } from "../io";
import { withCall } from "../call";
import { WrongCall } from "../failures";
import { openXlsx } from "../openBook";
import { progress } from "../progress";
import { findingLines } from "../report";
import { bookFileNames } from "../bookNames";
import { refuseAliases } from "../outputs";
import { ensureFolder, writeAllSafely } from "../safeWrite";
import { DELIBERATION_CODES } from "../../app/deliberation/codes";

const TEXT = {
  vi: {
    round: (n: number, products: string) =>
      `Phiếu vòng chấm ${n}: chỉ hỏi lại ${products}; điểm vòng trước in bên cạnh, chỉ để xem.`,
  },
  en: {
    round: (n: number, products: string) =>
      `Round ${n} books: they ask again for ${products} only; the earlier scores are shown beside, read-only.`,
  },
} as const;

export const books = (args: string[], io: CliIO): Promise<number> =>
  withCall("books", args, io, async (c) => {
    const { values: v, positionals, lang, now } = c;
    c.allow(["out-dir", "members", "password"]);
    if (positionals.length !== 1) throw new WrongCall("ocop books council.xlsx --out-dir DIR");
    const dir = c.need("out-dir");
    const file = positionals[0]!;
    const { host } = await openXlsx(file);
    const made = new Map<string, PartsHost>();
    const bar = progress(io);
    const r = await exportMemberBooks(
      host,
      (member) => {
        const h = PartsHost.createEmpty({ fileName: `${member.code}.xlsx`, codec: nodeCodec, created: now });
        made.set(member.code, h);
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
        onProgress: (done, total) => bar.step(done, total, [...made.keys()][done - 1] ?? ""),
      }
    );
    bar.end();
    if (hasErrors(r.findings)) {
      io.stdout(findingLines(r.findings, lang));
      return 1;
    }
    await ensureFolder(dir);
    // All books or none: each is written beside its target first, then all are renamed into place.
    const names = bookFileNames([...made.keys()]);
    const files = [];
    for (const [code, h] of made)
      files.push({ target: join(dir, names.get(code)!), bytes: await h.toBuffer() });
    await refuseAliases(
      files.map((f) => f.target),
      [file]
    );
    await writeAllSafely(files);
    // A closed round's books are read-only copies: say so, and how to let members score again.
    const closed = r.findings.filter((f) => f.code === DELIBERATION_CODES.booksOfClosedRound);
    if (closed.length) io.stdout(findingLines(closed, lang));
    if (r.round > 1) io.stdout(`${TEXT[lang].round(r.round, r.products.join(", "))}\n`);
    for (const f of files) io.stdout(`${c.t().wrote(f.target)}\n`);
    return 0;
  });
