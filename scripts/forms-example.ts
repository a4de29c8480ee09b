/**
 * examples/forms-qd1048.xlsx: scoring forms a council under Decision 1048/2019 types itself, in the
 * criteria sheet's shape ("Tiêu chí riêng"), for `ocop init --criteria` and the pane's setup step.
 *
 *   npx tsx scripts/write-forms-example.ts      (writes the file; test/roundtrip/criteria.test.ts checks it)
 *
 * Form 01 is the one 1048/2019 form found (Rau, củ, quả, hạt tươi: the catalogue's form-01.json, typed from
 * the annex as transcribed in ../shared/ocop/notes-forms.md). Form 02 is an EXAMPLE, not the official text:
 * form 01's parts A and B with part C's sensory criteria reworded for fresh meat, eggs and milk, and two
 * star marks to show the column; its title says so on the sheet.
 */
import { PartsHost } from "../src/hosts/xlsx/parts/partsHost";
import { put } from "../src/layout/build";
import { planCriteriaSheet } from "../src/layout/criteriaSheet";
import { SHEETS } from "../src/layout/names";
import type { SheetPlan } from "../src/layout/plan";
import { loadEdition } from "../src/ocop/criteria/builtin";
import type { Criterion, Form } from "../src/ocop/criteria/types";

export const FORMS_EXAMPLE = "forms-qd1048.xlsx";

export const EXAMPLE_NOTE =
  "Phiếu 01: Phụ lục QĐ 1048/QĐ-TTg (bản chép lại, xem docs/catalogue-format.md). " +
  "Phiếu 02 là PHIẾU VÍ DỤ để minh họa cách nhập, KHÔNG phải văn bản chính thức: Hội đồng nhập phiếu 02 theo Phụ lục đã ban hành.";

const levels = (texts: string[], points: number[]): Criterion["levels"] =>
  texts.map((text, i) => ({ text, points: points[i]!, minStars: null }));

/** Form 02, "Thịt, trứng, sữa tươi": an example built on form 01 (see the file comment). */
const exampleForm02 = (form01: Form): Form => {
  const form: Form = structuredClone(form01);
  form.code = "02";
  form.title = "Thịt, trứng, sữa tươi (PHIẾU VÍ DỤ – không phải văn bản chính thức)";
  form.citation = { ...form.citation, form: "2", source: "Ví dụ của dự án, dựng từ phiếu 01" };
  form.notes = ["Phiếu ví dụ, không phải văn bản chính thức của QĐ 1048/QĐ-TTg."];
  const sensory = form.parts[2]!.sections[0]!.criteria;
  const reword = (i: number, text: string, texts: string[]): void => {
    const c = sensory[i]!;
    c.text = text;
    c.levels = levels(
      texts,
      c.levels.map((l) => l.points)
    );
  };
  reword(0, "Trạng thái bên ngoài (độ tươi, độ đàn hồi, bề mặt)", [
    "Không đạt",
    "Chấp nhận được",
    "Tươi, đàn hồi tốt",
  ]);
  reword(1, "Màu sắc đặc trưng", [
    "Không đặc trưng",
    "Chấp nhận được",
    "Tương đối đặc trưng",
    "Đặc trưng",
    "Rất đặc trưng",
  ]);
  reword(2, "Mùi đặc trưng", ["Kém", "Trung bình", "Tương đối tốt", "Tốt"]);
  reword(3, "Tính sạch, không có tạp chất lạ", [
    "Tương đối chấp nhận được",
    "Chấp nhận được",
    "Tốt",
    "Rất tốt",
  ]);
  reword(4, "Bao gói, bảo quản lạnh", ["Không có", "Có, chưa đầy đủ", "Đầy đủ"]);
  // Star marks, to show the column: the food-safety checks are the minimum for 3★ and 4★.
  const attp = form.parts[2]!.sections.flatMap((s) => s.criteria).find((c) => c.id === "9.2")!;
  attp.levels[2]!.minStars = 3;
  attp.levels[3]!.minStars = 4;
  return form;
};

export const exampleForms = async (): Promise<Form[]> => {
  const form01 = (await loadEdition("qd1048-2019")).forms.get("01")!;
  return [form01, exampleForm02(form01)];
};

/** The sheet as the council would type it, with the example note beside the title. */
export const planFormsExample = async (): Promise<SheetPlan> => {
  const plan = planCriteriaSheet(await exampleForms(), SHEETS.customCriteria, true);
  // Column H is outside the columns the reader takes, so the note never becomes part of a form.
  put(plan, 0, 7, EXAMPLE_NOTE, "muted");
  return plan;
};

export const writeFormsExample = async (created = new Date("2026-06-01T00:00:00Z")): Promise<Uint8Array> => {
  const host = PartsHost.createEmpty({ fileName: FORMS_EXAMPLE, created });
  await host.apply({
    plans: [await planFormsExample()],
    select: { sheet: SHEETS.customCriteria, row: 3, col: 0 },
  });
  return host.toBuffer();
};
