/**
 * Outputs never destroy anything, and names never collide: `ocop` refuses an output that is an input
 * under another name (symbolic or hard link), reports a missing folder, a folder given as a file, a
 * read-only place, a full disk and the file-size limit (RLIMIT_FSIZE in a child process) with exit 2 and
 * words, never a stack trace, leaving the previous file whole; concurrent runs to one output leave one
 * whole result; `ocop books` writes all books or none, with safe, unique, stable names for any code.
 */
import { execFile, execFileSync } from "node:child_process";
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { importMembers } from "../../src/app/secretariat/tables";
import { run } from "../../src/cli/main";
import { nodeCodec } from "../../src/hosts/xlsx/parts/nodeCodec";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { MAX_NAME_BYTES, bookFileName } from "../../src/cli/bookNames";
import { OutputError, realFs, writeAllSafely, writeSafely, type WriteFs } from "../../src/cli/safeWrite";
import { scoreSheetName } from "../../src/layout/names";
import { buildCorpus, filledBook, filledCouncil } from "./corpus";
import { testWorkbooks } from "../helpers/workbooks";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "ocop.cjs");
const sha = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

let dir: string;
let council: string;
let bookPaths: string[];

const capture = () => {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (s: string) => void (out += s),
      stderr: (s: string) => void (err += s),
      now: () => new Date("2023-06-20T09:00:00Z"),
    },
    out: () => out,
    err: () => err,
  };
};

/** The child's exit code and streams; the shell sets the file-size limit first when asked. */
const ocop = (
  args: string[],
  fsizeBlocks?: number
): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const script = fsizeBlocks === undefined ? `exec ${quoted}` : `ulimit -f ${fsizeBlocks}; exec ${quoted}`;
    execFile("bash", ["-c", script], { encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });

