/**
 * The council's deliberation as the printed documents state it: the rounds held (round 1 always), the members
 * abstaining on a product, and the chair's decision on each product still flagged after the last round.
 */
import type { Deliberation as CouncilDeliberation } from "../../ocop/history";
import { DECISION_LABEL } from "../deliberation";
import type { Deliberation } from "./inputs";

const day = (iso: string): string | undefined =>
  /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;

export const documentDeliberation = (d: CouncilDeliberation): Deliberation => {
  const later = [...d.rounds].sort((a, b) => a.number - b.number);
  const rounds = [
    ...(later.some((r) => r.number === 1) ? [] : [{ number: 1 }]),
    ...later.map((r) => ({
      number: r.number,
      ...(day(r.openedAt) ? { date: day(r.openedAt) } : {}),
      note:
        r.number === 1
          ? r.reason || "Chấm tất cả sản phẩm"
          : `${r.reason ? `${r.reason}: ` : ""}chấm lại ${r.products.join(", ")}`,
    })),
  ];
  return {
    rounds,
    recusals: d.recusals.map((r) => ({ member: r.member, product: r.product, reason: r.reason })),
    decisions: d.decisions.map((x) => ({
      product: x.product,
      decision: `${DECISION_LABEL[x.decision]} (sau vòng ${x.round}): ${x.reason}`,
    })),
  };
};
