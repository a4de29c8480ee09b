#!/usr/bin/env node
// Builds the criteria catalogue of Decision 1048/QĐ-TTg (21/08/2019) in the format of docs/catalogue-format.md.
// Only ONE of its 26 scoring forms is known: Thực phẩm / Thực phẩm tươi sống / "Rau, củ, quả, hạt tươi"
// (parts A 35 / B 25 / C 40). Its content is encoded below as a data table, from the transcription in
// ../shared/ocop/notes-forms.md ("Form 1048-F1"), whose source is a phpMyAdmin dump "OCOP_DB" (generated 2020-11-07,
// table test_bo_tieu_chi) found on GitHub — a developer's database, NOT the official annex. Texts the notes elide
// with "…" or shorten ("trung bình = 2; lớn = 3") are written out following the full sentence printed just before
// them; the dump itself holds the full sentences and they agree.
//
// Usage (from the project root):
//   node scripts/catalogue/build-qd1048.mjs [--out dir] [--check]
//     --out    default: src/ocop/criteria/data/qd1048-2019
//     --check  print the form's sums and faults; write nothing; exit 1 on a fault
//
// Numbering: the dump stores keys only (part, group 1…n within the part, criterion 1…n, option 1…n). The sections are
// numbered 1–11 across the parts and the criteria "1.1", "1.2", … here, as in the 1048-era food form whose codes are
// listed by the Laravel app tranquangduc24011999/ommani_ocop (1.1 Nguồn nguyên liệu … 10 Cơ hội thị trường toàn cầu).
// Groups without sub-criteria (DINH DƯỠNG, TÍNH ĐỘC ĐÁO, ĐẢM BẢO…, CƠ HỘI…) are one criterion numbered as the section.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SCRIPT_DIR, "..", "..");
const EDITION_ID = "qd1048-2019";
const DECISION = "1048/QĐ-TTg";

const PARTS = [
  { id: "A", title: "SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG", max: 35 },
  { id: "B", title: "KHẢ NĂNG TIẾP THỊ", max: 25 },
  { id: "C", title: "CHẤT LƯỢNG SẢN PHẨM", max: 40 },
];

const DUMP =
  'GitHub phpMyAdmin dump "OCOP_DB" (generated 2020-11-07), table test_bo_tieu_chi, phân nhóm 1 — repository/path not ' +
  'shown by the search index (stored file id 6898270490); transcribed in ../shared/ocop/notes-forms.md, "Form 1048-F1"';

