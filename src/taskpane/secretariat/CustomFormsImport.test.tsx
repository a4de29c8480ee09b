/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDecoder, TextEncoder } from "node:util";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { importFormsFile } from "../../app/importForms";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Form } from "../../ocop/criteria/types";
import { fakeApi, renderWith } from "./__tests__/helpers";
import { CustomFormsImport } from "./parts/CustomFormsImport";
import { SetupStep } from "./steps/SetupStep";
import { testWorkbooks } from "../../../test/helpers/workbooks";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

const EXAMPLE = readFileSync(join(__dirname, "..", "..", "..", "examples", "forms-qd1048.xlsx"));
const xlsx = (name: string, bytes: Uint8Array) =>
  new File([new Uint8Array(bytes)], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });

/** The pane's API with the real use case behind importForms: the example file is parsed and checked. */
const api = () =>
  fakeApi({
    catalogue: (edition) => loadEdition(edition),
    importForms: (file, edition) => importFormsFile(file, { edition, workbooks: testWorkbooks }),
    importMembers: async () => ({
      rows: [{ code: "TV01", name: "Nguyễn Văn An", title: "", role: "chair" as const }],
      findings: [],
    }),
  });

// jsdom hides node's TextDecoder, which the parts host reading the .xlsx relies on (browsers have it).
beforeAll(() => {
  Object.assign(globalThis, { TextDecoder, TextEncoder });
});
failOnConsoleError();

test("a 1048/2019 council loads its forms file; form 02 can then be picked for a product and is set up", async () => {
  const a = api();
  const announce = jest.fn();
  const user = userEvent.setup();
  renderWith(<SetupStep api={a} session={null} onSaved={jest.fn()} announce={announce} />);
  await user.click(screen.getByRole("radio", { name: /Quyết định 1048\/QĐ-TTg năm 2019/ }));
  const panel = screen.getByTestId("custom-forms");
  expect(
    within(panel).getByRole("heading", { name: "Phiếu chấm riêng của Hội đồng (0)" })
  ).toBeInTheDocument();
  expect(panel).toHaveTextContent("Chưa nạp phiếu riêng nào.");

  await user.upload(screen.getByTestId("custom-forms-file"), xlsx("forms-qd1048.xlsx", EXAMPLE));
  const list = await within(panel).findByRole("list", { name: "Phiếu chấm riêng đã nạp" });
  const items = within(list).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([
    "Phiếu 01: Rau, củ, quả, hạt tươi31 tiêu chí · A/B/C = 35/25/40 điểm",
    "Phiếu 02: Thịt, trứng, sữa tươi (PHIẾU VÍ DỤ – không phải văn bản chính thức)31 tiêu chí · A/B/C = 35/25/40 điểm",
  ]);
  expect(announce).toHaveBeenCalledWith("Đã nạp 2 phiếu riêng từ forms-qd1048.xlsx: 01, 02.");
  expect(a.importForms).toHaveBeenCalledWith(
    expect.objectContaining({ name: "forms-qd1048.xlsx" }),
    "qd1048-2019"
  );
  // Form 02 replacing nothing and form 01 replacing the built-in one are said, with the cell of each.
  expect(panel).toHaveTextContent("Phiếu 02 “Thịt, trứng, sữa tươi");
  expect(panel).toHaveTextContent("được thêm vào bộ tiêu chí");
  expect(panel).toHaveTextContent("'Tiêu chí riêng'!B166");

  // The product editor now offers form 02.
  await user.click(screen.getByRole("button", { name: "Thêm sản phẩm" }));
  const editor = screen.getByTestId("product-editor");
  await user.type(within(editor).getByRole("textbox", { name: /Mã sản phẩm/ }), "HH-01");
  await user.type(within(editor).getByRole("textbox", { name: /Tên sản phẩm/ }), "Gà đồi Hiệp Hòa");
  await user.type(within(editor).getByRole("combobox", { name: /Nhóm, bộ sản phẩm/ }), "thit trung");
  await user.click(await screen.findByRole("option", { name: /02 · Thịt, trứng, sữa tươi/ }));
  await user.click(within(editor).getByRole("button", { name: "Lưu sản phẩm" }));
  expect(screen.getByTestId("products-list")).toHaveTextContent("Phiếu 02: Thịt, trứng, sữa tươi");

  await user.type(screen.getByRole("textbox", { name: /Tên Hội đồng/ }), "Hội đồng OCOP huyện Hiệp Hòa");
  await user.type(screen.getByTestId("members-paste"), "TV01\tNguyễn Văn An");
  await user.click(screen.getAllByRole("button", { name: "Thêm các dòng đã dán" })[1]!);
  await waitFor(() => expect(screen.getByTestId("members-list")).toHaveTextContent("TV01 · Nguyễn Văn An"));

  await user.click(screen.getByRole("button", { name: "Lập phiên" }));
  await waitFor(() => expect(a.setUp).toHaveBeenCalled());
  const draft = a.setUp.mock.calls[0]![0];
  expect(draft.edition).toBe("qd1048-2019");
  expect(draft.customForms.map((f: Form) => f.code)).toEqual(["01", "02"]);
  expect(draft.products).toEqual([expect.objectContaining({ code: "HH-01", form: "02" })]);
});

