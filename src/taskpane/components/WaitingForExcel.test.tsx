/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../i18n";
import { WaitingForExcel } from "./WaitingForExcel";

const renderIn = (language: "vi" | "en", ui: React.ReactElement) =>
  render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);

test("after a moment of waiting the notice shows, says why, and its button cancels", async () => {
  jest.useFakeTimers();
  const onCancel = jest.fn();
  const view = renderIn("vi", <WaitingForExcel busy onCancel={onCancel} delayMs={1000} />);
  expect(screen.queryByTestId("waiting-for-excel")).toBeNull(); // a quick call shows nothing
  act(() => jest.advanceTimersByTime(1000));
  expect(screen.getByTestId("waiting-for-excel").textContent).toMatch(/Đang chờ Excel.*Enter hoặc Esc/);
  jest.useRealTimers();
  await userEvent.click(screen.getByRole("button", { name: "Huỷ" }));
  expect(onCancel).toHaveBeenCalledTimes(1);
  view.rerender(
    <I18nextProvider i18n={createI18n("vi")}>
      <WaitingForExcel busy={false} onCancel={onCancel} delayMs={1000} />
    </I18nextProvider>
  );
  expect(screen.queryByTestId("waiting-for-excel")).toBeNull();
});

test("in English, and without a cancel button when there is nothing to cancel", () => {
  jest.useFakeTimers();
  renderIn("en", <WaitingForExcel busy delayMs={10} />);
  act(() => jest.advanceTimersByTime(10));
  expect(screen.getByTestId("waiting-for-excel").textContent).toMatch(/Waiting for Excel/);
  expect(screen.queryByRole("button")).toBeNull();
  jest.useRealTimers();
});
