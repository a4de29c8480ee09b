/**
 * What the check page does on a scratch workbook in a real Excel: the council's use cases through the Excel host
 * (district size), then Excel's own rules the fake Excel models (test/fakes/), each recorded as it happened: the
 * error code and where Excel raised it, or what Excel kept. docs/excel-check.md says how to run it.
 */
import { checkSheets } from "../app/checkSheets";
import { injectScoreSheet } from "../app/injectScoreSheet";
import { createSecretariat } from "../app/secretariat/secretariat";
import { setUpSession } from "../app/setUpSession";
import type { ExcelHost } from "../hosts/excel/excelHost";
import { enteredValues, planScoreSheet } from "../layout/scoreSheet";
import { DEFAULT_EDITION, loadEdition } from "../ocop/criteria/builtin";
import type { Catalogue } from "../ocop/criteria/types";
import { generateScores, generateSession } from "../sim/generate";
import { partsFiles } from "../hosts/xlsx/parts/partsFiles";

export interface CheckCase {
  name: string;
  /** What the fake Excel does, to compare with what Excel did. */
  fake: string;
  run: (host: ExcelHost) => Promise<string>;
}

/** Text Excel may turn into numbers, dates, times or errors (the fake's coercion, coerceInput). */
export const RISKY_TEXT = [
  "#N/A",
  "13:45",
  "1:30 PM",
  "0 1/2",
  "1/2",
  "12/05/2024",
  "5-Jan",
  "$5",
  "(5)",
  "50%",
  "TRUE",
];

const SCRATCH = "~ocop_check";

/** Deletes a sheet if it exists (a null object can't be deleted). */
export async function deleteIfThere(context: Excel.RequestContext, name: string): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  if (!ws.isNullObject) ws.delete();
}

/** A fresh scratch sheet, deleted first if a previous run left it. */
async function scratch(): Promise<void> {
  await Excel.run(async (context) => {
    await deleteIfThere(context, SCRATCH);
    context.workbook.worksheets.add(SCRATCH);
    await context.sync();
  });
}

/** The secretariat's use cases on the Excel host, as the pane runs them. */
const secretariatOf = (host: ExcelHost, load: () => Promise<Catalogue>) =>
  createSecretariat(host, { tool: "excel-check", load, workbooks: partsFiles() });

