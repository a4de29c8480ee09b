/**
 * Stands in for office.js in the browser e2e of the pane's Excel mode (test/e2e/excelMode.e2e.ts): the test serves
 * this bundle where taskpane.html asks Microsoft's CDN for office.js, so the production page runs unchanged, as in
 * Excel, over the project's fake Excel (test/fakes/fakeExcel.ts).
 *
 * It installs `Office` (onReady, context.requirements, displayLanguage) and `Excel` (run and the enums the host
 * reads) at once, as office.js does, and answers onReady only once the fake holds the example council workbook.
 * The page's address chooses the Excel: `?excelApi=1.8` (the manifest's minimum; default 1.17).
 * `window.__fakeExcel` lets the test read the workbook's cells and play the user selecting a cell in Excel;
 * `window.__otherMembersScore()` plays the rest of the council typing their scores into the shared workbook.
 */
import { writeExampleCouncilBook } from "../../../src/app/member/example";
import { readWorkbook } from "../../../src/app/readWorkbook";
import { parseSheets } from "../../../src/app/scores";
import { ExcelHost } from "../../../src/hosts/excel/excelHost";
import { parseAddress } from "../../../src/layout/a1";
import { loadEdition } from "../../../src/ocop/criteria/builtin";
import { generateScores } from "../../../src/sim/generate";
import { FakeExcel } from "../../fakes/fakeExcel";

const maxApi = new URLSearchParams(location.search).get("excelApi") ?? "1.17";
// Seeded at 1.17, then lowered to the Excel asked for (the fake refuses what its version lacks).
const fake = new FakeExcel({ maxApi: "1.17" });

// The workbook was made elsewhere (`ocop init`) and the others score elsewhere: written with every requirement
// set, whatever this Excel offers.
const outside = new ExcelHost({ run: fake.excelRun, requirements: new FakeExcel().requirements });
const asOutside = async <T>(work: () => Promise<T>): Promise<T> => {
  fake.maxApi = "1.17";
  try {
    return await work();
  } finally {
    fake.maxApi = maxApi;
  }
};
const seeding = asOutside(() => writeExampleCouncilBook(outside)).then(() => fake.resetStats());

/**
 * Every score cell still empty on every member's sheet gets a generated level (seeded); cells already typed are
 * left as they are. Resolves with the number of cells written.
 */
const otherMembersScore = async (): Promise<number> => {
  const catalogue = await loadEdition("qd26-2026");
  const read = await readWorkbook(outside);
  const session = read.session!;
  const scores = generateScores(session, catalogue, { seed: 19 });
  const writes: { sheet: string; row: number; col: number; value: number }[] = [];
  for (const { grid, parsed } of parseSheets(read.scoreSheets, session, catalogue)) {
    const own = scores.find((s) => s.member === parsed.scores?.member);
    const wanted = new Map(own?.entries.map((e) => [`${e.product}|${e.criterion}`, e.raw.value]));
    for (const e of parsed.scores?.entries ?? []) {
      const value = wanted.get(`${e.product}|${e.criterion}`);
      const empty = e.raw.value === null || e.raw.value === "";
      if (!empty || typeof value !== "number" || !e.cell) continue;
      writes.push({ sheet: grid.name, ...parseAddress(e.cell)!, value });
    }
  }
  await outside.apply({ plans: [], cellWrites: writes });
  return writes.length;
};

const g = globalThis as Record<string, unknown>;
g.Office = {
  onReady: async () => {
    await seeding;
    return { host: "Excel", platform: "OfficeOnline" };
  },
  context: { displayLanguage: "vi-VN", requirements: fake.requirements, officeTheme: null },
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
};
g.Excel = {
  run: fake.run,
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    itemNotFound: "ItemNotFound",
    invalidArgument: "InvalidArgument",
  },
};
g.__fakeExcel = fake;
g.__otherMembersScore = () => asOutside(otherMembersScore);
