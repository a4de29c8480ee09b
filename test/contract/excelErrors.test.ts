/**
 * What the user is told when Excel refuses: each case driven on the fake Excel (which raises the code Excel
 * raises), through the Excel host, to the message in Vietnamese and English. InvalidOperation is not
 * "protected by someone else": an overlapping merge, a hidden sheet or the last visible sheet each say so.
 */
import { emptyPlan, type SheetPlan } from "../../src/layout/plan";
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { classify, toHostError } from "../../src/hosts/excel/errors";
import { describeHostError } from "../../src/hosts/messages";
import { HOST_ERROR_REASONS, HostError } from "../../src/hosts/workbook";
import { FakeExcel, type FakeRequestContext } from "../fakes/fakeExcel";
import { createI18n } from "../../src/taskpane/i18n";
import { errorMessage } from "../../src/taskpane/secretariat/errors";
import { ensureStrings } from "../../src/taskpane/secretariat/strings";
import { describeError } from "../../src/taskpane/member/errors";

const plan = (name: string, extra: Partial<SheetPlan> = {}): SheetPlan => ({
  ...emptyPlan(name, "results"),
  cells: [{ row: 0, col: 0, value: "x" }],
  ...extra,
});

function setup() {
  const fake = new FakeExcel({ sheets: ["Sheet1"] });
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  return { fake, host };
}

async function failure(p: Promise<unknown>): Promise<HostError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e
  );
  if (!(error instanceof HostError)) throw new Error(`expected a HostError, got ${String(error)}`);
  return error;
}

const PROTECTED_VI = describeHostError(new HostError("protectedByOther", ""), "vi")!.message;

test("an overlapping merge in a plan: the merge message, the workbook unchanged", async () => {
  const { fake, host } = setup();
  const before = fake.snapshot();
  const error = await failure(
    host.apply({
      plans: [
        plan("Kết quả", {
          merges: [
            { row: 0, col: 0, rowCount: 1, colCount: 3 },
            { row: 0, col: 2, rowCount: 2, colCount: 2 },
          ],
        }),
      ],
    })
  );
  expect(error).toMatchObject({
    code: "invalidRequest",
    reason: "mergeOverlap",
    officeCode: "InvalidOperation",
  });
  expect(describeHostError(error, "vi")!.message).toMatch(/không gộp được ô/);
  expect(describeHostError(error, "en")!.fix).toMatch(/Unmerge/);
  expect(describeHostError(error, "vi")!.message).not.toBe(PROTECTED_VI);
  expect(fake.snapshot()).toEqual(before);
});

test("a table over merged cells: the table message", async () => {
  const { fake, host } = setup();
  const before = fake.snapshot();
  const error = await failure(
    host.apply({
      plans: [
        plan("Bảng", {
          merges: [{ row: 0, col: 0, rowCount: 1, colCount: 2 }],
          tables: [{ name: "T_Bang", range: { row: 0, col: 0, rowCount: 3, colCount: 2 } }],
        }),
      ],
    })
  );
  expect(error).toMatchObject({ reason: "tableOverlap", officeCode: "InvalidOperation" });
  expect(describeHostError(error, "en")!.message).toMatch(/could not create a table/);
  expect(fake.snapshot()).toEqual(before);
});

test("hiding the last visible sheet: the last-visible-sheet message, the workbook unchanged", async () => {
  const { fake, host } = setup();
  const before = fake.snapshot();
  const error = await failure(
    host.apply({ plans: [plan("Ẩn", { visibility: "hidden" })], remove: ["Sheet1"] })
  );
  // The host sees it coming (before any change); Excel itself would say InvalidOperation half-way through.
  expect(error).toMatchObject({ code: "invalidRequest", reason: "lastVisibleSheet" });
  expect(describeHostError(error, "vi")!.message).toMatch(/trang tính hiển thị cuối cùng/);
  expect(describeHostError(error, "en")!.message).toMatch(/last visible sheet/);
  expect(fake.snapshot()).toEqual(before);

  const raw = await fake
    .run(async (context: FakeRequestContext) => {
      // The fake's proxies type their properties loosely; office-js types say visibility is writable.
      (context.workbook.worksheets.getItem("Sheet1") as unknown as Excel.Worksheet).visibility = "Hidden";
      await context.sync();
    })
    .then(
      () => null,
      (e: unknown) => e
    );
  expect(toHostError(raw)).toMatchObject({ reason: "lastVisibleSheet", officeCode: "InvalidOperation" });
});

test("activating a hidden sheet: the hidden-sheet message naming the sheet", async () => {
  const fake = new FakeExcel({ sheets: ["Sheet1", "Ẩn"] });
  fake.sheet("Ẩn").visibility = "Hidden";
  const error = await fake
    .run(async (context: FakeRequestContext) => {
      context.workbook.worksheets.getItem("Ẩn").activate();
      await context.sync();
    })
    .then(
      () => null,
      (e: unknown) => e
    );
  const host = toHostError(error, "select");
  expect(host).toMatchObject({ reason: "sheetHidden", officeCode: "InvalidOperation" });
  const withSheet = new HostError(host.code, host.message, { reason: host.reason, sheet: "Ẩn" });
  expect(describeHostError(withSheet, "vi")!.message).toBe(
    "Excel không mở được trang tính “Ẩn” vì trang tính đang bị ẩn."
  );
});

