/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { DeliberationOutcome } from "../../app/secretariat/types";
import { EMPTY_DELIBERATION, type Deliberation as State } from "../../ocop/history";
import { renderWith, session } from "./__tests__/helpers";
import { Deliberation, type DeliberationActions } from "./steps/Deliberation";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

failOnConsoleError();

const done: DeliberationOutcome = { written: true, findings: [] };
const actions = (): jest.Mocked<DeliberationActions> => ({
  openRound: jest.fn(async (_p: string[], _r: string): Promise<DeliberationOutcome> => done),
  closeRound: jest.fn(async (): Promise<DeliberationOutcome> => done),
  reopenRound: jest.fn(async (_r: string): Promise<DeliberationOutcome> => done),
  recordRecusal: jest.fn(
    async (_r: Parameters<DeliberationActions["recordRecusal"]>[0]): Promise<DeliberationOutcome> => done
  ),
  recordChairDecision: jest.fn(
    async (_d: Parameters<DeliberationActions["recordChairDecision"]>[0]): Promise<DeliberationOutcome> =>
      done
  ),
});

const flagged = [{ product: "SP01", round: 1, reasons: ["spread" as const], range: 15 }];

test("the flagged product with its spread; round 2 opens for it with the default reason, or for a chosen product with a reason", async () => {
  const a = actions();
  const announce = jest.fn();
  const user = userEvent.setup();
  renderWith(
    <Deliberation
      session={session()}
      deliberation={EMPTY_DELIBERATION}
      needsDiscussion={flagged}
      actions={a}
      announce={announce}
      onWorkbookChanged={jest.fn()}
    />
  );
  expect(screen.getByRole("heading", { name: "Sản phẩm cần thảo luận (1)" })).toBeInTheDocument();
  expect(within(screen.getByTestId("discussion-list")).getByRole("listitem")).toHaveTextContent(
    "SP01 · Mật ong hoa nhãn — vòng 1: chênh lệch 15,00 điểm (quá 10 điểm)"
  );
  expect(screen.getByRole("checkbox", { name: /SP01 · Mật ong hoa nhãn \(cần thảo luận\)/ })).toBeChecked();
  await user.click(screen.getByRole("button", { name: "Mở vòng chấm 2" }));
  await waitFor(() =>
    expect(a.openRound).toHaveBeenCalledWith(["SP01"], "Chênh lệch quá 10 điểm, Hội đồng thảo luận, chấm lại")
  );
  expect(announce).toHaveBeenLastCalledWith(expect.stringContaining("Đã mở vòng chấm 2 cho SP01"));

  // A second evaluation of a product that is not flagged needs a reason.
  await user.click(screen.getByRole("checkbox", { name: /SP02 · Chè búp Tân Cương/ }));
  expect(screen.getByRole("button", { name: "Mở vòng chấm 2" })).toBeDisabled();
  await user.type(
    screen.getByRole("textbox", { name: /Lý do mở vòng chấm/ }),
    "Đánh giá lần 2: bổ sung kết quả kiểm nghiệm"
  );
  await user.click(screen.getByRole("button", { name: "Mở vòng chấm 2" }));
  await waitFor(() =>
    expect(a.openRound).toHaveBeenLastCalledWith(
      ["SP01", "SP02"],
      "Đánh giá lần 2: bổ sung kết quả kiểm nghiệm"
    )
  );
});

test("the chair's decision needs a reason; a recusal names member, product and reason", async () => {
  const a = actions();
  const user = userEvent.setup();
  const state: State = {
    ...EMPTY_DELIBERATION,
    rounds: [
      { number: 2, products: ["SP01"], reason: "x", openedAt: "2026-06-15T08:00:00Z", closedAt: null },
    ],
  };
  renderWith(
    <Deliberation
      session={session()}
      deliberation={state}
      needsDiscussion={[{ ...flagged[0]!, round: 2 }]}
      actions={a}
      announce={jest.fn()}
      onWorkbookChanged={jest.fn()}
    />
  );
  const box = screen.getByTestId("decision-SP01");
  const record = within(box).getByRole("button", { name: "Ghi quyết định cho SP01" });
  expect(record).toBeDisabled();
  await user.click(within(box).getByRole("radio", { name: "Chưa phân hạng" }));
  await user.type(
    within(box).getByRole("textbox", { name: /Lý do \(sản phẩm SP01\)/ }),
    "Chờ kết quả kiểm nghiệm"
  );
  await user.click(record);
  await waitFor(() =>
    expect(a.recordChairDecision).toHaveBeenCalledWith({
      product: "SP01",
      decision: "withhold",
      reason: "Chờ kết quả kiểm nghiệm",
    })
  );

  await user.selectOptions(screen.getByRole("combobox", { name: "Thành viên" }), "TV02");
  await user.selectOptions(screen.getByRole("combobox", { name: "Sản phẩm" }), "SP02");
  await user.type(screen.getByTestId("recusal-reason"), "Người thân của chủ thể");
  await user.click(screen.getByRole("button", { name: "Ghi nhận không chấm" }));
  await waitFor(() =>
    expect(a.recordRecusal).toHaveBeenCalledWith({
      member: "TV02",
      product: "SP02",
      reason: "Người thân của chủ thể",
    })
  );
});

