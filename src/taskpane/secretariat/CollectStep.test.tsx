/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import type { BookReport } from "../../app/secretariat/types";
import { fakeApi, renderWith } from "./__tests__/helpers";
import { CollectStep, emptyCollect, type CollectState } from "./steps/CollectStep";
import type { SecretariatApi } from "../../app/secretariat/types";
import { failOnConsoleError } from "../../../test/helpers/consoleGuard";

failOnConsoleError();

const report = (i: number, file: string, patch: Partial<BookReport>): BookReport => ({
  id: `${i}:${file}`,
  file,
  size: 20480,
  sha256: "ab".repeat(32),
  member: "TV01",
  memberName: "Nguyễn Văn An",
  status: "ready",
  findings: [],
  filled: 26,
  total: 26,
  replaces: null,
  ...patch,
});

function Harness({
  api,
  announce,
  changed,
}: {
  api: SecretariatApi;
  announce: (t: string) => void;
  changed: () => void;
}) {
  const [state, setState] = useState<CollectState>(emptyCollect);
  return (
    <CollectStep
      api={api}
      state={state}
      onState={setState}
      imports={[
        {
          file: "cu.xlsx",
          sha256: "cd".repeat(32),
          member: "TV09",
          sheet: "Phiếu TV09",
          at: "2026-06-14T08:05:00Z",
        },
      ]}
      announce={announce}
      onWorkbookChanged={changed}
    />
  );
}

const files = [
  new File([new Uint8Array([1])], "TV01.xlsx"),
  new File([new Uint8Array([2])], "TV02.xlsx"),
  new File([new Uint8Array([3])], "TV02-moi.xlsx"),
  new File([new Uint8Array([4])], "hong.xlsx"),
];

test("picks many books, lists each with its member, status and findings, then imports the ready ones", async () => {
  const reports = [
    report(0, "TV01.xlsx", {}),
    report(1, "TV02.xlsx", {
      member: "TV02",
      memberName: "Trần Thị Bình",
      status: "duplicate",
      findings: [
        {
          code: "collect.duplicate",
          severity: "error",
          where: { file: "TV02.xlsx", member: "TV02" },
          params: { member: "TV02", count: 2, files: ["TV02.xlsx", "TV02-moi.xlsx"] },
        },
      ],
    }),
    report(2, "TV02-moi.xlsx", {
      member: "TV02",
      memberName: "Trần Thị Bình",
      status: "duplicate",
      findings: [
        {
          code: "collect.duplicate",
          severity: "error",
          where: { file: "TV02-moi.xlsx", member: "TV02" },
          params: { member: "TV02", count: 2, files: ["TV02.xlsx", "TV02-moi.xlsx"] },
        },
      ],
    }),
    report(3, "hong.xlsx", {
      member: null,
      memberName: null,
      status: "unreadable",
      filled: 0,
      total: 0,
      findings: [
        {
          code: "file.unreadable",
          severity: "error",
          where: { file: "hong.xlsx" },
          params: { detail: "not a zip" },
        },
      ],
    }),
  ];
  const api = fakeApi({
    inspectBooks: jest.fn(async (picked) =>
      picked.length === 4
        ? reports
        : [
            reports[0]!,
            { ...reports[2]!, id: "1:TV02-moi.xlsx", status: "ready" as const, findings: [] },
            { ...reports[3]!, id: "2:hong.xlsx" },
          ]
    ),
    importBooks: jest.fn(async (_f, r) =>
      r.map((x) => (x.status === "ready" ? { ...x, status: "imported" as const } : x))
    ),
  });
  const announce = jest.fn();
  const changed = jest.fn();
  const user = userEvent.setup();
  renderWith(<Harness api={api} announce={announce} changed={changed} />);

  await user.upload(screen.getByTestId("collect-files"), files);
  await waitFor(() => expect(screen.getAllByTestId("collect-item")).toHaveLength(4));
  expect(api.inspectBooks.mock.calls[0]![0].map((f) => f.name)).toEqual([
    "TV01.xlsx",
    "TV02.xlsx",
    "TV02-moi.xlsx",
    "hong.xlsx",
  ]);
  expect(announce).toHaveBeenCalledWith("Đã đọc 4 tệp; 1 tệp sẵn sàng để nhập.");
  const items = screen.getAllByTestId("collect-item");
  expect(items[0]).toHaveTextContent("TV01.xlsx");
  expect(items[0]).toHaveTextContent("Sẵn sàng");
  expect(items[0]).toHaveTextContent("Thành viên TV01 Nguyễn Văn An · đã chấm 26/26 ô · 20 KB");
  // The hash is short (8 characters); the whole of it on demand.
  expect(items[0]).toHaveTextContent("SHA-256 abababab…");
  expect(items[0]).not.toHaveTextContent(`SHA-256 ${"ab".repeat(32)}`);
  await user.click(within(items[0]!).getByRole("button", { name: "Hiện đủ" }));
  expect(items[0]).toHaveTextContent(`SHA-256 ${"ab".repeat(32)}`);
  expect(items[1]).toHaveTextContent("Trùng thành viên");
  expect(items[1]).toHaveTextContent(
    "Có 2 tệp của thành viên TV02 trong lần chọn này (TV02.xlsx; TV02-moi.xlsx); không gộp tự động."
  );
  expect(items[3]).toHaveTextContent("Không đọc được");
  expect(screen.getByRole("button", { name: "Nhập 1 tệp vào sổ" })).toBeEnabled();

  // Dropping the older TV02 book settles the clash (the list is read again).
  await user.click(within(items[1]!).getByRole("button", { name: "Bỏ tệp TV02.xlsx" }));
  await waitFor(() => expect(screen.getAllByTestId("collect-item")).toHaveLength(3));
  expect(api.inspectBooks.mock.calls[1]![0].map((f) => f.name)).toEqual([
    "TV01.xlsx",
    "TV02-moi.xlsx",
    "hong.xlsx",
  ]);

  await user.click(screen.getByRole("button", { name: "Nhập 2 tệp vào sổ" }));
  await waitFor(() =>
    expect(announce).toHaveBeenLastCalledWith("Đã nhập 2 tệp; SHA-256 của từng tệp được ghi vào nhật ký.")
  );
  expect(changed).toHaveBeenCalled();
  expect(screen.getAllByTestId("collect-item").map((li) => li.getAttribute("data-status"))).toEqual([
    "imported",
    "imported",
    "unreadable",
  ]);
});

