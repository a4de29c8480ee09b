/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { writeExampleCouncilBook } from "../../app/member/example";
import { HostError } from "../../hosts/workbook";
import { planMemberBook } from "../../app/memberBook";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import { exampleSession } from "../../app/member/example";
import { buildMemberSheet, type MemberSheet } from "../../app/member/sheet";
import { MemoryHost, memoryWorkspace, type TestWorkspace } from "./__tests__/memoryHost";
import { renderPane } from "./__tests__/render";
import { MemberPane } from "./MemberPane";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

let catalogue: Catalogue;
const load = async (): Promise<Catalogue> => (catalogue ??= await loadEdition("qd26-2026"));

failOnConsoleError();
beforeEach(() => {
  localStorage.clear();
});

/** The example council workbook in memory. */
const councilBook = async (): Promise<MemoryHost> => {
  const host = new MemoryHost();
  await writeExampleCouncilBook(host, load);
  return host;
};

/** The model of TV02's sheet as it is in the host now. */
const sheetOf = async (host: MemoryHost, member = "TV02"): Promise<MemberSheet> => {
  const session = exampleSession(await load());
  const { sheets } = await host.readSheets([`Phiếu ${member}`]);
  return buildMemberSheet(
    sheets[0]!,
    session,
    await load(),
    session.members.find((m) => m.code === member)!
  )!;
};

const start = async (ws: TestWorkspace, language: "vi" | "en" = "vi") => {
  const user = userEvent.setup();
  const view = renderPane(<MemberPane workspace={ws} />, language);
  await screen.findByTestId("member-pane", {}, { timeout: 5000 });
  return { user, ...view };
};

const pickMember = async (user: ReturnType<typeof userEvent.setup>, label: RegExp) => {
  await user.selectOptions(
    screen.getByRole("combobox", { name: "Tên của tôi" }),
    screen.getByRole("option", { name: label })
  );
  await user.click(screen.getByRole("button", { name: "Chấm với tên này" }));
  await screen.findByTestId("progress-summary");
};

