/**
 * The secretariat's whole day on the standalone page, in real Chromium: a new council workbook; 8 products on
 * 2 forms (7 pasted from Excel, 1 typed with the searchable form picker) and 5 members (pasted); the members'
 * books downloaded as a zip; the books filled outside the page with ExcelJS, as members' Excel would; 4 of
 * them imported (each checked first, SHA-256 recorded); consolidation refused while TV05's sheet is blank,
 * saying so; TV05's book imported (the same TV01 file again is recognised, not merged); check all; the
 * ranking; publish; and the downloaded council workbook's ranking table, read cell by cell, matches the
 * rules computed here independently. Screenshots for docs/secretariat-walkthrough.md go to docs/images/.
 */
import { outcomeLabel, outcomesAt } from "../../src/layout/outcomes";
import { PROPOSAL_SHEETS } from "../../src/layout/proposals";
import { DOCUMENT_SHEETS, formSheetName } from "../../src/layout/documents";
import { isDraft } from "../../src/layout/draft";
import { paperKey } from "../../src/ocop/paperEntry";
import { EMPTY_DELIBERATION } from "../../src/ocop/history";
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import type { Browser, Locator, Page } from "playwright-core";
import { sha256Hex } from "../../src/app/hash";
import { readWorkbook } from "../../src/app/readWorkbook";
import { parseSheets } from "../../src/app/scores";
import { ExcelJsHost } from "../reference/exceljsHost";
import { loadEdition } from "../../src/ocop/criteria/builtin";
import type { Catalogue } from "../../src/ocop/criteria/types";
import { consolidate } from "../../src/ocop/consolidate";
import type { MemberScores, Session } from "../../src/ocop/session";
import { generateScores } from "../../src/sim/generate";
import {
  artifact,
  BASE_URL,
  checkScreen,
  launch,
  fromOfficeJs,
  openContext,
  recordMetric,
  type OpenedPage,
} from "./harness";

const DOCS_IMAGES = path.join(__dirname, "..", "..", "docs", "images");
const WIDTH = 420;

const PRODUCTS_TSV = [
  ["Mã sản phẩm", "Tên sản phẩm", "Chủ thể", "Xã, phường", "Nhóm sản phẩm", "Bộ sản phẩm", "Phiếu chấm"],
  [
    "72-001-2026",
    "Mật ong hoa nhãn Tân Hưng",
    "HTX Ong mật Tân Hưng",
    "Tân Hưng",
    "Thực phẩm thô, sơ chế",
    "Mật ong, mật khác",
    "04",
  ],
  [
    "72-002-2026",
    "Mật ong rừng U Minh",
    "Hộ kinh doanh Phạm Văn Tư",
    "Hòa Bình",
    "Thực phẩm thô, sơ chế",
    "Mật ong, mật khác",
    "04",
  ],
  [
    "72-003-2026",
    "Mật ong bạc hà",
    "Công ty TNHH Ong Xanh",
    "An Phú",
    "Thực phẩm thô, sơ chế",
    "Mật ong, mật khác",
    "4",
  ],
  ["72-004-2026", "Trà búp Tân Cương", "HTX Chè Tân Cương", "Tân Lập", "Chè", "Chè tươi, chế biến", "11"],
  [
    "72-005-2026",
    "Trà xanh Long Điền",
    "Tổ hợp tác chè Long Điền",
    "Long Điền",
    "Chè",
    "Chè tươi, chế biến",
    "11",
  ],
  [
    "72-006-2026",
    "Trà ô long Mỹ Thạnh",
    "Công ty CP Trà Việt",
    "Mỹ Thạnh",
    "Chè",
    "Chè tươi, chế biến",
    "11",
  ],
  [
    "72-007-2026",
    "Trà shan tuyết Phước Hải",
    "HTX Shan tuyết",
    "Phước Hải",
    "Chè",
    "Chè tươi, chế biến",
    "11",
  ],
]
  .map((r) => r.join("\t"))
  .join("\n");

const MEMBERS_TSV = [
  ["TV01", "Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"],
  ["TV02", "Trần Thị Bình", "Giám đốc Sở Nông nghiệp và Môi trường", "Phó Chủ tịch Hội đồng"],
  ["TV03", "Lê Minh Cường", "Phó Giám đốc Sở Công Thương", "Thành viên"],
  ["TV04", "Phạm Ngọc Dung", "Chuyên gia", "Thành viên"],
  ["TV05", "Hoàng Thu Hà", "Chuyên viên Văn phòng điều phối NTM", "Thư ký"],
]
  .map((r) => r.join("\t"))
  .join("\n");

