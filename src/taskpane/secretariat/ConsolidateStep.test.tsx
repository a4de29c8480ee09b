/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { ConsolidateOutcome, SecretariatApi } from "../../app/secretariat/types";
import { consolidation, fakeApi, renderWith, session } from "./__tests__/helpers";
import { ConsolidateStep } from "./steps/ConsolidateStep";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

failOnConsoleError();

function Harness({
  api,
  announce,
  changed,
}: {
  api: SecretariatApi;
  announce: (t: string) => void;
  changed: () => void;
}) {
  const [outcome, setOutcome] = useState<ConsolidateOutcome | null>(null);
  return (
    <ConsolidateStep
      api={api}
      session={session()}
      outcome={outcome}
      onOutcome={setOutcome}
      announce={announce}
      onWorkbookChanged={changed}
    />
  );
}

test("refuses while errors stand, saying whose they are; nothing is written", async () => {
  const blocked: ConsolidateOutcome = {
    consolidation: { ...consolidation(), products: [] },
    written: false,
    sheets: [],
    findings: [
      {
        code: "score.missing",
        severity: "error",
        where: { member: "TV02", product: "SP01", criterion: "1.1", sheet: "Phiếu TV02", cell: "E9" },
        params: { max: 3, allowed: [0, 1, 3] },
      },
      {
        code: "score.missing",
        severity: "error",
        where: { member: "TV02", product: "SP01", criterion: "1.2", sheet: "Phiếu TV02", cell: "E10" },
        params: { max: 3, allowed: [0, 1, 3] },
      },
      { code: "session.noMembers", severity: "error", where: {}, params: {} },
    ],
  };
  const api = fakeApi({ consolidate: jest.fn(async () => blocked) });
  const announce = jest.fn();
  const changed = jest.fn();
  const user = userEvent.setup();
  renderWith(<Harness api={api} announce={announce} changed={changed} />);
  await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
  const bar = await screen.findByTestId("consolidate-blocked");
  expect(bar).toHaveTextContent("Chưa tổng hợp được: còn 3 lỗi");
  expect(bar).toHaveTextContent("Lỗi nằm ở: TV02 (2), phiên (1).");
  expect(announce).toHaveBeenLastCalledWith("Chưa tổng hợp: còn 3 lỗi.");
  expect(changed).not.toHaveBeenCalled();
  expect(screen.queryByTestId("ranking")).not.toBeInTheDocument();
});

test("writes the results and shows the ranking with stars, the flags and the counts by stars", async () => {
  const announce = jest.fn();
  const changed = jest.fn();
  const user = userEvent.setup();
  renderWith(<Harness api={fakeApi()} announce={announce} changed={changed} />);
  await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
  const ranking = await screen.findByTestId("ranking");
  expect(announce).toHaveBeenLastCalledWith("Đã tổng hợp 3 sản phẩm và ghi các trang tính kết quả.");
  expect(changed).toHaveBeenCalled();
  const items = within(ranking).getAllByTestId("ranking-item");
  expect(items.map((i) => i.getAttribute("data-product"))).toEqual(["SP02", "SP01", "SP03"]);
  expect(within(items[0]!).getByRole("img", { name: "4 sao" })).toBeInTheDocument();
  expect(items[0]).toHaveTextContent("76,50 điểm");
  expect(within(items[0]!).getByLabelText("Thứ tự 1")).toBeInTheDocument();
  expect(items[1]).toHaveTextContent(
    "Tổng điểm các thành viên chênh 15 điểm, quá mức 10 (TV01, TV02): Hội đồng thảo luận, chấm lại."
  );
  expect(items[2]).toHaveTextContent("Hồ sơ bị loại: Thiếu giấy ATTP");
  expect(within(items[2]!).getByRole("img", { name: "Chưa xếp hạng" })).toBeInTheDocument();
  const counts = screen.getByTestId("star-counts");
  expect(
    within(counts)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["5★: 0", "4★: 1", "3★: 1", "2★: 0", "1★: 0", "Chưa xếp hạng: 1"]);
  expect(screen.getByRole("button", { name: "Tổng hợp lại" })).toBeEnabled();
});

test("in English the ranking reads in English with English numbers", async () => {
  const user = userEvent.setup();
  renderWith(<Harness api={fakeApi()} announce={jest.fn()} changed={jest.fn()} />, "en");
  await user.click(screen.getByRole("button", { name: "Consolidate" }));
  const ranking = await screen.findByTestId("ranking");
  expect(within(ranking).getAllByTestId("ranking-item")[0]).toHaveTextContent("76.50 points");
  expect(within(ranking).getByRole("img", { name: "4 stars" })).toBeInTheDocument();
});
