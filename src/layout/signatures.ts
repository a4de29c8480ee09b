/**
 * The secretary's and the chair's signature blocks under a council document, as Vietnamese administrative
 * documents sign (Nghị định 30/2020): the title, "(Ký, ghi rõ họ tên)" under it, room to sign, then the name.
 */
import type { Session } from "../ocop/session";
import { put, range } from "./build";
import type { SheetPlan } from "./plan";

export interface SignatureColumns {
  /** First column and width (in columns) of the secretary's block, then of the chair's. */
  left: [number, number];
  right: [number, number];
}

export const planSignatures = (
  plan: SheetPlan,
  session: Session,
  row: number,
  cols: SignatureColumns
): void => {
  const chair = session.members.find((m) => m.role === "chair");
  const secretary = session.members.find((m) => m.role === "secretary");
  const block = ([col, span]: [number, number], title: string, name: string): void => {
    const line = (r: number, text: string, style: "signature" | "muted") => {
      put(plan, r, col, text, style);
      plan.merges.push(range(r, col, 1, span));
    };
    line(row, title, "signature");
    line(row + 1, "(Ký, ghi rõ họ tên)", "muted");
    line(row + 5, name, "signature");
  };
  block(cols.left, "THƯ KÝ HỘI ĐỒNG", secretary?.name ?? "");
  block(cols.right, "CHỦ TỊCH HỘI ĐỒNG", chair?.name ?? "");
};
