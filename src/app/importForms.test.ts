/**
 * importForms on workbooks held by the parts host: which sheet is read, shape faults (an empty text, an
 * unknown part) at their cell, a form typed twice, and a sheet under another name found by its header.
 */
import { PartsHost } from "../hosts/xlsx/parts/partsHost";
import { cellText, put } from "../layout/build";
import { planCriteriaSheet } from "../layout/criteriaSheet";
import { SHEETS } from "../layout/names";
import { emptyPlan, type CellValue } from "../layout/plan";
import { loadEdition } from "../ocop/criteria/builtin";
import { planToGrid } from "../../test/helpers/planGrid";
import { importForms } from "./importForms";

const form01Rows = async (): Promise<CellValue[][]> => {
  const form = (await loadEdition("qd1048-2019")).forms.get("01")!;
  return planToGrid(planCriteriaSheet([form], SHEETS.customCriteria, true)).values.map((r) => [...r]);
};

const workbook = async (sheets: Record<string, CellValue[][]>): Promise<PartsHost> => {
  const host = PartsHost.createEmpty({ fileName: "phieu.xlsx" });
  const plans = Object.entries(sheets).map(([name, rows]) => {
    const plan = emptyPlan(name, "criteria");
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && put(plan, r, c, v)));
    return plan;
  });
  await host.apply({ plans });
  return host;
};

const rowOf = (rows: CellValue[][], kind: string, code: string): number =>
  rows.findIndex((r) => r[0] === kind && cellText(r[1]) === code);

test("shape faults point at the cell typed: an empty criterion text, an unknown part", async () => {
  const rows = await form01Rows();
  const c11 = rowOf(rows, "Tiêu chí", "1.1");
  rows[c11]![3] = "";
  const partC = rowOf(rows, "Phần", "C");
  rows[partC]![1] = "D";
  const r = await importForms(await workbook({ [SHEETS.customCriteria]: rows }), {
    edition: "qd1048-2019",
    file: "phieu.xlsx",
  });
  expect(r.forms).toEqual([]);
  const cells = r.findings
    .filter((f) => f.code === "catalogue.schema")
    .map((f) => [f.params.path, f.where.cell]);
  expect(cells).toEqual(
    expect.arrayContaining([
      ["parts[A] › sections[1] › criteria[1.1] › text", `D${c11 + 1}`],
      [expect.stringMatching(/^parts\[D\] › id/), `B${partC + 1}`],
    ])
  );
  expect(r.findings.at(-1)).toMatchObject({ code: "catalogue.customFormRejected", where: { cell: "B4" } });
});

test("a form typed twice: the second is refused at its code cell, the first is loaded", async () => {
  const rows = await form01Rows();
  const body = rows.slice(3);
  const second = rows.length;
  const r = await importForms(await workbook({ [SHEETS.customCriteria]: [...rows, ...body] }), {
    edition: "qd1048-2019",
  });
  expect(r.forms.map((f) => f.code)).toEqual(["01"]);
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([
    expect.objectContaining({
      code: "criteria.formDuplicate",
      where: expect.objectContaining({ sheet: SHEETS.customCriteria, cell: `B${second + 1}` }),
      params: { code: "01", first: "B4" },
    }),
  ]);
});

test("a sheet under another name is found by its “Loại dòng” header; a code typed “1” is form 01", async () => {
  const rows = await form01Rows();
  rows[rowOf(rows, "Phiếu", "01")]![1] = "1";
  const r = await importForms(await workbook({ "Ghi chú": [["Phiếu của Hội đồng"]], "Phiếu 01": rows }), {
    edition: "qd1048-2019",
  });
  expect(r.sheet).toBe("Phiếu 01");
  expect(r.forms.map((f) => f.code)).toEqual(["01"]);
  expect(r.findings.map((f) => f.code)).toContain("catalogue.customFormReplaces");
});

test("a part typed with the wrong maximum, and a part typed twice, are pointed at their lines", async () => {
  const rows = await form01Rows();
  const partA = rowOf(rows, "Phần", "A");
  rows[partA]![4] = 36;
  const partC = rowOf(rows, "Phần", "C");
  rows[partC]![1] = "B";
  const r = await importForms(await workbook({ [SHEETS.customCriteria]: rows }), { edition: "qd1048-2019" });
  const where = (code: string) => r.findings.filter((f) => f.code === code).map((f) => f.where.cell);
  expect(where("catalogue.partMax")).toEqual([`E${partA + 1}`]);
  expect(where("catalogue.partDuplicate")).toEqual([`B${partC + 1}`]);
  expect(where("catalogue.partMissing")).toEqual(["B4"]);
  expect(r.forms).toEqual([]);
});
