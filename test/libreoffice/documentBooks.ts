/**
 * Result workbooks with the printed documents at the sizes councils have: a district council (148/2023),
 * a province council (26/2026) and a province council with 400 products. Planned by the layout, written by the
 * parts host, exactly as a consolidation writes them.
 */
import { loadEdition } from "../../src/ocop/criteria/builtin";
import { consolidate } from "../../src/ocop/consolidate";
import type { Session } from "../../src/ocop/session";
import { generateScores, generateSession } from "../../src/sim/generate";
import { FORM_SHEET_PREFIX, formSheetName, planDocuments } from "../../src/layout/documents";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";

export interface DocumentBook {
  size: string;
  session: Session;
  bytes: Uint8Array;
  sheets: string[];
}

export interface BookSize {
  size: string;
  edition: string;
  level: "district" | "province" | "central";
  products: number;
  members: number;
}

export const SIZES: readonly BookSize[] = [
  { size: "district", edition: "qd148-2023", level: "district", products: 30, members: 7 },
  { size: "province", edition: "qd26-2026", level: "province", products: 120, members: 11 },
  { size: "province-400", edition: "qd26-2026", level: "province", products: 400, members: 11 },
];

export const documentBook = async (spec: BookSize): Promise<DocumentBook> => {
  const catalogue = await loadEdition(spec.edition);
  // Forms whose transcription the catalogue check refuses (148/2023 has a few) are left out of the session.
  const probe = generateSession({ products: 60, members: 3, catalogue, seed: 15 });
  const refused = new Set(
    consolidate(probe, catalogue, generateScores(probe, catalogue, { seed: 15 }))
      .findings.filter((f) => f.severity === "error" && f.where.form)
      .map((f) => String(f.where.form))
  );
  const forms = [...catalogue.forms.keys()].filter((k) => !refused.has(k));
  const base = generateSession({
    products: spec.products,
    members: spec.members,
    catalogue,
    seed: 15,
    forms,
  });
  const session: Session = {
    ...base,
    council: { ...base.council, level: spec.level, place: "Bắc Ninh", date: "2027-02-05" },
  };
  const scores = generateScores(session, catalogue, { seed: 15, pattern: ["typical", "harsh", "lenient"] });
  const consolidation = consolidate(session, catalogue, scores);
  if (consolidation.products.length !== spec.products)
    throw new Error(
      `the ${spec.size} session did not consolidate: ${JSON.stringify(consolidation.findings[0])}`
    );
  const all = planDocuments({ session, consolidation, runDate: "2027-02-05", catalogue, scores }, null);
  // One member's forms stand for all (each member's sheet is the same plan over their own scores).
  const first = formSheetName(session.members[0]!.code);
  const plans = all.filter((p) => !p.name.startsWith(FORM_SHEET_PREFIX) || p.name === first);
  const host = PartsHost.createEmpty({ codec: nodeCodec });
  await host.apply({ plans });
  const bytes = await host.toBuffer();
  return { size: spec.size, session, bytes, sheets: plans.map((p) => p.name) };
};
