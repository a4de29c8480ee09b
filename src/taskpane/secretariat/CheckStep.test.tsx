/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { CheckOutcome, SecretariatApi } from "../../app/secretariat/types";
import type { Finding } from "../../ocop/findings";
import { fakeApi, progress, renderWith, session } from "./__tests__/helpers";
import { CheckStep } from "./steps/CheckStep";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

failOnConsoleError();

function Harness({ api, announce }: { api: SecretariatApi; announce: (t: string) => void }) {
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  return (
    <CheckStep api={api} session={session()} outcome={outcome} onOutcome={setOutcome} announce={announce} />
  );
}

const findings: Finding[] = [
  {
    code: "score.notAllowed",
    severity: "error",
    where: { member: "TV02", product: "SP01", criterion: "1.1", sheet: "Phiếu TV02", cell: "E14" },
    params: { value: 3, max: 4, allowed: [0, 1, 2, 4] },
  },
  {
    code: "score.productMissing",
    severity: "error",
    where: { member: "TV02", product: "SP02", sheet: "Phiếu TV02" },
    params: { product: "SP02", name: "Chè búp Tân Cương", count: 14 },
  },
  {
    code: "member.missingSheet",
    severity: "warning",
    where: { member: "TV03" },
    params: { member: "TV03", name: "Lê Văn C" },
  },
];

test("checks every sheet: progress by member and product, findings grouped, a click goes to the cell", async () => {
  const api = fakeApi({
    checkAll: jest.fn(async () => ({
      findings,
      progress: progress(),
      sheets: { TV01: "Phiếu TV01", TV02: "Phiếu TV02" },
    })),
  });
  const announce = jest.fn();
  const user = userEvent.setup();
  renderWith(<Harness api={api} announce={announce} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra tất cả" }));
  await waitFor(() => expect(announce).toHaveBeenLastCalledWith("Kiểm tra xong: 2 lỗi, 1 cảnh báo."));

  const progressPanel = screen.getByTestId("progress");
  expect(within(progressPanel).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.5");
  expect(progressPanel).toHaveTextContent("50% phiếu (thành viên × sản phẩm) đã chấm xong");
  const table = within(progressPanel).getByRole("table");
  expect(
    within(table)
      .getAllByRole("columnheader")
      .map((c) => c.textContent)
  ).toEqual(["Thành viên", "SP01", "SP02", "Xong"]);
  expect(within(table).getByRole("img", { name: "TV02 đã chấm 5/12 tiêu chí của SP01" })).toHaveTextContent(
    "5/12"
  );
  expect(within(table).getByRole("img", { name: "TV01 đã chấm xong SP02" })).toHaveTextContent("✓");
  expect(
    within(progressPanel).getByRole("region", {
      name: "Bảng tiến độ: thành viên theo hàng, sản phẩm theo cột",
    })
  ).toHaveAttribute("tabindex", "0");

  const groups = screen.getByTestId("check-findings");
  expect(groups).toHaveTextContent("Kết quả kiểm tra: 2 lỗi, 1 cảnh báo");
  const header = within(groups).getByRole("button", {
    name: "Thành viên TV02 — Trần Thị Bình (2 lỗi, 0 cảnh báo)",
  });
  await user.click(header);
  expect(within(groups).getByRole("heading", { name: "Sản phẩm SP01 — Mật ong hoa nhãn" })).toBeVisible();
  expect(within(groups).getByRole("heading", { name: "Sản phẩm SP02 — Chè búp Tân Cương" })).toBeVisible();
  await user.click(within(groups).getByRole("button", { name: "Đến ô E14" }));
  await waitFor(() => expect(api.goTo).toHaveBeenCalledWith(findings[0]!.where));
  expect(announce).toHaveBeenLastCalledWith("Đã chọn ô Phiếu TV02!E14.");
  expect(
    within(groups).getByRole("button", { name: "Thành viên TV03 (0 lỗi, 1 cảnh báo)" })
  ).toBeInTheDocument();
});

test("a clean workbook says so", async () => {
  const user = userEvent.setup();
  renderWith(<Harness api={fakeApi()} announce={jest.fn()} />);
  await user.click(screen.getByRole("button", { name: "Kiểm tra tất cả" }));
  expect(await screen.findByText("Không có lỗi hay cảnh báo.")).toBeInTheDocument();
});
