import { createI18n } from "../i18n";
import { HostError } from "../../hosts/workbook";
import { errorMessage } from "./errors";
import en from "./i18n/en.json";
import vi from "./i18n/vi.json";
import { ensureStrings } from "./strings";

const i18n = createI18n("vi");
ensureStrings(i18n);
const t = i18n.t.bind(i18n);

test("the port's errors, Excel's codes and anything else become sentences", () => {
  expect(errorMessage(new HostError("protectedByOther", "AccessDenied at Sheet1"), t)).toMatch(
    /^Sổ hoặc trang tính đang được bảo vệ/
  );
  expect(
    errorMessage(new HostError("unknown", "boom", { officeCode: "InvalidOperationInCellEditMode" }), t)
  ).toMatch(/^Bạn đang sửa một ô trong Excel/);
  expect(errorMessage({ code: "RequestPayloadSizeLimitExceeded", message: "too big" }, t)).toMatch(
    /quá lớn cho một lần/
  );
  expect(errorMessage({ code: "SomethingNew", message: "odd" }, t)).toBe(
    "Excel báo lỗi (SomethingNew): odd. Sổ làm việc không bị thay đổi; hãy thử lại."
  );
  expect(errorMessage(new Error("No council session in this workbook."), t)).toBe(
    "Không thực hiện được: No council session in this workbook."
  );
});

test("both languages carry the same keys", () => {
  const keys = (o: unknown, p = ""): string[] =>
    typeof o === "object" && o ? Object.entries(o).flatMap(([k, v]) => keys(v, p ? `${p}.${k}` : k)) : [p];
  expect(keys(en).sort()).toEqual(keys(vi).sort());
});
