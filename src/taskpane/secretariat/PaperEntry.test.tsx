/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import v8 from "node:v8";
import { PartsHost } from "../../hosts/xlsx/parts/partsHost";
import { readWorkbook } from "../../app/readWorkbook";
import { parseSheets } from "../../app/scores";
import { createSecretariat } from "../../app/secretariat/secretariat";
import { setUpSession } from "../../app/setUpSession";
import { paperKey } from "../../ocop/paperEntry";
import { miniCatalogue, miniSession } from "../../../test/helpers/miniCatalogue";
import { renderWith } from "./__tests__/helpers";
import { PaperEntry } from "./steps/PaperEntry";
import { testWorkbooks } from "../../../test/helpers/workbooks";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

// jsdom hides node's structuredClone, which the parts host behind the real use cases relies on (browsers have it).
beforeAll(() => {
  globalThis.structuredClone ??= <T,>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
});
failOnConsoleError();

const catalogue = miniCatalogue();
const session = miniSession();

const setUp = async () => {
  const host = PartsHost.createEmpty({ fileName: "council.xlsx" });
  await setUpSession(host, { session, catalogue });
  const api = createSecretariat(host, {
    tool: "test",
    workbooks: testWorkbooks,
    load: async () => catalogue,
    now: () => new Date("2026-06-15T09:30:00Z"),
  });
  return { host, api };
};

const scoresOf = async (host: PartsHost, member: string) => {
  const read = await readWorkbook(host);
  const sheet = parseSheets(read.scoreSheets, read.session!, catalogue).find(
    (s) => s.parsed.scores?.member === member
  )!;
  return new Map(sheet.parsed.scores!.entries.map((e) => [`${e.product}|${e.criterion}`, e.raw.value]));
};

const typeForm = async (
  user: ReturnType<typeof userEvent.setup>,
  prefix: string,
  values: [string, string, string, string]
) => {
  for (const [i, c] of ["1.1", "1.2", "2.1", "3.1"].entries()) {
    const input = screen.getByTestId(`${prefix}-${paperKey("SP01", c)}`);
    await user.clear(input);
    if (values[i]) await user.type(input, values[i]!);
  }
};

test("a paper form typed twice: blind second entry, the one disagreement shown with focus, corrected, written", async () => {
  const { host, api } = await setUp();
  const announce = jest.fn();
  const changed = jest.fn();
  const user = userEvent.setup();
  renderWith(<PaperEntry api={api} session={session} announce={announce} onWorkbookChanged={changed} />);

  await user.selectOptions(screen.getByRole("combobox", { name: /Thành viên đã ký phiếu/ }), "TV02");
  await user.click(screen.getByRole("checkbox", { name: "SP01 · Bưởi da xanh" }));
  await user.type(screen.getByRole("textbox", { name: /Người nhập lần 1/ }), "Lê Thư Ký");
  await user.click(screen.getByRole("button", { name: "Bắt đầu nhập lần 1" }));

  // Each cell is labelled with the product and the criterion and says which points it allows.
  const cell = await screen.findByRole("textbox", { name: /SP01, tiêu chí 1\.2: Tiêu chí 1\.2/ });
  expect(screen.getByRole("group", { name: "SP01 · Bưởi da xanh" })).toBeInTheDocument();
  expect(screen.getByText("Điểm được phép: 0; 5; 10; 15; 20")).toBeInTheDocument();
  // A value that is not a level is said at its cell and holds the entry back.
  await user.type(cell, "12");
  expect(screen.getByText(/“12” không phải điểm của một mức/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Xong lần nhập 1" })).toBeDisabled();
  await typeForm(user, "paper-first", ["10", "15", "5", "20"]);
  await user.click(screen.getByRole("button", { name: "Xong lần nhập 1" }));

  // The second person must be someone else.
  const second = await screen.findByRole("textbox", { name: /Người nhập lần 2/ });
  await user.type(second, "lê thư ký");
  expect(screen.getByText("Lần nhập 2 phải do người khác Lê Thư Ký nhập.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Bắt đầu nhập lần 2" })).toBeDisabled();
  await user.clear(second);
  await user.type(second, "Phạm Kiểm Tra");
  await user.click(screen.getByRole("button", { name: "Bắt đầu nhập lần 2" }));

  // Blind: a blank grid; nothing of entry 1 is on the page.
  const blank = await screen.findAllByRole("textbox", { name: /SP01, tiêu chí/ });
  expect(blank.map((i) => (i as HTMLInputElement).value)).toEqual(["", "", "", ""]);
  expect(document.body.innerHTML).not.toContain('value="15"');
  await typeForm(user, "paper-second", ["10", "10", "5", "20"]);
  await user.click(screen.getByRole("button", { name: "Đối chiếu hai lần nhập" }));

  // One disagreement, cell by cell, with both values; the focus is on it; nothing written yet.
  const table = await screen.findByRole("table", {
    name: /Các ô khác nhau giữa hai lần nhập phiếu của TV02/,
  });
  const rows = within(table).getAllByTestId("paper-disagreement");
  expect(rows).toHaveLength(1);
  expect(within(rows[0]!).getByRole("rowheader")).toHaveTextContent("SP01");
  const fixes = within(rows[0]!).getAllByRole("textbox") as HTMLInputElement[];
  expect(fixes.map((i) => i.value)).toEqual(["15", "10"]);
  expect(fixes[0]).toHaveAccessibleName("Lần nhập 1, SP01, tiêu chí 1.2 (điểm được phép: 0; 5; 10; 15; 20)");
  await waitFor(() => expect(fixes[0]).toHaveFocus());
  expect(announce).toHaveBeenLastCalledWith("1 ô cần sửa.");
  expect((await scoresOf(host, "TV02")).get("SP01|1.2")).toBeNull();

  // The paper says 15: the second entry is corrected, both agree, the scores are written.
  await user.clear(fixes[1]!);
  await user.type(fixes[1]!, "15");
  await user.click(screen.getByRole("button", { name: "Đối chiếu lại và ghi điểm" }));
  expect(await screen.findByTestId("paper-done")).toHaveTextContent("Đã ghi điểm vào sheet “Phiếu TV02”");
  expect(screen.getByTestId("paper-done")).toHaveTextContent("Lê Thư Ký và Phạm Kiểm Tra");
  const scores = await scoresOf(host, "TV02");
  expect(["1.1", "1.2", "2.1", "3.1"].map((c) => scores.get(`SP01|${c}`))).toEqual([10, 15, 5, 20]);
  expect(changed).toHaveBeenCalled();
});

test("English: the same panel in the second language", async () => {
  const { api } = await setUp();
  renderWith(
    <PaperEntry api={api} session={session} announce={jest.fn()} onWorkbookChanged={jest.fn()} />,
    "en"
  );
  expect(screen.getByRole("heading", { name: "Paper forms (entered twice)" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Start entry 1" })).toBeDisabled();
});
