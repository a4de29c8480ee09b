/**
 * The standalone page in real Chromium, as a council member uses it: open a member workbook generated here with
 * the project's own code, score a whole product through the assistant with the keyboard, type one score into the
 * page's grid, check the sheet, download it and read the downloaded file's cells with ExcelJS. Also: the example
 * session one click away, screenshots of the pane at 320 and 500 px, and the time to the first interactive screen.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { exportMemberBooks } from "../../src/app/memberBook";
import { setUpSession } from "../../src/app/setUpSession";
import { ExcelJsHost } from "../reference/exceljsHost";
import { blocksOf } from "../../src/layout/scoreSheet";
import { criteriaOf } from "../../src/ocop/criteria/catalogue";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { Catalogue } from "../../src/ocop/criteria/types";
import type { Session } from "../../src/ocop/session";
import { generateSession } from "../../src/sim/generate";
import { levelChoices } from "../../src/taskpane/member/levels";
import {
  artifact,
  BASE_URL,
  checkScreen,
  focused,
  launch,
  fromOfficeJs,
  openContext,
  recordMetric,
  type OpenedPage,
} from "./harness";

const MEMBER = "TV02";
const SHEET = `Phiếu ${MEMBER}`;

let browser: Browser;
let catalogue: Catalogue;
let session: Session;
let bookPath: string;

beforeAll(async () => {
  catalogue = await loadEdition("qd26-2026");
  session = generateSession({ catalogue, seed: 7, products: 3, members: 3, forms: ["01", "13"] });
  // The council workbook as `ocop init` makes it, then TV02's member workbook as `ocop books` issues it.
  const council = ExcelJsHost.createEmpty({ fileName: "hoi-dong.xlsx" });
  expect((await setUpSession(council, { session, catalogue })).findings).toEqual([]);
  let book: ExcelJsHost | null = null;
  const result = await exportMemberBooks(council, () => (book = ExcelJsHost.createEmpty()), {
    members: [MEMBER],
  });
  expect(result.members).toEqual([MEMBER]);
  bookPath = artifact(`e2e-input-${MEMBER}.xlsx`);
  fs.writeFileSync(bookPath, await book!.toBuffer());
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens the page; returns the time from navigation to the first interactive screen. The page itself notes the
 * moment (performance.now(), from the navigation's start) the "Mở phiên mẫu" button is in the document and
 * enabled, so the figure does not include the test's polling.
 */
const openPage = async (opened: OpenedPage): Promise<{ wallMs: number; navMs: number }> => {
  const { page } = opened;
  await page.addInitScript(() => {
    const w = window as unknown as { __firstInteractive?: number };
    const seen = () => {
      if (w.__firstInteractive !== undefined) return;
      for (const b of document.querySelectorAll("button"))
        if (b.textContent?.includes("Mở phiên mẫu") && !b.disabled) {
          w.__firstInteractive = performance.now();
          observer.disconnect();
          return;
        }
    };
    const observer = new MutationObserver(seen);
    document.addEventListener("DOMContentLoaded", () => {
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      seen();
    });
  });
  const started = Date.now();
  await page.goto(`${BASE_URL}taskpane.html`);
  const example = page.getByRole("button", { name: "Mở phiên mẫu" });
  await example.waitFor({ state: "visible", timeout: 30000 });
  await expectEnabled(example);
  const wallMs = Date.now() - started;
  const navMs = await page.evaluate(() =>
    Math.round((window as unknown as { __firstInteractive: number }).__firstInteractive)
  );
  return { wallMs, navMs };
};

const expectEnabled = async (locator: ReturnType<Page["getByRole"]>) => {
  await locator
    .page()
    .waitForFunction((el) => el && !(el as HTMLButtonElement).disabled, await locator.elementHandle());
};

const assistantCell = (page: Page) => page.getByTestId("assistant-cell");