export function checkCases(): CheckCase[] {
  const council = (async () => {
    const catalogue = await loadEdition(DEFAULT_EDITION);
    const session = generateSession({
      products: 10,
      members: 5,
      catalogue,
      seed: 2026,
      forms: ["01", "06", "11"],
    });
    const scores = generateScores(session, catalogue, { seed: 2027 });
    return { catalogue, session, scores, load: async () => catalogue };
  })();

  return [
    {
      name: "set up a session (5 members × 10 products)",
      fake: "4 syncs",
      run: async (host) => {
        const { session, catalogue } = await council;
        const { findings } = await setUpSession(host, { session, catalogue });
        return `${findings.length} findings`;
      },
    },
    {
      name: "write the members' score sheets",
      fake: "3 syncs",
      run: async (host) => {
        const { session, catalogue, scores } = await council;
        await host.apply({
          plans: session.members.map((member, i) =>
            planScoreSheet({ session, catalogue, member, existing: enteredValues(scores[i]!) })
          ),
        });
        return "written";
      },
    },
    {
      name: "insert a member sheet (secretariat)",
      fake: "5 syncs",
      run: async (host) => {
        const { session, load } = await council;
        const out = await injectScoreSheet(host, session.members[0]!.code, { load });
        return out.written ? "written" : `not written (${out.findings.map((f) => f.code).join(", ")})`;
      },
    },
    {
      name: "check all",
      fake: "3 syncs",
      run: async (host) => {
        const { load } = await council;
        const out = await checkSheets(host, { load });
        return `${out.findings.length} findings`;
      },
    },
    {
      name: "consolidate and write the results",
      fake: "5 syncs",
      run: async (host) => {
        const { load } = await council;
        const out = await secretariatOf(host, load).consolidate();
        return out.written ? "written" : "not written";
      },
    },
    {
      name: "open round 2 for one product",
      fake: "5 syncs",
      run: async (host) => {
        const { session, load } = await council;
        const out = await secretariatOf(host, load).openRound(
          [session.products[0]!.code],
          "Kiểm tra trên Excel"
        );
        return out.written ? "opened" : `not written (${out.findings.map((f) => f.code).join(", ")})`;
      },
    },
    {
      name: "record a score change (a row appended to the protected history sheet)",
      fake: "4 syncs",
      run: async (host) => {
        const { session, load } = await council;
        const out = await secretariatOf(host, load).recordScoreChanges([
          {
            at: new Date().toISOString(),
            member: session.members[0]!.code,
            product: session.products[0]!.code,
            criterion: "1.1",
            round: 2,
            old: null,
            new: 1,
            source: { kind: "pane" },
            by: "excel-check",
          },
        ]);
        return out.written ? "appended" : `not written (${out.findings.map((f) => f.code).join(", ")})`;
      },
    },
    {
      name: "close round 2 (the sheets locked, their values appended to the history)",
      fake: "5 syncs",
      run: async (host) => {
        const { load } = await council;
        const out = await secretariatOf(host, load).closeRound();
        return out.written ? "closed" : `not written (${out.findings.map((f) => f.code).join(", ")})`;
      },
    },
    {
      name: "overlapping merge (merge B1:C2 over A1:B1)",
      fake: "InvalidOperation at Range.merge",
      run: async () => {
        await scratch();
        await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          ws.getRange("A1:B1").merge(false);
          ws.getRange("B1:C2").merge(false);
          await context.sync();
        });
        return "merged without error";
      },
    },
    {
      name: "table over merged cells",
      fake: "InvalidOperation at TableCollection.add",
      run: async () => {
        await scratch();
        await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          ws.getRange("A1:B1").merge(false);
          ws.tables.add(ws.getRange("A1:B3"), true);
          await context.sync();
        });
        return "table added";
      },
    },
    {
      name: "activate a hidden sheet",
      fake: "InvalidOperation at Worksheet.activate",
      run: async () => {
        await scratch();
        await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          ws.visibility = Excel.SheetVisibility.hidden;
          await context.sync();
          ws.activate();
          await context.sync();
        });
        return "activated";
      },
    },
    {
      name: "hide the last visible sheet",
      fake: "InvalidOperation at Worksheet.visibility",
      run: async () => {
        await scratch();
        return Excel.run(async (context) => {
          const sheets = context.workbook.worksheets;
          sheets.load("items/name,items/visibility");
          await context.sync();
          const visible = sheets.items.filter((s) => s.visibility === Excel.SheetVisibility.visible);
          try {
            for (const s of visible) s.visibility = Excel.SheetVisibility.hidden;
            await context.sync();
            return "all hidden";
          } finally {
            // Whatever happened, show them again.
            for (const s of visible) s.visibility = Excel.SheetVisibility.visible;
            await context.sync();
          }
        });
      },
    },
    {
      name: "rename a table on a protected sheet",
      fake: "AccessDenied at Table.name",
      run: async () => {
        await scratch();
        await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          ws.getRange("A1:A2").values = [["Mã"], ["TV01"]];
          const table = ws.tables.add(ws.getRange("A1:A2"), true);
          ws.protection.protect();
          await context.sync();
          table.name = "T_Check";
          await context.sync();
        });
        return "renamed";
      },
    },
    {
      name: "value under a merge (B1 of A1:C1)",
      fake: "the plan linter refuses such plans",
      run: async () => {
        await scratch();
        return Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          ws.getRange("A1:C1").merge(false);
          ws.getRange("A1:C1").values = [["a", "b", "c"]];
          const back = ws.getRange("A1:C1");
          back.load("values");
          await context.sync();
          return `kept ${JSON.stringify(back.values)}`;
        });
      },
    },
    {
      name: "table header normalisation",
      fake: '["Mã","mã2","Column4","Column5","5","Column3"] (a formula header: its value)',
      run: async () => {
        await scratch();
        return Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          ws.getRange("A1:F1").formulas = [["Mã", "mã", "", "=1+1", 5, "Column3"]];
          ws.tables.add(ws.getRange("A1:F3"), true);
          const back = ws.getRange("A1:F1");
          back.load("values,formulas");
          await context.sync();
          return `values ${JSON.stringify(back.values)} formulas ${JSON.stringify(back.formulas)}`;
        });
      },
    },
    {
      name: "text Excel coerces (General cells)",
      fake: "every one converted (number, date, time, error)",
      run: async () => {
        await scratch();
        return Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(SCRATCH);
          const range = ws.getRangeByIndexes(0, 0, RISKY_TEXT.length, 1);
          range.values = RISKY_TEXT.map((t) => [t]);
          range.load("values,valueTypes");
          await context.sync();
          const values = range.values;
          const types = range.valueTypes;
          return RISKY_TEXT.map((t, i) => `${t} → ${JSON.stringify(values[i]![0])} ${types[i]![0]}`).join(
            "; "
          );
        });
      },
    },
    {
      name: "a response over 5 MB (read 40,000 cells of 70 characters, values and formulas)",
      fake: "ResponsePayloadSizeLimitExceeded (web); read on desktop",
      run: async () => {
        await scratch();
        const text = "x".repeat(70);
        // Written in ten requests of ~300 KB, then read in one.
        for (let block = 0; block < 10; block++)
          await Excel.run(async (context) => {
            const ws = context.workbook.worksheets.getItem(SCRATCH);
            ws.getRangeByIndexes(block * 40, 0, 40, 100).values = Array.from({ length: 40 }, () =>
              Array<string>(100).fill(text)
            );
            // Ten requests on purpose: one would itself be over the request limit this case is not about.
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          });
        return Excel.run(async (context) => {
          const range = context.workbook.worksheets.getItem(SCRATCH).getRangeByIndexes(0, 0, 400, 100);
          range.load("values,formulas");
          await context.sync();
          return "read";
        });
      },
    },
  ];
}

export const SCRATCH_SHEET = SCRATCH;
