/**
 * The file-level corpus where the secretariat meets it: `ocop check` and `ocop consolidate` on files that
 * are not .xlsx books report the guard's finding for each file (exit 2, nothing written), in JSON and in
 * both languages; the real binary (bin/ocop.cjs) does the same; and so does the task pane's book picker.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectBooks } from "../../src/app/secretariat/collect";
import { run } from "../../src/cli/main";
import { ExcelJsHost } from "../reference/exceljsHost";
import type { FindingJson } from "../../src/cli/report";
import { PACKAGE_LIMITS } from "../../src/hosts/xlsx/packageGuard";
import { type Corpus, buildCorpus, filledBook } from "./corpus";
import { convertWithSoffice } from "./soffice";
import { craftZip, minimalWorkbookEntries, sheetXml } from "./zipcraft";
import { testWorkbooks } from "../helpers/workbooks";

let c: Corpus;
let dir: string;
const cases: { file: string; code: string }[] = [];

const capture = () => {
  let out = "";
  let err = "";
  return {
    io: { stdout: (s: string) => void (out += s), stderr: (s: string) => void (err += s) },
    out: () => out,
    err: () => err,
  };
};

beforeAll(async () => {
  c = await buildCorpus();
  dir = mkdtempSync(join(tmpdir(), "ocop-rel-cli-"));
  const book = await filledBook(c, "TV01");
  const put = (name: string, bytes: Uint8Array | string, code: string): void => {
    writeFileSync(join(dir, name), bytes);
    cases.push({ file: name, code });
  };
  put("TV01 (xls đổi tên).xlsx", convertWithSoffice(book, "TV01.xlsx", "xls"), "file.notXlsx.xls");
  put("TV01 (ods đổi tên).xlsx", convertWithSoffice(book, "TV01.xlsx", "ods"), "file.notXlsx.ods");
  put("TV01 (csv).xlsx", "Mã SP;Điểm\n72-1;3\n", "file.notXlsx.csv");
  put("TV01 rỗng.xlsx", new Uint8Array(0), "file.empty");
  put("TV01 tải dở.xlsx", book.slice(0, Math.floor(book.length / 2)), "file.truncated");
  put("TV01 mật khẩu.xlsx", readFileSync(join(__dirname, "fixtures", "encrypted.xlsx")), "file.encrypted");
  const bomb = minimalWorkbookEntries(sheetXml(""));
  bomb[4] = { ...bomb[4]!, declaredSize: PACKAGE_LIMITS.maxUncompressedBytes + 1 };
  put("TV01 bom.xlsx", craftZip(bomb), "file.zipBomb");
  writeFileSync(join(dir, "council.xlsx"), c.council);
  writeFileSync(join(dir, "TV01.xlsx"), book);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ocop check", () => {
  it("reports each bad file with the guard's finding, naming the file (exit 2)", async () => {
    const cap = capture();
    const code = await run(
      ["check", ...cases.map((x) => join(dir, x.file)), join(dir, "TV01.xlsx"), "--json"],
      cap.io
    );
    expect(code).toBe(2);
    const findings = JSON.parse(cap.out()) as FindingJson[];
    for (const x of cases) {
      const mine = findings.filter((f) => f.file === x.file);
      expect(mine.map((f) => f.code)).toEqual([x.code]);
      expect(mine[0]!.severity).toBe("error");
      expect(mine[0]!.message).not.toMatch(/\{\w+\}/);
      expect(mine[0]!.fix.length).toBeGreaterThan(20);
    }
    // The good book among them is still checked, and clean.
    expect(findings.filter((f) => f.file === "TV01.xlsx")).toEqual([]);
  });

  it("says it in English too", async () => {
    const cap = capture();
    await run(["check", join(dir, "TV01 (xls đổi tên).xlsx"), "--lang", "en"], cap.io);
    expect(cap.out()).toContain("Excel 97–2003");
    expect(cap.out()).toContain("TV01 (xls đổi tên).xlsx");
    expect(cap.out()).toContain("Save As");
  });
});

describe("ocop consolidate", () => {
  it("stops on a bad member file with its finding and writes nothing", async () => {
    const cap = capture();
    const out = join(dir, "result.xlsx");
    const code = await run(
      ["consolidate", join(dir, "council.xlsx"), join(dir, "TV01 mật khẩu.xlsx"), "--out", out, "--json"],
      cap.io
    );
    expect(code).toBe(2);
    const report = JSON.parse(cap.out()) as { findings: FindingJson[] };
    expect(report.findings.map((f) => [f.code, f.file])).toEqual([["file.encrypted", "TV01 mật khẩu.xlsx"]]);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe("the installed command (bin/ocop.cjs)", () => {
  it("exits 2 with the finding for an .xls renamed .xlsx", () => {
    let status = 0;
    let stdout = "";
    try {
      execFileSync(
        process.execPath,
        [
          join(__dirname, "..", "..", "bin", "ocop.cjs"),
          "check",
          join(dir, "TV01 (xls đổi tên).xlsx"),
          "--json",
        ],
        {
          encoding: "utf8",
          stdio: "pipe",
        }
      );
    } catch (e) {
      status = (e as { status: number }).status;
      stdout = (e as { stdout: string }).stdout;
    }
    expect(status).toBe(2);
    expect((JSON.parse(stdout) as FindingJson[])[0]).toMatchObject({
      code: "file.notXlsx.xls",
      file: "TV01 (xls đổi tên).xlsx",
    });
  }, 60_000);
});

describe("the task pane's book picker (inspectBooks)", () => {
  it("marks each bad file unreadable with the guard's finding", async () => {
    const council = await ExcelJsHost.fromBuffer(c.council);
    const files = cases.map((x) => ({
      name: x.file,
      bytes: new Uint8Array(readFileSync(join(dir, x.file))),
    }));
    const reports = await inspectBooks(council, files, { workbooks: testWorkbooks });
    for (const [i, x] of cases.entries()) {
      expect(reports[i]!.status).toBe("unreadable");
      expect(reports[i]!.findings.map((f) => [f.code, f.where.file])).toEqual([[x.code, x.file]]);
    }
  });
});