const renderAlone = (forms: Form[] = [], lang: "vi" | "en" = "vi") => {
  const a = api();
  const onChange = jest.fn();
  const announce = jest.fn();
  const view = renderWith(
    <CustomFormsImport api={a} edition="qd1048-2019" forms={forms} onChange={onChange} announce={announce} />,
    lang
  );
  return { a, onChange, announce, view, user: userEvent.setup() };
};

test("a file that is not a workbook loads nothing and says why", async () => {
  const { onChange, announce, user } = renderAlone();
  await user.upload(
    screen.getByTestId("custom-forms-file"),
    xlsx("phieu.xlsx", new TextEncoder().encode("Loại dòng,Mã\nPhiếu,02\n"))
  );
  await waitFor(() =>
    expect(announce).toHaveBeenCalledWith("Không nạp được phiếu nào từ phieu.xlsx; xem các lỗi bên dưới.")
  );
  expect(onChange).toHaveBeenCalledWith([]);
  expect(screen.getByText(/Có phiếu bị lỗi nên không được nạp/)).toBeInTheDocument();
  expect(screen.getByText(/không phải sổ Excel \.xlsx/)).toBeInTheDocument();
});

test("keyboard: the pick button is reachable and opens the file dialog; a loaded form is removed with Enter", async () => {
  const forms = (
    await importFormsFile(
      { name: "f.xlsx", bytes: new Uint8Array(EXAMPLE) },
      { edition: "qd1048-2019", workbooks: testWorkbooks }
    )
  ).forms;
  const { onChange, announce, user } = renderAlone(forms);
  const click = jest.spyOn(HTMLInputElement.prototype, "click").mockImplementation(() => undefined);
  const pick = screen.getByRole("button", { name: "Chọn tệp phiếu chấm (.xlsx)" });
  const remove01 = screen.getByRole("button", { name: "Bỏ phiếu riêng 01" });
  await user.tab();
  expect(remove01).toHaveFocus();
  await user.tab();
  expect(screen.getByRole("button", { name: "Bỏ phiếu riêng 02" })).toHaveFocus();
  await user.tab();
  expect(pick).toHaveFocus();
  await user.keyboard("{Enter}");
  expect(click).toHaveBeenCalled();
  click.mockRestore();

  remove01.focus();
  await user.keyboard("{Enter}");
  expect(onChange).toHaveBeenCalledWith([forms[1]]);
  expect(announce).toHaveBeenCalledWith("Đã bỏ phiếu riêng 01.");
});

test("in English; a form checked against another edition is pointed out", async () => {
  const forms = (
    await importFormsFile(
      { name: "f.xlsx", bytes: new Uint8Array(EXAMPLE) },
      { edition: "qd148-2023", workbooks: testWorkbooks }
    )
  ).forms;
  // Under 148/2023 the parts are 40/25/35: the 1048 forms fail and none loads.
  expect(forms).toEqual([]);
  const ok = (
    await importFormsFile(
      { name: "f.xlsx", bytes: new Uint8Array(EXAMPLE) },
      { edition: "qd1048-2019", workbooks: testWorkbooks }
    )
  ).forms;
  renderAlone([{ ...ok[1]!, edition: "qd26-2026" }], "en");
  expect(screen.getByRole("heading", { name: "The council's own scoring forms (1)" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Pick a forms workbook (.xlsx)" })).toBeInTheDocument();
  expect(
    screen.getByText(/Forms 02 were checked against another edition than the one chosen/)
  ).toBeInTheDocument();
});
