import { dossierFindings, dossierStatement, FIRST_DOSSIER, selfAssessmentGap, type Dossier } from "./dossier";
import { planProductsSheet, productsFromRows } from "../layout/setupSheets";
import { planToGrid } from "../../test/helpers/planGrid";
import { tinySession } from "./__fixtures__/tiny";

const reEval = (submitted: string): Dossier => ({
  ...FIRST_DOSSIER,
  type: "re-evaluation",
  currentStars: 4,
  certificateExpiry: "2027-06-30",
  submitted,
});

describe("dossier types (26/2026 Điều 6.1, 7.6.a)", () => {
  it("warns when a re-evaluation is filed outside 180 to 120 days before the certificate ends", () => {
    // 2027-06-30 minus 180 days is 2027-01-01; minus 120 days is 2027-03-02.
    expect(dossierFindings("SP1", reEval("2027-01-01"))).toEqual([]);
    expect(dossierFindings("SP1", reEval("2027-03-02"))).toEqual([]);
    const early = dossierFindings("SP1", reEval("2026-12-31"));
    expect(early.map((f) => [f.code, f.params.days])).toEqual([["dossier.reevaluationWindow", 181]]);
    const late = dossierFindings("SP1", reEval("2027-03-03"));
    expect(late.map((f) => [f.code, f.params.days])).toEqual([["dossier.reevaluationWindow", 119]]);
  });

  it("asks for the stars held on an upgrade or re-evaluation", () => {
    expect(dossierFindings("SP1", { ...FIRST_DOSSIER, type: "upgrade" }).map((f) => f.code)).toEqual([
      "dossier.currentStarsMissing",
    ]);
    expect(dossierFindings("SP1", FIRST_DOSSIER)).toEqual([]);
  });

  it("states plainly an upgrade not above the stars held, and a re-evaluation below them", () => {
    const upgrade: Dossier = { ...FIRST_DOSSIER, type: "upgrade", currentStars: 3 };
    expect(dossierStatement(upgrade, { stars: 3 })).toBe(
      "Hồ sơ nâng hạng không đạt: kết quả 3 sao không cao hơn hạng đang có (3 sao)"
    );
    expect(dossierStatement(upgrade, { stars: 4 })).toBeNull();
    expect(dossierStatement(reEval("2027-02-01"), { stars: 3 })).toBe(
      "Đánh giá lại: kết quả 3 sao thấp hơn hạng đang có (4 sao)"
    );
    expect(dossierStatement(reEval("2027-02-01"), { stars: 4 })).toBeNull();
    expect(dossierStatement(undefined, { stars: 2 })).toBeNull();
  });

  it("gives the council's mean minus the producer's own total", () => {
    expect(selfAssessmentGap({ ...FIRST_DOSSIER, selfAssessed: 85 }, 72.5)).toBe(-12.5);
    expect(selfAssessmentGap(FIRST_DOSSIER, 72.5)).toBeNull();
    expect(selfAssessmentGap({ ...FIRST_DOSSIER, selfAssessed: 85 }, null)).toBeNull();
  });
});

describe("the products table carries the dossier columns", () => {
  const header = [
    "Mã sản phẩm",
    "Tên sản phẩm",
    "Phiếu chấm",
    "Loại hồ sơ",
    "Hạng sao đang có",
    "Ngày hết hạn giấy chứng nhận",
    "Ngày nộp hồ sơ",
    "Điểm tự đánh giá (Mẫu 02)",
    "Báo cáo của UBND xã (Mẫu 03)",
  ];

  it("reads them in Vietnamese words and dates, and writes them back the same", () => {
    const { products, findings } = productsFromRows(
      [
        header,
        ["SP1", "Chè", "01", "Đánh giá lại", "4 sao", "30/06/2027", "01/02/2027", "86,5", "12/BC-UBND"],
      ],
      { file: "sp.csv" }
    );
    expect(findings).toEqual([]);
    expect(products[0]!.dossier).toEqual({
      type: "re-evaluation",
      currentStars: 4,
      certificate: "",
      certificateExpiry: "2027-06-30",
      submitted: "2027-02-01",
      selfAssessed: 86.5,
      communeReport: "12/BC-UBND",
    });
    const session = { ...tinySession([]), products };
    const grid = planToGrid(planProductsSheet(session, ["01"]));
    const again = productsFromRows(grid.values, { sheet: "Sản phẩm" });
    expect(again.products[0]!.dossier).toEqual(products[0]!.dossier);
  });

  it("leaves a product without those columns a first evaluation", () => {
    const { products } = productsFromRows([header.slice(0, 3), ["SP1", "Chè", "01"]], {});
    expect(products[0]!.dossier).toBeUndefined();
  });

  it("says which cell holds a value it cannot read, and what is allowed", () => {
    const { findings } = productsFromRows(
      [header, ["SP1", "Chè", "01", "Gia hạn", "6", "31/02/2027", "", "120", ""]],
      { file: "sp.csv" }
    );
    expect(findings.map((f) => [f.code, f.where.cell, f.params.field])).toEqual([
      ["setup.valueInvalid", "D2", "Loại hồ sơ"],
      ["setup.valueInvalid", "E2", "Hạng sao đang có"],
      ["setup.valueInvalid", "F2", "Ngày hết hạn giấy chứng nhận"],
      ["setup.valueInvalid", "H2", "Điểm tự đánh giá (Mẫu 02)"],
    ]);
    expect(findings[0]!.params.allowed).toEqual(["Lần đầu", "Nâng hạng", "Đánh giá lại"]);
  });
});