/** The address in the assistant's "Ô E12 trên Phiếu TV02 · Phiếu số 01" line. */
const currentAddress = async (page: Page): Promise<string> => {
  const text = (await assistantCell(page).textContent()) ?? "";
  return /Ô ([A-Z]+\d+) trên/.exec(text)?.[1] ?? "";
};

/** Waits until the assistant has left the cell at `address`. */
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

/** The levels one digit names alone (no other level's points start with it): one key writes them. */
const oneKeyLevels = (choices: ReturnType<typeof levelChoices>) =>
  choices.filter(
    (c) =>
      Number.isInteger(c.points) &&
      c.points < 10 &&
      !choices.some((o) => o !== c && String(o.points).startsWith(String(c.points)))
  );

describe("standalone page, council member", () => {
  test("opens a member workbook, scores a product with the keyboard, checks, downloads", async () => {
    const opened = await openContext(browser);
    const { page } = opened;
    const timing = await openPage(opened);
    recordMetric(
      "time to first interactive screen",
      timing.navMs,
      "ms",
      "navigation start → 'Mở phiên mẫu' in the page and enabled, measured in the page"
    );
    recordMetric(
      "time to first interactive screen (wall clock)",
      timing.wallMs,
      "ms",
      "page.goto → button enabled, seen from the test"
    );

    // The page says it works on a copy and that nothing leaves the machine.
    await expect(page.getByTestId("copy-notice").textContent()).resolves.toContain("bản sao");
    await expect(page.getByTestId("copy-notice").textContent()).resolves.toContain(
      "không tệp nào rời khỏi máy"
    );

    // Open the member workbook from disk.
    const openStarted = Date.now();
    await page.getByTestId("file-input").setInputFiles(bookPath);
    const member = session.members.find((m) => m.code === MEMBER)!;
    await page
      .getByTestId("member-who")
      .filter({ hasText: `Phiếu thành viên được phát cho ${member.name} (${MEMBER}).` })
      .waitFor();
    await page.getByTestId("progress-summary").waitFor();
    recordMetric(
      "open a member workbook (file → pane ready)",
      Date.now() - openStarted,
      "ms",
      "xlsx host chunk loaded on demand"
    );
    await expect(page.getByTestId("working-on").textContent()).resolves.toContain(`e2e-input-${MEMBER}.xlsx`);
    await expect(page.getByRole("grid", { name: `Phiếu chấm ${SHEET}` }).isVisible()).resolves.toBe(true);

    // The book names its member: the focus is already on the levels of the first unscored criterion, and the
    // assistant is at the top of the page.
    const order = blocksOf(session, catalogue).flatMap((b) =>
      b.products.map((p) => ({ product: p, form: b.form }))
    );
    const product = order[0]!.product;
    const criteria = criteriaOf(order[0]!.form);
    await assistantCell(page).waitFor();
    await focusOnLevels(page);
    const assistantTop = await page
      .getByTestId("assistant")
      .evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY));
    recordMetric("member: assistant's distance from the top of the page (1280 px)", assistantTop, "px");
    expect(assistantTop).toBeLessThan(400);
    await checkScreen(page, "member: assistant", { docShot: "pane-320-member-3-assistant.png" });

    // Keyboard: one digit per criterion writes the level it names and moves on.
    const expected = new Map<string, number>();
    let keys = 0;
    for (const [i, { criterion }] of criteria.entries()) {
      const address = await currentAddress(page);
      await expect(assistantCell(page).textContent()).resolves.toContain(`Tiêu chí ${criterion.number}.`);
      await expect(assistantCell(page).textContent()).resolves.toContain(product.name);
      await focusOnLevels(page);
      const typable = oneKeyLevels(levelChoices(criterion));
      expect([criterion.number, typable.length > 0]).toEqual([criterion.number, true]);
      const pick = typable[i % typable.length]!;
      await page.keyboard.press(String(pick.points));
      keys++;
      expected.set(address, pick.points);
      await leftCell(page, address);
    }
    recordMetric(`member: keys to score a ${criteria.length}-criterion product`, keys, "keys");
    expect(keys).toBe(criteria.length);
    const item = page.getByTestId(`progress-${product.code}`);
    await item.filter({ hasText: `${criteria.length}/${criteria.length} tiêu chí` }).waitFor();
    const sum = [...expected.values()].reduce((s, v) => s + v, 0);
    await expect(item.textContent()).resolves.toContain(`${String(sum).replace(".", ",")} điểm`);
    await expect(item.getByLabel(/Xếp hạng xem trước: \d sao/).count()).resolves.toBe(1);

    // Mouse: one click on a level per criterion writes it and moves on; "Ô sau" stays where it was.
    const mouse = order[1]!;
    const mouseCriteria = criteriaOf(mouse.form);
    let clicks = 0;
    const nextOffsets = new Set<number>();
    for (const [i, { criterion }] of mouseCriteria.entries()) {
      const address = await currentAddress(page);
      await expect(assistantCell(page).textContent()).resolves.toContain(mouse.product.name);
      const choices = levelChoices(criterion);
      const pick = choices[i % choices.length]!;
      const [cellBox, nextBox] = await Promise.all([
        assistantCell(page).boundingBox(),
        assistantCell(page).getByRole("button", { name: "Ô sau" }).boundingBox(),
      ]);
      nextOffsets.add(Math.round(nextBox!.y - cellBox!.y));
      await assistantCell(page).getByRole("radio").nth(choices.indexOf(pick)).click();
      clicks++;
      expected.set(address, pick.points);
      await leftCell(page, address);
    }
    recordMetric(`member: clicks to score a ${mouseCriteria.length}-criterion product`, clicks, "clicks");
    expect(clicks).toBe(mouseCriteria.length);
    expect([...nextOffsets]).toHaveLength(1);
    await page
      .getByTestId(`progress-${mouse.product.code}`)
      .filter({ hasText: `${mouseCriteria.length}/${mouseCriteria.length} tiêu chí` })
      .waitFor();

    // Type a score straight into the page's grid: the third product's first cell; the pane follows.
    const second = order[2]!.product;
    await page.getByRole("button", { name: `Đến ô chưa chấm của ${second.code}` }).click();
    const typedAt = await currentAddress(page);
    const typedCell = page.locator(`[role="gridcell"][data-cell="${typedAt}"]`);
    await typedCell.click();
    await page.keyboard.type("1");
    await page.getByRole("textbox", { name: `Điểm ô ${typedAt}` }).waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("ArrowUp");
    await page.getByTestId("assistant-now").filter({ hasText: "Điểm trong ô: 1." }).waitFor();
    expected.set(typedAt, 1);
    await expect(typedCell.getAttribute("aria-label")).resolves.toContain(": 1");

    // Check my sheet: findings with a button that selects the cell; nothing changes.
    await page.getByRole("button", { name: "Kiểm tra phiếu của tôi" }).click();
    const findings = page.getByTestId("findings");
    await findings.waitFor();
    await expect(page.getByTestId("check-summary").textContent()).resolves.toMatch(/^\d+ lỗi, 0 cảnh báo\.$/);
    const goTo = findings.getByRole("button", { name: /^Chọn ô [A-Z]+\d+$/ }).first();
    const goToCell = /Chọn ô ([A-Z]+\d+)/.exec((await goTo.textContent()) ?? "")![1]!;
    await goTo.click();
    await page.waitForFunction(
      (a) =>
        (document.querySelector('[data-testid="assistant-cell"]')?.textContent ?? "").includes(`Ô ${a} trên`),
      goToCell
    );
    // The finding's cell is open in the assistant, with the focus on its levels.
    await focusOnLevels(page);
    await checkScreen(page, "member: findings", { docShot: "pane-320-member-4-findings.png" });
    await expect(
      page.locator(`[role="gridcell"][data-cell="${goToCell}"]`).getAttribute("aria-selected")
    ).resolves.toBe("true");

    // Screenshots of the pane at the widths of Excel's task pane: the assistant at the top of the view, and the
    // whole pane.
    for (const width of [320, 500]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0); // usable at 320 px: no sideways scrolling of the page
      await page.getByTestId("assistant").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.screenshot({ path: artifact(`member-pane-${width}.png`) });
      await page.getByTestId("member-pane").screenshot({ path: artifact(`member-pane-${width}-full.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Download the member workbook and read its cells in node.
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Tải về phiếu chấm (.xlsx)" }).click();
    const download = await downloading;
    const saved = artifact(`e2e-download-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    await page.getByTestId("save-outcome").filter({ hasText: download.suggestedFilename() }).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet(SHEET)!;
    expect(ws).toBeDefined();
    for (const [address, points] of expected)
      expect([address, ws.getCell(address).value]).toEqual([address, points]);
    // Cells not scored stay empty: the cell under the typed one was not touched.
    const below = /^([A-Z]+)(\d+)$/.exec(typedAt)!;
    expect(ws.getCell(`${below[1]}${Number(below[2]) + 1}`).value ?? null).toBeNull();
    // Still the member's workbook of this session: the hidden metadata names TV02.
    const meta = wb.getWorksheet("_ocop_meta")!;
    expect(meta.state).toBe("veryHidden");
    const rows = Array.from(meta.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows.find((r) => r[0] === "member")?.[1]).toBe(MEMBER);
    expect(rows.find((r) => r[0] === "sessionId")?.[1]).toBe(session.id);

    // Nothing but office.js tried to leave the machine, and the page logged no errors.
    expect(opened.external.filter((u) => !fromOfficeJs(u))).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  test("the example session is one click away, in Vietnamese by default and English on request", async () => {
    const opened = await openContext(browser, { width: 500, height: 900 });
    const { page } = opened;
    await openPage(opened);
    // The first screen: the environment is one line, and the page never says no workbook is open.
    await expect(page.getByTestId("host-line").textContent()).resolves.toContain("chế độ độc lập");
    await expect(page.getByText(/Không có sổ làm việc Excel/).count()).resolves.toBe(0);
    // The real office.js (@microsoft/office-js, answered locally for the CDN address) booted outside Office: it
    // answered Office.onReady with no host, at once (no "office.js không phản hồi" timeout).
    expect(opened.officeJs.some((u) => u.endsWith("/office.js"))).toBe(true);
    await expect(
      page.evaluate(() =>
        (window as unknown as { Office: { onReady(): Promise<{ host: unknown }> } }).Office.onReady().then(
          (info) => info.host ?? null
        )
      )
    ).resolves.toBeNull();
    await expect(page.getByText(/office\.js không phản hồi/).count()).resolves.toBe(0);
    await checkScreen(page, "member: first screen", { docShot: "pane-320-member-1-start.png" });

    const clicked = Date.now();
    await page.getByRole("button", { name: "Mở phiên mẫu" }).click();
    const picker = page.getByRole("combobox", { name: "Tên của tôi" });
    await picker.waitFor();
    recordMetric("open the example session (click → pane ready)", Date.now() - clicked, "ms");
    // The focus follows: on the list of names, the one thing to do.
    await page.waitForFunction(() => document.activeElement?.tagName === "SELECT");
    await checkScreen(page, "member: choose your name", { docShot: "pane-320-member-2-choose-name.png" });
    await picker.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Chấm với tên này" }).click();
    await page.getByTestId("progress-summary").filter({ hasText: "Đã chấm 0/128 ô · còn 128" }).waitFor();
    // …then on the levels of the first unscored criterion.
    await focusOnLevels(page);
    expect((await focused(page)).type).toBe("radio");
    const first = await currentAddress(page);
    await page
      .getByTestId("assistant-cell")
      .getByRole("radio", { name: /^3 điểm/ })
      .click();
    await page.getByTestId("progress-summary").filter({ hasText: "Đã chấm 1/128 ô" }).waitFor();
    await page
      .getByTestId("live")
      .filter({ hasText: new RegExp(`Đã ghi 3 điểm vào ô ${first}\\.`) })
      .waitFor();
    await leftCell(page, first);

    await page.getByRole("button", { name: "English" }).click();
    await page
      .getByTestId("progress-summary")
      .filter({ hasText: "Scored 1/128 cells · 127 to go" })
      .waitFor();
    await expect(
      page.getByRole("button", { name: "Download score sheet (.xlsx)" }).isVisible()
    ).resolves.toBe(true);
    await checkScreen(page, "member: in English");
    expect(opened.external.filter((u) => !fromOfficeJs(u))).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  test("work survives a reload; closing with unsaved changes asks first; Ctrl+Z undoes", async () => {
    const opened = await openContext(browser, { width: 500, height: 900 });
    const { page } = opened;
    await openPage(opened);
    await page.getByRole("button", { name: "Mở phiên mẫu" }).click();
    await page.getByRole("combobox", { name: "Tên của tôi" }).selectOption({ index: 2 });
    await page.getByRole("button", { name: "Chấm với tên này" }).click();
    await focusOnLevels(page);
    // Three criteria by keyboard, then Ctrl+Z takes the last one back.
    for (let i = 0; i < 3; i++) {
      const address = await currentAddress(page);
      await page.keyboard.press("1");
      await leftCell(page, address);
    }
    await page.getByTestId("progress-summary").filter({ hasText: "Đã chấm 3/128 ô" }).waitFor();
    await page.keyboard.press("Control+z");
    await page.getByTestId("progress-summary").filter({ hasText: "Đã chấm 2/128 ô" }).waitFor();
    await focusOnLevels(page);
    await page.getByTestId("draft-kept").filter({ hasText: "chưa tải về" }).waitFor();
    // The kept copy is the one after the undo (2 scores): wait for the copy taken after the last change.
    await page.waitForTimeout(400);

    // Leaving asks first (beforeunload); the reload goes ahead when the user agrees.
    const asked: string[] = [];
    page.on("dialog", (d) => {
      asked.push(d.type());
      void d.accept();
    });
    await page.reload();
    await page.getByRole("button", { name: "Mở phiên mẫu" }).waitFor();
    expect(asked).toEqual(["beforeunload"]);

    // After the reload: the page offers the kept copy back, and it holds the scores.
    const offer = page.getByTestId("restore-offer");
    await offer.waitFor();
    await expect(offer.textContent()).resolves.toContain("phien-mau.xlsx");
    await checkScreen(page, "member: restore offer", { docShot: "pane-320-member-5-restore.png" });
    await offer.getByRole("button", { name: "Khôi phục" }).click();
    await page.getByTestId("progress-summary").filter({ hasText: "Đã chấm 2/128 ô" }).waitFor();

    // Closing with changes not downloaded asks; "Tiếp tục làm việc" keeps everything.
    await page.getByRole("button", { name: "Đóng tệp" }).click();
    const dialog = page.getByTestId("confirm-close");
    await dialog.waitFor();
    await checkScreen(page, "member: close confirmation", { docShot: "pane-320-member-6-close.png" });
    await dialog.getByRole("button", { name: "Tiếp tục làm việc" }).click();
    await dialog.waitFor({ state: "detached" });
    await expect(page.getByTestId("progress-summary").textContent()).resolves.toContain("Đã chấm 2/128 ô");
    await page.getByRole("button", { name: "Đóng tệp" }).click();
    await dialog.getByRole("button", { name: "Đóng, bỏ thay đổi" }).click();
    await page.getByRole("button", { name: "Mở phiên mẫu" }).waitFor();
    await expect(page.getByTestId("restore-offer").count()).resolves.toBe(0);
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });
});