// ---------------------------------------------------------------------------------------------------------
// The form. Level = [text, points]. A criterion without `number` is the section itself (id = section number).
const FORM_01 = [
  {
    part: "A",
    number: "1",
    title: "TỔ CHỨC SẢN XUẤT",
    criteria: [
      {
        number: "1.1",
        text: "Nguồn nguyên liệu",
        levels: [
          ["Sử dụng nguyên liệu có nguồn gốc trong tỉnh dưới 50%", 1],
          ["Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 50% đến dưới 75%", 2],
          ["Sử dụng nguyên liệu có nguồn gốc trong tỉnh từ 75% đến 100%", 3],
        ],
      },
      {
        number: "1.2",
        text: "Gia tăng giá trị",
        levels: [
          ["Phân loại", 0],
          ["Sơ chế (rửa, làm sạch)", 1],
          ["Ứng dụng công nghệ cao trong trồng, sơ chế", 2],
          [
            "Ứng dụng công nghệ cao trong trồng, sơ chế, bảo quản (nâng cao chất lượng sản phẩm/ giữ chất lượng ổn định trong quá trình bảo quản…)",
            3,
          ],
        ],
      },
      {
        number: "1.3",
        text: "Năng lực sản xuất đáp ứng yêu cầu phân phối",
        levels: [
          ["Có năng lực, quy mô sản xuất mức độ nhỏ", 1],
          ["Có năng lực, quy mô sản xuất trung bình", 2],
          ["Có năng lực, quy mô sản xuất lớn", 3],
          ["Có năng lực, quy mô sản xuất lớn, có thể đáp ứng thị trường xuất khẩu", 4],
        ],
      },
      {
        number: "1.4",
        text: "Liên kết sản xuất",
        levels: [
          ["Không có liên kết hoặc có nhưng không rõ ràng", 0],
          ["Có liên kết, chặt chẽ (phạm vi trong tỉnh)", 1],
          [
            "Liên kết chuỗi chặt chẽ (phạm vi trong tỉnh), quy mô lớn hoặc có hộ nghèo (trong tỉnh) tham gia liên kết.",
            2,
          ],
        ],
      },
      {
        number: "1.5",
        text: "Bảo vệ môi trường trong quá trình sản xuất",
        levels: [
          ["Có quan tâm (bằng hoạt động cụ thể) đến các tác động môi trường trong quá trình sản xuất", 1],
          [
            "Có đánh giá tác động môi trường/kế hoạch bảo vệ môi trường (hoặc tương đương) nhưng chưa theo quy định hiện hành",
            2,
          ],
          [
            "Có đánh giá tác động môi trường/kế hoạch bảo vệ môi trường (hoặc tương đương) theo quy định hiện hành",
            3,
          ],
          [
            "Có đánh giá tác động môi trường/kế hoạch bảo vệ môi trường (hoặc tương đương) theo quy định hiện hành; có minh chứng triển khai/áp dụng",
            4,
          ],
          [
            "Có đánh giá tác động môi trường/kế hoạch bảo vệ môi trường (hoặc tương đương) theo quy định hiện hành; có minh chứng triển khai/áp dụng; có sử dụng/tái chế phụ phẩm, chất thải trong quá trình sản xuất",
            5,
          ],
        ],
      },
      {
        number: "1.6",
        text: "Sử dụng năng lượng, công nghệ thân thiện bền vững trong SX",
        levels: [
          [
            "Không sử dụng năng lượng hiện đại, bền vững, đáng tin cậy (sạch, tái tạo,...)/công nghệ thân thiện môi trường",
            0,
          ],
          [
            "Có sử dụng năng lượng hiện đại, bền vững, đáng tin cậy (sạch, tái tạo,...)/công nghệ thân thiện môi trường",
            1,
          ],
        ],
      },
    ],
  },
  {
    part: "A",
    number: "2",
    title: "PHÁT TRIỂN SẢN PHẨM",
    criteria: [
      {
        number: "2.1",
        text: "Nguồn gốc ý tưởng sản phẩm",
        levels: [
          ["Phát triển dựa trên sản phẩm của nhà sản xuất khác, chỉ thay đổi nhãn hiệu", 0],
          ["Phát triển dựa trên sản phẩm của nhà sản xuất khác, có cải tiến về chất lượng, bao bì.", 1],
          ["Phát triển dựa trên ý tưởng của mình, sản phẩm chưa có trên thị trường", 2],
          [
            "Phát triển ý tưởng của mình gắn với bảo tồn sản phẩm truyền thông/đặc sản/thế mạnh của địa phương",
            3,
          ],
        ],
      },
      {
        number: "2.2",
        text: "Tính hoàn thiện của bao bì",
        levels: [
          ["Bao bì đơn giản, thông tin ghi nhãn chưa đầy đủ", 0],
          ["Bao bì đơn giản, thông tin ghi nhãn đầy đủ", 1],
          ["Bao bì phù hợp, thông tin ghi nhãn đầy đủ, có truy xuất nguồn gốc", 2],
          [
            "Bao bì phù hợp, thông tin ghi nhãn đầy đủ, có truy xuất nguồn gốc, có chứng nhận bảo hộ nhãn hiệu/kiểu dáng công nghiệp",
            3,
          ],
        ],
      },
      {
        number: "2.3",
        text: "Phong cách, hình thức của bao bì",
        levels: [
          ["Không thuận tiện, không đẹp", 0],
          ["Thuận tiện hoặc đẹp", 1],
          ["Thuận tiện, đẹp, sang trọng", 2],
        ],
      },
    ],
  },
  {
    part: "A",
    number: "3",
    title: "SỨC MẠNH CỘNG ĐỒNG",
    criteria: [
      {
        number: "3.1",
        text: "Loại hình tổ chức sản xuất - kinh doanh",
        levels: [
          [
            "Hộ gia đình có đăng ký kinh doanh, tổ hợp tác (có giấy đăng ký kinh doanh của tổ trưởng), Công ty Trách nhiệm hữu hạn (TNHH) 1 thành viên, doanh nghiệp tư nhân (DNTN)",
            1,
          ],
          [
            "Công ty TNHH hai thành viên trở lên, công ty cổ phần có vốn góp của cộng đồng địa phương <51%",
            2,
          ],
          [
            "HTX tổ chức, hoạt động theo Luật HTX 2012 hoặc công ty cổ phần có vốn góp của cộng đồng địa phương ≥ 51%",
            3,
          ],
        ],
      },
      // Read as ONE single-choice criterion (notes-forms.md): the dump stores all four options under criterion 2
      // (lua_chon 1…4); scored as two sub-scales, part A would reach 36 > 35.
      {
        number: "3.2",
        text: "Sự tham gia của cộng đồng trong quản lý, điều hành",
        max: 2,
        levels: [
          [
            "Có < 50% số thành viên quản trị cao cấp (Ban giám đốc, Hội đồng quản trị - HĐQT, Hội đồng thành viên - HĐTV) tham gia quản lý là người trong tỉnh hoặc tổ hợp tác có số thành viên là người trong tỉnh < 50% số thành viên tổ hợp tác",
            1,
          ],
          [
            "Có ≥ 50% số thành viên quản trị cao cấp (Ban giám đốc, HĐQT, HĐTV) tham gia quản lý là người trong tỉnh hoặc < 50% số thành viên quản trị cao cao cấp là người trong tỉnh nhưng có thành viên là phụ nữ địa phương",
            2,
          ],
          ["Giám đốc/Chủ hộ không phải là người trong tỉnh", 0],
          ["Giám đốc/Chủ hộ là người trong tỉnh", 1],
        ],
        notes: [
          "Catalogue: the source lists two sub-scales (management members from the province: 1/2; director/head of household from " +
            "the province: 0/1) under one criterion; read as one single-choice criterion, max 2 (scored separately, part A would reach 36 " +
            "of 35). Two levels are worth 1; they are kept as printed.",
        ],
      },
      {
        number: "3.3",
        text: "Sử dụng lao động địa phương",
        levels: [
          ["Có sử dụng < 50% lao động là người địa phương", 0],
          [
            "Có sử dụng ≥ 50% lao động là người địa phương hoặc có thu nhập bình quân/lao động ≥ mức thu nhập bình quân/người đạt chuẩn nông thôn mới của địa phương tại thời điểm đánh giá.",
            1,
          ],
        ],
      },
      {
        number: "3.4",
        text: "Tăng trưởng sản xuất kinh doanh",
        levels: [
          ["Tăng trưởng < 10% về doanh thu so với năm trước liền kề", 0],
          ["Tăng trưởng ≥ 10% về doanh thu so với năm trước liền kề", 1],
        ],
      },
      {
        number: "3.5",
        text: "Kế toán",
        levels: [
          ["Không có kế toán hoặc chỉ thuê kế toán khi có yêu cầu, thời vụ", 0],
          ["Có kế toán, công tác kế toán được thực hiện thường xuyên", 1],
          ["Có Tổ chức hệ thống kế toán", 2],
        ],
      },
    ],
  },
  {
    part: "B",
    number: "4",
    title: "TIẾP THỊ",
    criteria: [
      {
        number: "4.1",
        text: "Khu vực phân phối chính",
        levels: [
          ["Thị trường trong huyện", 1],
          ["Thị trường ngoài huyện, có dưới 5 đại diện/đại lý phân phối", 2],
          ["Thị trường ngoài huyện, có ≥ 5 đại diện/đại lý phân phối", 3],
          ["Thị trường quốc tế", 5],
        ],
      },
      {
        number: "4.2",
        text: "Tổ chức phân phối",
        levels: [
          ["Không có người chịu trách nhiệm quản lý phân phối", 0],
          ["Có người chịu trách nhiệm quản lý phân phối", 1],
          ["Có bộ phận/phòng quản lý phân phối", 3],
          ["Có bộ phận/phòng quản lý phân phối, có ứng dụng công nghệ thông tin trong quản lý", 5],
        ],
      },
      {
        number: "4.3",
        text: "Quảng bá sản phẩm",
        levels: [
          ["Không có hoạt động quảng bá", 0],
          ["Có một số hoạt động quảng bá", 1],
          [
            "Có nhiều hoạt động quảng bá, có website của cơ sở, có tham gia hoạt động xúc tiến thương mại trong tỉnh",
            2,
          ],
          [
            "Có nhiều hoạt động quảng bá, có website của cơ sở, có tham gia hoạt động xúc tiến thương mại ngoài tỉnh",
            3,
          ],
          [
            "Có nhiều hoạt động quảng bá, có website của cơ sở, có tham gia hoạt động xúc tiến thương mại ngoài tỉnh và quốc tế",
            5,
          ],
        ],
      },
    ],
  },
  {
    part: "B",
    number: "5",
    title: "CÂU CHUYỆN VỀ SẢN PHẨM",
    criteria: [
      {
        number: "5.1",
        text: "Câu chuyện về sản phẩm",
        levels: [
          ["Không có câu chuyện, hoặc có nhưng không được tư liệu hóa", 0],
          ["Có tài liệu giới thiệu về sản phẩm", 1],
          ["Có câu chuyện được tư liệu hóa (có cốt chuyện, nội dung cụ thể)", 2],
          ["Có câu chuyện được tư liệu hóa, trình bày trên nhãn/tờ rơi", 3],
          ["Có câu chuyện được tư liệu hóa, trình bày trên nhãn/tờ rơi và website", 4],
          [
            "Có câu chuyện được tư liệu hóa, trình bày trên nhãn/tờ rơi, website (dưới dạng hình ảnh, clip,...)",
            5,
          ],
        ],
      },
      {
        number: "5.2",
        text: "Trí tuệ/bản sắc địa phương",
        levels: [
          ["Giống với câu chuyện sản phẩm ở nơi khác", 0],
          ["Tương đối giống câu chuyện sản phẩm ở nơi khác, có thay đổi một số yếu tố", 1],
          ["Có câu chuyện riêng", 2],
          ["Có câu chuyện riêng, thể hiện trí tuệ/bản sắc địa phương", 3],
        ],
      },
      {
        number: "5.3",
        text: "Cấu trúc câu chuyện",
        levels: [
          ["Đơn giản", 1],
          ["Có đầy đủ các yếu tố của câu chuyện sản phẩm", 2],
        ],
      },
    ],
  },
  {
    part: "C",
    number: "6",
    title: "CHỈ TIÊU CẢM QUAN",
    criteria: [
      {
        number: "6.1",
        text: "Kích thước, hình dạng bề ngoài",
        levels: [
          ["Không đồng đều", 0],
          ["Không đồng đều, chấp nhận được", 1],
          ["Đồng đều", 2],
        ],
      },
      {
        number: "6.2",
        text: "Màu sắc, độ chín",
        levels: [
          ["Không phù hợp", 0],
          ["Chấp nhận được", 1],
          ["Tương đối phù hợp", 3],
          ["Phù hợp", 5],
          ["Rất phù hợp", 8],
        ],
        notes: [
          "Catalogue: 0/1/3/5/8 as in the source (8 is unusually large for one sensory item; unverified).",
        ],
      },
      {
        number: "6.3",
        text: "Mùi/vị",
        levels: [
          ["Kém", 0],
          ["Trung bình", 1],
          ["Tương đối tốt", 2],
          ["Tốt", 3],
        ],
      },
      {
        number: "6.4",
        text: "Tính đầy đủ, sạch",
        levels: [
          ["Tương đối chấp nhận được", 0],
          ["Chấp nhận được", 1],
          ["Tốt", 2],
          ["Rất tốt", 3],
        ],
      },
      {
        number: "6.5",
        text: "Kết cấu/cách sắp đặt",
        levels: [
          ["Nghèo nàn", 0],
          ["Trung bình", 1],
          ["Tốt", 2],
        ],
      },
    ],
  },
  {
    part: "C",
    number: "7",
    title:
      "DINH DƯỠNG (Chỉ ra hàm lượng của các chỉ tiêu dinh dưỡng như: Protit, Lipid, Vitamin,... (theo phiếu kiểm nghiệm do cơ quan có thẩm quyền cấp))",
    criteria: [
      {
        levels: [
          ["Không có", 0],
          ["Có 1 -2 chỉ tiêu", 1],
          ["Có trên 2 chỉ tiêu", 2],
        ],
      },
    ],
  },
  {
    part: "C",
    number: "8",
    title:
      "TÍNH ĐỘC ĐÁO (Chất lượng: Có nét riêng, khác biệt, không lẫn với sản phẩm khác, tiềm năng thành thương hiệu của địa phương)",
    criteria: [
      {
        levels: [
          ["Trung bình", 0],
          ["Tương đối độc đáo", 1],
          ["Độc đáo", 3],
          ["Rất độc đáo", 5],
        ],
      },
    ],
  },
  {
    part: "C",
    number: "9",
    title: "CÔNG BỐ CHẤT LƯỢNG SẢN PHẨM",
    criteria: [
      {
        number: "9.1",
        text: "Hồ sơ công bố tiêu chuẩn sản phẩm của cơ sở sản xuất",
        levels: [
          ["Không có Bản công bố tiêu chuẩn sản phẩm/chất lượng", 0],
          ["Có Tiêu chuẩn sản phẩm", 1],
          ["Có Tiêu chuẩn sản phẩm, có Bản công bố tiêu chuẩn/chất lượng", 2],
        ],
      },
      {
        number: "9.2",
        text: "Kiểm tra định kỳ các chỉ tiêu ATTP",
        levels: [
          ["Không có", 0],
          ["Có, nhưng không đạt", 1],
          ["Có, đạt nhưng không đủ", 2],
          [
            "Có, đạt đầy đủ (vi sinh, kim loại nặng, dư lượng thuốc BVTV, phụ gia, hóa chất không mong muốn,...) theo quy định.",
            3,
          ],
        ],
      },
    ],
  },
  {
    part: "C",
    number: "10",
    title: "ĐẢM BẢO CHẤT LƯỢNG SẢN PHẨM",
    criteria: [
      {
        levels: [
          ["Không có hoạt động kiểm soát chất lượng sản phẩm", 0],
          ["Có kế hoạch kiểm soát chất lượng sản phẩm", 1],
          ["Có ghi hồ sơ lô sản xuất", 2],
          ["Có kế hoạch kiểm soát chất lượng sản phẩm, có ghi hồ sơ lô sản xuất", 3],
          ["Có Chứng nhận quản lý chất lượng tiên tiến (VietGAP/GlobalGAP/hữu cơ/..)", 4],
          [
            "Có chứng nhận đủ điều kiện ATTP cho xuất khẩu và các thủ tục pháp lý khác theo yêu cầu của thị trường đích",
            5,
          ],
        ],
      },
    ],
  },
  {
    part: "C",
    number: "11",
    title: "CƠ HỘI THỊ TRƯỜNG TOÀN CẦU",
    criteria: [
      {
        levels: [
          ["Có thể xuất khẩu đến thị trường khu vực", 1],
          ["Có thể xuất khẩu các thị trường ngoài khu vực", 3],
          ["Có thể xuất khẩu đến các thị trường có tiêu chuẩn cao (Mỹ, Nhật, EU...)", 5],
        ],
      },
    ],
  },
];

