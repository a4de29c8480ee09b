/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import v8 from "node:v8";
import userEvent from "@testing-library/user-event";
import { renderPane } from "../member/__tests__/render";
import StandalonePage from "./StandalonePage";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

// jsdom hides node's structuredClone, which the use cases behind the example session rely on (browsers have it).
beforeAll(() => {
  globalThis.structuredClone ??= <T,>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
});
failOnConsoleError();
beforeEach(() => {
  localStorage.clear();
});

describe("standalone page", () => {
  test("says it works on a copy, offline, and offers a file or the example session", async () => {
    renderPane(<StandalonePage />);
    expect(screen.getByRole("heading", { level: 2, name: "Chấm điểm không cần Excel" })).toBeInTheDocument();
    expect(screen.getByTestId("copy-notice")).toHaveTextContent(
      "Trang làm việc trên bản sao của tệp trong bộ nhớ trình duyệt: tệp gốc không bị sửa, không tệp nào rời khỏi máy."
    );
    expect(screen.getByText(/mọi thao tác chạy không cần mạng/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Mở phiên mẫu" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Mở tệp .xlsx…" })).toBeEnabled();
    expect(screen.getByLabelText("Mở sổ Hội đồng hoặc phiếu thành viên (.xlsx)")).toHaveAttribute(
      "type",
      "file"
    );
  });

  test("a file that is not a workbook gets a clear message", async () => {
    const user = userEvent.setup();
    renderPane(<StandalonePage />);
    const file = new File(["không phải xlsx"], "ghi-chu.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    await user.upload(screen.getByLabelText("Mở sổ Hội đồng hoặc phiếu thành viên (.xlsx)"), file);
    await waitFor(
      () =>
        expect(
          screen.getByText("Không mở được “ghi-chu.xlsx”: không phải tệp .xlsx đọc được.")
        ).toBeInTheDocument(),
      {
        timeout: 10000,
      }
    );
  });

  test("the example session opens in one click, on the member's picker", async () => {
    const user = userEvent.setup();
    renderPane(<StandalonePage />);
    await user.click(screen.getByRole("button", { name: "Mở phiên mẫu" }));
    expect(
      await screen.findByRole("combobox", { name: "Tên của tôi" }, { timeout: 20000 })
    ).toBeInTheDocument();
    expect(screen.getByTestId("working-on")).toHaveTextContent(
      "Đang làm việc trên bản sao của “phien-mau.xlsx”."
    );
    expect(screen.getByText("Chọn tên của bạn ở trên để hiện phiếu chấm.")).toBeInTheDocument();
  });

  test("closing a file with scores not downloaded asks first; keeping works on", async () => {
    const user = userEvent.setup();
    renderPane(<StandalonePage />);
    await user.click(screen.getByRole("button", { name: "Mở phiên mẫu" }));
    const picker = await screen.findByRole("combobox", { name: "Tên của tôi" }, { timeout: 20000 });
    // Nothing changed yet: "Đóng tệp" would close at once. Choose a name and score one criterion.
    await user.selectOptions(picker, within(picker).getAllByRole("option")[1]!);
    await user.click(screen.getByRole("button", { name: "Chấm với tên này" }));
    await user.click(await screen.findByRole("radio", { name: /^2 điểm/ }, { timeout: 20000 }));
    await waitFor(() => expect(screen.getByTestId("progress-summary")).toHaveTextContent("Đã chấm 1/128 ô"));

    await user.click(screen.getByRole("button", { name: "Đóng tệp" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Đóng tệp khi chưa tải về?" });
    expect(within(dialog).getByRole("button", { name: "Tiếp tục làm việc" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Tiếp tục làm việc" }));
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("progress-summary")).toHaveTextContent("Đã chấm 1/128 ô");

    await user.click(screen.getByRole("button", { name: "Đóng tệp" }));
    await user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Đóng, bỏ thay đổi" })
    );
    expect(await screen.findByRole("button", { name: "Mở phiên mẫu" })).toBeEnabled();
    expect(screen.queryByTestId("progress-summary")).not.toBeInTheDocument();
  }, 60000);
});
