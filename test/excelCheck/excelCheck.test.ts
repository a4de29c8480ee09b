/**
 * The check page's cases (src/excelCheck/cases.ts) run on the fake Excel through the same globals office.js
 * provides: the use cases go through, and each of Excel's rules gives what the case's "fake" column says — so
 * what a person records in a real Excel can be compared line by line.
 */
import { ExcelHost } from "../../src/hosts/excel/excelHost";
import { officeCodeOf } from "../../src/hosts/excel/errors";
import { checkCases } from "../../src/excelCheck/cases";
import { measured } from "../../src/excelCheck/probe";
import { FakeExcel } from "../fakes/fakeExcel";

test("every case runs on the fake and gives what its fake column says", async () => {
  const fake = new FakeExcel();
  const uninstall = fake.installGlobals();
  try {
    const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
    const outcomes = new Map<string, string>();
    for (const c of checkCases()) {
      const { value, error } = await measured(() => c.run(host));
      const code = error ? (officeCodeOf(error) ?? "") : "";
      const where =
        (error as { debugInfo?: { errorLocation?: string } } | undefined)?.debugInfo?.errorLocation ?? "";
      outcomes.set(c.name, error ? `${code} at ${where}` : String(value));
      if (/^(InvalidOperation|AccessDenied) at /.test(c.fake))
        expect([c.name, `${code} at ${where.replace(/=$/, "")}`]).toEqual([c.name, c.fake]);
    }
    expect(outcomes.get("write the members' score sheets")).toBe("written");
    expect(outcomes.get("insert a member sheet (secretariat)")).toBe("written");
    expect(outcomes.get("consolidate and write the results")).toBe("written");
    expect(outcomes.get("open round 2 for one product")).toBe("opened");
    expect(outcomes.get("record a score change (a row appended to the protected history sheet)")).toBe(
      "appended"
    );
    expect(outcomes.get("close round 2 (the sheets locked, their values appended to the history)")).toBe(
      "closed"
    );
    expect(
      outcomes.get("a response over 5 MB (read 40,000 cells of 70 characters, values and formulas)")
    ).toMatch(/^ResponsePayloadSizeLimitExceeded/);
    expect(outcomes.get("text Excel coerces (General cells)")).toContain('#N/A → "#N/A"');
    // The scratch sheet's last visible-sheet case restored every sheet's visibility.
    expect(fake.state.sheets.filter((s) => s.visibility === "Visible").length).toBeGreaterThan(1);
  } finally {
    uninstall();
  }
});