// Text corrections (typing slips of the dump), applied by code and listed in the form's notes.
const TEXT_FIXES = [
  {
    criterion: "2.1",
    from: "sản phẩm truyền thông/",
    to: "sản phẩm truyền thống/",
    why: "'truyền thông' (media) for 'truyền thống' (traditional)",
  },
  { criterion: "3.2", from: "quản trị cao cao cấp", to: "quản trị cao cấp", why: "word 'cao' doubled" },
];

// Phụ lục I of 1048 as far as ../shared/ocop/notes-forms.md states it: 6 ngành hàng (1048 summary, ciptek.vn) and the
// groups/sets of "Thực phẩm" named by thuonghieusanpham.vn (6 groups, of which 4 are named, group 4 without its sets).
// Set letters and codes are ours. Only "Rau, củ, quả, hạt tươi" has a form.
const CLASSIFICATION = [
  {
    code: "I",
    title: "Thực phẩm",
    groups: [
      {
        code: "I.1",
        title: "Thực phẩm tươi sống",
        sets: [
          { code: "I.1.a", title: "Rau, củ, quả, hạt tươi", form: "01" },
          { code: "I.1.b", title: "Thịt, trứng, sữa tươi", form: null },
        ],
      },
      {
        code: "I.2",
        title: "Thực phẩm thô, sơ chế",
        sets: [
          { code: "I.2.a", title: "Gạo, ngũ cốc", form: null },
          { code: "I.2.b", title: "Mật ong, các sản phẩm từ mật ong, mật khác", form: null },
        ],
      },
      {
        code: "I.3",
        title: "Thực phẩm chế biến",
        sets: [
          { code: "I.3.a", title: "Đồ ăn nhanh", form: null },
          { code: "I.3.b", title: "Chế biến từ gạo, ngũ cốc", form: null },
          { code: "I.3.c", title: "Chế biến từ rau, củ, quả, hạt", form: null },
          { code: "I.3.d", title: "Chế biến từ thịt, trứng, sữa", form: null },
          { code: "I.3.đ", title: "Chế biến từ thủy, hải sản", form: null },
        ],
      },
      { code: "I.4", title: "Gia vị", form: null, sets: [] },
    ],
  },
  { code: "II", title: "Đồ uống", groups: [] },
  { code: "III", title: "Thảo dược", groups: [] },
  { code: "IV", title: "Vải và may mặc", groups: [] },
  { code: "V", title: "Lưu niệm - nội thất - trang trí", groups: [] },
  { code: "VI", title: "Dịch vụ du lịch nông thôn, bán hàng", groups: [] },
];

