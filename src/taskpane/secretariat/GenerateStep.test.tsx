/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeApi, renderWith, session } from "./__tests__/helpers";
import { GenerateStep } from "./steps/GenerateStep";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

failOnConsoleError();

const setup = (api = fakeApi()) => {
  const download = jest.fn();
  const announce = jest.fn();
  const changed = jest.fn();
  renderWith(
    <GenerateStep
      api={api}
      session={session()}
      sheetNames={["Phiên", "Phiếu TV01"]}
      download={download}
      announce={announce}
      onWorkbookChanged={changed}
    />
  );
  return { api, download, announce, changed, user: userEvent.setup() };
};

test("lists each member's sheet in this workbook and re-creates them", async () => {
  const api = fakeApi({
    writeScoreSheets: jest.fn(async () => ({ sheets: ["TV01", "TV02"], findings: [] })),
  });
  const { user, announce, changed } = setup(api);
  const list = screen.getByRole("list", { name: "Phiếu chấm trong sổ này" });
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["Phiếu TV01 · Nguyễn Văn Ancó trong sổ", "Phiếu TV02 · Trần Thị Bìnhchưa có"]);
  await user.click(screen.getByRole("button", { name: "Tạo lại phiếu trong sổ" }));
  await waitFor(() => expect(announce).toHaveBeenCalledWith("Đã ghi 2 phiếu chấm."));
  expect(changed).toHaveBeenCalled();
});

test("downloads one member's workbook, or all of them as a zip", async () => {
  const { user, api, download, announce } = setup();
  await user.click(screen.getByRole("button", { name: "Tải về sổ phiếu của TV02 Trần Thị Bình" }));
  await waitFor(() =>
    expect(download).toHaveBeenCalledWith({
      fileName: "Phieu-cham_TV02_2026.xlsx",
      bytes: new Uint8Array([1]),
    })
  );
  expect(api.memberBook).toHaveBeenCalledWith("TV02");
  await user.click(screen.getByRole("button", { name: "Tải tất cả (2 tệp, .zip)" }));
  await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
  expect(download.mock.calls[1]![0].fileName).toBe("Phieu-cham_2026.zip");
  expect(announce).toHaveBeenLastCalledWith("Đã tạo tệp Phieu-cham_2026.zip.");
});

test("an Excel error becomes a clear message and the buttons come back", async () => {
  const error = Object.assign(new Error("Protected"), { name: "HostError", code: "protectedByOther" });
  const { user } = setup(fakeApi({ writeScoreSheets: jest.fn(async () => Promise.reject(error)) }));
  const button = screen.getByRole("button", { name: "Tạo lại phiếu trong sổ" });
  await user.click(button);
  expect(await screen.findByText(/Sổ hoặc trang tính đang được bảo vệ/)).toBeInTheDocument();
  expect(button).toBeEnabled();
});

test("in a later round lists that round's sheets and says the books ask only its products again", () => {
  renderWith(
    <GenerateStep
      api={fakeApi()}
      session={session()}
      sheetNames={["Phiên", "Phiếu TV01", "Phiếu TV01 vòng 2"]}
      round={2}
      download={jest.fn()}
      announce={jest.fn()}
      onWorkbookChanged={jest.fn()}
    />
  );
  const list = screen.getByRole("list", { name: "Phiếu chấm trong sổ này" });
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["Phiếu TV01 vòng 2 · Nguyễn Văn Ancó trong sổ", "Phiếu TV02 vòng 2 · Trần Thị Bìnhchưa có"]);
  expect(screen.getByTestId("generate-round")).toHaveTextContent("Vòng chấm 2 đang mở");
});