describe("member pane on a council workbook", () => {
  test("recognises the session, lets the member pick their name and remembers it", async () => {
    const host = await councilBook();
    const ws = memoryWorkspace(host);
    const { user, unmount } = await start(ws);
    expect(screen.getByRole("heading", { level: 2, name: "Phiếu chấm của thành viên" })).toBeInTheDocument();
    expect(screen.getByText(/Hội đồng OCOP mẫu \(dữ liệu minh hoạ\) — năm 2026/)).toBeInTheDocument();
    const picker = screen.getByRole("combobox", { name: "Tên của tôi" });
    expect(within(picker).getAllByRole("option")).toHaveLength(6); // placeholder + five members
    await pickMember(user, /\(TV02\)/);
    expect(screen.getByTestId("member-who")).toHaveTextContent(/Bạn chấm với tư cách: .+ \(TV02\)/);
    expect(screen.getByText("Phiếu của bạn: trang tính “Phiếu TV02”.")).toBeInTheDocument();
    expect(screen.getByTestId("progress-summary")).toHaveTextContent("Đã chấm 0/128 ô · còn 128");
    unmount();

    // Next time, the same workbook opens on the same member.
    await start(memoryWorkspace(host));
    expect(await screen.findByTestId("member-who")).toHaveTextContent("(TV02)");
  });

  test("inserts a missing sheet, and re-inserts it without losing entered scores", async () => {
    const host = await councilBook();
    await host.apply({ plans: [], remove: ["Phiếu TV02"] });
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const ws = memoryWorkspace(host);
    const { user } = await start(ws);
    expect(await screen.findByText("Sổ này chưa có phiếu chấm của bạn (Phiếu TV02).")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Chèn phiếu chấm" }));
    expect(await screen.findByText("Đã chèn phiếu “Phiếu TV02”.")).toBeInTheDocument();
    // The assistant opens on the first score cell.
    expect(await screen.findByTestId("assistant-cell")).toHaveTextContent("Tiêu chí 1.1.");

    const first = (await sheetOf(host)).cells[0]!;
    host.setCell(first.sheet, first.row, first.col, 2);
    await user.click(screen.getByRole("button", { name: "Chèn lại phiếu (giữ điểm đã nhập)" }));
    expect(
      await screen.findByText("Đã chèn lại phiếu “Phiếu TV02”; giữ nguyên 1 ô đã nhập.")
    ).toBeInTheDocument();
    expect(host.value(first.sheet, first.row, first.col)).toBe(2);
  });
});

describe("scoring assistant", () => {
  const ready = async (opts: { changeEvents?: boolean } = {}) => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const ws = memoryWorkspace(host, opts);
    const view = await start(ws);
    await screen.findByTestId("progress-summary");
    const sheet = await sheetOf(host);
    return { host, ws, sheet, ...view };
  };

  test("shows the product, the criterion, its maximum and every level with its points", async () => {
    const { ws, sheet } = await ready();
    // On opening, the assistant is on the first unscored cell with the focus on its levels.
    const cell = sheet.cells[0]!;
    const assistant = await screen.findByTestId("assistant-cell");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("type", "radio"));
    expect(ws.selection.peek()).toMatchObject({ row: cell.row, col: cell.col });
    expect(assistant).toHaveTextContent(`Ô ${cell.address} trên Phiếu TV02 · Phiếu số 04`);
    expect(within(assistant).getByRole("heading", { level: 3 })).toHaveTextContent(
      `${cell.product.name} (${cell.product.code})`
    );
    expect(assistant).toHaveTextContent("Tiêu chí 1.1. Nguồn gốc sản phẩm (Tối đa 3 điểm)");
    expect(assistant).toHaveTextContent("Yêu cầu: 100% sản phẩm được nuôi/trồng trên địa bàn cấp tỉnh");
    const group = within(assistant).getByRole("radiogroup");
    expect(group).toHaveAccessibleName(expect.stringContaining("Tiêu chí 1.1. Nguồn gốc sản phẩm"));
    const radios = within(group).getAllByRole("radio");
    // 1.1 prints levels worth 1, 2 and 3; 0 (no level reached) is allowed too.
    expect(radios.map((r) => r.closest("span,div")?.textContent ?? "")).toHaveLength(4);
    expect(within(group).getByRole("radio", { name: "0 điểm — không đạt mức nào" })).toBeInTheDocument();
    expect(
      within(group).getByRole("radio", {
        name: "3 điểm — Sản phẩm được nuôi/trồng trên địa bàn cấp xã từ 75% đến 100%",
      })
    ).toBeInTheDocument();
    expect(screen.getByTestId("assistant-now")).toHaveTextContent("Chưa chấm — chọn một mức: 0; 1; 2; 3.");
  });

  test("keyboard only: arrows choose, Enter writes and moves on, PageUp/PageDown and Shift+PageDown move", async () => {
    const { host, ws, sheet, user } = await ready();
    const [c0, c1, c2] = sheet.cells;
    act(() => ws.selection.set(c0!));
    const group = await screen.findByRole("radiogroup");
    within(group).getAllByRole("radio")[0]!.focus();
    // Arrows choose a level without writing it.
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(within(group).getByRole("radio", { name: /^2 điểm/ })).toBeChecked();
    expect(host.value(c0!.sheet, c0!.row, c0!.col)).toBeNull();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.value(c0!.sheet, c0!.row, c0!.col)).toBe(2));
    // The assistant moved to the next criterion and kept the focus in its levels.
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c1!.address}`));
    await waitFor(() => expect(document.activeElement).toHaveAttribute("type", "radio"));
    await waitFor(() => expect(screen.getByTestId("live")).toHaveTextContent(`Ô ${c1!.address}:`));
    expect(screen.getByTestId("progress-summary")).toHaveTextContent("Đã chấm 1/128 ô");

    // Typing a digit that names one level writes it and moves on: one key per criterion.
    await user.keyboard("1");
    await waitFor(() => expect(host.value(c1!.sheet, c1!.row, c1!.col)).toBe(1));
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c2!.address}`));

    // PageUp goes back without writing; the level shown is what the cell holds.
    await waitFor(() => expect(document.activeElement).toHaveAttribute("type", "radio"));
    await user.keyboard("{PageUp}");
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c1!.address}`));
    expect(screen.getByRole("radio", { name: /^1 điểm/ })).toBeChecked();
    expect(screen.getByTestId("assistant-now")).toHaveTextContent("Điểm trong ô: 1.");
    await waitFor(() => expect(document.activeElement).toHaveAttribute("type", "radio"));
    await user.keyboard("{PageDown}");
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c2!.address}`));

    // Shift+PageDown: the next unscored cell, wrapping round past the end.
    act(() => ws.selection.set(sheet.cells[sheet.cells.length - 1]!));
    await screen.findByText(
      `Ô ${sheet.cells[sheet.cells.length - 1]!.address} trên Phiếu TV02 · Phiếu số 11`
    );
    await waitFor(() => expect(screen.getByRole("radiogroup")).toBeInTheDocument());
    within(screen.getByRole("radiogroup")).getAllByRole("radio")[0]!.focus();
    await user.keyboard("{Shift>}{PageDown}{/Shift}");
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${c2!.address}`));
    expect(ws.selection.peek()).toMatchObject({ row: c2!.row, col: c2!.col });
  });

  test("a click on a level writes it and moves on, or stays when asked; Delete clears; Ctrl+Z undoes", async () => {
    const { host, ws, sheet, user } = await ready();
    const cell = sheet.cells[1]!;
    const next = sheet.cells[2]!;
    act(() => ws.selection.set(cell));
    await user.click(await screen.findByRole("radio", { name: /^1 điểm/ }));
    await waitFor(() => expect(host.value(cell.sheet, cell.row, cell.col)).toBe(1));
    await waitFor(() =>
      expect(screen.getByTestId("live")).toHaveTextContent(`Đã ghi 1 điểm vào ô ${cell.address}.`)
    );
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${next.address}`));

    // With "stay" ticked, a click writes and the assistant stays on the cell.
    await user.click(screen.getByRole("checkbox", { name: "Ở lại ô này khi bấm chọn một mức" }));
    await user.click(screen.getByRole("radio", { name: /^2 điểm/ }));
    await waitFor(() => expect(host.value(next.sheet, next.row, next.col)).toBe(2));
    expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${next.address}`);
    await user.click(screen.getByRole("button", { name: "Xóa điểm" }));
    await waitFor(() => expect(host.value(next.sheet, next.row, next.col)).toBeNull());

    // Ctrl+Z puts back what the cells held, last change first, and goes to the cell.
    within(screen.getByRole("radiogroup")).getAllByRole("radio")[0]!.focus();
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(host.value(next.sheet, next.row, next.col)).toBe(2));
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(host.value(next.sheet, next.row, next.col)).toBeNull());
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(host.value(cell.sheet, cell.row, cell.col)).toBeNull());
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${cell.address}`));
    await waitFor(() => expect(document.activeElement).toHaveAttribute("type", "radio"));
    expect(screen.getByRole("button", { name: "Hoàn tác" })).toBeDisabled();
  });

  test("follows a value typed straight into the cell (with and without change events)", async () => {
    for (const changeEvents of [true, false]) {
      const { host, ws, sheet, unmount } = await ready({ changeEvents });
      const cell = sheet.cells[0]!;
      act(() => ws.selection.set(cell));
      await screen.findByTestId("assistant-cell");
      act(() => host.setCell(cell.sheet, cell.row, cell.col, 3));
      if (!changeEvents) act(() => ws.selection.set(sheet.cells[1]!)); // Excel: Enter moves the selection…
      if (!changeEvents) act(() => ws.selection.set(cell)); // …and the member comes back
      await waitFor(() => expect(screen.getByTestId("assistant-now")).toHaveTextContent("Điểm trong ô: 3."), {
        timeout: 3000,
      });
      expect(screen.getByRole("radio", { name: /^3 điểm/ })).toBeChecked();
      act(() => host.setCell(cell.sheet, cell.row, cell.col, "ba"));
      if (!changeEvents) act(() => ws.selection.set(sheet.cells[1]!));
      if (!changeEvents) act(() => ws.selection.set(cell));
      await waitFor(
        () =>
          expect(screen.getByTestId("assistant-now")).toHaveTextContent(
            "Ô đang có “ba”, không phải điểm của một mức."
          ),
        {
          timeout: 3000,
        }
      );
      unmount();
    }
  });
});

