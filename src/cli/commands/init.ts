/** `ocop init`: the council workbook from the products and members CSV files (and the council's own forms). */
import { basename } from "node:path";
import { randomUUID } from "node:crypto";
import { listEditions, DEFAULT_EDITION } from "../../ocop/criteria/builtin";
import type { Session } from "../../ocop/session";
import { defaultLevelOf, levelsOf } from "../../ocop/process";
import { validateLevel } from "../../ocop/validate";
import { readLevel } from "../../layout/labels";
import { initCouncilWorkbook } from "../../app/initCouncil";
import { cliWorkbooks } from "../compose";
import type { CliIO } from "../io";
import { withCall } from "../call";
import { WrongCall } from "../failures";
import { openXlsx, readBytes } from "../openBook";
import { findingJson, findingLines } from "../report";
import { refuseAliases } from "../outputs";
import { checkTarget, writeSafely } from "../safeWrite";

export const init = (args: string[], io: CliIO): Promise<number> =>
  withCall("init", args, io, async (c) => {
    const { values: v, positionals, lang, now } = c;
    c.allow([
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
    const out = c.need("out");
    await refuseAliases(
      [out],
      [c.need("products"), c.need("members"), ...(typeof v.criteria === "string" ? [v.criteria] : [])]
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
    if (level === null) throw new WrongCall(`--level ${String(levelArg)} (${levelsOf(edition).join(", ")})`);
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
    const table = async (key: "products" | "members") => ({
      file: c.need(key),
      bytes: await readBytes(c.need(key)),
    });
    const r = await initCouncilWorkbook(cliWorkbooks(now), {
      council: {
        name: (v.title as string | undefined) ?? "Hội đồng đánh giá, phân hạng sản phẩm OCOP",
        level,
        year,
        place: (v.place as string | undefined) ?? "",
        date: (v.date as string | undefined) ?? "",
      },
      edition,
      products: await table("products"),
      members: await table("members"),
      // The council's own forms (--criteria FORMS.xlsx), checked like the built-in ones.
      criteria:
        typeof v.criteria === "string"
          ? { file: basename(v.criteria), host: (await openXlsx(v.criteria)).host }
          : undefined,
      fileName: basename(out),
      password: v.password as string | undefined,
      now,
      newId: randomUUID,
    });
    const { findings, session } = r;
    if (!r.bytes) {
      io.stdout(
        v.json
          ? JSON.stringify({ findings: findings.map((f) => findingJson(f, lang)) }, null, 2) + "\n"
          : findingLines(findings, lang)
      );
      return 1;
    }
    await writeSafely(out, r.bytes);
    if (findings.length) io.stdout(findingLines(findings, lang));
    io.stdout(
      `${c.t().wrote(out)} (${session.products.length} SP, ${session.members.length} TV, ${edition})\n`
    );
    return 0;
  });
