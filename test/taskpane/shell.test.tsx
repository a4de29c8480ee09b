/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { excelDetection } from "../../src/hosts/excel/detect";
import { startTaskpane, type TaskpaneHandle } from "../../src/taskpane/bootstrap";
import { EXCEL_API_VERSIONS } from "../../src/taskpane/hostInfo";
import { fakeExcel, fakeOffice, installGlobals, SESSION_SHEETS } from "./helpers";

let handle: TaskpaneHandle | null = null;
let restore: () => void = () => undefined;
let consoleError: jest.SpyInstance;

function container(): HTMLElement {
  const div = document.createElement("div");
  div.id = "container";
  document.body.appendChild(div);
  return div;
}

/** Starts the pane and lets the wait for office.js end inside act(), unless `settle` is false. */
async function start(options: { officeTimeoutMs?: number; settle?: boolean } = {}): Promise<TaskpaneHandle> {
  const { settle = true, ...rest } = options;
  await act(async () => {
    handle = startTaskpane(container(), { excel: excelDetection, ...rest });
    if (settle) await handle.settled;
  });
  return handle!;
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.lang = "";
  consoleError = jest.spyOn(console, "error");
});

afterEach(() => {
  act(() => handle?.unmount());
  handle = null;
  restore();
  restore = () => undefined;
  document.body.innerHTML = "";
  // Rendering must not log errors (React key/prop warnings, act warnings, failed lookups).
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

describe("task pane shell, standalone (no Office global)", () => {
  test("renders in Vietnamese with landmarks, headings and the standalone host line", async () => {
    restore = installGlobals({ Office: undefined, Excel: undefined });
    await start();

    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("main")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "OCOP Chấm điểm" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Môi trường" })).toBeInTheDocument();
    expect(await screen.findByTestId("host-line")).toHaveTextContent(
      "Trình duyệt thông thường — chế độ độc lập."
    );
    // Outside Excel there is no workbook to speak of: the page never says "no Excel workbook is open".
    expect(screen.queryByTestId("session-line")).not.toBeInTheDocument();
    expect(screen.queryByText(/Không có sổ làm việc Excel/)).not.toBeInTheDocument();
    // The environment is one line; its details come on demand.
    expect(screen.queryByText(/^Kiểm tra lúc/)).not.toBeInTheDocument();
    const details = screen.getByRole("button", { name: "Chi tiết" });
    expect(details).toHaveAttribute("aria-expanded", "false");
    await userEvent.setup().click(details);
    expect(screen.getByRole("button", { name: "Ẩn chi tiết" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByText(/^Kiểm tra lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /ExcelApi/ })).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe("vi");
  });

  test("the language switch works from the keyboard and is remembered", async () => {
    restore = installGlobals({ Office: undefined, Excel: undefined });
    const user = userEvent.setup();
    await start();
    await screen.findByTestId("host-line");

    const group = screen.getByRole("group", { name: "Ngôn ngữ" });
    const english = within(group).getByRole("button", { name: "English" });
    const vietnamese = within(group).getByRole("button", { name: "Tiếng Việt" });
    expect(vietnamese).toHaveAttribute("aria-pressed", "true");
    expect(english).toHaveAttribute("aria-pressed", "false");
    expect(english).toHaveAttribute("lang", "en");

    // Tab from the top of the page until the English button has focus, then press Enter.
    for (let i = 0; i < 10 && document.activeElement !== english; i++) await user.tab();
    expect(english).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(screen.getByRole("heading", { level: 1, name: "OCOP Council Scoring" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Environment" })).toBeInTheDocument();
    expect(screen.getByTestId("host-line")).toHaveTextContent("A plain browser — standalone mode.");
    expect(screen.getByRole("group", { name: "Language" })).toBeInTheDocument();
    expect(english).toHaveAttribute("aria-pressed", "true");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("ocop.language")).toBe("en");

    // Back with Space on the Vietnamese button (Shift+Tab once).
    await user.tab({ shift: true });
    expect(screen.getByRole("button", { name: "Tiếng Việt" })).toHaveFocus();
    await user.keyboard(" ");
    expect(screen.getByRole("heading", { level: 2, name: "Môi trường" })).toBeInTheDocument();
  });

  test("a stored choice of English wins over the Vietnamese default", async () => {
    restore = installGlobals({ Office: undefined, Excel: undefined });
    localStorage.setItem("ocop.language", "en");
    await start();
    expect(await screen.findByTestId("host-line")).toHaveTextContent("A plain browser — standalone mode.");
    expect(screen.queryByTestId("session-line")).not.toBeInTheDocument();
  });

  test("the real entry point (index.tsx) renders outside Office without errors", async () => {
    restore = installGlobals({ Office: undefined, Excel: undefined });
    container();
    await act(async () => {
      await import("../../src/taskpane/index");
    });
    expect(await screen.findByTestId("host-line")).toHaveTextContent("chế độ độc lập");
    expect(screen.getByRole("heading", { level: 1, name: "OCOP Chấm điểm" })).toBeInTheDocument();
  });
});

describe("task pane shell in Excel (mocked host)", () => {
  test("shows Excel, its platform, all ExcelApi sets and a found session, in Office's language", async () => {
    restore = installGlobals({
      Office: fakeOffice({ displayLanguage: "en-US", platform: "OfficeOnline", maxExcelApiMinor: 12 }),
      Excel: fakeExcel(SESSION_SHEETS),
    });
    await start();

    expect(await screen.findByText("Running in Excel (on the web).")).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: "Details" }));
    const list = screen.getByRole("list", { name: "Excel API sets (ExcelApi)" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(EXCEL_API_VERSIONS.length);
    expect(items[0]).toHaveTextContent("ExcelApi 1.1: yes");
    expect(items[7]).toHaveTextContent("ExcelApi 1.8: yesminimum");
    expect(items[11]).toHaveTextContent("ExcelApi 1.12: yes");
    expect(items[12]).toHaveTextContent("ExcelApi 1.13: no");
    expect(items[16]).toHaveTextContent("ExcelApi 1.17: no");
    expect(screen.getByText("This Excel meets the minimum, ExcelApi 1.8.")).toBeInTheDocument();
    expect(await screen.findByText("The open workbook holds an OCOP council session.")).toBeInTheDocument();
  });

  test("in Vietnamese: Excel on Windows, no session yet, and re-checking finds a new session", async () => {
    const sheets = ["Sheet1"];
    restore = installGlobals({ Office: fakeOffice({ platform: "PC" }), Excel: fakeExcel(sheets) });
    const user = userEvent.setup();
    await start();

    expect(await screen.findByTestId("host-line")).toHaveTextContent("Đang chạy trong Excel (Windows).");
    await user.click(screen.getByRole("button", { name: "Chi tiết" }));
    expect(screen.getByRole("list", { name: "Bộ API Excel (ExcelApi)" })).toBeInTheDocument();
    expect(screen.getByTestId("session-line")).toHaveTextContent(
      "Sổ làm việc đang mở chưa có phiên hội đồng OCOP."
    );

    sheets.push("_ocop_meta");
    await user.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await waitFor(() =>
      expect(screen.getByTestId("session-line")).toHaveTextContent(
        "Sổ làm việc đang mở có một phiên hội đồng OCOP."
      )
    );
  });

  test("an Excel without ExcelApi 1.8 is told what to use instead", async () => {
    restore = installGlobals({
      Office: fakeOffice({ displayLanguage: "en-GB", platform: "PC", maxExcelApiMinor: 7 }),
      Excel: fakeExcel([]),
    });
    await start();
    expect(await screen.findByText(/This Excel lacks ExcelApi 1\.8/)).toBeInTheDocument();
  });

  test("a failing workbook check is reported, not thrown", async () => {
    const failure = Object.assign(new Error("The workbook is busy."), { code: "GeneralException" });
    restore = installGlobals({
      Office: fakeOffice({ displayLanguage: "en-US" }),
      Excel: fakeExcel([], failure),
    });
    await start();
    expect(await screen.findByTestId("session-line")).toHaveTextContent(
      "Could not check the workbook: GeneralException: The workbook is busy."
    );
  });
});

describe("waiting for office.js", () => {
  test("office.js that never answers falls back to standalone mode after the timeout, then upgrades", async () => {
    let answer: () => void = () => undefined;
    const readyAfter = new Promise<void>((resolve) => (answer = resolve));
    restore = installGlobals({
      Office: fakeOffice({ displayLanguage: "en-US", readyAfter }),
      Excel: fakeExcel(SESSION_SHEETS),
    });
    const h = await start({ officeTimeoutMs: 50, settle: false });
    expect(screen.getByText("Đang kết nối với Office…")).toBeInTheDocument();

    await act(async () => {
      await h.settled;
    });
    expect(await screen.findByTestId("host-line")).toHaveTextContent("chế độ độc lập");
    expect(
      screen.getByText("office.js không phản hồi sau 0,1 giây nên trang chạy ở chế độ độc lập.")
    ).toBeVisible();

    await act(async () => {
      answer();
      await h.upgraded;
    });
    expect(await screen.findByText("Running in Excel (on the web).")).toBeInTheDocument();
  });

  test("office.js loaded in a plain browser (host null) is standalone mode", async () => {
    restore = installGlobals({ Office: fakeOffice({ host: null, platform: null }), Excel: undefined });
    await start();
    expect(await screen.findByTestId("host-line")).toHaveTextContent(
      "Trình duyệt thông thường — chế độ độc lập."
    );
  });

  test("another Office application is named, with no workbook check", async () => {
    restore = installGlobals({
      Office: fakeOffice({ host: "Word", displayLanguage: "en-US" }),
      Excel: undefined,
    });
    await start();
    expect(await screen.findByTestId("host-line")).toHaveTextContent(
      "Running in Word. This add-in works with Excel only."
    );
  });
});

describe("theme", () => {
  test("a dark Office theme gives the dark Fluent theme; forced colours give high contrast", async () => {
    restore = installGlobals({
      Office: fakeOffice({ bodyBackgroundColor: "#262626" }),
      Excel: fakeExcel([]),
    });
    const h = await start();
    expect(document.querySelector("[data-theme]")).toHaveAttribute("data-theme", "dark");
    act(() => h.unmount());
    handle = null;

    const listeners: (() => void)[] = [];
    const query = {
      matches: true,
      addEventListener: (_: string, l: () => void) => listeners.push(l),
      removeEventListener: () => undefined,
    };
    const original = window.matchMedia;
    window.matchMedia = jest.fn().mockReturnValue(query);
    try {
      await start();
      expect(document.querySelector("[data-theme]")).toHaveAttribute("data-theme", "highContrast");
      expect(window.matchMedia).toHaveBeenCalledWith("(forced-colors: active)");
    } finally {
      window.matchMedia = original;
    }
  });
});