test("a book that would replace scores already held waits for the secretariat's word", async () => {
  const r = report(0, "TV01-lan2.xlsx", {
    status: "duplicate",
    replaces: "TV01.xlsx",
    findings: [
      {
        code: "collect.replaces",
        severity: "warning",
        where: { file: "TV01-lan2.xlsx", member: "TV01" },
        params: { member: "TV01", count: 3, source: "TV01.xlsx" },
      },
    ],
  });
  const api = fakeApi({ inspectBooks: jest.fn(async () => [r]), importBooks: jest.fn(async (_f, x) => x) });
  const user = userEvent.setup();
  renderWith(<Harness api={api} announce={jest.fn()} changed={jest.fn()} />);
  await user.upload(screen.getByTestId("collect-files"), files[0]!);
  const item = await screen.findByTestId("collect-item");
  expect(item).toHaveTextContent("Sổ Hội đồng đã có điểm của TV01 (3 ô khác với tệp này).");
  // The badge asks, and answers once the secretariat has chosen.
  expect(within(item).getByTestId("collect-badge")).toHaveTextContent("Đã có điểm — thay bằng tệp này?");
  expect(screen.getByRole("button", { name: "Nhập 0 tệp vào sổ" })).toBeDisabled();
  await user.click(within(item).getByRole("button", { name: "Thay bằng tệp này" }));
  expect(item).toHaveTextContent("Sẽ thay điểm đã có bằng tệp này.");
  expect(within(item).getByTestId("collect-badge")).toHaveTextContent("Sẽ thay điểm đã có");
  await user.click(screen.getByRole("button", { name: "Nhập 1 tệp vào sổ" }));
  await waitFor(() => expect(api.importBooks).toHaveBeenCalled());
  expect([...api.importBooks.mock.calls[0]![2]!]).toEqual(["0:TV01-lan2.xlsx"]);
});

test("the import log lists earlier files with their SHA-256", async () => {
  const user = userEvent.setup();
  renderWith(<Harness api={fakeApi()} announce={jest.fn()} changed={jest.fn()} />);
  await user.click(screen.getByRole("button", { name: "Nhật ký nhập tệp (1)" }));
  expect(screen.getByText("cu.xlsx")).toBeVisible();
  expect(screen.getByText("SHA-256 cdcdcdcd…")).toBeVisible();
});
