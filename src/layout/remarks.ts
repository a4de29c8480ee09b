/** The remark printed beside a product in the results and the ranking: why it is withheld or capped. */
import type { ProductResult } from "../ocop/results";
import type { Product } from "../ocop/session";
import { dossierStatement } from "../ocop/dossier";

const num = (n: number): string => String(Math.round(n * 100) / 100).replace(".", ",");

export const remarkOf = (r: ProductResult, product?: Pick<Product, "dossier">): string => {
  const out: string[] = [];
  for (const f of r.flags) {
    switch (f.code) {
      case "excluded":
        out.push(`Hồ sơ bị loại: ${f.reason}`);
        break;
      case "quorum":
        out.push(`Chưa đủ số thành viên chấm (${f.scored}/${f.council}, cần ${f.required})`);
        break;
      case "incomplete":
        out.push(`Chưa đủ phiếu: ${f.missingMembers.join(", ")}`);
        break;
      case "spread":
        out.push(`Chênh lệch điểm ${num(f.range)} > ${num(f.threshold)} (${f.members.join(", ")})`);
        break;
      case "chair":
        out.push("Không có điểm của Chủ tịch Hội đồng (hoặc Phó Chủ tịch được ủy quyền)");
        break;
    }
  }
  if ((r.round ?? 1) > 1) out.push(`Điểm chấm vòng ${r.round}`);
  if (r.needsDiscussion) out.push(`Chờ Hội đồng thảo luận: mở vòng chấm tiếp theo hoặc Chủ tịch quyết định`);
  if (r.decision)
    out.push(
      r.decision.decision === "accept"
        ? `Chủ tịch Hội đồng quyết định giữ kết quả vòng ${r.decision.round}: ${r.decision.reason}`
        : `Chủ tịch Hội đồng quyết định chưa phân hạng (vòng ${r.decision.round}): ${r.decision.reason}`
    );
  if (r.recused?.length)
    out.push(
      `Không chấm (xung đột lợi ích): ${r.recused.map((x) => `${x.member} (${x.reason})`).join(", ")}`
    );
  if (r.knockout) {
    const k = r.knockout;
    out.push(
      `Hồ sơ bị loại theo tiêu chí ${k.criterion} (${k.criterionText}): ${k.note.replace(/^(Ghi chú|Chú ý):\s*/u, "")}`
    );
  }
  for (const s of r.shortfalls) {
    out.push(
      `Chưa đạt mức tối thiểu ${s.stars} sao ở tiêu chí ${s.criterion} (${s.criterionText}): ${num(s.actual)}/${num(s.requiredPoints)}`
    );
  }
  if (r.bandStars && r.stars && r.stars < r.bandStars && !r.shortfalls.length)
    out.push(`Điểm đạt ${r.bandStars} sao`);
  const dossier = dossierStatement(product?.dossier, r);
  if (dossier) out.push(dossier);
  return out.join("; ");
};
