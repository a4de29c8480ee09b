/**
 * What the council hands up with its report (26/2026 Điều 7.3.d, 7.4.d): one "Danh sách sản phẩm đề nghị …"
 * per outcome group its level can give — products proposed for recognition at 3★, at 4★, the potential 5★
 * products the province sends to the Ministry, or (central council) those proposed for 5★. The council
 * proposes; it recognises nothing and issues no certificate (Điều 4.1), so no list is signed as a decision.
 */
import { certificateValidity, PROPOSED_OUTCOMES, levelProcess, type Outcome } from "../ocop/process";
import type { Consolidation, ProductResult } from "../ocop/results";
import type { Session } from "../ocop/session";
import { normaliseCode } from "../ocop/text";
import { FORMAT, listPrint, put, putProductCells, range } from "./build";
import { outcomeSentence } from "./outcomes";
import { emptyPlan, type SheetPlan } from "./plan";
import { planSignatures } from "./signatures";

/** The sheet of each proposal list (owned by the add-in, rewritten whole at each run). */
export const PROPOSAL_SHEETS: Record<Outcome, string | null> = {
  "propose-5": "Đề nghị công nhận 5 sao",
  "potential-5": "Đề nghị Bộ đánh giá 5 sao",
  forward: "Đề nghị cấp tỉnh đánh giá",
  "propose-4": "Đề nghị công nhận 4 sao",
  "propose-3": "Đề nghị công nhận 3 sao",
  "below-90": null,
  "not-recognised": null,
  withheld: null,
};

const TITLES: Partial<Record<Outcome, string>> = {
  "propose-5": "DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN SẢN PHẨM OCOP 5 SAO",
  "potential-5":
    "DANH SÁCH SẢN PHẨM CÓ TIỀM NĂNG ĐẠT 5 SAO ĐỀ NGHỊ BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG ĐÁNH GIÁ, PHÂN HẠNG",
  forward: "DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CẤP TỈNH ĐÁNH GIÁ, PHÂN HẠNG",
  "propose-4": "DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN SẢN PHẨM OCOP 4 SAO",
  "propose-3": "DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN SẢN PHẨM OCOP 3 SAO",
};

/** Every sheet name a proposal list may have, for removing lists a level no longer gives. */
export const ALL_PROPOSAL_SHEETS: readonly string[] = PROPOSED_OUTCOMES.map((o) => PROPOSAL_SHEETS[o]!);

/** The outcome groups this council's level can propose, in print order. */
export const proposalOutcomes = (c: Pick<Consolidation, "edition" | "level">): Outcome[] => {
  const given = new Set(Object.values(levelProcess(c.edition, c.level).byStars));
  return PROPOSED_OUTCOMES.filter((o) => given.has(o));
};

export const proposedProducts = (c: Consolidation, outcome: Outcome): ProductResult[] =>
  c.products.filter((p) => p.outcome === outcome).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

const COLS = ["STT", "Mã SP", "Tên sản phẩm", "Chủ thể", "Xã, phường", "Nhóm sản phẩm", "Điểm TB", "Ghi chú"];
const WIDTHS = [5, 13, 30, 28, 16, 20, 9, 24];

export const planProposalSheet = (
  session: Session,
  c: Consolidation,
  outcome: Outcome,
  dateText: string
): SheetPlan => {
  const plan = emptyPlan(PROPOSAL_SHEETS[outcome]!, "proposals");
  const last = COLS.length - 1;
  const line = (row: number, col: number, span: number, text: string, style: Parameters<typeof put>[4]) => {
    put(plan, row, col, text, style);
    plan.merges.push(range(row, col, 1, span));
  };
  line(0, 0, 4, session.council.name.toUpperCase(), "signature");
  line(0, 4, 4, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "signature");
  line(1, 4, 4, "Độc lập - Tự do - Hạnh phúc", "signature");
  line(2, 4, 4, dateText, "muted");
  line(4, 0, last + 1, TITLES[outcome]!, "title");
  line(
    5,
    0,
    last + 1,
    `(Kèm theo Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP năm ${session.council.year} của ${session.council.name})`,
    "muted"
  );
  line(6, 0, last + 1, outcomeSentence(c, outcome), "wrap");
  plan.rows.push({ index: 6, height: 30 });
  const h = 8;
  COLS.forEach((t, col) => put(plan, h, col, t, "header"));
  const list = proposedProducts(c, outcome);
  const products = new Map(session.products.map((p) => [normaliseCode(p.code), p]));
  const dec = FORMAT.mean(c.settings.displayDecimals);
  list.forEach((r, i) => {
    const row = h + 1 + i;
    const p = products.get(normaliseCode(r.product));
    putProductCells(plan, row, i + 1, r.product, p, r.mean, dec);
    put(plan, row, 7, "", "wrap");
  });
  let row = h + 1 + list.length;
  if (!list.length) line(row++, 0, last + 1, "Không có sản phẩm.", "muted");
  row++;
  line(row++, 0, last + 1, `Tổng số: ${list.length} sản phẩm.`, "subtitle");
  // The validity is stated where certificates are mentioned: recognition lists only (Điều 4.3).
  const validity = certificateValidity(c.edition);
  if (outcome.startsWith("propose-") && validity) line(row++, 0, last + 1, validity, "muted");
  row++;
  planSignatures(plan, session, row, { left: [0, 4], right: [4, 4] });
  WIDTHS.forEach((width, index) => plan.columns.push({ index, width }));
  plan.print = listPrint(h);
  plan.protection = {};
  return plan;
};

/** One list per outcome group the council's level can propose. */
export const planProposalSheets = (session: Session, c: Consolidation, dateText: string): SheetPlan[] =>
  proposalOutcomes(c).map((o) => planProposalSheet(session, c, o, dateText));
