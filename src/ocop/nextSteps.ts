/**
 * What a producer may do after the council's result, as the notice of results (Điều 7.3.g of 26/2026) tells
 * the commune and the producer. Sources (shared/ocop/qd26-2026.txt): Điều 7.3.e (l. 74–75): the provincial
 * chairman decides on 3★ and 4★ and, for 90 points or more, approves the result and sends the dossier to the
 * Ministry; Điều 7.4.g and its last paragraph (l. 85–86): a product below 90 at central level goes back to the
 * province, which may recognise it at 3★ or 4★ or have it evaluated again; Điều 7.5 (l. 87–89): upgrading
 * follows the same steps with the dossier of Điều 6.1.b; Điều 4.3 and 7.6.a (l. 39, 90–91): a certificate
 * lasts 36 months, and a re-evaluation dossier is filed 180 to 120 days before it ends.
 */
import { REEVALUATION_WINDOW } from "./dossier";
import type { Outcome } from "./process";

const UPGRADE =
  "Khi sản phẩm được cải tiến, chủ thể có thể đăng ký đánh giá, nâng hạng (khoản 5 Điều 7, hồ sơ theo điểm b khoản 1 Điều 6).";
const RENEWAL = `Giấy chứng nhận (nếu được cấp) có giá trị 36 tháng; hồ sơ đánh giá, phân hạng lại nộp không sớm hơn ${REEVALUATION_WINDOW.earliest} ngày và không muộn hơn ${REEVALUATION_WINDOW.latest} ngày trước ngày hết hạn (khoản 6 Điều 7).`;

/** The next steps printed beside a product on the notice of results. */
export const nextSteps = (outcome: Outcome, authority: string): string => {
  switch (outcome) {
    case "propose-3":
    case "propose-4":
      return `Hội đồng đã đề nghị; chờ quyết định công nhận của ${authority}. ${UPGRADE} ${RENEWAL}`;
    case "potential-5":
      return "Sản phẩm có tiềm năng đạt 5 sao: Chủ tịch UBND cấp tỉnh xem xét phê duyệt kết quả; UBND cấp tỉnh gửi hồ sơ đề nghị Bộ Nông nghiệp và Môi trường đánh giá, phân hạng (điểm e khoản 3 Điều 7). Chủ thể chuẩn bị hồ sơ theo khoản 3 Điều 6.";
    case "propose-5":
      return `Hội đồng cấp trung ương đã đề nghị; chờ quyết định công nhận của Bộ trưởng Bộ Nông nghiệp và Môi trường (điểm e khoản 4 Điều 7). ${RENEWAL}`;
    case "below-90":
      return "Chưa đạt 90 điểm: Chủ tịch UBND cấp tỉnh có thể căn cứ kết quả này xem xét công nhận 3 sao, 4 sao hoặc tổ chức đánh giá, phân hạng theo thẩm quyền (khoản 4 Điều 7).";
    case "forward":
      return "Hội đồng đề nghị cấp tỉnh đánh giá, phân hạng; hồ sơ được chuyển lên cấp tỉnh.";
    case "not-recognised":
      return "Chưa đạt 3 sao nên không được đề nghị công nhận. Chủ thể có thể hoàn thiện sản phẩm, hồ sơ và đăng ký tham gia đánh giá, phân hạng ở lần sau (khoản 1 Điều 7).";
    case "withheld":
      return "Chưa xếp hạng (xem ghi chú); cơ quan tham mưu quản lý OCOP cấp tỉnh hướng dẫn chủ thể hoàn thiện hồ sơ (điểm a khoản 3 Điều 7).";
  }
};

/** Who notifies the result, by council level (Điều 7.3.g: the provincial OCOP office; 7.4.g: the Ministry). */
export const NOTIFIER: Record<"district" | "province" | "central", string> = {
  district: "Cơ quan tham mưu quản lý OCOP cấp huyện",
  province: "Cơ quan tham mưu quản lý OCOP cấp tỉnh",
  central: "Bộ Nông nghiệp và Môi trường",
};