// ---------------------------------------------------------------------------------------------------------
function buildForm() {
  const notes = [
    "Catalogue: source is a developer's database dump of 2020 (OCOP_DB, table test_bo_tieu_chi), not the official annex of 1048/QĐ-TTg; " +
      "texts as in that dump, with the two typing slips listed below corrected.",
    "Catalogue: the source prints no section maxima, no star marks (1048 as issued had none; minimum requirements came with 781/QĐ-TTg, " +
      "08/06/2020) and no form header or exclusion rule.",
    "Catalogue: section numbers 1–11 and criterion numbers 1.1, 1.2, … are ours (the dump stores keys only), following the 1048-era " +
      "food form numbering listed by tranquangduc24011999/ommani_ocop.",
  ];
  const fixed = new Set();
  const parts = PARTS.map((p) => ({ id: p.id, title: p.title, max: p.max, sections: [] }));
  for (const s of FORM_01) {
    const part = parts.find((p) => p.id === s.part);
    const criteria = s.criteria.map((c) => {
      const id = c.number ?? s.number;
      let levels = c.levels.map(([text, points]) => ({ text, points, minStars: null }));
      for (const f of TEXT_FIXES.filter((x) => x.criterion === id)) {
        const hit = levels.filter((l) => l.text.includes(f.from));
        if (hit.length !== 1) throw new Error(`text fix ${JSON.stringify(f)} matched ${hit.length} levels`);
        hit[0].text = hit[0].text.replace(f.from, f.to);
        fixed.add(f);
        notes.push(`Catalogue correction (criterion ${id}): '${f.from}' → '${f.to}' — ${f.why}.`);
      }
      const max = c.max ?? Math.max(...levels.map((l) => l.points));
      return {
        id,
        number: id,
        text: c.text ?? s.title,
        max,
        requirement: null,
        notes: c.notes ?? [],
        levelsImplicit: false,
        levels,
      };
    });
    part.sections.push({ number: s.number, title: s.title, max: null, criteria });
  }
  if (fixed.size !== TEXT_FIXES.length) throw new Error("a text fix was not applied");
  return {
    edition: EDITION_ID,
    code: "01",
    title: "Rau, củ, quả, hạt tươi",
    productType: "Thực phẩm",
    group: "Thực phẩm tươi sống",
    citation: { decision: DECISION, annex: "Phụ lục (bộ tiêu chí, phiếu đánh giá)", form: "1", source: DUMP },
    status: "complete",
    statusNote:
      "Complete as to structure and sums (A 35, B 25, C 40 = 100) only: the source is unofficial — a developer's 2020 database " +
      "dump, not the 1048 annex (no official copy was reachable). Wording may differ from the decision; criterion 3.2 is read as one " +
      "single-choice criterion (max 2) with two levels worth 1; section maxima are not printed in the source.",
    exclusion: null,
    notes,
    parts,
  };
}

