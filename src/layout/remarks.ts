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
    }
  }
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