test("a protected sheet is still 'protected', with the sheet named", async () => {
  const { fake, host } = setup();
  await host.apply({ plans: [plan("Khoá")] });
  fake.protectSheet("Khoá");
  const error = await failure(
    host.apply({ cellWrites: [{ sheet: "Khoá", row: 0, col: 0, value: 1 }], plans: [] })
  );
  expect(error).toMatchObject({ code: "protectedByOther", reason: "accessDenied" });
  expect(describeHostError(error, "vi")!.message).toContain("“Khoá”");
});

test("editing a cell without delayForCellEdit: the cell-edit message", async () => {
  const fake = new FakeExcel();
  fake.cellEditMode = true;
  const error = await fake
    .run({}, async (context: FakeRequestContext) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    })
    .then(
      () => null,
      (e: unknown) => e
    );
  expect(toHostError(error)).toMatchObject({ code: "cellEditMode", reason: "cellEditMode" });
});

describe("every Excel error code has its own message", () => {
  const EXCEL_CODES = [
    "AccessDenied",
    "ActivityLimitReached",
    "ApiNotFound",
    "BadPassword",
    "Conflict",
    "FilteredRangeConflict",
    "FormulaLengthExceedsLimit",
    "GeneralException",
    "InvalidArgument",
    "InvalidOperation",
    "InvalidOperationInCellEditMode",
    "InvalidReference",
    "ItemAlreadyExists",
    "ItemNotFound",
    "MemoryLimitReached",
    "MergedRangeConflict",
    "NotImplemented",
    "OperationCellsExceedLimit",
    "RequestPayloadSizeLimitExceeded",
    "ResponsePayloadSizeLimitExceeded",
    "ServiceNotAvailable",
    "UnsupportedOperation",
  ];

  test.each(EXCEL_CODES)("%s", (code) => {
    const [, reason] = classify(code);
    expect(reason).not.toBe("unknown");
    for (const lang of ["vi", "en"] as const) {
      const d = describeHostError(new HostError("unknown", code, { reason, officeCode: code }), lang)!;
      expect(d.message).not.toMatch(/^host\./);
      expect(d.fix.length).toBeGreaterThan(10);
    }
  });

  test("no two reasons share a message, in either language", () => {
    for (const lang of ["vi", "en"] as const) {
      const messages = HOST_ERROR_REASONS.map(
        (reason) => describeHostError(new HostError("unknown", "", { reason }), lang)!.message
      );
      expect(new Set(messages).size).toBe(messages.length);
    }
  });

  test("only AccessDenied and BadPassword say 'protected'", () => {
    const protectedOnes = EXCEL_CODES.filter((c) => classify(c)[0] === "protectedByOther");
    expect(protectedOnes).toEqual(["AccessDenied", "BadPassword"]);
  });

  test("InvalidOperation is told apart by the operation that raised it", () => {
    expect(classify("InvalidOperation", "Range.merge")[1]).toBe("mergeOverlap");
    expect(classify("InvalidOperation", "Worksheet.visibility=")[1]).toBe("lastVisibleSheet");
    expect(classify("InvalidOperation", "Worksheet.activate")[1]).toBe("sheetHidden");
    expect(classify("InvalidOperation", "Range.values=")[1]).toBe("invalidOperation");
    expect(classify("SomethingNew")).toEqual(["unknown", "unknown"]);
  });
});

describe("the panes show the finer message", () => {
  const merge = new HostError("invalidRequest", "apply: InvalidOperation: overlap at Range.merge", {
    reason: "mergeOverlap",
    officeCode: "InvalidOperation",
  });

  test.each(["vi", "en"] as const)("secretariat and member panes, %s", (lang) => {
    const i18n = createI18n(lang);
    ensureStrings(i18n);
    const t = i18n.getFixedT(lang, "secretariat");
    const expected = describeHostError(merge, lang)!;
    expect(errorMessage(merge, t)).toBe(`${expected.message} ${expected.fix}`);
    expect(describeError(merge, i18n.getFixedT(lang, "member"))).toEqual({
      message: expected.message,
      action: expected.fix,
      detail: merge.message,
    });
  });

  test("a protected sheet keeps the panes' own sentence", () => {
    const i18n = createI18n("vi");
    ensureStrings(i18n);
    const t = i18n.getFixedT("vi", "secretariat");
    expect(errorMessage(new HostError("protectedByOther", "x"), t)).toMatch(
      /^Sổ hoặc trang tính đang được bảo vệ/
    );
  });
});
