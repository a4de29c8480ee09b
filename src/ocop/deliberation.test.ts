import { consolidate } from "./consolidate";
import { EMPTY_DELIBERATION, type Deliberation } from "./history";
import { publishRefusal } from "./deliberation";
import { pointsFor, sheet, tinyCatalogue, tinySession } from "./__fixtures__/tiny";
import type { MemberScores } from "./session";

const catalogue = tinyCatalogue();
const members = ["TV1", "TV2", "TV3", "TV4"];
const delib = (d: Partial<Deliberation>): Deliberation => ({ ...EMPTY_DELIBERATION, ...d });
const round = (number: number, products: string[]) => ({
  number,
  products,
  reason: "Chênh lệch quá 10 điểm",
  openedAt: "2026-06-02T08:00:00Z",
  closedAt: null,
});
const withRound = (s: MemberScores, r: number): MemberScores => {
  const name = `${s.member} (vòng ${r})`;
  return { ...s, round: r, sheet: name, entries: s.entries.map((e) => ({ ...e, sheet: name })) };
};

describe("deliberation: rounds, decisions, recusals, the chair", () => {
  const session = tinySession(["SP1", "SP2"], 4);
  // SP1 spread 60..75 (15 > 10), SP2 within 10.
  const round1 = () =>
    members.map((m, i) => sheet(m, { SP1: pointsFor(60 + i * 5), SP2: pointsFor(80 + i) }));

  it("lists a product whose spread exceeds the threshold and refuses publishing", () => {
    const c = consolidate(session, catalogue, round1());
    expect(c.findings).toEqual([]);
    expect(c.needsDiscussion).toEqual([{ product: "SP1", round: 1, reasons: ["spread"], range: 15 }]);
    const sp1 = c.products.find((p) => p.product === "SP1")!;
    expect(sp1.needsDiscussion).toBe(true);
    expect(sp1.stars).toBe(3); // still computed: the documents are drafts, not blank
    const refusal = publishRefusal(c)!;
    expect(refusal.code).toBe("deliberation.needsDiscussion");
    expect(refusal.params.products).toBe("SP1");
  });

  it("uses the latest round of each product; round 1 scores of other products stay", () => {
    const r2 = members.map((m, i) => withRound(sheet(m, { SP1: pointsFor(70 + i) }), 2));
    const c = consolidate(session, catalogue, [...round1(), ...r2], delib({ rounds: [round(2, ["SP1"])] }));
    expect(c.findings).toEqual([]);
    expect(c.needsDiscussion).toEqual([]);
    const sp1 = c.products.find((p) => p.product === "SP1")!;
    expect(sp1.round).toBe(2);
    expect(sp1.mean).toBe(71.5);
    expect(sp1.stars).toBe(4);
    const sp2 = c.products.find((p) => p.product === "SP2")!;
    expect(sp2.round).toBe(1);
    expect(sp2.mean).toBe(81.5);
    expect(publishRefusal(c)).toBeNull();
  });

  it("reports missing round-2 scores on the round-2 sheet, not the round-1 ones", () => {
    const r2 = members.map((m, i) =>
      withRound(sheet(m, { SP1: i === 2 ? { ...pointsFor(70), "2.1": null } : pointsFor(70 + i) }), 2)
    );
    const c = consolidate(session, catalogue, [...round1(), ...r2], delib({ rounds: [round(2, ["SP1"])] }));
    expect(c.products).toEqual([]);
    expect(c.findings).toEqual([
      expect.objectContaining({
        code: "score.missing",
        where: expect.objectContaining({ member: "TV3", product: "SP1", sheet: "TV3 (vòng 2)" }),
      }),
    ]);
  });

  it("a chair's decision resolves a product still flagged after its last round", () => {
    const accept = delib({
      decisions: [{ product: "SP1", round: 1, decision: "accept", reason: "Đã thảo luận", at: "t" }],
    });
    const c = consolidate(session, catalogue, round1(), accept);
    expect(c.needsDiscussion).toEqual([]);
    const sp1 = c.products.find((p) => p.product === "SP1")!;
    expect(sp1.stars).toBe(3);
    expect(sp1.decision?.decision).toBe("accept");

    const withhold = delib({
      decisions: [{ product: "SP1", round: 1, decision: "withhold", reason: "Chờ kiểm nghiệm", at: "t" }],
    });
    const w = consolidate(session, catalogue, round1(), withhold);
    const held = w.products.find((p) => p.product === "SP1")!;
    expect([held.withheld, held.stars, held.rank]).toEqual(["decision", null, null]);
    expect(w.needsDiscussion).toEqual([]);
  });

  it("a decision taken before a newer round does not settle that round", () => {
    const r2 = members.map((m, i) => withRound(sheet(m, { SP1: pointsFor(60 + i * 6) }), 2));
    const d = delib({
      rounds: [round(2, ["SP1"])],
      decisions: [{ product: "SP1", round: 1, decision: "accept", reason: "x", at: "t" }],
    });
    const c = consolidate(session, catalogue, [...round1(), ...r2], d);
    expect(c.needsDiscussion?.map((n) => [n.product, n.round])).toEqual([["SP1", 2]]);
  });

  it("a recused member is not asked, not missing, and the quorum is over the others", () => {
    const sheets = round1();
    // TV4 abstains on SP2: their SP2 column is blank.
    sheets[3] = sheet("TV4", { SP1: pointsFor(75), SP2: {} });
    const d = delib({
      recusals: [{ member: "TV4", product: "SP2", reason: "Người thân của chủ thể", at: "t" }],
    });
    const c = consolidate(session, catalogue, sheets, d);
    expect(c.findings).toEqual([]);
    const sp2 = c.products.find((p) => p.product === "SP2")!;
    expect(sp2.count).toBe(3);
    expect(sp2.mean).toBe(81);
    expect(sp2.withheld).toBeNull(); // 3 of the 3 asked ≥ ¾
    expect(sp2.recused).toEqual([{ member: "TV4", reason: "Người thân của chủ thể" }]);
    // Without the recusal the blank column is an error.
    expect(consolidate(session, catalogue, sheets).findings.map((f) => f.code)).toContain(
      "score.productMissing"
    );
  });

  it("a recused member's scores are not counted, with a warning", () => {
    const d = delib({ recusals: [{ member: "TV2", product: "SP2", reason: "Góp vốn", at: "t" }] });
    const c = consolidate(session, catalogue, round1(), d);
    expect(c.findings).toEqual([expect.objectContaining({ code: "recusal.scored", severity: "warning" })]);
    expect(c.products.find((p) => p.product === "SP2")!.mean).toBeCloseTo((80 + 82 + 83) / 3, 9);
  });

  it("the quorum is checked per product against those who did not abstain", () => {
    const s = tinySession(["SP1"], 8); // needs 6 of 8
    const sheets = ["TV1", "TV2", "TV3", "TV4", "TV5"].map((m) => sheet(m, { SP1: pointsFor(80) }));
    const two = delib({
      recusals: [
        { member: "TV7", product: "SP1", reason: "a", at: "t" },
        { member: "TV8", product: "SP1", reason: "b", at: "t" },
      ],
    });
    expect(consolidate(s, catalogue, sheets).products[0]!.withheld).toBe("quorum");
    const c = consolidate(s, catalogue, sheets, two); // 5 of 6 asked: ⌈4.5⌉ = 5
    expect(c.products[0]!.withheld).toBeNull();
    expect(c.products[0]!.flags).toEqual([]);
  });

  it("withholds a product the chair did not score, unless the delegated vice-chair did", () => {
    const sheets = round1();
    sheets[0] = sheet("TV1", { SP1: pointsFor(60), SP2: {} });
    const d = delib({
      recusals: [{ member: "TV1", product: "SP2", reason: "Chủ tịch là thành viên HTX", at: "t" }],
    });
    const c = consolidate(session, catalogue, sheets, d);
    const sp2 = c.products.find((p) => p.product === "SP2")!;
    expect([sp2.withheld, sp2.stars, sp2.rank]).toEqual(["chair", null, null]);
    expect(sp2.flags).toContainEqual({ code: "chair" });
    const delegated = consolidate(session, catalogue, sheets, { ...d, delegate: "TV2" });
    expect(delegated.products.find((p) => p.product === "SP2")!.withheld).toBeNull();
    const off = consolidate(
      { ...session, settings: { ...session.settings, chairMustScore: false } },
      catalogue,
      sheets,
      d
    );
    expect(off.products.find((p) => p.product === "SP2")!.withheld).toBeNull();
  });

  it("lists a product split on a starred minimum when the council chooses so", () => {
    // SP2 (75, a 4★ band): 1.2 at the 4★ level for two members, at the 3★ level for the other two.
    const sheets = members.map((m, i) =>
      sheet(m, { SP1: pointsFor(70), SP2: pointsFor(75, i < 2 ? 10 : 5) })
    );
    expect(consolidate(session, catalogue, sheets).needsDiscussion).toEqual([]);
    const on = { ...session, settings: { ...session.settings, discussMinimumSplit: true } };
    expect(consolidate(on, catalogue, sheets).needsDiscussion).toEqual([
      { product: "SP2", round: 1, reasons: ["minimumSplit"], range: 0 },
    ]);
  });

  it("reports recusals, rounds and decisions naming unknown products or members", () => {
    const d = delib({
      recusals: [{ member: "TV9", product: "SP1", reason: "x", at: "t" }],
      rounds: [round(2, ["SP7"])],
    });
    const codes = consolidate(session, catalogue, round1(), d).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["recusal.unknownMember", "deliberation.unknownProduct"]));
  });
});
