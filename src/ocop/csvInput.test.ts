import { productsFromRows, membersFromRows } from "../layout/setupSheets";
import { parseCsv } from "./delimitedText";

describe("CSV input", () => {
  it("reads UTF-8 with a BOM, semicolons, quoted separators and line breaks", () => {
    const text =
      '\uFEFFMã thành viên;Họ và tên;Chức vụ, đơn vị;Vai trò\r\nTV01;"Nguyễn Văn A";"Phó Chủ tịch; UBND";Chủ tịch\r\nTV02;"Lê ""Bé"" B";"Dòng 1\nDòng 2";\r\n';
    expect(parseCsv(text)).toEqual([
      ["Mã thành viên", "Họ và tên", "Chức vụ, đơn vị", "Vai trò"],
      ["TV01", "Nguyễn Văn A", "Phó Chủ tịch; UBND", "Chủ tịch"],
      ["TV02", 'Lê "Bé" B', "Dòng 1\nDòng 2", ""],
    ]);
  });

  it("accepts English headers in any order and reads roles and forms as people type them", () => {
    const products = productsFromRows(parseCsv("form,name,code,commune\n1,Rice,p-1,An Phu\n"), {
      file: "p.csv",
    });
    expect(products.findings).toEqual([]);
    expect(products.products[0]).toMatchObject({ code: "P-1", name: "Rice", form: "01", commune: "An Phu" });
    const members = membersFromRows(parseCsv("name,code,role\nAn,TV1,chair\nBinh,TV2,thu ky\n"), {
      file: "m.csv",
    });
    expect(members.members.map((m) => m.role)).toEqual(["chair", "secretary"]);
  });

  it("reports a duplicate code, a missing name and a missing column with file and cell", () => {
    const r = productsFromRows(parseCsv("Mã sản phẩm,Tên sản phẩm,Phiếu chấm\nA1,,01\nA1,Trà,02\n"), {
      file: "p.csv",
    });
    expect(r.findings.map((f) => [f.code, f.where.cell])).toEqual([
      ["setup.nameMissing", "B2"],
      ["session.productDuplicate", "A3"],
    ]);
    const missing = productsFromRows(parseCsv("Mã sản phẩm,Tên sản phẩm\nA1,Trà\n"), { file: "p.csv" });
    expect(missing.findings).toEqual([
      expect.objectContaining({ code: "setup.columnMissing", params: { column: "Phiếu chấm" } }),
    ]);
  });
});
