/**
 * The example forms workbook opened and saved again by LibreOffice Calc (as a secretariat typing its forms
 * there would) still loads the same forms. Needs `soffice` on PATH; without it the test says so and passes
 * locally, but fails on CI (CI=true), like the other LibreOffice round trip.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importForms } from "../../src/app/importForms";
import { PartsHost } from "../../src/hosts/xlsx/parts/partsHost";
import { exampleForms, FORMS_EXAMPLE } from "../../scripts/forms-example";
import { EXAMPLES } from "../helpers/flow";
import { resaveWithCalc, sofficeOnPath } from "./soffice";

const present = sofficeOnPath();

test("the example forms workbook, saved again by LibreOffice Calc, loads the same forms", async () => {
  if (!present) {
    console.warn("LibreOffice (soffice) is not on PATH: the forms workbook round trip did not run.");
    expect(process.env.CI === "true").toBe(false);
    return;
  }
  const bytes = resaveWithCalc(readFileSync(join(EXAMPLES, FORMS_EXAMPLE)), FORMS_EXAMPLE);
  const host = await PartsHost.fromBuffer(bytes, { fileName: FORMS_EXAMPLE });
  const r = await importForms(host, { edition: "qd1048-2019", file: FORMS_EXAMPLE });
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.forms.map((f) => [f.code, f.title])).toEqual((await exampleForms()).map((f) => [f.code, f.title]));
  expect(r.forms.map((f) => f.parts)).toEqual((await exampleForms()).map((f) => f.parts));
}, 240_000);
