/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_SETTINGS } from "../../ocop/session";
import { fakeApi, qd26, renderWith, session } from "./__tests__/helpers";
import { SetupStep } from "./steps/SetupStep";

let consoleError: jest.SpyInstance;
beforeAll(async () => {
  await qd26();
});
beforeEach(() => {
  consoleError = jest.spyOn(console, "error");
});
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

const setup = (s = null as ReturnType<typeof session> | null, api = fakeApi()) => {
  const onSaved = jest.fn();
  const announce = jest.fn();
  const user = userEvent.setup();
  renderWith(<SetupStep api={api} session={s} onSaved={onSaved} announce={announce} />);
  return { api, onSaved, announce, user };
};

test("a new session: council, a product picked by searching its set, members pasted; set up writes it", async () => {
  const api = fakeApi({
    importMembers: jest.fn(async () => ({
      rows: [
        { code: "TV01", name: "Nguyễn Văn An", title: "", role: "chair" as const },
        { code: "TV02", name: "Trần Thị Bình", title: "", role: "member" as const },
      ],
      findings: [],
    })),
  });
  const { user, onSaved, announce } = setup(null, api);
  const create = screen.getByRole("button", { name: "Lập phiên" });
  expect(create).toBeDisabled();

  await user.type(screen.getByRole("textbox", { name: /Tên Hội đồng/ }), "Hội đồng OCOP huyện Thử");
  await user.type(screen.getByRole("textbox", { name: "Địa điểm họp" }), "Huyện Thử");
  const date = screen.getByRole("textbox", { name: /Ngày họp/ });
  await user.clear(date);
  await user.type(date, "15/06/2026");

  await user.click(screen.getByRole("button", { name: "Thêm sản phẩm" }));
  const editor = screen.getByTestId("product-editor");
  expect(within(editor).getByRole("textbox", { name: /Mã sản phẩm/ })).toHaveFocus();
  await user.type(within(editor).getByRole("textbox", { name: /Mã sản phẩm/ }), "sp01");
  await user.type(within(editor).getByRole("textbox", { name: /Tên sản phẩm/ }), "Chè búp Tân Cương");
  const picker = await within(editor).findByRole("combobox", { name: /Nhóm, bộ sản phẩm/ });
  await user.type(picker, "che tuoi");
  await user.click(await screen.findByRole("option", { name: /11 · Chè tươi, chế biến/ }));
  await user.click(within(editor).getByRole("button", { name: "Lưu sản phẩm" }));
  const products = screen.getByTestId("products-list");
  expect(products).toHaveTextContent("SP01 · Chè búp Tân Cương");
  expect(products).toHaveTextContent("Phiếu 11: Chè tươi, chè chế biến");

  await user.type(screen.getByTestId("members-paste"), "TV01\tNguyễn Văn An");
  await user.click(screen.getAllByRole("button", { name: "Thêm các dòng đã dán" })[1]!);
  await waitFor(() => expect(screen.getByTestId("members-list")).toHaveTextContent("TV02 · Trần Thị Bình"));
  expect(api.importMembers).toHaveBeenCalledWith({ text: "TV01\tNguyễn Văn An" });
  expect(announce).toHaveBeenCalledWith("Đã thêm 2 thành viên.");

  await user.click(create);
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  const draft = api.setUp.mock.calls[0]![0];
  expect(draft.council).toMatchObject({
    name: "Hội đồng OCOP huyện Thử",
    place: "Huyện Thử",
    date: "2026-06-15",
    year: 2026,
  });
  expect(draft.edition).toBe("qd26-2026");
  expect(draft.settings).toEqual(DEFAULT_SETTINGS);
  expect(draft.products).toEqual([
    expect.objectContaining({
      code: "SP01",
      form: "11",
      set: "Chè tươi, chế biến",
      group: "Chè",
      excluded: null,
    }),
  ]);
  expect(draft.members.map((m) => m.code)).toEqual(["TV01", "TV02"]);
});

test("an excluded dossier needs its reason; a taken code is refused", async () => {
  const { user } = setup(session());
  await user.click(screen.getByRole("button", { name: "Thêm sản phẩm" }));
  const editor = screen.getByTestId("product-editor");
  await user.type(within(editor).getByRole("textbox", { name: /Mã sản phẩm/ }), "SP02");
  await user.click(within(editor).getByRole("checkbox", { name: "Hồ sơ bị loại" }));
  await user.click(within(editor).getByRole("button", { name: "Lưu sản phẩm" }));
  expect(editor).toHaveTextContent("Mã SP02 đã có trong danh sách.");
  expect(editor).toHaveTextContent("Nhập tên sản phẩm.");
  expect(editor).toHaveTextContent("Ghi lý do loại hồ sơ");
  expect(screen.getByTestId("products-list")).toHaveTextContent("Hồ sơ bị loại: Thiếu giấy ATTP");
});

test("an existing session shows its settings with their defaults explained, and the setup refusal in words", async () => {
  const api = fakeApi({
    setUp: jest.fn(async (s) => ({
      session: s,
      written: false,
      findings: [
        {
          code: "setup.alreadySetUp",
          severity: "error" as const,
          where: { sheet: "_ocop_meta" },
          params: { session: "x" },
        },
      ],
    })),
  });
  const { user } = setup(session(), api);
  await user.click(screen.getByRole("button", { name: /Quy định của Hội đồng/ }));
  const quorum = screen.getByRole("textbox", { name: /Tỷ lệ thành viên tối thiểu đã chấm/ });
  expect(quorum).toHaveValue("75");
  expect(
    screen.getByText(/Mặc định: 75 % \(Quy chế Hội đồng OCOP tỉnh Tây Ninh: ít nhất 3\/4 thành viên\)\./)
  ).toBeInTheDocument();
  await user.clear(quorum);
  await user.type(quorum, "0");
  // The bounds the message states are the table's (more than 0, at most 100 %).
  expect(screen.getByText("Nhập một số lớn hơn 0 % và không quá 100 %.")).toBeInTheDocument();
  await user.clear(quorum);
  await user.type(quorum, "80");
  const spread = screen.getByRole("textbox", { name: /Chênh lệch tổng điểm tối đa/ });
  await user.clear(spread);
  await user.type(spread, "7,5");
  await user.click(screen.getByRole("button", { name: "Cập nhật phiên" }));
  await waitFor(() => expect(screen.getByText(/Sổ đã được thiết lập cho phiên x/)).toBeInTheDocument());
  expect(api.setUp.mock.calls[0]![0].settings).toMatchObject({ quorum: 0.8, spreadThreshold: 7.5 });
});

test("in English, every label is English", async () => {
  const api = fakeApi();
  renderWith(<SetupStep api={api} session={null} onSaved={jest.fn()} announce={jest.fn()} />, "en");
  await waitFor(() => expect(api.catalogue).toHaveBeenCalledWith("qd26-2026"));
  await act(() => Promise.resolve());
  expect(screen.getByRole("button", { name: "Set up the session" })).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Criteria edition" })).toBeInTheDocument();
  expect(
    screen.getByRole("radio", { name: /Decision 26\/2026\/QĐ-TTg \(in force\) — signed 22\/05\/2026/ })
  ).toBeChecked();
});