test("closing is confirmed, the safe choice first", async () => {
  const a = actions();
  const user = userEvent.setup();
  renderWith(
    <Deliberation
      session={session()}
      deliberation={EMPTY_DELIBERATION}
      needsDiscussion={[]}
      actions={a}
      announce={jest.fn()}
      onWorkbookChanged={jest.fn()}
    />
  );
  expect(screen.getByText("Không có sản phẩm nào cần thảo luận: có thể công bố.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Khóa vòng chấm 1" }));
  const dialog = screen.getByRole("alertdialog", { name: "Khóa vòng chấm 1?" });
  // The safe choice has the focus; cancelling does nothing.
  expect(within(dialog).getByRole("button", { name: "Hủy" })).toHaveFocus();
  await user.click(within(dialog).getByRole("button", { name: "Hủy" }));
  expect(a.closeRound).not.toHaveBeenCalled();
  // Who closes it, typed by the secretariat, goes with the closing.
  await user.type(screen.getByRole("textbox", { name: /Người khóa vòng/ }), "Nguyễn Thị Thu");
  await user.click(screen.getByRole("button", { name: "Khóa vòng chấm 1" }));
  await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Khóa vòng 1" }));
  await waitFor(() => expect(a.closeRound).toHaveBeenCalledWith("Nguyễn Thị Thu"));
});

test("a closed round takes no recusal and no new round; reopening needs a reason and is confirmed", async () => {
  const a = actions();
  const user = userEvent.setup();
  const closed: State = {
    ...EMPTY_DELIBERATION,
    rounds: [
      {
        number: 1,
        products: ["SP01", "SP02"],
        reason: "",
        openedAt: "",
        closedAt: "2026-06-15T10:00:00Z",
        closedBy: "Nguyễn Thị Thu",
      },
    ],
  };
  renderWith(
    <Deliberation
      session={session()}
      deliberation={closed}
      needsDiscussion={[]}
      actions={a}
      announce={jest.fn()}
      onWorkbookChanged={jest.fn()}
    />
  );
  // When (the secretariat's local time) and by whom.
  const at = new Date("2026-06-15T10:00:00Z");
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${pad(at.getHours())}:${pad(at.getMinutes())} ${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`;
  expect(screen.getByTestId("round-state")).toHaveTextContent(
    `Vòng chấm 1 đã khóa lúc ${local} (Nguyễn Thị Thu):`
  );
  expect(screen.getByRole("button", { name: "Ghi nhận không chấm" })).toBeDisabled();
  expect(screen.getByRole("button", { name: "Mở vòng chấm 2" })).toBeDisabled();
  const reopen = screen.getByRole("button", { name: "Mở lại vòng chấm 1" });
  expect(reopen).toBeDisabled();
  await user.type(screen.getByRole("textbox", { name: /Lý do mở lại/ }), "Thành viên TV02 chấm nhầm cột");
  await user.click(reopen);
  const ask = screen.getByRole("alertdialog", { name: "Mở lại vòng chấm 1?" });
  expect(ask).toHaveTextContent("Lý do “Thành viên TV02 chấm nhầm cột” được ghi vào nhật ký.");
  await user.click(within(ask).getByRole("button", { name: "Mở lại vòng 1" }));
  await waitFor(() => expect(a.reopenRound).toHaveBeenCalledWith("Thành viên TV02 chấm nhầm cột"));
});
