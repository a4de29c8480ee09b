/** @jest-environment jsdom */
/**
 * The member pane on a round-2 book (issue 14): it opens the round-2 sheet, says the member's round-1 score
 * beside the cell, and once the round is closed it says so and writes nothing.
 */
import { act, screen, waitFor } from "@testing-library/react";
import { closeRound, openRound } from "../../app/deliberation";
import { readMemberSheet, writeScore } from "../../app/member/actions";
import { findMember, openMemberContext } from "../../app/member/context";
import { writeExampleCouncilBook } from "../../app/member/example";
import type { ScoreCell } from "../../app/member/sheet";
import { exportMemberBooks } from "../../app/memberBook";
import { loadEdition } from "../../ocop/criteria/builtin";
import type { Catalogue } from "../../ocop/criteria/types";
import { MemoryHost, memoryWorkspace } from "./__tests__/memoryHost";
import { renderPane } from "./__tests__/render";
import { MemberPane } from "./MemberPane";
import userEvent from "@testing-library/user-event";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

const NOW = new Date("2026-06-15T08:00:00Z");
let catalogue: Catalogue;
const load = async (): Promise<Catalogue> => (catalogue ??= await loadEdition("qd26-2026"));

failOnConsoleError();
beforeEach(() => {
  localStorage.clear();
});

/** The example council with TV02's first cell scored 2 in round 1 and round 2 opened for that product. */
const councilInRound2 = async (): Promise<MemoryHost> => {
  const host = new MemoryHost();
  await writeExampleCouncilBook(host, load);
  const opened = await openMemberContext(host, load);
  if (!opened.ok) throw new Error("no session");
  const member = findMember(opened.context.session, "TV02")!;
  const first = (await readMemberSheet(host, opened.context, member))!.cells[0]!;
  await writeScore(host, first, 2);
  await openRound(host, { products: [first.product.code], reason: "Chênh lệch" }, { load, now: NOW });
  return host;
};

const bookOf = async (council: MemoryHost): Promise<MemoryHost> => {
  const book = new MemoryHost();
  await exportMemberBooks(council, () => book, { members: ["TV02"], load, now: NOW });
  return book;
};

const firstCell = async (book: MemoryHost): Promise<ScoreCell> => {
  const opened = await openMemberContext(book, load);
  if (!opened.ok) throw new Error("no session");
  return (await readMemberSheet(book, opened.context, opened.context.bookMember!))!.cells[0]!;
};

test("a round-2 book opens on its round-2 sheet and says the member's round-1 score beside the cell", async () => {
  const book = await bookOf(await councilInRound2());
  const ws = memoryWorkspace(book);
  renderPane(<MemberPane workspace={ws} />, "vi");
  await screen.findByTestId("progress-summary", {}, { timeout: 5000 });
  const first = await firstCell(book);
  expect(first.sheet).toBe("Phiếu TV02 vòng 2");
  expect(first.previous).toBe(2);
  act(() => ws.selection.set(first));
  await waitFor(() =>
    expect(screen.getByTestId("assistant-now")).toHaveTextContent("(Vòng trước bạn chấm: 2.)")
  );
  expect(screen.queryByTestId("member-round-closed")).not.toBeInTheDocument();
});

test("a closed round's book: the pane says who closed the round and when, who can reopen it, and writes nothing", async () => {
  const council = await councilInRound2();
  await closeRound(council, {}, { load, now: NOW, by: "ocop-taskpane", person: "Nguyễn Thị Thu" });
  const book = await bookOf(council);
  const ws = memoryWorkspace(book);
  const user = userEvent.setup();
  renderPane(<MemberPane workspace={ws} />, "vi");
  const banner = await screen.findByTestId("member-round-closed", {}, { timeout: 5000 });
  // The time as the member's clock shows it (their time zone), hours first as on Vietnamese minutes.
  const pad = (n: number) => String(n).padStart(2, "0");
  const local = `${pad(NOW.getHours())}:${pad(NOW.getMinutes())} ${pad(NOW.getDate())}/${pad(NOW.getMonth() + 1)}/${NOW.getFullYear()}`;
  expect(banner).toHaveTextContent(`Vòng chấm 2 đã được Thư ký Hội đồng (Nguyễn Thị Thu) khóa lúc ${local}:`);
  expect(banner).not.toHaveTextContent("2026-06-15T");
  expect(banner).toHaveTextContent("báo Thư ký Hội đồng mở lại vòng 2");
  const first = await firstCell(book);
  act(() => ws.selection.set(first));
  await user.click(await screen.findByRole("radio", { name: /^1 điểm/ }));
  await waitFor(() => expect(screen.getByTestId("live")).toHaveTextContent("Vòng chấm 2 đã được"));
  expect(book.value(first.sheet, first.row, first.col)).toBeNull();
});
