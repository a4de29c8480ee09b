/** Running the use cases on corpus bytes, and the assertions every case shares. */
import { checkSheets, type CheckResult } from "../../src/app/checkSheets";
import { consolidateWorkbook, type ConsolidateResult } from "../../src/app/consolidate";
import { sha256Hex } from "../../src/app/hash";
import type { Finding, Where } from "../../src/ocop/findings";
import { describeFinding } from "../../src/ocop/messages";
import "../../src/layout/messages";
import { ExcelJsHost } from "../reference/exceljsHost";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";

export const COUNCIL_FILE = "Hội đồng OCOP 2023.xlsx";
export const bookFile = (member: string): string => `Phiếu ${member} – đã chấm.xlsx`;

/**
 * Checks with the ExcelJS host and with the parts host (what the command line uses); both must report the
 * same findings, so every sheet case below holds for both readers.
 */
export const check = async (bytes: Uint8Array, file: string): Promise<CheckResult> => {
  const viaExcelJs = await checkSheets(await ExcelJsHost.fromBuffer(bytes, { fileName: file }), { file });
  const viaParts = await checkSheets(
    await PartsHost.fromBuffer(bytes, { fileName: file, codec: nodeCodec }),
    { file }
  );
  expect(viaParts.findings).toEqual(viaExcelJs.findings);
  return viaExcelJs;
};

export const consolidateBytes = async (
  council: Uint8Array,
  books: { file: string; bytes: Uint8Array }[] = [],
  now = new Date("2023-06-20T09:00:00Z")
): Promise<{ result: ConsolidateResult; host: ExcelJsHost }> => {
  const host = await ExcelJsHost.fromBuffer(council, { fileName: COUNCIL_FILE });
  const inputs = [];
  for (const b of books) {
    inputs.push({
      host: await ExcelJsHost.fromBuffer(b.bytes, { fileName: b.file }),
      file: b.file,
      sha256: await sha256Hex(b.bytes),
    });
  }
  const result = await consolidateWorkbook(host, {
    books: inputs,
    file: COUNCIL_FILE,
    sha256: await sha256Hex(council),
    now,
    tool: "test",
  });
  // The same consolidation through the parts host must find and compute the same.
  const parts = await consolidateWorkbook(
    await PartsHost.fromBuffer(council, { fileName: COUNCIL_FILE, codec: nodeCodec }),
    {
      books: await Promise.all(
        books.map(async (b) => ({
          host: await PartsHost.fromBuffer(b.bytes, { fileName: b.file, codec: nodeCodec }),
          file: b.file,
          sha256: await sha256Hex(b.bytes),
        }))
      ),
      file: COUNCIL_FILE,
      sha256: await sha256Hex(council),
      now,
      tool: "test",
    }
  );
  expect(parts.findings).toEqual(result.findings);
  expect(parts.consolidation?.products).toEqual(result.consolidation?.products);
  expect(parts.written).toBe(result.written);
  return { result, host };
};

export interface Expected {
  code: string;
  severity: "error" | "warning";
  where: Partial<Where>;
}

/** The finding is there, exactly once with this code at this place, and its words name the place. */
export const expectFinding = (findings: Finding[], exp: Expected): Finding => {
  const at = findings.filter(
    (f) =>
      f.code === exp.code &&
      f.severity === exp.severity &&
      Object.entries(exp.where).every(([k, v]) => f.where[k as keyof Where] === v)
  );
  if (at.length !== 1) {
    // Shows what was found instead.
    expect(findings.map((f) => ({ code: f.code, severity: f.severity, where: f.where }))).toContainEqual(
      expect.objectContaining({
        code: exp.code,
        severity: exp.severity,
        where: expect.objectContaining(exp.where),
      })
    );
    expect(at).toHaveLength(1);
  }
  const f = at[0]!;
  for (const lang of ["vi", "en"] as const) {
    const d = describeFinding(f, lang);
    expect(d.message).not.toMatch(/\{\w+\}/);
    expect(d.message.startsWith(f.code)).toBe(false); // a template exists for the code
    expect(d.fix.length).toBeGreaterThan(10);
    if (f.where.file) expect(d.where).toContain(f.where.file);
    if (f.where.cell)
      expect(d.where).toContain(f.where.sheet ? `'${f.where.sheet}'!${f.where.cell}` : f.where.cell);
    else if (f.where.sheet) expect(d.where).toContain(f.where.sheet);
    if (f.where.product) expect(d.where).toContain(f.where.product);
    if (f.where.criterion) expect(d.where).toContain(f.where.criterion);
  }
  return f;
};

export const errorsOf = (findings: Finding[]): Finding[] => findings.filter((f) => f.severity === "error");

/** Compact list for failure messages. */
export const brief = (findings: Finding[]): string[] =>
  findings.map(
    (f) =>
      `${f.severity} ${f.code} ${[f.where.sheet, f.where.cell, f.where.member, f.where.product, f.where.criterion].filter(Boolean).join(" ")}`
  );