let browser: Browser;
let catalogue: Catalogue;

beforeAll(async () => {
  catalogue = await loadEdition("qd26-2026");
  browser = await launch();
  fs.mkdirSync(DOCS_IMAGES, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const shot = async (target: Locator | Page, name: string): Promise<void> => {
  await target.screenshot({ path: path.join(DOCS_IMAGES, name), animations: "disabled" });
};

const status = (page: Page) => page.getByTestId("status");

const step = async (page: Page, name: string): Promise<void> => {
  await page.getByTestId(`step-${name}`).click();
  await page.getByTestId(`step-${name}`).and(page.locator("[aria-selected=true]")).waitFor();
};

/** Saves what a click downloads; returns its bytes and name. */
const download = async (page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> => {
  const waiting = page.waitForEvent("download");
  await click();
  const d = await waiting;
  const saved = artifact(`e2e-secretariat-${d.suggestedFilename()}`);
  await d.saveAs(saved);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(saved) };
};

/**
 * Fills a member's book outside the page: the cells are found by the book's own anchors (the project's
 * parser), the values written with ExcelJS, as a member's Excel would save them.
 */
const fillBook = async (
  bytes: Buffer,
  scores: MemberScores[],
  round = 1
): Promise<{ member: string; bytes: Buffer; session: Session; products: string[] }> => {
  const read = await readWorkbook(await ExcelJsHost.fromBuffer(bytes));
  const session = read.session!;
  // The book's sheet of the round asked (a later round's book asks only the products scored again).
  const sheet = parseSheets(read.scoreSheets, session, catalogue).find(
    (s) => (s.parsed.scores?.round ?? 1) === round
  );
  const parsed = sheet!.parsed.scores!;
  const products = [...new Set(parsed.entries.map((e) => e.product))];
  const own = scores.find((s) => s.member === parsed.member);
  if (!own) return { member: parsed.member, session, bytes, products };
  const value = new Map(own.entries.map((e) => [`${e.product}|${e.criterion}`, e.raw.value as number]));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet!.grid.name)!;
  for (const e of parsed.entries) ws.getCell(e.cell!).value = value.get(`${e.product}|${e.criterion}`)!;
  return { member: parsed.member, session, bytes: Buffer.from(await wb.xlsx.writeBuffer()), products };
};

const upload = (page: Page, files: { name: string; bytes: Buffer }[]) =>
  page.getByTestId("collect-files").setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: f.bytes,
    }))
  );

const statuses = (page: Page) =>
  page.getByTestId("collect-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-status")));

