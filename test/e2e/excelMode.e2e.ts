/**
 * The pane's Excel mode in real Chromium: the production page from dist/, with office.js replaced by a stand-in
 * over the project's fake Excel (test/e2e/excel/officeShim.ts, built by scripts/e2e.cjs), in a 320 px task pane.
 * The member picks a name, inserts the score sheet and scores through the assistant, and the values land in the
 * fake workbook; the secretariat then checks that workbook and consolidates it into the ranking; an Excel at the
 * manifest's minimum (ExcelApi 1.8) runs the member's pane too. Every screen passes the overflow and axe checks.
 */
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { exampleSession } from "../../src/app/member/example";
import { parseAddress } from "../../src/layout/a1";
import { blocksOf } from "../../src/layout/scoreSheet";
import { criteriaOf } from "../../src/ocop/criteria/catalogue";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { Catalogue } from "../../src/ocop/criteria/types";
import type { Session } from "../../src/ocop/session";
import { levelChoices } from "../../src/taskpane/member/levels";
import { BASE_URL, checkScreen, focused, launch, OFFICE_CDN, openContext, type OpenedPage } from "./harness";

const SHIM = process.env.E2E_OFFICE_SHIM ?? "";
const MEMBER = "TV03";
const SHEET = `Phiếu ${MEMBER}`;
const PANE = { width: 320, height: 900 };

let browser: Browser;
let catalogue: Catalogue;
let session: Session;