beforeAll(async () => {
  // bin/ocop.cjs builds its bundle on first use: done here, not inside a child under a file-size limit.
  execFileSync(process.execPath, [BIN, "--help"], { stdio: "ignore" });
  const c = await buildCorpus();
  dir = mkdtempSync(join(tmpdir(), "ocop-rel-out-"));
  council = join(dir, "council.xlsx");
  writeFileSync(council, await filledCouncil(c));
  bookPaths = [];
  for (const m of c.session.members) {
    const p = join(dir, `${m.code}.xlsx`);
    writeFileSync(p, await filledBook(c, m.code));
    bookPaths.push(p);
  }
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputsHash = (): string[] => [council, ...bookPaths].map((p) => sha(readFileSync(p)));
const noTemp = (where: string): void =>
  expect(readdirSync(where).filter((n) => n.startsWith(".ocop-"))).toEqual([]);

describe("an output that is an input under another name is refused (exit 2), the input untouched", () => {
  const refusedAlias = async (out: string, lang: "vi" | "en" = "vi") => {
    const before = inputsHash();
    const cap = capture();
    expect(await run(["consolidate", council, ...bookPaths, "--out", out, "--lang", lang], cap.io)).toBe(2);
    expect(inputsHash()).toEqual(before);
    return cap.err();
  };

  it("a symbolic link to the council workbook", async () => {
    const link = join(dir, "link.xlsx");
    symlinkSync(council, link);
    expect(await refusedAlias(link)).toContain("chính là tệp đầu vào");
  });

  it("a hard link to the council workbook (same device and inode)", async () => {
    const hard = join(dir, "hard.xlsx");
    linkSync(council, hard);
    expect(await refusedAlias(hard, "en")).toContain(`is the input ${council}`);
  });

  it("a symbolic link to a member's book", async () => {
    const link = join(dir, "book-link.xlsx");
    symlinkSync(bookPaths[1]!, link);
    expect(await refusedAlias(link)).toContain(bookPaths[1]!);
  });

  it("the council workbook named through a folder link (real path)", async () => {
    const folder = join(dir, "via");
    symlinkSync(dir, folder);
    expect(await refusedAlias(join(folder, "council.xlsx"))).toContain("chính là tệp đầu vào");
  });

  it("`ocop init --out` pointing at its own products CSV", async () => {
    const csv = join(dir, "products.csv");
    writeFileSync(csv, readFileSync(join(ROOT, "examples", "products.csv")));
    const link = join(dir, "csv-link.xlsx");
    symlinkSync(csv, link);
    const before = sha(readFileSync(csv));
    const cap = capture();
    const code = await run(
      ["init", "--products", csv, "--members", join(ROOT, "examples", "members.csv"), "--out", link],
      cap.io
    );
    expect(code).toBe(2);
    expect(cap.err()).toContain("chính là tệp đầu vào");
    expect(sha(readFileSync(csv))).toBe(before);
  });

  it("`ocop init --out` naming its own --criteria workbook", async () => {
    const forms = join(dir, "forms.xlsx");
    writeFileSync(forms, readFileSync(join(ROOT, "examples", "forms-qd1048.xlsx")));
    const before = sha(readFileSync(forms));
    const cap = capture();
    const code = await run(
      [
        "init",
        "--edition",
        "qd1048-2019",
        "--criteria",
        forms,
        "--products",
        join(ROOT, "examples", "products.csv"),
        "--members",
        join(ROOT, "examples", "members.csv"),
        "--out",
        forms,
      ],
      cap.io
    );
    expect(code).toBe(2);
    expect(cap.err()).toContain("chính là tệp đầu vào");
    expect(sha(readFileSync(forms))).toBe(before);
  });
});

describe("places that cannot be written end with exit 2 and words, never a stack trace", () => {
  it("a folder that does not exist", async () => {
    const cap = capture();
    const out = join(dir, "không-có", "result.xlsx");
    expect(await run(["consolidate", council, ...bookPaths, "--out", out], cap.io)).toBe(2);
    expect(cap.err()).toContain("thư mục chứa tệp không tồn tại");
    expect(cap.err()).not.toMatch(/\n\s+at /);
  });

  it("a folder given as the output file", async () => {
    const cap = capture();
    expect(await run(["consolidate", council, ...bookPaths, "--out", dir, "--lang", "en"], cap.io)).toBe(2);
    expect(cap.err()).toContain("it is a folder");
  });

  it("a file given as the books' folder", async () => {
    const cap = capture();
    expect(await run(["books", council, "--out-dir", join(bookPaths[0]!, "sub")], cap.io)).toBe(2);
    expect(cap.err()).toContain("Không ghi được");
  });

  const failing = (code: string, afterBytes = 0): WriteFs => ({
    ...realFs,
    open: async (p, f, m) => {
      const h = await realFs.open(p, f, m);
      let written = 0;
      return new Proxy(h, {
        get(target, prop) {
          if (prop === "write")
            return async (b: Uint8Array, off: number, len: number) => {
              if (written + len > afterBytes) {
                // Half the data reaches the disk, then the device gives up (as a full disk does).
                await target.write(b, off, Math.max(0, afterBytes - written));
                throw Object.assign(new Error(code), { code });
              }
              written += len;
              return target.write(b, off, len);
            };
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    },
  });

  it.each([
    ["ENOSPC", "noSpace"],
    ["EFBIG", "tooLarge"],
    ["EROFS", "readOnly"],
    ["EIO", "failed"],
  ])(
    "a write failing half-way with %s keeps the previous file whole and leaves no temporary file",
    async (code, problem) => {
      const where = mkdtempSync(join(dir, "w-"));
      const target = join(where, "result.xlsx");
      writeFileSync(target, "previous good file");
      let error: unknown = null;
      try {
        await writeSafely(target, new Uint8Array(100_000), failing(code, 50_000));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).problem).toBe(problem);
      expect(readFileSync(target, "utf8")).toBe("previous good file");
      noTemp(where);
    }
  );

  it("a read-only place (EACCES on create) is reported as such", async () => {
    const where = mkdtempSync(join(dir, "ro-"));
    const fs: WriteFs = {
      ...realFs,
      open: () => Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" })),
    };
    await expect(writeSafely(join(where, "r.xlsx"), new Uint8Array(10), fs)).rejects.toMatchObject({
      problem: "readOnly",
    });
    expect(readdirSync(where)).toEqual([]);
  });

  it("the file-size limit (RLIMIT_FSIZE) in the real command: exit 2, message, previous result whole", async () => {
    const out = join(dir, "limited");
    mkdirSync(out);
    const target = join(out, "result.xlsx");
    writeFileSync(target, "previous good result");
    // 20 blocks of 1 KiB: the council workbook is far larger, so the write fails part-way.
    const r = await ocop(["consolidate", council, ...bookPaths, "--out", target], 20);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("vượt giới hạn kích thước tệp");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(target, "utf8")).toBe("previous good result");
    noTemp(out);
  }, 120_000);
});

describe("concurrent runs to one output", () => {
  it("four runs at once leave one whole result: the size of one run's output, readable, checking clean", async () => {
    const out = join(dir, "concurrent");
    mkdirSync(out);
    const target = join(out, "result.xlsx");
    const runAt = (minute: number, file: string) =>
      run(["consolidate", council, ...bookPaths, "--out", file], {
        stdout: () => undefined,
        stderr: () => undefined,
        now: () => new Date(Date.UTC(2023, 5, 20, 9, minute)),
      });
    // What each run writes alone: its size (the zip's own timestamps make the bytes differ run to run).
    const alone: number[] = [];
    for (const m of [1, 2, 3, 4]) {
      expect(await runAt(m, target)).toBe(0);
      alone.push(readFileSync(target).length);
    }
    const codes = await Promise.all([1, 2, 3, 4].map((m) => runAt(m, target)));
    expect(codes).toEqual([0, 0, 0, 0]);
    // Whole: the size of one run's output, every part inflating to its declared size, and it checks clean.
    expect(alone).toContain(readFileSync(target).length);
    await PartsHost.fromBuffer(new Uint8Array(readFileSync(target)), { codec: nodeCodec });
    expect(await run(["check", target], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    noTemp(out);
  }, 120_000);
});

describe("book and sheet names", () => {
  const MEMBERS_HEAD = "Mã thành viên;Họ và tên;Chức vụ, đơn vị;Vai trò\n";
  const membersCsv = (codes: string[]): string =>
    MEMBERS_HEAD +
    codes
      .map((c, i) => `${c};Thành viên ${i + 1};Chuyên viên;${i === 0 ? "Chủ tịch Hội đồng" : "Ủy viên"}`)
      .join("\n") +
    "\n";

  const initAndBooks = async (codes: string[]) => {
    const where = mkdtempSync(join(dir, "names-"));
    const members = join(where, "members.csv");
    writeFileSync(members, membersCsv(codes));
    const cap = capture();
    const init = await run(
      [
        "init",
        "--products",
        join(ROOT, "examples", "products.csv"),
        "--members",
        members,
        "--out",
        join(where, "council.xlsx"),
      ],
      cap.io
    );
    const books =
      init === 0
        ? await run(["books", join(where, "council.xlsx"), "--out-dir", join(where, "books")], cap.io)
        : -1;
    return { where, init, books, out: cap.out(), err: cap.err() };
  };

  it("A<B, A>B and A|B give three books, none overwriting another", async () => {
    const r = await initAndBooks(["A<B", "A>B", "A|B"]);
    expect([r.init, r.books]).toEqual([0, 0]);
    const files = readdirSync(join(r.where, "books")).sort();
    expect(files).toEqual(["A<B", "A>B", "A|B"].map(bookFileName).sort());
    expect(new Set(files).size).toBe(3);
    for (const f of files) expect(f).toMatch(/^A_B~[0-9a-z]{6}\.xlsx$/);
  });

  it("A/B and A:B set up without a clash of sheet names, and get two books", async () => {
    const r = await initAndBooks(["A/B", "A:B"]);
    expect([r.init, r.books]).toEqual([0, 0]);
    expect(scoreSheetName("A/B")).not.toBe(scoreSheetName("A:B"));
    expect(readdirSync(join(r.where, "books"))).toHaveLength(2);
  });

  it("two long codes sharing their first 25 characters get two sheets and two books", async () => {
    const common = "HOIDONG-OCOP-HUYEN-LUCNGAN";
    const r = await initAndBooks([`${common}-THANHVIEN-01`, `${common}-THANHVIEN-02`]);
    expect([r.init, r.books]).toEqual([0, 0]);
    const names = [scoreSheetName(`${common}-THANHVIEN-01`), scoreSheetName(`${common}-THANHVIEN-02`)];
    expect(names[0]).not.toBe(names[1]);
    for (const n of names) expect(Array.from(n).length).toBeLessThanOrEqual(31);
    expect(readdirSync(join(r.where, "books"))).toHaveLength(2);
  });

  it("a 300-byte code gives a book whose name fits in the file system's limit", async () => {
    const long = "Đ".repeat(150); // 2 bytes each in UTF-8
    const r = await initAndBooks([long, "TV02"]);
    expect([r.init, r.books]).toEqual([0, 0]);
    const files = readdirSync(join(r.where, "books"));
    expect(files).toHaveLength(2);
    for (const f of files) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(MAX_NAME_BYTES + ".xlsx".length);
    expect(files).toContain(bookFileName(long));
  });

  it("the rule is stable: the same code gives the same name on every run", () => {
    expect(bookFileName("A<B")).toBe(bookFileName("A<B"));
    expect(bookFileName("TV01")).toBe("TV01.xlsx");
    expect(bookFileName("CON")).toMatch(/^_CON~/);
    expect(scoreSheetName("TV01")).toBe("Phiếu TV01");
  });

  it.each([["\u202e"], ["\u200f"], ["\u2066"], ["\u200b"], ["\u0007"]])(
    "a code holding an invisible character (%#: bidi override, RLM, isolate, zero-width, control) is refused at setup, naming the character and cell",
    async (ch) => {
      const r = await initAndBooks(["TV01", `TV${ch}02`]);
      expect(r.init).toBe(1);
      const u = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      expect(r.out).toContain(u);
      const read = await importMembers(
        {
          name: "members.csv",
          bytes: readFileSync(join(r.where, "members.csv")),
        },
        testWorkbooks
      );
      expect(read.findings.map((f) => [f.code, f.where.cell, f.params.char])).toEqual([
        ["setup.codeInvisibleChar", "A3", u],
      ]);
      expect(read.rows.map((m) => m.code)).toEqual(["TV01"]);
      expect(existsSync(join(r.where, "council.xlsx"))).toBe(false);
    }
  );
});

describe("`ocop books` writes all books or none", () => {
  it("with the file-size limit hit part-way, no book is written and earlier books stay whole", async () => {
    const out = join(dir, "books-limited");
    mkdirSync(out);
    writeFileSync(join(out, "TV01.xlsx"), "earlier book");
    const r = await ocop(["books", council, "--out-dir", out], 16);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("vượt giới hạn kích thước tệp");
    expect(readdirSync(out)).toEqual(["TV01.xlsx"]);
    expect(readFileSync(join(out, "TV01.xlsx"), "utf8")).toBe("earlier book");
  }, 120_000);

  it("a failure on the third book discards the two already staged", async () => {
    const where = mkdtempSync(join(dir, "all-"));
    let opened = 0;
    const fs: WriteFs = {
      ...realFs,
      open: (p, f, m) =>
        ++opened === 3
          ? Promise.reject(Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }))
          : realFs.open(p, f, m),
    };
    const files = ["a", "b", "c", "d"].map((n) => ({
      target: join(where, `${n}.xlsx`),
      bytes: new Uint8Array(1000),
    }));
    await expect(writeAllSafely(files, fs)).rejects.toMatchObject({ problem: "noSpace" });
    expect(readdirSync(where)).toEqual([]);
  });
});