describe("progress", () => {
  test("per product and in all, with the member's total and a star preview", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const sheet = await sheetOf(host);
    const product = sheet.products[0]!.product;
    // Score the first product at every criterion's maximum.
    for (const c of sheet.cells.filter((x) => x.product.code === product.code))
      host.setCell(c.sheet, c.row, c.col, c.flat.criterion.max, false);
    await start(memoryWorkspace(host));
    const item = await screen.findByTestId(`progress-${product.code}`);
    expect(item).toHaveTextContent("32/32 tiêu chí");
    expect(item).toHaveTextContent("100 điểm");
    expect(within(item).getByLabelText("Xếp hạng xem trước: 5 sao")).toBeInTheDocument();
    expect(screen.getByTestId("progress-summary")).toHaveTextContent("Đã chấm 32/128 ô · còn 96");
    const second = screen.getByTestId(`progress-${sheet.products[1]!.product.code}`);
    expect(second).toHaveTextContent("0/32 tiêu chí");
    expect(second).toHaveTextContent("0 điểm (chưa đủ)");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuetext", "Đã chấm 32/128 ô · còn 96");
  });

  test("a product's button goes to its first unscored cell", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const sheet = await sheetOf(host);
    const ws = memoryWorkspace(host);
    const { user } = await start(ws);
    const p = sheet.products[2]!.product;
    await user.click(await screen.findByRole("button", { name: `Đến ô chưa chấm của ${p.code}` }));
    const target = sheet.cells.find((c) => c.product.code === p.code)!;
    await waitFor(() =>
      expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${target.address}`)
    );
  });
});

describe("check my sheet", () => {
  test("lists what, where and how to fix; a click selects the cell; nothing is written", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const sheet = await sheetOf(host);
    const bad = sheet.cells[0]!;
    host.setCell(bad.sheet, bad.row, bad.col, 7, false);
    const ws = memoryWorkspace(host);
    const { user } = await start(ws);
    const applies = host.calls.apply;
    await user.click(await screen.findByRole("button", { name: "Kiểm tra phiếu của tôi" }));
    const list = await screen.findByTestId("findings");
    expect(host.calls.apply).toBe(applies);
    // 31 empty cells of the first product, its 7, and three products left blank: 35, shown 25 at a time.
    expect(within(list).getAllByRole("listitem")).toHaveLength(25);
    await user.click(screen.getByRole("button", { name: "Hiện cả 35 mục" }));
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(35);
    const first = items.find((i) => i.textContent!.includes(`Ô 'Phiếu TV02'!${bad.address}`))!;
    expect(first).toHaveTextContent("Lỗi");
    expect(first).toHaveTextContent("Cách sửa:");
    expect(first).toHaveTextContent("7");
    // The product left blank entirely is one finding, not 32.
    expect(items.filter((i) => /chưa chấm sản phẩm/.test(i.textContent!))).toHaveLength(3);
    await user.click(within(first).getByRole("button", { name: `Chọn ô ${bad.address}` }));
    await waitFor(() => expect(screen.getByTestId("assistant-cell")).toHaveTextContent(`Ô ${bad.address}`));
    expect(ws.selection.peek()).toMatchObject({ row: bad.row, col: bad.col });
    // A whole product left blank points at the product's first cell.
    const blank = items.find((i) => /chưa chấm sản phẩm/.test(i.textContent!))!;
    expect(within(blank).getByRole("button", { name: /^Chọn ô [A-Z]+\d+$/ })).toBeInTheDocument();
    expect(screen.getByTestId("check-summary")).toHaveTextContent(/^\d+ lỗi, 0 cảnh báo\.$/);
  });

  test("a complete, valid sheet checks clean", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    for (const c of (await sheetOf(host)).cells)
      host.setCell(c.sheet, c.row, c.col, c.flat.criterion.max, false);
    const { user } = await start(memoryWorkspace(host));
    await user.click(await screen.findByRole("button", { name: "Kiểm tra phiếu của tôi" }));
    expect(await screen.findByTestId("check-ok")).toHaveTextContent("Phiếu hợp lệ: không có lỗi.");
  });
});

describe("saving, errors, other workbooks, language", () => {
  test("save hands the workbook on and says what to do next", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const ws = memoryWorkspace(host);
    const { user } = await start(ws);
    await user.click(await screen.findByRole("button", { name: "Tải về phiếu chấm (.xlsx)" }));
    expect(await screen.findByTestId("save-outcome")).toHaveTextContent(
      "Đã tải về “OCOP-TV02.xlsx”. Gửi tệp này cho thư ký Hội đồng."
    );
    expect(ws.saves).toEqual(["TV02"]);
  });

  test("in Excel, saving tells the member to save the workbook", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const { user } = await start(memoryWorkspace(host, { kind: "excel", changeEvents: false }));
    await user.click(await screen.findByRole("button", { name: "Lưu sổ làm việc" }));
    expect(await screen.findByTestId("save-outcome")).toHaveTextContent("Nhấn Ctrl+S");
  });

  test.each([
    ["protectedByOther", "Trang tính hoặc sổ đang được bảo vệ bởi người khác", "bỏ bảo vệ"],
    ["cellEditMode", "Excel đang ở chế độ sửa ô.", "Nhấn Enter hoặc Esc"],
    ["apiMissing", "thiếu chức năng Add-in cần", "Cập nhật Excel"],
  ] as const)("a HostError %s becomes a message with what to do", async (code, message, action) => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const ws = memoryWorkspace(host);
    const { user } = await start(ws);
    const cell = (await sheetOf(host)).cells[0]!;
    act(() => ws.selection.set(cell));
    host.failNextApply = new HostError(code, "raw office message", { officeCode: "X" });
    await user.click(await screen.findByRole("radio", { name: /^2 điểm/ }));
    const alert = await screen.findByTestId("member-error");
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent(action);
    expect(alert).toHaveTextContent("Chi tiết: raw office message");
    await user.click(within(alert).getByRole("button", { name: "Đóng" }));
    expect(screen.queryByTestId("member-error")).not.toBeInTheDocument();
  });

  test("a member workbook names its member: no picker", async () => {
    const cat = await load();
    const session = exampleSession(cat);
    const member = session.members[3]!;
    const host = new MemoryHost();
    await host.apply({ plans: planMemberBook({ session, catalogue: cat, member }) });
    await start(memoryWorkspace(host));
    expect(await screen.findByTestId("member-who")).toHaveTextContent(
      `Phiếu thành viên được phát cho ${member.name} (${member.code}).`
    );
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Đổi thành viên" })).not.toBeInTheDocument();
  });

  test("a member workbook naming someone the session does not list says so, and offers no other name", async () => {
    const cat = await load();
    const session = exampleSession(cat);
    const stranger = { code: "TV99", name: "Người lạ", title: "", role: "member" as const };
    const host = new MemoryHost();
    await host.apply({ plans: planMemberBook({ session, catalogue: cat, member: stranger }) });
    await start(memoryWorkspace(host));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Phiếu ghi thành viên TV99, không có trong danh sách của phiên."
    );
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
  });

  test("a workbook without a session says so", async () => {
    renderPane(<MemberPane workspace={memoryWorkspace(new MemoryHost())} />);
    expect(await screen.findByText("Sổ làm việc này không có phiên hội đồng OCOP.")).toBeInTheDocument();
  });

  test("English on request", async () => {
    const host = await councilBook();
    localStorage.setItem("ocop.member.example-2026", "TV02");
    const ws = memoryWorkspace(host);
    await start(ws, "en");
    expect(await screen.findByTestId("progress-summary")).toHaveTextContent("Scored 0/128 cells · 128 to go");
    const first = (await sheetOf(host)).cells[0]!;
    act(() => ws.selection.set(first));
    expect(await screen.findByRole("radio", { name: "0 points — no level reached" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Write points" })).toBeInTheDocument();
  });
});