beforeAll(async () => {
  if (!fs.existsSync(SHIM))
    throw new Error(`The office.js stand-in is missing (${SHIM}): run npm run test:e2e.`);
  catalogue = await loadEdition("qd26-2026");
  session = exampleSession(catalogue);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The production page in a 320 px pane, office.js answered by the stand-in at the given ExcelApi version. */
const openInExcel = async (excelApi: string): Promise<OpenedPage> => {
  const opened = await openContext(browser, PANE);
  // Page routes win over the harness's context route, which blocks everything off the machine.
  await opened.page.route(`https://${OFFICE_CDN}/**`, (route) =>
    route.fulfill({ path: SHIM, contentType: "text/javascript; charset=utf-8" })
  );
  await opened.page.goto(`${BASE_URL}taskpane.html?excelApi=${excelApi}`);
  await opened.page.getByTestId("host-line").filter({ hasText: "Excel" }).waitFor({ timeout: 30000 });
  return opened;
};

/** A cell of the fake workbook, read in the page. */
const cellValue = (page: Page, sheet: string, address: string): Promise<unknown> => {
  const { row, col } = parseAddress(address)!;
  return page.evaluate(
    ([s, r, c]) => {
      const fake = (window as unknown as { __fakeExcel: { cell(s: string, r: number, c: number): unknown } })
        .__fakeExcel;
      return (fake.cell(s, r, c) as { value?: unknown } | undefined)?.value ?? null;
    },
    [sheet, row, col] as const
  );
};

const assistantCell = (page: Page) => page.getByTestId("assistant-cell");

const currentAddress = async (page: Page): Promise<string> =>
  /Ô ([A-Z]+\d+) trên/.exec((await assistantCell(page).textContent()) ?? "")?.[1] ?? "";

const leftCell = (page: Page, address: string) =>
  page.waitForFunction(
    (prev) =>
      !(document.querySelector('[data-testid="assistant-cell"]')?.textContent ?? "").includes(
        `Ô ${prev} trên`
      ),
    address
  );

const focusOnLevels = (page: Page) =>
  page.waitForFunction(() => document.activeElement?.getAttribute("type") === "radio");

/** Picks the member by keyboard in the list that has the focus, and confirms. */
const pickMember = async (page: Page): Promise<void> => {
  await page.getByRole("combobox", { name: "Tên của tôi" }).waitFor();
  expect((await focused(page)).tag).toBe("select");
  await page.getByRole("combobox", { name: "Tên của tôi" }).selectOption(MEMBER);
  await page.getByRole("button", { name: "Chấm với tên này" }).click();
  await page
    .getByTestId("member-who")
    .filter({ hasText: `(${MEMBER})` })
    .waitFor();
};

/** Scores `count` criteria of the first product with one key each; returns address → points typed. */
const scoreByKeyboard = async (page: Page, count: number): Promise<Map<string, number>> => {
  const first = blocksOf(session, catalogue)[0]!;
  const typed = new Map<string, number>();
  for (const { criterion } of criteriaOf(first.form).slice(0, count)) {
    await focusOnLevels(page);
    const address = await currentAddress(page);
    await expect(assistantCell(page).textContent()).resolves.toContain(`Tiêu chí ${criterion.number}.`);
    const choices = levelChoices(criterion);
    const pick = choices.find((c) => Number.isInteger(c.points) && c.points < 10 && c.points > 0)!;
    await page.keyboard.press(String(pick.points));
    typed.set(address, pick.points);
    await leftCell(page, address);
  }
  // The focus stays on the levels, ready for the next criterion.
  await focusOnLevels(page);
  return typed;
};

const step = async (page: Page, name: string): Promise<void> => {
  await page.getByTestId(`step-${name}`).click();
  await page.getByTestId(`step-${name}`).and(page.locator("[aria-selected=true]")).waitFor();
  expect((await focused(page)).role).toBe("tab");
};

describe("Excel mode over the fake Excel, 320 px pane", () => {
  test("ExcelApi 1.17: the member scores in the workbook, the secretariat checks and ranks it", async () => {
    const { page, errors, external } = await openInExcel("1.17");
    await expect(page.getByTestId("session-line").textContent()).resolves.toMatch(/phiên/i);

    // Member: the name list has the focus on a council workbook; once a name is chosen, the assistant's levels.
    await pickMember(page);
    await focusOnLevels(page);
    await checkScreen(page, "excel member: assistant", { docShot: "pane-320-excel-1-member.png" });

    // Three criteria by keyboard: each value is in the fake workbook's cell the assistant named.
    const typed = await scoreByKeyboard(page, 3);
    expect(typed.size).toBe(3);
    for (const [address, points] of typed)
      expect([address, await cellValue(page, SHEET, address)]).toEqual([address, points]);
    await checkScreen(page, "excel member: scored", { docShot: "pane-320-excel-2-scored.png" });

    // Insert the sheet again (the council workbook already holds it): the three scores are kept, the pane says
    // so, and the focus stays on the button.
    const reinsert = page.getByRole("button", { name: "Chèn lại phiếu (giữ điểm đã nhập)" });
    await reinsert.click();
    await page
      .getByRole("status")
      .filter({ hasText: `Đã chèn lại phiếu “${SHEET}”; giữ nguyên 3 ô đã nhập.` })
      .waitFor();
    expect((await focused(page)).text).toBe("Chèn lại phiếu (giữ điểm đã nhập)");
    for (const [address, points] of typed)
      expect([address, await cellValue(page, SHEET, address)]).toEqual([address, points]);

    // The rest of the council scores in the same workbook (cells the member typed are kept).
    const written = await page.evaluate(() =>
      (window as never as { __otherMembersScore(): Promise<number> }).__otherMembersScore()
    );
    expect(written).toBeGreaterThan(100);
    for (const [address, points] of typed)
      expect([address, await cellValue(page, SHEET, address)]).toEqual([address, points]);

    // Secretariat on the same workbook: check, then consolidate into the ranking.
    await page.getByTestId("role-secretariat").click();
    await page.getByTestId("secretariat").waitFor({ timeout: 30000 });
    await checkScreen(page, "excel secretariat: first step", { docShot: "pane-320-excel-3-secretariat.png" });
    await step(page, "check");
    await page.getByTestId("check-all").click();
    await page.getByTestId("progress").filter({ hasText: "100% phiếu" }).waitFor({ timeout: 30000 });
    // The focus stays on the button just used (nothing moves under the user's hand).
    expect((await focused(page)).text).toBe("Kiểm tra tất cả");
    await checkScreen(page, "excel secretariat: check", { docShot: "pane-320-excel-4-check.png" });
    await step(page, "consolidate");
    await page.getByTestId("consolidate").click();
    await page.getByTestId("ranking").waitFor({ timeout: 30000 });
    expect(await page.getByTestId("ranking-item").count()).toBe(session.products.length);
    expect((await focused(page)).text).toBe("Tổng hợp lại");
    await checkScreen(page, "excel secretariat: ranking", { docShot: "pane-320-excel-5-ranking.png" });
    // The ranking is written into the workbook, beside the member sheets.
    const sheets = await page.evaluate(() =>
      (window as never as { __fakeExcel: { sheetNames(): string[] } }).__fakeExcel.sheetNames()
    );
    expect(sheets).toEqual(expect.arrayContaining([SHEET, "Bảng xếp hạng", "Tổng hợp"]));

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  test("ExcelApi 1.8 (the manifest's minimum): the member's pane works", async () => {
    const { page, errors, external } = await openInExcel("1.8");
    await pickMember(page);
    const typed = await scoreByKeyboard(page, 1);
    for (const [address, points] of typed)
      expect([address, await cellValue(page, SHEET, address)]).toEqual([address, points]);
    await checkScreen(page, "excel 1.8 member: scored", { docShot: "pane-320-excel-6-api18.png" });
    // The pane sees this Excel as it is: 1.8 there, nothing above it.
    await page.getByRole("button", { name: "Chi tiết" }).click();
    const sets = page.getByRole("list", { name: "Bộ API Excel (ExcelApi)" });
    await expect(sets.getByText("ExcelApi 1.8: có").count()).resolves.toBe(1);
    await expect(sets.getByText("ExcelApi 1.9: không").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
