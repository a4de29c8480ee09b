/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { PublishOutcome, SecretariatApi } from "../../app/secretariat/types";
import { fakeApi, renderWith, session } from "./__tests__/helpers";
import { PublishStep } from "./steps/PublishStep";

let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, "error");
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

function Harness({ api, save }: { api: SecretariatApi; save?: () => Promise<void> }) {
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  return (
    <PublishStep
      api={api}
      session={session()}
      outcome={outcome}
      onOutcome={setOutcome}
      announce={jest.fn()}
      onWorkbookChanged={jest.fn()}
      saveWorkbook={save}
    />
  );
}

test("publishes the print-ready sheets, with certificates unless unticked, and lists the products at 3 stars and above", async () => {
  const api = fakeApi();
  const save = jest.fn(async () => undefined);
  const user = userEvent.setup();
  renderWith(<Harness api={api} save={save} />);
  const certificates = screen.getByRole("checkbox", { name: /giấy chứng nhận cho mỗi sản phẩm từ 3 sao/ });
  expect(certificates).toBeChecked();
  await user.click(certificates);
  await user.click(screen.getByRole("button", { name: "Công bố kết quả" }));
  await waitFor(() => expect(api.publish).toHaveBeenCalledWith({ certificates: false }));
  expect(await screen.findByText("Bảng xếp hạng, Đề nghị công nhận, GCN SP02")).toBeInTheDocument();
  const list = screen.getByTestId("certified");
  expect(list).toHaveTextContent("Sản phẩm từ 3 sao đề nghị công nhận (2)");
  expect(
    within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["SP02 · Chè búp Tân Cương · ★★★★☆ 76,50 điểm", "SP01 · Mật ong hoa nhãn · ★★★☆☆ 57,50 điểm"]);
  await user.click(screen.getByRole("button", { name: "Tải sổ Hội đồng (.xlsx)" }));
  await waitFor(() => expect(save).toHaveBeenCalled());
});

test("in Excel there is no download button (the workbook is open already)", () => {
  renderWith(<Harness api={fakeApi()} />);
  expect(screen.queryByRole("button", { name: "Tải sổ Hội đồng (.xlsx)" })).not.toBeInTheDocument();
});
