/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect, useState } from "react";
import { exampleSession, writeExampleCouncilBook } from "../../app/member/example";
import { buildMemberSheet, type MemberSheet } from "../../app/member/sheet";
import type { SheetGrid } from "../../hosts/workbook";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import { MemoryHost } from "../member/__tests__/memoryHost";
import { renderPane } from "../member/__tests__/render";
import { MemorySelection } from "../member/workspace";
import { evaluate } from "./formulas";
import { ScoreGrid } from "./ScoreGrid";

let catalogue: Catalogue;
const load = async (): Promise<Catalogue> => (catalogue ??= await loadEdition("qd26-2026"));
const SHEET = "Phiếu TV01";

/** The grid over a MemoryHost, re-read after each write, as the standalone page does. */
function Harness({ host, selection }: { host: MemoryHost; selection: MemorySelection }) {
  const [state, setState] = useState<{ grid: SheetGrid; sheet: MemberSheet } | null>(null);
  useEffect(() => {
    const read = async () => {
      const cat = await load();
      const session = exampleSession(cat);
      const { sheets } = await host.readSheets([SHEET]);
      const grid = sheets[0]!;
      setState({ grid, sheet: buildMemberSheet(grid, session, cat, session.members[0]!)! });
    };
    void read();
    return host.changes.on(() => void read());
  }, [host]);
  if (!state) return null;
  return (
    <ScoreGrid
      grid={state.grid}
      sheet={state.sheet}
      selection={selection}
      busy={false}
      onWrite={(cell, value) => host.apply({ plans: [], cellWrites: [{ ...cell, value }] })}
    />
  );
}

let consoleError: jest.SpyInstance;
beforeEach(() => (consoleError = jest.spyOn(console, "error")));
afterEach(() => {
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
});

const setup = async () => {
  const host = new MemoryHost();
  await writeExampleCouncilBook(host, load);
  const selection = new MemorySelection();
  const user = userEvent.setup();
  renderPane(<Harness host={host} selection={selection} />);
  const grid = await screen.findByRole("grid", { name: `Phiếu chấm ${SHEET}` });
  const session = exampleSession(await load());
  const { sheets } = await host.readSheets([SHEET]);
  const sheet = buildMemberSheet(sheets[0]!, session, await load(), session.members[0]!)!;
  return { host, selection, user, grid, sheet };
};

const cell = (address: string) => document.querySelector<HTMLElement>(`[data-cell="${address}"]`)!;

describe("the standalone page's score grid", () => {
  test("is a grid with one tab stop, hidden anchors left out, score cells named by product and criterion", async () => {
    const { grid, sheet } = await setup();
    expect(grid).toHaveAccessibleDescription(/phím mũi tên/);
    const focusable = within(grid)
      .getAllByRole("gridcell")
      .filter((c) => c.tabIndex === 0);
    expect(focusable).toHaveLength(1);
    // Column A (anchors) and the hidden product-code row are not shown.
    expect(grid.textContent).not.toContain("#block:");
    expect(grid.textContent).not.toContain('{"ocop"');
    const first = sheet.cells[0]!;
    expect(cell(first.address)).toHaveAccessibleName(`${first.product.name}, tiêu chí 1.1: chưa chấm`);
    expect(cell(first.address)).toHaveAttribute("aria-selected", "true");
    expect(cell(`C${first.row + 1}`)).toHaveAttribute("aria-readonly", "true");
    expect(cell(`C${first.row + 1}`)).toHaveTextContent("Nguồn gốc sản phẩm");
  });

  test("arrow keys move, typing a number and Enter writes it and moves down, Delete clears", async () => {
    const { host, selection, user, sheet } = await setup();
    const [c0, c1] = sheet.cells;
    await user.click(cell(c0!.address));
    expect(cell(c0!.address)).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    const right = `${String.fromCharCode(c0!.address.charCodeAt(0) + 1)}${c0!.row + 1}`;
    expect(cell(right)).toHaveFocus();
    expect(selection.peek()).toMatchObject({ sheet: SHEET, row: c0!.row, col: c0!.col + 1 });
    await user.keyboard("{ArrowLeft}2");
    const input = screen.getByRole("textbox", { name: `Điểm ô ${c0!.address}` });
    expect(input).toHaveValue("2");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.value(SHEET, c0!.row, c0!.col)).toBe(2));
    await waitFor(() => expect(cell(c1!.address)).toHaveFocus());
    expect(cell(c0!.address)).toHaveAccessibleName(/: 2$/);
    // A Vietnamese decimal comma is read as a number; text stays text (the check will flag it).
    await user.keyboard("1,5{Enter}");
    await waitFor(() => expect(host.value(SHEET, c1!.row, c1!.col)).toBe(1.5));
    await user.keyboard("{ArrowUp}{ArrowUp}");
    await waitFor(() => expect(cell(c0!.address)).toHaveFocus());
    await user.keyboard("{Delete}");
    await waitFor(() => expect(host.value(SHEET, c0!.row, c0!.col)).toBeNull());
    // F2 edits what is there; Escape leaves it unchanged.
    await user.keyboard("{ArrowDown}{F2}");
    expect(screen.getByRole("textbox", { name: `Điểm ô ${c1!.address}` })).toHaveValue("1,5");
    await user.keyboard("9{Escape}");
    expect(host.value(SHEET, c1!.row, c1!.col)).toBe(1.5);
    expect(cell(c1!.address)).toHaveFocus();
  });

  test("follows a selection made elsewhere (the assistant) without taking the focus", async () => {
    const { selection, sheet } = await setup();
    const target = sheet.cells[5]!;
    const outside = document.createElement("button");
    document.body.appendChild(outside);
    outside.focus();
    act(() => selection.set(target));
    await waitFor(() => expect(cell(target.address)).toHaveAttribute("aria-selected", "true"));
    expect(outside).toHaveFocus();
    outside.remove();
  });

  test("shows the sheet's subtotals and totals, worked out in the page", async () => {
    const { host, sheet } = await setup();
    const product = sheet.cells[0]!.product.code;
    for (const c of sheet.cells.filter((x) => x.product.code === product))
      host.setCell(SHEET, c.row, c.col, c.flat.criterion.max);
    await waitFor(() =>
      expect(screen.getAllByRole("gridcell").some((c) => c.textContent === "100")).toBe(true)
    );
    expect(evaluate({ values: [[1], [2], [3]], formulas: [[null], [null], [null]] }, "SUM(A1:A3)")).toBe(6);
    expect(evaluate({ values: [[1, 2]], formulas: [[null, null]] }, "A1+B1")).toBe(3);
    expect(evaluate({ values: [[1]], formulas: [[null]] }, "AVERAGE(A1)")).toBeNull();
  });
});
