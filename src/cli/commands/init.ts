/** `ocop init`: the council workbook from the products and members CSV files (and the council's own forms). */
import { basename } from "node:path";
import { randomUUID } from "node:crypto";
import { listEditions, DEFAULT_EDITION } from "../../ocop/criteria/builtin";
import type { Finding } from "../../ocop/findings";
import { hasErrors } from "../../ocop/findings";
import { DEFAULT_SETTINGS, type Session } from "../../ocop/session";
import { defaultLevelOf, levelsOf } from "../../ocop/process";
import { indexSession } from "../../ocop/sessionIndex";
import { validateLevel, validateSession } from "../../ocop/validate";
import { readCsvBytes } from "../../ocop/csvFile";
import { readLevel } from "../../layout/labels";
import { APP_CODES } from "../../layout/codes";
import { membersFromRows, productsFromRows } from "../../layout/setupSheets";
import { nodeCodec } from "../../hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { catalogueFor } from "../../app/catalogue";
import { importForms } from "../../app/importForms";
import { setUpSession } from "../../app/setUpSession";
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
    const findings: Finding[] = [];
    const table = async (key: "products" | "members") => {
      const file = c.need(key);
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
      `${c.t().wrote(out)} (${session.products.length} SP, ${session.members.length} TV, ${edition})\n`
    );
    return 0;
  });
