/** @jest-environment jsdom */
/**
 * The member pane inside Excel: the real Excel host over the fake Excel (test/fakes), so selection events,
 * cell writes and Excel's error codes go the way they go in Excel.
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import v8 from "node:v8";
import { FakeExcel } from "../../../test/fakes/fakeExcel";
import { exampleSession, writeExampleCouncilBook } from "../../app/member/example";
import { buildMemberSheet } from "../../app/member/sheet";
import { ExcelHost } from "../../hosts/excel/excelHost";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import { renderPane } from "./__tests__/render";
import { excelWorkspaceOver } from "../compose/excel";
import { MemberPane } from "./MemberPane";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

let catalogue: Catalogue;
const load = async (): Promise<Catalogue> => (catalogue ??= await loadEdition("qd26-2026"));

beforeAll(() => {
  // jsdom hides node's structuredClone (browsers and Excel's WebViews have it).
  globalThis.structuredClone ??= <T,>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
});

const setup = async () => {
  const fake = new FakeExcel({ maxApi: "1.17" });
  const host = new ExcelHost({ run: fake.excelRun, requirements: fake.requirements });
  await writeExampleCouncilBook(host, load);
  localStorage.setItem("ocop.member.example-2026", "TV03");
  const session = exampleSession(await load());
  const { sheets } = await host.readSheets(["Phiếu TV03"]);
  const sheet = buildMemberSheet(sheets[0]!, session, await load(), session.members[2]!)!;
  const user = userEvent.setup();
  renderPane(<MemberPane workspace={excelWorkspaceOver(host)} />);
  await screen.findByTestId("progress-summary", {}, { timeout: 10000 });
  return { fake, host, sheet, user };
};

failOnConsoleError();
beforeEach(() => {
  localStorage.clear();
});

describe("member pane in Excel (fake Excel)", () => {
  test("follows Excel's selection, writes the chosen level into the cell, follows a typed value", async () => {
    const { fake, sheet, user } = await setup();
    const [c0, c, c1] = sheet.cells;
    await act(() => fake.userSelect("Phiếu TV03", c0!.row, c0!.col));
    const assistant = await screen.findByTestId("assistant-cell");
    expect(assistant).toHaveTextContent(`Ô ${c0!.address}`);
    // A click writes and selects the next cell in Excel.
    await user.click(within(assistant).getByRole("radio", { name: /^2 điểm/ }));
    await waitFor(() => expect(fake.cell("Phiếu TV03", c0!.row, c0!.col)?.value).toBe(2));
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c!.address}`));

    // Keyboard: Enter writes and selects the next cell in Excel itself.
    within(screen.getByTestId("assistant-cell")).getAllByRole("radio")[0]!.focus();
    await user.keyboard("{ArrowDown}{Enter}");
    await waitFor(() => expect(fake.state.selection).toMatchObject({ rect: { row: c1!.row, col: c1!.col } }));
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c1!.address}`));

    // The member types 1 into the cell and presses Enter: Excel moves the selection, the pane reads the sheet.
    fake.setCells("Phiếu TV03", c1!.row, c1!.col, [[1]]);
    await act(() => fake.userSelect("Phiếu TV03", c1!.row + 1, c1!.col));
    await act(() => fake.userSelect("Phiếu TV03", c1!.row, c1!.col));
    await waitFor(() => expect(screen.getByTestId("assistant-now")).toHaveTextContent("Điểm trong ô: 1."), {
      timeout: 3000,
    });
    await waitFor(() => expect(screen.getByTestId("progress-summary")).toHaveTextContent("Đã chấm 3/128 ô"));
  });

  test("Excel's errors become words: a cell being edited, a workbook protected by someone else", async () => {
    const { fake, sheet, user } = await setup();
    const c0 = sheet.cells[0]!;
    await act(() => fake.userSelect("Phiếu TV03", c0.row, c0.col));
    // Writing the value fails as it does in Excel while the member is editing a cell.
    fake.injectFault(/^Range\.(values|formulas)=$/, "InvalidOperationInCellEditMode", 1);
    await user.click(await screen.findByRole("radio", { name: /^3 điểm/ }));
    const alert = await screen.findByTestId("member-error");
    expect(alert).toHaveTextContent("Excel đang ở chế độ sửa ô.");
    expect(alert).toHaveTextContent("Nhấn Enter hoặc Esc");

    fake.state.protection.protected = true;
    await user.click(screen.getByRole("button", { name: "Chèn lại phiếu (giữ điểm đã nhập)" }));
    await waitFor(() =>
      expect(screen.getByTestId("member-error")).toHaveTextContent("được bảo vệ bởi người khác")
    );
    expect(screen.getByTestId("member-error")).toHaveTextContent("Bỏ bảo vệ trang tính");
  });

  test("saving in Excel tells the member to save the workbook", async () => {
    const { user } = await setup();
    await user.click(screen.getByRole("button", { name: "Lưu sổ làm việc" }));
    expect(await screen.findByTestId("save-outcome")).toHaveTextContent("Nhấn Ctrl+S");
  });
});
