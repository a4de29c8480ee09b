/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { PublishOutcome, SecretariatApi } from "../../app/secretariat/types";
import { fakeApi, renderWith, session } from "./__tests__/helpers";
import { PublishStep } from "./steps/PublishStep";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

failOnConsoleError();

function Harness({
  api,
  save,
  discuss,
}: {
  api: SecretariatApi;
  save?: () => Promise<void>;
  discuss?: () => void;
}) {
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
      onDiscuss={discuss}
    />
  );
}

test("publishes the print-ready sheets and lists what the council proposes, by outcome, in the decision's words", async () => {
  const api = fakeApi();
  const save = jest.fn(async () => undefined);
  const user = userEvent.setup();
  renderWith(<Harness api={api} save={save} />);
  // A council issues no certificate (26/2026 Điều 4.1): nothing offers to make one.
  expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
  expect(screen.queryByText(/giấy chứng nhận cho mỗi sản phẩm/)).not.toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Công bố kết quả" }));
  await waitFor(() => expect(api.publish).toHaveBeenCalledWith());
  expect(
    await screen.findByText("Bảng xếp hạng, Đề nghị công nhận 4 sao, Đề nghị công nhận 3 sao")
  ).toBeInTheDocument();
  const four = screen.getByTestId("proposed-propose-4");
  expect(four).toHaveTextContent("Đề nghị công nhận 4 sao (1)");
  expect(four).toHaveTextContent("Đề nghị Chủ tịch UBND cấp tỉnh công nhận sản phẩm OCOP đạt 4 sao");
  expect(
    within(four)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual(["SP02 · Chè búp Tân Cương · ★★★★☆ 76,50 điểm"]);
  const three = screen.getByTestId("proposed-propose-3");
  expect(within(three).getAllByRole("listitem")).toHaveLength(1);
  // A province council's 5-star results go up as potential 5★; none here.
  expect(screen.getByTestId("proposed-potential-5")).toHaveTextContent("Tiềm năng 5 sao (0)");
  await user.click(screen.getByRole("button", { name: "Tải sổ Hội đồng (.xlsx)" }));
  await waitFor(() => expect(save).toHaveBeenCalled());
});

test("in Excel there is no download button (the workbook is open already)", () => {
  renderWith(<Harness api={fakeApi()} />);
  expect(screen.queryByRole("button", { name: "Tải sổ Hội đồng (.xlsx)" })).not.toBeInTheDocument();
});

test("says which sheet prints which document", async () => {
  const api = fakeApi();
  const base = api.publish;
  api.publish = jest.fn(async () => {
    const r = await base();
    return {
      ...r,
      published: [
        ...r.published,
        "Phiếu đánh giá TV01",
        "Phiếu đánh giá TV02",
        "Bảng tổng hợp điểm",
        "Báo cáo kết quả",
        "Biên bản họp",
        "Thông báo kết quả",
      ],
    };
  });
  const user = userEvent.setup();
  renderWith(<Harness api={api} />);
  await user.click(screen.getByRole("button", { name: "Công bố kết quả" }));
  const guide = await screen.findByTestId("print-documents");
  expect(
    within(guide)
      .getAllByRole("listitem")
      .map((li) => li.textContent)
  ).toEqual([
    "Phiếu đánh giá của từng thành viên (Phụ lục II): trang tính “Phiếu đánh giá TV01, … (mỗi thành viên một trang tính)”",
    "Bảng tổng hợp điểm: trang tính “Bảng tổng hợp điểm”",
    "Báo cáo kết quả đánh giá, phân hạng (điểm d khoản 3 Điều 7): trang tính “Báo cáo kết quả”",
    "Biên bản họp Hội đồng: trang tính “Biên bản họp”",
    "Thông báo kết quả cho UBND cấp xã và chủ thể (điểm g khoản 3 Điều 7): trang tính “Thông báo kết quả”",
  ]);
});

test("publishing refused while products await discussion: which ones, what to do, and a way to the discussion", async () => {
  const refusal = {
    code: "deliberation.needsDiscussion",
    severity: "error" as const,
    where: {},
    params: { products: "SP01, SP04", count: 2 },
  };
  const api = fakeApi({
    publish: async () => ({
      consolidation: null,
      findings: [refusal],
      written: false,
      sheets: [],
      published: [],
      proposed: [],
    }),
  });
  const discuss = jest.fn();
  const user = userEvent.setup();
  renderWith(<Harness api={api} discuss={discuss} />);
  await user.click(screen.getByRole("button", { name: "Công bố kết quả" }));
  const refused = await screen.findByTestId("publish-refused");
  expect(refused).toHaveTextContent("Chưa công bố được: SP01, SP04 cần Hội đồng thảo luận.");
  expect(refused).toHaveTextContent("mở vòng chấm tiếp theo cho các sản phẩm này");
  expect(screen.queryByTestId("proposed-propose-4")).not.toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Đến phần thảo luận" }));
  expect(discuss).toHaveBeenCalled();
});

test("a province's many forms: writes the chosen member's forms on demand and lists their sheet for printing", async () => {
  const deferred = { forms: 6000, limit: 1500, written: [], notWritten: ["TV01", "TV02"] };
  const api = fakeApi({
    publish: async () => ({
      consolidation: (await fakeApi().publish()).consolidation,
      findings: [],
      written: true,
      sheets: [],
      published: ["Bảng xếp hạng", "Bảng tổng hợp điểm"],
      proposed: [],
      formsDeferred: deferred,
    }),
    writeForms: jest.fn(async (members: string[]) => ({
      consolidation: null,
      findings: [],
      written: true,
      sheets: ["Bảng xếp hạng", "Bảng tổng hợp điểm", ...members.map((m) => `Phiếu đánh giá ${m}`)],
      formsDeferred: { ...deferred, written: members, notWritten: ["TV01"] },
    })),
  });
  const user = userEvent.setup();
  renderWith(<Harness api={api} />);
  await user.click(screen.getByRole("button", { name: "Công bố kết quả" }));
  const bar = await screen.findByTestId("forms-deferred");
  // Vietnamese number format: 6.000 and 1.500.
  expect(bar).toHaveTextContent("(6.000 phiếu) được ghi khi cần in");
  expect(bar).toHaveTextContent("Nhiều hơn 1.500 phiếu");
  await user.selectOptions(within(bar).getByLabelText("Thành viên cần in phiếu"), "TV02");
  await user.click(within(bar).getByRole("button", { name: "Ghi phiếu đánh giá" }));
  await waitFor(() => expect(api.writeForms).toHaveBeenCalledWith(["TV02"]));
  // The print guide now names the member's forms sheet.
  expect(
    await within(screen.getByTestId("print-documents")).findByText(/trang tính “Phiếu đánh giá TV02/)
  ).toBeInTheDocument();
  expect(
    within(screen.getByTestId("forms-deferred")).getByText("Đã có phiếu của: TV02.")
  ).toBeInTheDocument();
});
