/**
 * "Mở phiên mẫu": a small made-up council session, written as a council workbook into an empty workbook, so a
 * newcomer sees the member's whole flow without Excel and without a file. Generated in the browser from the
 * shipped criteria with src/sim/generate.ts (seeded: the same session every time).
 */
import type { WorkbookHost } from "../../hosts/workbook";
import { DEFAULT_EDITION, loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import type { Session } from "../../ocop/session";
import { generateSession } from "../../sim/generate";
import { setUpSession } from "../setUpSession";

export const EXAMPLE_SEED = 2026;
/** Honey and tea: two forms, so the sheet shows two blocks. */
export const EXAMPLE_FORMS = ["04", "11"] as const;

export const exampleSession = (catalogue: Catalogue): Session => {
  const session = generateSession({
    catalogue,
    seed: EXAMPLE_SEED,
    products: 4,
    members: 5,
    forms: [...EXAMPLE_FORMS],
  });
  return {
    ...session,
    id: "example-2026",
    council: { ...session.council, name: "Hội đồng OCOP mẫu (dữ liệu minh hoạ)" },
  };
};

/** Writes the example council workbook (as `ocop init` makes one: setup sheets, every member's sheet) into `target`. */
export const writeExampleCouncilBook = async (
  target: WorkbookHost,
  loadCatalogue: (id: string) => Promise<Catalogue> = loadEdition,
  now: () => Date = () => new Date()
): Promise<Session> => {
  const catalogue = await loadCatalogue(DEFAULT_EDITION);
  const session = exampleSession(catalogue);
  const { findings } = await setUpSession(target, { session, catalogue, now: now() });
  if (findings.length)
    throw new Error(`Example session not written: ${findings.map((f) => f.code).join(", ")}`);
  return session;
};
