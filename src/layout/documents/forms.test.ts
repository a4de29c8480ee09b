/** A member's printed forms show the score that counts: the product's latest round. */
import { consolidate } from "../../ocop/consolidate";
import { pointsFor, sheet, tinyCatalogue, tinySession } from "../../ocop/__fixtures__/tiny";
import { planMemberForms } from "./forms";

const totalsOf = (plan: ReturnType<typeof planMemberForms>): unknown[] => {
  const rows = new Set(plan.cells.filter((c) => c.col === 0 && c.value === "TỔNG CỘNG").map((c) => c.row));
  return plan.cells.filter((c) => rows.has(c.row) && c.col === 2).map((c) => c.value);
};

describe("a member's evaluation forms", () => {
  const session = tinySession(["SP1", "SP2"], 4);
  const catalogue = tinyCatalogue();
  const member = session.members[0]!;
  const round1 = sheet(member.code, { SP1: pointsFor(61), SP2: pointsFor(70) });
  const input = (scores: Parameters<typeof consolidate>[2]) => ({
    session,
    consolidation: consolidate(session, catalogue, scores),
    runDate: "2026-06-15",
    catalogue,
    scores: [...scores],
  });

  it("print the round-1 totals, one form per product", () => {
    expect(totalsOf(planMemberForms(input([round1]), member))).toEqual([61, 70]);
  });

  it("print a product scored again with its round-2 score, and none of the earlier scores while round 2 is not yet scored", () => {
    const scored = { ...sheet(member.code, { SP1: pointsFor(80) }), round: 2 };
    // The round-2 sheet comes first here: the forms follow the rounds, not the order the sheets were read in.
    expect(totalsOf(planMemberForms(input([scored, round1]), member))).toEqual([80, 70]);
    const blank = {
      ...sheet(member.code, { SP1: { "1.1": null, "1.2": null, "2.1": null, "3.1": null, "3.2": null } }),
      round: 2,
    };
    expect(totalsOf(planMemberForms(input([round1, blank]), member))).toEqual([0, 70]);
  });
});
