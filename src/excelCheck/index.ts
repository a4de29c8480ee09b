/**
 * The check page (npm run excel-check → dist-excel-check/): run once in Excel on the web on a new, blank workbook.
 * It performs each case of cases.ts, then writes what happened — outcome or Excel's error code and where it was
 * raised, syncs, largest request and response, time — into a sheet "OCOP check" to send back.
 */
import { ExcelHost } from "../hosts/excel/excelHost";
import { officeCodeOf } from "../hosts/excel/errors";
import { checkCases, deleteIfThere, SCRATCH_SHEET } from "./cases";
import { installProbe, measured } from "./probe";

const RESULT_SHEET = "OCOP check";
const HEADER = [
  "case",
  "outcome",
  "error code",
  "raised at",
  "syncs",
  "largest request (bytes)",
  "largest response (bytes)",
  "ms",
  "fake Excel says",
  "platform",
];

function log(text: string): void {
  const out = document.getElementById("log");
  if (out) out.textContent += `${text}\n`;
}

async function runAll(): Promise<void> {
  const probe = installProbe();
  if (!probe) log("Request and response sizes cannot be measured with this office.js; the rest is recorded.");
  const host = new ExcelHost();
  const platform = `${Office.context.platform ?? "?"} ${Office.context.diagnostics?.version ?? ""}`.trim();
  const rows: (string | number)[][] = [];
  for (const c of checkCases()) {
    log(`… ${c.name}`);
    const started = performance.now();
    const { value, error, traffic } = await measured(() => c.run(host));
    const ms = Math.round(performance.now() - started);
    const where =
      (error as { debugInfo?: { errorLocation?: string } } | undefined)?.debugInfo?.errorLocation ?? "";
    const code = error ? (officeCodeOf(error) ?? (error as { officeCode?: string }).officeCode ?? "") : "";
    const outcome = error ? (error instanceof Error ? error.message : String(error)) : String(value);
    rows.push([
      c.name,
      outcome,
      code,
      where,
      traffic.syncs,
      traffic.maxRequestBytes,
      traffic.maxResponseBytes,
      ms,
      c.fake,
      platform,
    ]);
    log(`   ${code || "ok"} ${where} · ${traffic.syncs} syncs · ${ms} ms`);
  }
  await Excel.run(async (context) => {
    await deleteIfThere(context, SCRATCH_SHEET);
    await deleteIfThere(context, RESULT_SHEET);
    const ws = context.workbook.worksheets.add(RESULT_SHEET);
    const all = [HEADER, ...rows];
    const range = ws.getRangeByIndexes(0, 0, all.length, HEADER.length);
    range.numberFormat = all.map((r) => r.map((v) => (typeof v === "number" ? "0" : "@")));
    range.values = all;
    ws.activate();
    await context.sync();
  });
  const json = document.getElementById("json") as HTMLTextAreaElement | null;
  if (json) json.value = JSON.stringify({ platform, header: HEADER, rows }, null, 1);
  log(
    `Done: the sheet "${RESULT_SHEET}" holds the results. Save the workbook and send it back (or copy the JSON below).`
  );
}

void Office.onReady(() => {
  const button = document.getElementById("run") as HTMLButtonElement | null;
  button?.addEventListener("click", () => {
    button.disabled = true;
    runAll()
      .catch((e: unknown) => log(`Stopped: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => (button.disabled = false));
  });
});
