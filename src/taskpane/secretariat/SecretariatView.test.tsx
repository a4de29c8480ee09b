/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { HostInfo } from "../hostInfo";
import { fakeApi, qd26, renderWith, session } from "./__tests__/helpers";
import { RoleArea } from "./RoleArea";
import { SecretariatView } from "./SecretariatView";

let consoleError: jest.SpyInstance;
beforeAll(async () => {
  await qd26();
});
beforeEach(() => {
  localStorage.clear();
  consoleError = jest.spyOn(console, "error");
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

test("a blank workbook opens on the setup step; the other steps wait for a session", async () => {
  const api = fakeApi();
  renderWith(<SecretariatView api={api} download={jest.fn()} />);
  const tabs = await screen.findByRole("tablist", { name: "Các bước của thư ký Hội đồng" });
  expect(within(tabs).getAllByRole("tab")).toHaveLength(6);
  for (const name of [
    "1. Thiết lập",
    "2. Phát phiếu",
    "3. Thu phiếu",
    "4. Kiểm tra",
    "5. Tổng hợp",
    "6. Công bố",
  ])
    expect(within(tabs).getByRole("tab", { name })).toBeInTheDocument();
  expect(within(tabs).getByRole("tab", { name: "1. Thiết lập" })).toHaveAttribute("aria-selected", "true");
  expect(within(tabs).getByRole("tab", { name: "5. Tổng hợp" })).toBeDisabled();
  expect(screen.getByText(/Sổ làm việc này chưa có phiên đánh giá/)).toBeInTheDocument();
  await waitFor(() => expect(api.catalogue).toHaveBeenCalled());
  await act(() => Promise.resolve());
});

test("with a session every step is reachable with the keyboard; the status line is a live region", async () => {
  const s = session();
  const api = fakeApi({
    open: jest.fn(async () => ({
      session: s,
      catalogue: await qd26(),
      findings: [],
      sheetNames: [],
      imports: [],
    })),
  });
  const user = userEvent.setup();
  renderWith(<SecretariatView api={api} download={jest.fn()} />);
  const tabs = await screen.findByRole("tablist");
  await waitFor(() => expect(api.catalogue).toHaveBeenCalled());
  act(() => within(tabs).getByRole("tab", { name: "5. Tổng hợp" }).focus());
  await user.keyboard("{Enter}");
  expect(within(tabs).getByRole("tab", { name: "5. Tổng hợp" })).toHaveAttribute("aria-selected", "true");
  act(() => screen.getByRole("button", { name: "Tổng hợp" }).focus());
  await user.keyboard("{Enter}");
  const status = screen.getByRole("status");
  expect(status).toHaveAttribute("aria-live", "polite");
  await waitFor(() =>
    expect(status).toHaveTextContent("Đã tổng hợp 3 sản phẩm và ghi các trang tính kết quả.")
  );
  // Steps keep their outcome when the secretariat moves between tabs.
  await user.click(within(tabs).getByRole("tab", { name: "4. Kiểm tra" }));
  await user.click(within(tabs).getByRole("tab", { name: "5. Tổng hợp" }));
  expect(screen.getByTestId("ranking")).toBeInTheDocument();
});

test("a workbook that cannot be read says why", async () => {
  const api = fakeApi({
    open: jest.fn(async () =>
      Promise.reject(Object.assign(new Error("x"), { code: "InvalidOperationInCellEditMode" }))
    ),
  });
  renderWith(<SecretariatView api={api} download={jest.fn()} />);
  expect(await screen.findByText(/Bạn đang sửa một ô trong Excel\. Nhấn Enter hoặc Esc/)).toBeInTheDocument();
});

const standalone: HostInfo = {
  kind: "standalone",
  office: "absent",
  officeTimeoutMs: null,
  host: null,
  platform: null,
  apiSets: [],
  meetsRequirement: false,
  session: { state: "notApplicable" },
  checkedAt: new Date(),
};

test("the role switch loads the secretariat's tools on demand; on the standalone page they start a council workbook", async () => {
  const user = userEvent.setup();
  renderWith(<RoleArea info={standalone} member={<p>member area</p>} />);
  expect(screen.getByText("member area")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Thư ký Hội đồng" }));
  expect(localStorage.getItem("ocop.role")).toBe("secretariat");
  await user.click(await screen.findByRole("button", { name: "Tạo sổ Hội đồng mới" }, { timeout: 10000 }));
  expect(await screen.findByRole("button", { name: "Lập phiên" }, { timeout: 10000 })).toBeDisabled();
  expect(screen.getByTestId("council-file")).toHaveTextContent("So-Hoi-dong-OCOP-");
  await waitFor(() => expect(screen.getByRole("radio", { name: /26\/2026/ })).toBeChecked());
  await act(() => new Promise((r) => setTimeout(r, 50)));
});