describe("standalone page, council secretariat", () => {
  test("runs a whole session: set up, books, collect, check, consolidate, publish", async () => {
    const opened: OpenedPage = await openContext(browser, { width: WIDTH, height: 900 });
    const { page } = opened;
    const started = Date.now();
    await page.goto(`${BASE_URL}taskpane.html#secretariat`);
    await page.getByTestId("new-council").click();
    await page.getByTestId("council-name").waitFor();
    await checkScreen(page, "secretariat: setup", { docShot: "pane-320-secretariat-1-setup.png" });
    recordMetric(
      "secretariat: navigation to the setup form",
      Date.now() - started,
      "ms",
      "page.goto → new council form shown"
    );

    // 1. Set up.
    await page.getByTestId("council-name").fill("Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tây Ninh");
    await page.getByTestId("council-place").fill("Tây Ninh");
    await page.getByTestId("council-date").fill("15/06/2026");
    await page.getByTestId("products-paste").fill(PRODUCTS_TSV);
    await page.getByRole("button", { name: "Thêm các dòng đã dán" }).first().click();
    await status(page).filter({ hasText: "Đã thêm 7 sản phẩm." }).waitFor();

    await page.getByRole("button", { name: "Thêm sản phẩm" }).click();
    const editor = page.getByTestId("product-editor");
    await editor.getByTestId("product-code").fill("72-008-2026");
    await editor.getByTestId("product-name").fill("Trà mãng cầu Bà Đen");
    await editor.getByTestId("product-owner").fill("HTX Nông nghiệp Bà Đen");
    await editor.getByTestId("product-commune").fill("Hòa Bình");
    await editor.getByRole("combobox").pressSequentially("che tuoi");
    const option = page.getByRole("option", { name: /^11 · Chè tươi, chế biến/ });
    await option.waitFor();
    await shot(page, "secretariat-1b-form-picker.png");
    await option.click();
    await editor.getByRole("button", { name: "Lưu sản phẩm" }).click();
    await expectCount(page.getByTestId("products-list").locator("li"), 8);

    await page.getByTestId("members-paste").fill(MEMBERS_TSV);
    await page.getByRole("button", { name: "Thêm các dòng đã dán" }).nth(1).click();
    await expectCount(page.getByTestId("members-list").locator("li"), 5);
    await shot(page.getByTestId("products-list"), "secretariat-1-products.png");

    // Keyboard only: focus the button and press Enter.
    await page.getByTestId("setup-save").focus();
    await page.keyboard.press("Enter");
    await status(page).filter({ hasText: "Đã lập phiên" }).waitFor({ timeout: 60000 });

    // 2. The members' books, as one zip.
    await step(page, "generate");
    await checkScreen(page, "secretariat: books", { docShot: "pane-320-secretariat-2-books.png" });
    await shot(page.getByTestId("secretariat"), "secretariat-2-generate.png");
    const zip = await download(page, () => page.getByTestId("generate-zip").click());
    expect(zip.name).toMatch(/\.zip$/);
    const unzipped = await JSZip.loadAsync(zip.bytes);
    const names = Object.keys(unzipped.files).sort();
    expect(names).toEqual([1, 2, 3, 4, 5].map((i) => `Phieu-cham_TV0${i}_2026.xlsx`));
    const raw = await Promise.all(
      names.map(async (n) => Buffer.from(await unzipped.files[n]!.async("uint8array")))
    );

    // Members fill their books elsewhere.
    const { session } = await readWorkbook(await ExcelJsHost.fromBuffer(raw[0]!)).then((r) => ({
      session: r.session!,
    }));
    expect(session.products).toHaveLength(8);
    expect(new Set(session.products.map((p) => p.form))).toEqual(new Set(["04", "11"]));
    const scores = generateScores(session, catalogue, {
      seed: 2026,
      pattern: ["typical", "lenient", "typical", "harsh", "typical"],
    });
    const filled = await Promise.all(raw.map((b) => fillBook(b, scores)));
    const books = filled.map((f, i) => ({ name: names[i]!, bytes: f.bytes }));

    // 3. Collect four books: each read and checked before anything is written.
    await step(page, "collect");
    await upload(page, books.slice(0, 4));
    await page.getByTestId("collect-item").nth(3).waitFor();
    await status(page).filter({ hasText: "4 tệp sẵn sàng để nhập" }).waitFor();
    expect(await statuses(page)).toEqual(["ready", "ready", "ready", "ready"]);
    await checkScreen(page, "secretariat: collect", { docShot: "pane-320-secretariat-3-collect.png" });
    await shot(page.getByTestId("collect-list"), "secretariat-3-collect.png");
    await page.getByTestId("collect-import").click();
    await status(page).filter({ hasText: "Đã nhập 4 tệp" }).waitFor();
    expect(await statuses(page)).toEqual(["imported", "imported", "imported", "imported"]);

    // 4. Consolidation refuses while TV05's sheet is blank, and says so.
    await step(page, "consolidate");
    await page.getByTestId("consolidate").click();
    const blocked = page.getByTestId("consolidate-blocked");
    await blocked.waitFor();
    expect(await blocked.textContent()).toMatch(/Lỗi nằm ở: TV05 \(8\)/);
    await checkScreen(page, "secretariat: consolidation refused", {
      docShot: "pane-320-secretariat-4-refused.png",
    });
    await scrollToTop(page.getByTestId("secretariat"));
    await shot(page, "secretariat-4-refused.png");

    // TV05 arrives; TV01's file comes again by mistake and is recognised.
    await step(page, "collect");
    await page.getByRole("button", { name: "Xóa danh sách" }).click();
    await upload(page, [books[4]!, books[0]!]);
    await page.getByTestId("collect-item").nth(1).waitFor();
    await status(page).filter({ hasText: "1 tệp sẵn sàng để nhập" }).waitFor();
    expect(await statuses(page)).toEqual(["ready", "alreadyImported"]);
    await shot(page.getByTestId("collect-list"), "secretariat-5-collect-again.png");
    await page.getByTestId("collect-import").click();
    await status(page).filter({ hasText: "Đã nhập 1 tệp" }).waitFor();

    // 5. Check all: everyone has scored everything.
    await step(page, "check");
    await page.getByTestId("check-all").click();
    await status(page).filter({ hasText: "Kiểm tra xong" }).waitFor();
    expect(await status(page).textContent()).toBe("Kiểm tra xong: 0 lỗi, 0 cảnh báo.");
    expect(await page.getByTestId("progress").textContent()).toContain("100% phiếu");
    await checkScreen(page, "secretariat: check", { docShot: "pane-320-secretariat-5-check.png" });
    await shot(page.getByTestId("progress"), "secretariat-6-check.png");

    // 6. Consolidate: the ranking with stars, flags and counts in the pane.
    await step(page, "consolidate");
    await page.getByTestId("consolidate").click();
    await page.getByTestId("ranking").waitFor();
    const paneRanking = await page.getByTestId("ranking-item").evaluateAll((items) =>
      items.map((i) => ({
        product: i.getAttribute("data-product"),
        stars: Number(i.getAttribute("data-stars")),
        outcome: i.getAttribute("data-outcome"),
      }))
    );
    await checkScreen(page, "secretariat: ranking", { docShot: "pane-320-secretariat-6-ranking.png" });
    await scrollToTop(page.getByRole("heading", { name: "Số sản phẩm theo hạng sao" }));
    await shot(page, "secretariat-7-ranking.png");

    // The rules, run here on the same scores, independently of the page.
    const expected = consolidate(session, catalogue, scores);
    expect(expected.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(paneRanking).toEqual(
      expected.products.map((p) => ({ product: p.product, stars: p.stars ?? 0, outcome: p.outcome }))
    );
    // A province council proposes; its 3★ and 4★ are proposals, never recognitions.
    expect(expected.level).toBe("province");
    expect(expected.products.some((p) => p.outcome === "propose-3" || p.outcome === "propose-4")).toBe(true);

    // 7. Publishing is refused while a product's spread awaits the council's discussion: the pane names
    // the products and what to do. The council holds no further round here, so the chair decides on each
    // (accepted with a reason); then the results publish.
    const flagged = (expected.needsDiscussion ?? []).map((d) => d.product);
    expect(flagged.length).toBeGreaterThan(0);
    await step(page, "publish");
    await page.getByTestId("publish").click();
    const refused = page.getByTestId("publish-refused");
    await refused.waitFor({ timeout: 60000 });
    expect(await refused.textContent()).toContain(`Chưa công bố được: ${flagged.join(", ")}`);
    expect(await page.getByTestId("proposed-propose-4").count()).toBe(0);
    await checkScreen(page, "secretariat: publish refused");

    // 7a. Round 2 (issue 14) for the first flagged product, opened in the consolidate step. TV04 abstains on it
    // (conflict of interest). The members' round-2 books ask only that product; TV01–TV03 send theirs back,
    // agreeing; TV05 scored on paper, typed twice by two people, one cell mistyped in the second entry and
    // corrected. Then the round is closed.
    const again = flagged[0]!;
    await step(page, "consolidate");
    const discussion = page.getByTestId("discussion");
    for (const other of flagged.slice(1))
      await discussion.getByRole("checkbox", { name: new RegExp(`^${other} ·`) }).uncheck();
    await page.getByTestId("open-round").click();
    await status(page)
      .filter({ hasText: `Đã mở vòng chấm 2 cho ${again}` })
      .waitFor();
    const recusals = page.getByTestId("recusals");
    await recusals.getByTestId("recusal-member").selectOption("TV04");
    await recusals.getByTestId("recusal-product").selectOption(again);
    await recusals.getByTestId("recusal-reason").fill("Người thân của chủ thể");
    await recusals.getByTestId("recuse").click();
    await status(page)
      .filter({ hasText: `TV04 không chấm ${again}` })
      .waitFor();

    await step(page, "generate");
    const zip2 = await download(page, () => page.getByTestId("generate-zip").click());
    const un2 = await JSZip.loadAsync(zip2.bytes);
    const raw2 = await Promise.all(
      Object.keys(un2.files)
        .sort()
        .map(async (n) => ({ name: n, bytes: Buffer.from(await un2.files[n]!.async("uint8array")) }))
    );
    // Everyone gives the product TV01's round-1 scores: no spread is left.
    const agreed = scores.find((s) => s.member === "TV01")!.entries.filter((e) => e.product === again);
    const round2: MemberScores[] = ["TV01", "TV02", "TV03", "TV05"].map((member) => ({
      member,
      round: 2,
      entries: agreed.map((e) => ({ product: e.product, criterion: e.criterion, raw: { ...e.raw } })),
    }));
    const back = [];
    for (const b of raw2) {
      const f = await fillBook(b.bytes, round2, 2);
      if (["TV01", "TV02", "TV03"].includes(f.member)) {
        // The round-2 book asks only the product scored again.
        expect(f.products).toEqual([again]);
        back.push({ name: b.name, bytes: f.bytes });
      }
    }
    expect(back).toHaveLength(3);
    await step(page, "collect");
    await page.getByRole("button", { name: "Xóa danh sách" }).click();
    await upload(page, back);
    await page.getByTestId("collect-item").nth(2).waitFor();
    await status(page).filter({ hasText: "3 tệp sẵn sàng để nhập" }).waitFor();
    await page.getByTestId("collect-import").click();
    await status(page).filter({ hasText: "Đã nhập 3 tệp" }).waitFor();
    books.push(...back);

    const paper = page.getByTestId("paper-entry");
    await paper.getByTestId("paper-member").selectOption("TV05");
    await paper.getByRole("checkbox", { name: new RegExp(`^${again} ·`) }).check();
    await paper.getByTestId("paper-first-by").fill("Nguyễn Thị Nhập");
    await paper.getByTestId("paper-start").click();
    for (const e of agreed)
      await paper.getByTestId(`paper-first-${paperKey(again, e.criterion)}`).fill(String(e.raw.value));
    await paper.getByTestId("paper-first-done").click();
    await paper.getByTestId("paper-second-by").fill("Trần Văn Soát");
    await paper.getByTestId("paper-second-start").click();
    // The second person types 0 (a level of every criterion) where the form says otherwise.
    const typo = agreed.find((e) => e.raw.value !== 0)!;
    for (const e of agreed)
      await paper
        .getByTestId(`paper-second-${paperKey(again, e.criterion)}`)
        .fill(e === typo ? "0" : String(e.raw.value));
    await paper.getByTestId("paper-compare").click();
    await paper.getByTestId("paper-disagreement").first().waitFor();
    expect(await paper.getByTestId("paper-disagreement").count()).toBe(1);
    await paper.getByTestId(`paper-fix-2-${paperKey(again, typo.criterion)}`).fill(String(typo.raw.value));
    await paper.getByTestId("paper-recompare").click();
    await paper.getByTestId("paper-done").waitFor();
    expect(await paper.getByTestId("paper-done").textContent()).toContain("TV05");

    await step(page, "consolidate");
    await page.getByTestId("close-round").click();
    await page.getByRole("button", { name: "Khóa vòng 2" }).click();
    await status(page).filter({ hasText: "Đã khóa vòng chấm 2." }).waitFor();
    expect(await page.getByTestId("round-state").textContent()).toContain("Vòng chấm 2 đã khóa");
    await page.getByTestId("consolidate").click();
    await page.getByTestId("ranking").waitFor();

    // The council's results now, computed here independently: round 2 for `again` (TV04 abstaining), the
    // chair's decisions on the rest.
    const reason = "Hội đồng đã thảo luận, thống nhất giữ kết quả chấm";
    const round2State = {
      ...EMPTY_DELIBERATION,
      rounds: [{ number: 2, products: [again], reason: "", openedAt: "", closedAt: "" }],
      recusals: [{ member: "TV04", product: again, reason: "", at: "" }],
    };
    const beforeDecisions = consolidate(session, catalogue, [...scores, ...round2], round2State);
    expect((beforeDecisions.needsDiscussion ?? []).map((d) => d.product)).toEqual(flagged.slice(1));
    const final = consolidate(session, catalogue, [...scores, ...round2], {
      ...round2State,
      decisions: flagged
        .slice(1)
        .map((product) => ({ product, round: 1, decision: "accept" as const, reason, at: "" })),
    });
    expect(final.needsDiscussion).toEqual([]);
    const againResult = final.products.find((p) => p.product === again)!;
    expect(againResult.round).toBe(2);
    expect(againResult.members.map((m) => m.member)).toEqual(["TV01", "TV02", "TV03", "TV05"]);
    expect(againResult.range).toBe(0);

    await step(page, "publish");
    for (const product of flagged.slice(1)) {
      const box = page.getByTestId(`decision-${product}`);
      await box.getByRole("textbox").fill(reason);
      await box.getByRole("button", { name: `Ghi quyết định cho ${product}` }).click();
      await status(page)
        .filter({ hasText: `Chủ tịch chấp nhận kết quả của ${product}` })
        .waitFor();
    }

    // Publish: the proposal lists, one per outcome group; download the council workbook.
    await page.getByTestId("publish").click();
    await page.getByTestId("proposed-propose-4").waitFor({ timeout: 60000 });
    expect(await page.getByTestId("proposed-propose-4").textContent()).toContain(
      "Đề nghị Chủ tịch UBND cấp tỉnh công nhận sản phẩm OCOP đạt 4 sao"
    );
    // The pane says which sheet prints which document.
    const guide = await page.getByTestId("print-documents").textContent();
    for (const sheet of Object.values(DOCUMENT_SHEETS)) expect(guide).toContain(`trang tính “${sheet}”`);
    expect(guide).toContain(formSheetName("TV01"));
    await checkScreen(page, "secretariat: publish", { docShot: "pane-320-secretariat-7-publish.png" });
    await shot(page.getByTestId("secretariat"), "secretariat-8-publish.png");
    const council = await download(page, () => page.getByTestId("save-workbook").click());

    // 320 px wide: nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    await step(page, "consolidate");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // English at a click: the steps, the ranking and the numbers switch together.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "5. Consolidate" }).waitFor();
    expect(await page.getByTestId("ranking-item").first().textContent()).toMatch(/\d+\.\d{2} points/);

    // The downloaded workbook: the ranking table's cells and stars.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(council.bytes as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet("Bảng xếp hạng")!;
    const header = ranking.getRow(8).values as unknown[];
    expect(header.slice(1, 11)).toEqual([
      "STT",
      "Mã SP",
      "Tên sản phẩm",
      "Chủ thể",
      "Xã, phường",
      "Nhóm sản phẩm",
      "Điểm TB",
      "Hạng sao",
      "Kết quả đề nghị",
      "Ghi chú",
    ]);
    const byCode = new Map(session.products.map((p) => [p.code, p]));
    final.products.forEach((p, i) => {
      expect(ranking.getCell(9 + i, 1).value).toBe(i + 1);
      expect(ranking.getCell(9 + i, 2).value).toBe(p.product);
      expect(ranking.getCell(9 + i, 3).value).toBe(byCode.get(p.product)!.name);
      expect(ranking.getCell(9 + i, 4).value).toBe(byCode.get(p.product)!.owner);
      expect(ranking.getCell(9 + i, 7).value).toBeCloseTo(p.mean!, 9);
      expect(ranking.getCell(9 + i, 7).numFmt).toBe("0.00");
      if (p.outcome === "potential-5") expect(ranking.getCell(9 + i, 8).value).toBe("Tiềm năng 5 sao");
      else {
        expect(ranking.getCell(9 + i, 8).value).toBe(p.stars);
        expect(ranking.getCell(9 + i, 8).numFmt).toBe('0" sao"');
      }
      expect(ranking.getCell(9 + i, 9).value).toBe(outcomeLabel(final, p.outcome));
    });
    expect(ranking.getRow(9 + final.products.length).getCell(2).value ?? null).toBeNull();
    expect(ranking.pageSetup.orientation).toBe("landscape");
    expect(ranking.pageSetup.fitToWidth).toBe(1);
    expect(String(ranking.getCell("A1").value)).toBe(
      "HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP TỈNH TÂY NINH"
    );

    // One proposal list per outcome group, each naming exactly its products in ranking order; no certificate.
    for (const outcome of ["potential-5", "propose-4", "propose-3"] as const) {
      const sheet = wb.getWorksheet(PROPOSAL_SHEETS[outcome]!)!;
      const codes = final.products.filter((p) => p.outcome === outcome).map((p) => p.product);
      codes.forEach((code, i) => expect(sheet.getRow(10 + i).getCell(2).value).toBe(code));
      if (codes.length) expect(sheet.getRow(10 + codes.length).getCell(2).value ?? null).toBeNull();
    }
    expect(wb.worksheets.some((w) => w.name.startsWith("GCN "))).toBe(false);
    const summary = wb.getWorksheet("Tổng hợp")!;
    const byOutcome = outcomesAt(final).map((_o, i) => [
      summary.getRow(5 + i).getCell(1).value,
      summary.getRow(5 + i).getCell(2).value,
    ]);
    expect(byOutcome).toEqual(
      outcomesAt(final).map((o) => [
        outcomeLabel(final, o),
        final.products.filter((p) => p.outcome === o).length,
      ])
    );

    // Every imported file's SHA-256 is in the audit log, and the history keeps the runs.
    const audit = wb.getWorksheet("Nhật ký")!;
    const auditText: string[] = [];
    audit.eachRow((row) => row.eachCell((c) => auditText.push(String(c.value))));
    for (const b of books) expect(auditText).toContain(await sha256Hex(new Uint8Array(b.bytes)));
    expect(auditText).toContain("Lần tổng hợp 1");
    expect(auditText).toContain("Lần tổng hợp 2");

    // The paperwork (issue 15), final now that the chair decided on every flagged product: each member's
    // evaluation forms, the score table with the decisions, the report, the minutes and the notices.
    const cellTexts = (name: string): string[] => {
      const out: string[] = [];
      // A merged area's text once (ExcelJS gives it again for every cell the area covers).
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((c) => {
          if (c.master === c) out.push(String(c.value));
        })
      );
      return out;
    };
    for (const name of [
      ...Object.values(DOCUMENT_SHEETS),
      ...session.members.map((m) => formSheetName(m.code)),
    ]) {
      expect(wb.getWorksheet(name)).toBeDefined();
      expect(isDraft(wb.getWorksheet(name)!.getCell("A1").value)).toBe(false);
    }
    const forms = cellTexts(formSheetName("TV01"));
    expect(forms.filter((t) => t === "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM SẢN PHẨM OCOP")).toHaveLength(8);
    expect(forms.filter((t) => t === "(Ký và ghi rõ họ tên)")).toHaveLength(8);
    const table = cellTexts(DOCUMENT_SHEETS.scoreTable);
    if (flagged.length > 1) expect(table.some((t) => t.includes(reason))).toBe(true);
    const report = cellTexts(DOCUMENT_SHEETS.report);
    expect(report).toEqual(
      expect.arrayContaining(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "TM. HỘI ĐỒNG", "CHỦ TỊCH"])
    );
    for (const p of final.products) expect(report).toContain(outcomeLabel(final, p.outcome));
    expect(report.some((t) => t.startsWith("- Số vòng đánh giá: 2"))).toBe(true);
    expect(report.some((t) => t.includes("TV04"))).toBe(true);
    expect(cellTexts(DOCUMENT_SHEETS.minutes)).toContain("Kết luận của Chủ tịch:");
    // The paper form's scores are in TV05's round-2 sheet's history: entered and checked by two people.
    const history = cellTexts("Lịch sử điểm");
    expect(history).toEqual(
      expect.arrayContaining(["Phiếu giấy (nhập hai lần)", "Nguyễn Thị Nhập", "Trần Văn Soát"])
    );
    const notices = cellTexts(DOCUMENT_SHEETS.notices);
    expect(notices.filter((t) => t === "THÔNG BÁO")).toHaveLength(
      new Set(session.products.map((p) => p.commune)).size
    );

    expect(opened.errors).toEqual([]);
    expect(opened.external.filter((u) => !fromOfficeJs(u))).toEqual([]);
    recordMetric(
      "secretariat: whole session in the browser",
      Date.now() - started,
      "ms",
      "8 products, 2 forms, 5 members"
    );
    await opened.context.close();
  });
});

/** Scrolls the page so the element starts at the top of the viewport, for a screenshot of what follows it. */
async function scrollToTop(locator: Locator): Promise<void> {
  await locator.evaluate((el) => el.scrollIntoView({ block: "start" }));
}

async function expectCount(locator: Locator, n: number): Promise<void> {
  await locator.nth(n - 1).waitFor();
  expect(await locator.count()).toBe(n);
}
