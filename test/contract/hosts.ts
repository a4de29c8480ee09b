/**
 * The WorkbookHost implementations the contract suite runs against:
 * - "excel": ExcelHost over the fake Excel (test/fakes/fakeExcel.ts), which counts syncs;
 * - "xlsx": ExcelJsHost (ExcelJS) on a real .xlsx file; `reopen()` saves and reloads it, so reads go through the file format;
 * - "parts": PartsHost, the same through the project's own part-by-part reader and writer.
 */
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import type { WorkbookHost } from "../../src/hosts/workbook";
import { FakeExcel } from "../fakes/fakeExcel";

export interface HostFixture {
  kind: "excel" | "xlsx";
  host: WorkbookHost;
  /** The host to read from after writing: the same Excel, or the .xlsx saved and opened again. */
  reopen(): Promise<WorkbookHost>;
  /** The fake behind the Excel host (sync counts, direct state access). */
  fake?: FakeExcel;
  /** Whether readSheets returns list validations (xlsx: yes; Excel: not read, see SheetGrid). */
  readsValidations: boolean;
}

export type HostFactory = () => Promise<HostFixture>;

export const makeExcelHost: HostFactory = async () => {
  const fake = new FakeExcel();
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  return { kind: "excel", host, fake, readsValidations: false, reopen: async () => host };
};

export const makeExcelJsHost: HostFactory = async () => {
  // Imported lazily: ExcelJS is loaded only by the suites that run this host.
  const { ExcelJsHost } = await import("../reference/exceljsHost");
  const fixture: HostFixture = {
    kind: "xlsx",
    host: ExcelJsHost.createEmpty(),
    readsValidations: true,
    reopen: async () => {
      const bytes = await (fixture.host as unknown as { toBuffer(): Promise<Uint8Array> }).toBuffer();
      fixture.host = await ExcelJsHost.fromBuffer(bytes);
      return fixture.host;
    },
  };
  return fixture;
};

/**
 * The parts host (no ExcelJS): the same .xlsx round trip through its own reader and writer, with Node's
 * zlib as the command line runs it (the portable codec is held to the same behaviour in codec.test.ts).
 */
export const makePartsHost: HostFactory = async () => {
  const { PartsHost } = await import("../../src/hosts/xlsx/parts/partsHost");
  const { nodeCodec: codec } = await import("../../src/hosts/xlsx/parts/nodeCodec");
  const fixture: HostFixture = {
    kind: "xlsx",
    host: PartsHost.createEmpty({ codec }),
    readsValidations: true,
    reopen: async () => {
      const bytes = await (fixture.host as unknown as { toBuffer(): Promise<Uint8Array> }).toBuffer();
      fixture.host = await PartsHost.fromBuffer(bytes, { codec });
      return fixture.host;
    },
  };
  return fixture;
};

/** Every host: Excel (fake), the ExcelJS xlsx host and the parts xlsx host. */
export const HOSTS: [string, HostFactory][] = [
  ["excel", makeExcelHost],
  ["xlsx", makeExcelJsHost],
  ["parts", makePartsHost],
];