function checkForm(form) {
  const faults = [],
    warnings = [],
    sums = {};
  const ids = new Set();
  let total = 0,
    count = 0;
  for (const p of form.parts) {
    const ed = PARTS.find((x) => x.id === p.id);
    if (p.max !== ed.max) faults.push(`part ${p.id}: ${p.max} vs edition ${ed.max}`);
    let pSum = 0;
    for (const s of p.sections) {
      let sSum = 0;
      for (const c of s.criteria) {
        count++;
        if (ids.has(c.id)) faults.push(`criterion id ${c.id} repeated`);
        ids.add(c.id);
        sSum += c.max;
        for (const l of c.levels)
          if (!(l.points >= 0 && l.points <= c.max))
            faults.push(`criterion ${c.id}: level worth ${l.points} outside [0, ${c.max}]`);
        const top = Math.max(...c.levels.map((l) => l.points));
        if (top !== c.max) faults.push(`criterion ${c.id}: max ${c.max} but the best level is worth ${top}`);
        const pts = c.levels.map((l) => l.points);
        const dup = [...new Set(pts.filter((x, i) => pts.indexOf(x) !== i))];
        if (dup.length) warnings.push(`criterion ${c.id}: levels share points ${dup.join(", ")}`);
      }
      if (s.max !== null && sSum !== s.max)
        faults.push(`section ${s.number}: criteria ${sSum} vs printed ${s.max}`);
      pSum += s.max ?? sSum;
    }
    if (pSum !== p.max) faults.push(`part ${p.id}: sections add up to ${pSum}, printed ${p.max}`);
    sums[p.id] = pSum;
    total += pSum;
  }
  if (total !== 100) faults.push(`total ${total}, not 100`);
  return { faults, warnings, sums, total, count };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const outIdx = args.indexOf("--out");
  const outDir = path.resolve(
    ROOT,
    outIdx >= 0 ? args[outIdx + 1] : path.join("src/ocop/criteria/data", EDITION_ID)
  );

  const form = buildForm();
  const res = checkForm(form);
  if (res.faults.length) {
    form.status = "incomplete";
    form.statusNote = `Faults: ${res.faults.join("; ")}. ${form.statusNote}`;
  }
  const sectionSums = form.parts
    .map(
      (p) =>
        `${p.id}: ` +
        p.sections.map((s) => `${s.number}=${s.criteria.reduce((a, c) => a + c.max, 0)}`).join(" ")
    )
    .join(" | ");
  console.log(
    `01 ${form.status.padEnd(10)} ${res.count} criteria  A ${res.sums.A}/35  B ${res.sums.B}/25  C ${res.sums.C}/40  = ${res.total}  ${form.title}`
  );
  console.log(`   sections ${sectionSums}`);
  for (const f of res.faults) console.log(`   FAULT ${f}`);
  for (const w of res.warnings) console.log(`   warn  ${w}`);
  if (check) process.exit(res.faults.length ? 1 : 0);

  const edition = {
    id: EDITION_ID,
    decision: DECISION,
    date: "2019-08-21",
    title:
      "Quyết định về việc ban hành Bộ tiêu chí đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
    sources: [
      {
        title: "OCOP_DB phpMyAdmin dump (2020-11-07), table test_bo_tieu_chi",
        address: DUMP,
        note: "A developer's database, not the official text: the one 1048 form known here (Rau, củ, quả, hạt tươi); it also lists 6 ngành, 16 nhóm, 26 phân nhóm (not used: see classification).",
      },
      {
        title: "Quyết định 1048/QĐ-TTg (text, opening) — OCOP Thanh Hóa",
        address:
          "http://ocoptinhthanhhoa.com.vn/web/trang-chu/bo-tieu-chi/bo-tieu-chi-danh-gia-phan-hang-san-pham-chuong-trinh-moi-xa-mot-san-pham.html",
        note: "Opening of the decision only.",
      },
      {
        title: "ciptek.vn — Bộ tiêu chí OCOP (1048 summary)",
        address: "https://ciptek.vn/bo-tieu-chi-ocop",
        note: 'Parts A 35 / B 25 / C 40; 6 ngành hàng; bands by "tổng điểm trung bình".',
      },
      {
        title: "proatc.vn — Phân hạng nhóm sản phẩm OCOP",
        address: "https://proatc.vn/phan-hang-nhom-san-pham-ocop/",
        note: "Star bands.",
      },
      {
        title: "thuonghieusanpham.vn — Chủ thể OCOP cần biết gì về tiêu chí đánh giá, phân hạng sản phẩm",
        address:
          "https://thuonghieusanpham.vn/chu-the-ocop-can-biet-gi-ve-tieu-chi-danh-gia-phan-hang-san-pham-22656.html",
        note: "6 ngành hàng → 26 bộ sản phẩm; Thực phẩm: 6 nhóm, the first four named with their sets (group 4 Gia vị without them).",
      },
      {
        title:
          "Quyết định 781/QĐ-TTg (08/06/2020) sửa đổi, bổ sung một số Phụ lục của Quyết định 1048/QĐ-TTg",
        address: "https://proatc.vn/van-ban-quy-dinh-ve-ocop/",
        note: "Adds minimum requirements (yêu cầu tối thiểu) and lets the district certify 3★; not reflected in this form (source predates or ignores it).",
      },
      {
        title: "Research notes",
        address: "../shared/ocop/notes-forms.md (Form 1048-F1)",
        note: "Transcription and sum check of the form.",
      },
    ],
    parts: PARTS,
    bands: [
      { stars: 1, min: 0, max: 30 },
      { stars: 2, min: 30, max: 50 },
      { stars: 3, min: 50, max: 70 },
      { stars: 4, min: 70, max: 90 },
      { stars: 5, min: 90, max: 100 },
    ],
    bandsSource:
      'Quyết định 1048/QĐ-TTg, as quoted by ciptek.vn and proatc.vn: "Tổng điểm trung bình" 90–100 = 5 sao; 70–89 = 4 sao; 50–69 = 3 sao; 30–49 = 2 sao; < 30 = 1 sao',
    classification: CLASSIFICATION,
    forms: ["01"],
  };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "edition.json"), JSON.stringify(edition, null, 2) + "\n");
  fs.writeFileSync(path.join(outDir, "form-01.json"), JSON.stringify(form, null, 2) + "\n");
  console.log(`wrote 2 files to ${path.relative(ROOT, outDir)}`);
  if (res.faults.length) process.exit(1);
}

main();
