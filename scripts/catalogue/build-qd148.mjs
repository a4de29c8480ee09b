#!/usr/bin/env node
// Builds the criteria catalogue of Decision 148/QĐ-TTg (24/02/2023), Phụ lục III (26 scoring forms),
// in the format of docs/catalogue-format.md.
//
// Input: the 26 CSV files `form-NN.csv` (columns title,description,level,stars,score; level 0 = part,
// 1 = section, 2 = criterion, 3 = level "□"), a developer's transcription of the annex taken from the
// public repository augustine-tran/ocop (db/ocop/, 2024). It is NOT the official text.
//
// Usage (from the project root):
//   node scripts/catalogue/build-qd148.mjs [csvDir] [--out dir] [--check]
//     csvDir   default: ../shared/ocop/qd148-2023 (relative to the project root)
//     --out    default: src/ocop/criteria/data/qd148-2023
//     --check  print per-form sums and faults; write nothing; exit 1 if a form shipped as "complete" has a fault
//
// How the CSV is read (structural rules, applied by code, never by hand):
//  R1  A section (level 1) whose □ levels follow directly, or which holds a single sub-criterion "a)"
//      (the transcription adds an empty "a)", or repeats the section title, or moves the section's
//      parenthesis there), becomes ONE criterion with id and number = the section number and the section
//      title as text (docs/catalogue-format.md, last rule). Other 148 forms of the same transcription
//      print these very sections without sub-items, as does the 26/2026 successor text.
//  R2  Criteria "a) …" get id `${section}.${letter}` and number = the letter.
//  R3  Sub-items printed with "-" under a lettered heading without levels (form 11: "a) Ngoại hình" /
//      "- Tạp chất"), or flattened as "a) Ngoại hình - Tạp chất lạ" with the letter repeated (form 13),
//      become criteria with id `${section}.${letter}.${k}`, number `${letter}.${k}` (k = order, ours) and
//      text "Heading – item". The heading's printed max is checked against the sum of its items.
//  R4  A section printed "Lựa chọn một trong hai trường hợp sau:" with sub-items "a. Trường hợp 1: …",
//      "b. Trường hợp 2: …" (form 26, sections 8, 9, 15) becomes ONE criterion (id = section number, max =
//      the section max) whose levels are the levels of both cases, each prefixed by its case; the member
//      picks the level of the case that applies. Points repeat between the two cases (the check warns).
//  R5  A description "Yêu cầu: …" is the criterion's requirement; descriptions/second lines starting with
//      "Ghi chú", "Chú ý", "Chỉ áp dụng", "Lựa chọn" are notes; any other second line or description
//      (e.g. "(Gồm: …)", "(Khả năng sản xuất …)") is part of the printed title and is appended to it in
//      parentheses.
//  R6  Star marks "***", "****", "*****" at the end of a level text are removed from the text and become
//      minStars 3/4/5 (checked against the CSV's stars column). The mark printed after the TITLE of
//      "Sở hữu trí tuệ****" (every form) is put on the criterion's top level (the augustine-tran app reads it
//      so, and 26/2026 makes the "nhãn hiệu + dấu hiệu chỉ dẫn nguồn gốc địa lý" level the 4★ minimum),
//      with a note saying so.
//  Texts are kept as transcribed (including its typos); only the entries of CORRECTIONS below change data.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(SCRIPT_DIR, "..", "..");

const EDITION_ID = "qd148-2023";
const DECISION = "148/QĐ-TTg";

const PARTS = [
  { id: "A", title: "SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG", max: 40 },
  { id: "B", title: "KHẢ NĂNG TIẾP THỊ", max: 25 },
  { id: "C", title: "CHẤT LƯỢNG SẢN PHẨM", max: 35 },
];

const TRANSCRIPTION = {
  title: 'augustine-tran/ocop — db/ocop/ "OCOP - N. Bộ sản phẩm_ ….csv" (26 files, 2024)',
  address: "https://github.com/augustine-tran/ocop (folder db/ocop/)",
  note:
    "A developer's transcription of Phụ lục III of Decision 148/QĐ-TTg (Rails app seeded for an OCOP council, " +
    "commit d76e5ad5de8cf7f044e67784aea849fdd9cee799, 2024-03-20), not the official text; copied for this project as " +
    "../shared/ocop/qd148-2023/form-NN.csv. The opening of form 03 matches the Bến Tre provincial OCOP portal word for word.",
};
const BENTRE_03 = "https://ocop.bentre.gov.vn/guides/bo-san-pham-gao-ngu-coc-hat-so-che-khac";
const QD26_TEXT = "hakienpdu95/minhan docs/bnn_txng.html (official text of 26/2026/QĐ-TTg, Phụ lục II)";

// ---------------------------------------------------------------------------------------------------------
// Phụ lục I: classification (6 product types > groups > sets) and the form that scores each set.
// I.1–I.3.c are quoted from Phụ lục I of 148 (thuvienphapluat Q&A page "6 nhóm sản phẩm tham gia Chương trình
// OCOP là gì?", opening only); I.3.d is cut there after "… các sản phẩm từ mật ong, mật khác" and is completed
// as in 26/2026 Phụ lục I; the other names follow the titles of the 148 forms (transcription file names) and the
// group structure of 26/2026 Phụ lục I (same 6 types and 26 forms). Not checked against the 148 text itself.
const CLASSIFICATION = [
  {
    code: "I",
    title: "Sản phẩm thực phẩm",
    short: "Thực phẩm",
    groups: [
      {
        code: "I.1",
        title: "Thực phẩm tươi sống",
        sets: [
          { code: "I.1.a", title: "Rau, củ, quả, hạt tươi", form: "01" },
          { code: "I.1.b", title: "Thịt, thủy sản, trứng, sữa tươi", form: "02" },
        ],
      },
      {
        code: "I.2",
        title: "Thực phẩm thô, sơ chế",
        sets: [
          { code: "I.2.a", title: "Gạo, ngũ cốc, hạt sơ chế khác", form: "03" },
          { code: "I.2.b", title: "Mật ong, mật khác và nông sản thực phẩm khác", form: "04" },
        ],
      },
      {
        code: "I.3",
        title: "Thực phẩm chế biến",
        sets: [
          { code: "I.3.a", title: "Đồ ăn nhanh", form: "05" },
          { code: "I.3.b", title: "Chế biến từ gạo, ngũ cốc", form: "06" },
          { code: "I.3.c", title: "Chế biến từ rau, củ, quả, hạt", form: "07" },
          {
            code: "I.3.d",
            title:
              "Chế biến từ thịt, trứng, sữa, thủy sản, các sản phẩm từ mật ong, mật khác và nông sản thực phẩm khác",
            form: "08",
          },
        ],
      },
      {
        code: "I.4",
        title: "Gia vị",
        sets: [
          { code: "I.4.a", title: "Tương, nước mắm, gia vị dạng lỏng khác", form: "09" },
          { code: "I.4.b", title: "Gia vị khác", form: "10" },
        ],
      },
      {
        code: "I.5",
        title: "Chè",
        sets: [
          { code: "I.5.a", title: "Chè tươi, chè chế biến", form: "11" },
          { code: "I.5.b", title: "Sản phẩm trà từ thực vật khác", form: "12" },
        ],
      },
      { code: "I.6", title: "Cà phê, ca cao", form: "13", sets: [] },
    ],
  },
  {
    code: "II",
    title: "Sản phẩm đồ uống",
    short: "Đồ uống",
    groups: [
      {
        code: "II.1",
        title: "Đồ uống có cồn",
        sets: [
          { code: "II.1.a", title: "Rượu trắng", form: "14" },
          { code: "II.1.b", title: "Đồ uống có cồn khác", form: "15" },
        ],
      },
      {
        code: "II.2",
        title: "Đồ uống không cồn",
        sets: [
          { code: "II.2.a", title: "Nước khoáng thiên nhiên, nước uống tinh khiết đóng chai", form: "16" },
          { code: "II.2.b", title: "Đồ uống không cồn khác", form: "17" },
        ],
      },
    ],
  },
  {
    code: "III",
    title: "Sản phẩm dược liệu và sản phẩm từ dược liệu",
    short: "Dược liệu và sản phẩm từ dược liệu",
    groups: [
      {
        code: "III.1",
        title: "Thực phẩm chức năng, thuốc dược liệu, thuốc y học cổ truyền",
        form: "18",
        sets: [],
      },
      { code: "III.2", title: "Mỹ phẩm có thành phần từ thảo dược", form: "19", sets: [] },
      { code: "III.3", title: "Tinh dầu và thảo dược khác", form: "20", sets: [] },
    ],
  },
  {
    code: "IV",
    title: "Sản phẩm hàng thủ công mỹ nghệ",
    short: "Hàng thủ công mỹ nghệ",
    groups: [
      { code: "IV.1", title: "Thủ công mỹ nghệ gia dụng, trang trí", form: "21", sets: [] },
      { code: "IV.2", title: "Vải, may mặc", form: "22", sets: [] },
    ],
  },
  {
    code: "V",
    title: "Sản phẩm sinh vật cảnh",
    short: "Sinh vật cảnh",
    groups: [
      { code: "V.1", title: "Hoa", form: "23", sets: [] },
      { code: "V.2", title: "Cây cảnh", form: "24", sets: [] },
      { code: "V.3", title: "Động vật cảnh", form: "25", sets: [] },
    ],
  },
  {
    code: "VI",
    title: "Sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    short: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
    groups: [
      {
        code: "VI.1",
        title: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
        form: "26",
        sets: [],
      },
    ],
  },
];

// Form titles ("Bộ sản phẩm: …" without the prefix) as in the transcription's file names.
const FORM_TITLES = {
  "01": "Rau, củ, quả, hạt tươi",
  "02": "Thịt, thủy sản, trứng, sữa tươi",
  "03": "Gạo, ngũ cốc, hạt sơ chế khác",
  "04": "Mật ong, mật khác và nông sản thực phẩm khác",
  "05": "Đồ ăn nhanh",
  "06": "Chế biến từ gạo, ngũ cốc",
  "07": "Chế biến từ rau, củ, quả, hạt",
  "08": "Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong",
  "09": "Tương, nước mắm, gia vị dạng lỏng khác",
  10: "Gia vị khác (muối, hành, tỏi, tiêu,...)",
  11: "Chè tươi, chè chế biến",
  12: "Sản phẩm trà từ thực vật khác",
  13: "Sản phẩm cà phê, ca cao",
  14: "Rượu trắng",
  15: "Đồ uống có cồn khác",
  16: "Nước khoáng thiên nhiên, nước uống tinh khiết đóng chai",
  17: "Đồ uống không cồn khác",
  18: "Thực phẩm chức năng, thuốc dược liệu, thuốc y học cổ truyền",
  19: "Mỹ phẩm có thành phần từ Thảo dược",
  20: "Tinh dầu và thảo dược khác",
  21: "Thủ công mỹ nghệ gia dụng, trang trí",
  22: "Vải, may mặc",
  23: "Hoa",
  24: "Cây cảnh",
  25: "Động vật cảnh",
  26: "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
};
const CSV_FILE_NAMES = {
  "08": "OCOP - 8. Chế biến từ thịt, thủy sản, trứng, sữa, các sản phẩm từ mật ong.csv",
  12: "OCOP - 12. Sản phẩm trà từ thực vật khác.csv",
  13: "OCOP - 13. Sản phẩm cà phê, ca cao.csv",
  16: "OCOP - 16. Bộ sản phẩm; Nước khoáng thiên nhiên, nước uống tinh khiết đóng chai.csv",
};
const csvFileName = (code) =>
  CSV_FILE_NAMES[code] ?? `OCOP - ${Number(code)}. Bộ sản phẩm_ ${FORM_TITLES[code]}.csv`;

// Exclusion rule: printed on the Bến Tre copy of form 03 only; the transcription omits every form header.
const EXCLUSION_03 =
  "Hồ sơ bị loại khi: Giả mạo hồ sơ hoặc không tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ " +
  "điều kiện ATTP (hoặc tương đương); hoặc Hồ sơ tự công bố sản phẩm, ghi nhãn sản phẩm không đúng theo quy định; hoặc " +
  "không đáp ứng quy định Hồ sơ dự thi theo quy định.";
const EXCLUSION = { "03": EXCLUSION_03 };

// ---------------------------------------------------------------------------------------------------------
// CORRECTIONS: every change made to the transcription's data. Nothing else is edited.
// match: form code, section number, the row's printed letter (criterion rows) or the start of the level text.
// An entry that does not match exactly one row stops the build.
const CORRECTIONS = [
  {
    form: "17",
    section: "1",
    criterionLetter: "d",
    levelStartsWith: "Có hợp đồng liên kết sản xuất từ 50% đến dưới 75%",
    field: "score",
    from: "l",
    to: 1,
    why: "The score cell holds the letter 'l' (a typing slip for 1); the criterion's levels read 0/?/2/3 (max 3).",
    source:
      "Same level text, 1 point, in form 07 of the same transcription (criterion 1.d); the 26/2026 successor " +
      `form 17 prints this level (criterion 1.4) with 1 point: ${QD26_TEXT}.`,
  },
  {
    form: "18",
    section: "1",
    criterionLetter: "b",
    levelStartsWith: "Chế biến đơn giản",
    field: "score",
    from: "t",
    to: 1,
    why: "The score cell holds the letter 't' (a typing slip for 1); the criterion's levels read 0/?/2/3 (max 3).",
    source:
      "'Chế biến đơn giản' is worth 1 in form 07 of the same transcription (criterion 1.b) and in the 26/2026 " +
      `successor form 18 (criterion 1.2): ${QD26_TEXT}.`,
  },
  {
    form: "18",
    section: "3",
    criterionTitleStartsWith: "c) Sở hữu trí tuệ",
    field: "letter",
    from: "c",
    to: "e",
    why: "Printed letter 'c' repeats the earlier 'c) Sử dụng lao động địa phương' and follows 'đ) Kế toán' (duplicate id 3.c).",
    source:
      "Letter sequence a, b, c, d, đ, e; the 24 other forms of the transcription print 'e) Sở hữu trí tuệ****' at this place.",
  },
  {
    form: "19",
    section: "3",
    criterionTitleStartsWith: "c) Sở hữu trí tuệ",
    field: "letter",
    from: "c",
    to: "e",
    why: "Printed letter 'c' repeats the earlier 'c) Sử dụng lao động địa phương' and follows 'đ) Kế toán' (duplicate id 3.c).",
    source:
      "Letter sequence a, b, c, d, đ, e; the 24 other forms of the transcription print 'e) Sở hữu trí tuệ****' at this place.",
  },
];

// Faults found and NOT corrected: explanation added to the statusNote (the sums themselves are computed).
// Searched for 25 minutes (search tool, corpora "pages", "code", "docs"; find_string on GitHub) for an official or
// provincial copy of these forms' Part C: none reachable (stored pages give only a page's first ~2,000 characters,
// i.e. Part A of a form; no other repository holds the 148 forms).
const UNRESOLVED = {
  "07":
    "Criterion 6.d 'Mùi' is printed with max 4 but its levels are worth 1/2/3, so no level reaches 4; section 6 (16) and " +
    "Part C (35) add up with 4. One level value (or the max) is mistyped in the transcription; the 26/2026 successor prints " +
    "'Mùi' as 1/2/3 with max 3 in a 15-point section, which does not say what 148 printed. Not corrected: no 148 copy found.",
  11:
    "Part C sections add up to 32 (6: 13, 7: 5, 8: 4, 9: 5, 10: 2, 11: 3), 3 points short of 35. Section 6 CHỈ TIÊU CẢM QUAN " +
    "is printed 13 and its items add up to 13 (a: 2+2, b: 3+3+3), so the 3 points are missing from the transcription itself — " +
    'most likely in section 6, which is worth 16 in the comparable forms 05–10 (the 26/2026 successor prints 15 with "Vị nước" ' +
    "0/1/3/5). Not corrected: no 148 copy found.",
  12:
    "Part C sections add up to 32 (6: 13, 7: 5, 8: 4, 9: 5, 10: 2, 11: 3), 3 points short of 35. Section 6 CHỈ TIÊU CẢM QUAN " +
    "is printed 13 and its criteria add up to 13 (2+2+3+3+3), so the 3 points are missing from the transcription itself — most " +
    "likely in section 6 (16 in forms 05–10). Not corrected: no 148 copy found.",
  13:
    "Part C sections add up to 33 (6: 14, 7: 5, 8: 4, 9: 5, 10: 2, 11: 3), 2 points short of 35. Section 6 CHỈ TIÊU CẢM QUAN " +
    "is printed 14 and its seven items (5 under a) Ngoại hình, 2 under b) Nước pha) are worth 2 each; the transcription gives " +
    "neither heading a max. The 2 points are most likely in section 6 (16 in forms 05–10; the 26/2026 successor prints " +
    '"Nước pha – Mùi, vị" 0/1/3). Not corrected: no 148 copy found.',
};

// ---------------------------------------------------------------------------------------------------------
// CSV
function parseCSV(text) {
  const rows = [];
  let row = [],
    field = "",
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const clean = (s) =>
  s
    .replace(/\r/g, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
const lines = (s) =>
  clean(s)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const norm = (s) =>
  s
    .toLowerCase()
    .replace(/[()\s.:;,]+/g, " ")
    .trim();
const LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n"];
const NOTE_RE = /^(Ghi chú|Chú ý|Lưu ý|Chỉ áp dụng|Lựa chọn)/i;
const paren = (s) => (/^\(.*\)$/s.test(s) ? s : `(${s.replace(/[:;]\s*$/, "")})`);

function loadRows(csvDir, code) {
  const file = path.join(csvDir, `form-${code}.csv`);
  const all = parseCSV(fs.readFileSync(file, "utf8"));
  const header = all[0].map((h) => h.trim());
  if (header.join(",") !== "title,description,level,stars,score")
    throw new Error(`${file}: unexpected header ${header}`);
  return all
    .slice(1)
    .filter((r) => r.some((c) => c.trim() !== ""))
    .map((r, i) => ({
      line: i + 2,
      title: r[0] ?? "",
      desc: r[1] ?? "",
      level: Number(r[2]),
      stars: (r[3] ?? "").trim(),
      score: (r[4] ?? "").trim(),
    }));
}

// Split a section/criterion heading into base title, qualifiers appended to the title, notes, requirement.
function splitHeading(title, desc) {
  const ls = lines(title);
  const base = ls.shift() ?? "";
  const qualifiers = [],
    notes = [];
  let requirement = null;
  for (const l of [...ls, ...lines(desc)]) {
    if (/^Yêu cầu\s*:/i.test(l)) requirement = l.replace(/^Yêu cầu\s*:\s*/i, "");
    else if (NOTE_RE.test(l)) notes.push(l);
    else qualifiers.push(l);
  }
  return { base, qualifiers, notes, requirement };
}
const withQualifiers = (base, qualifiers) => [base, ...qualifiers.map(paren)].join(" ");

// ---------------------------------------------------------------------------------------------------------
// Apply CORRECTIONS to the raw rows of one form (returns the list of applied corrections).
function applyCorrections(code, rows) {
  const applied = [];
  for (const c of CORRECTIONS.filter((x) => x.form === code)) {
    let section = null,
      letter = null;
    const hits = [];
    for (const r of rows) {
      if (r.level === 1) {
        section = (clean(r.title).match(/^(\d+)\./) ?? [])[1];
        letter = null;
      } else if (r.level === 2) {
        letter = (clean(r.title).match(/^([a-zđ])\s*[).]/) ?? [])[1] ?? null;
        if (
          section === c.section &&
          c.criterionTitleStartsWith &&
          clean(r.title).startsWith(c.criterionTitleStartsWith)
        )
          hits.push(r);
      } else if (
        r.level === 3 &&
        section === c.section &&
        letter === c.criterionLetter &&
        c.levelStartsWith &&
        clean(r.title).replace(/^□\s*/, "").startsWith(c.levelStartsWith)
      )
        hits.push(r);
    }
    if (hits.length !== 1) throw new Error(`correction ${JSON.stringify(c)} matched ${hits.length} rows`);
    const r = hits[0];
    if (c.field === "score") {
      if (r.score !== c.from)
        throw new Error(
          `correction on form ${code} line ${r.line}: score is '${r.score}', expected '${c.from}'`
        );
      r.score = String(c.to);
    } else if (c.field === "letter") {
      const m = r.title.match(/^(\s*)([a-zđ])(\s*[).])/);
      if (!m || m[2] !== c.from)
        throw new Error(`correction on form ${code} line ${r.line}: letter mismatch`);
      r.title = r.title.replace(/^(\s*)([a-zđ])(\s*[).])/, `$1${c.to}$3`);
    }
    applied.push(c);
  }
  return applied;
}

// ---------------------------------------------------------------------------------------------------------
// Build one form.
function buildForm(code, rows) {
  const faults = [],
    warnings = [],
    notesExtra = [];
  const fault = (m) => faults.push(m);

  // 1. tree: parts > sections > children (criterion rows with their levels, or direct levels)
  const parts = [];
  let part = null,
    section = null,
    crit = null;
  for (const r of rows) {
    if (r.level === 0) {
      const id = (clean(r.title).match(/Phần\s*([ABC])/i) ?? [])[1]?.toUpperCase();
      if (!id) {
        fault(`line ${r.line}: part without id: ${clean(r.title)}`);
        continue;
      }
      const title = clean(r.title)
        .replace(/\n/g, " ")
        .replace(/^Phần\s*[ABC]\s*[:.]?\s*/i, "")
        .replace(/\s*\(\s*\d+\s*Điểm\s*\)\s*$/i, "")
        .trim();
      part = { id, title, max: Number(r.score), sections: [], line: r.line };
      parts.push(part);
      section = null;
      crit = null;
    } else if (r.level === 1) {
      const h = splitHeading(r.title, r.desc);
      const m = h.base.match(/^(\d+)\s*\.\s*(.*)$/);
      if (!m) {
        fault(`line ${r.line}: section without number: ${h.base}`);
        continue;
      }
      section = {
        number: m[1],
        base: m[2].trim(),
        qualifiers: h.qualifiers,
        notes: h.notes,
        requirement: h.requirement,
        max: r.score === "" ? null : Number(r.score),
        children: [],
        directLevels: [],
        line: r.line,
      };
      if (!part) fault(`line ${r.line}: section before any part`);
      else part.sections.push(section);
      crit = null;
    } else if (r.level === 2) {
      const t = clean(r.title);
      const h = splitHeading(r.title, r.desc);
      let letter = null,
        dash = false,
        text = h.base;
      const ml = h.base.match(/^([a-zđ])\s*[).]\s*(.*)$/);
      if (ml) {
        letter = ml[1];
        text = ml[2].trim();
      } else if (/^-\s*/.test(h.base)) {
        dash = true;
        text = h.base.replace(/^-\s*/, "");
      } else fault(`line ${r.line}: criterion without letter: ${t}`);
      let titleStars = null;
      const st = text.match(/\s*(\*{3,5})\s*$/);
      if (st) {
        titleStars = st[1].length;
        text = text.slice(0, st.index).trim();
      }
      if (r.stars && Number(r.stars) !== titleStars)
        fault(`line ${r.line}: stars column ${r.stars} vs title mark ${titleStars}`);
      crit = {
        letter,
        dash,
        text,
        qualifiers: h.qualifiers,
        notes: h.notes,
        requirement: h.requirement,
        titleStars,
        max: r.score === "" ? null : Number(r.score),
        levels: [],
        line: r.line,
      };
      if (!section) fault(`line ${r.line}: criterion outside a section`);
      else section.children.push(crit);
    } else if (r.level === 3) {
      let ls = lines(r.title);
      let text = (ls.shift() ?? "").replace(/^□\s*/, "");
      const extraNotes = ls;
      const st = text.match(/\s*(\*{3,5})\s*(\.?)\s*$/);
      let minStars = null;
      if (st) {
        minStars = st[1].length;
        text = (text.slice(0, st.index) + st[2]).trim();
      }
      if (/\*/.test(text)) fault(`line ${r.line}: stray '*' in level text`);
      const colStars = r.stars ? Number(r.stars) : null;
      if (colStars !== minStars)
        fault(`line ${r.line}: stars column ${r.stars || "-"} vs text mark ${minStars ?? "-"}`);
      if (!/^\d+$/.test(r.score)) fault(`line ${r.line}: level score '${r.score}' is not a number`);
      if (clean(r.desc)) extraNotes.push(...lines(r.desc));
      const level = { text, points: Number(r.score), minStars, line: r.line };
      if (crit) {
        crit.levels.push(level);
        crit.notes.push(...extraNotes);
      } else if (section) {
        section.directLevels.push(level);
        section.notes.push(...extraNotes);
      } else fault(`line ${r.line}: level outside a section`);
    } else fault(`line ${r.line}: unknown level '${r.level}'`);
  }

  // 2. sections -> catalogue criteria
  const outParts = [];
  let collapsedCount = 0,
    dashCount = 0;
  for (const p of parts) {
    const outSections = [];
    for (const s of p.sections) {
      const sTitle = withQualifiers(s.base, s.qualifiers);
      const criteria = [];
      const kids = s.children;
      const alt =
        s.notes.some((n) => /^Lựa chọn một trong/i.test(n)) &&
        kids.length > 1 &&
        kids.every((k) => /^Trường hợp\s*\d+\s*:/i.test(k.text));
      if (s.directLevels.length && kids.length)
        fault(`section ${s.number}: both direct levels and sub-criteria`);
      if (s.directLevels.length || (kids.length === 1 && kids[0].letter === "a" && !kids[0].dash)) {
        // R1
        const k = kids[0];
        const qualifiers = [...s.qualifiers];
        const notes = [...s.notes];
        let requirement = s.requirement;
        let levels = s.directLevels;
        let max = s.max;
        if (k) {
          collapsedCount++;
          levels = k.levels;
          notes.push(...k.notes);
          requirement = requirement ?? k.requirement;
          const known = norm([s.base, ...s.qualifiers].join(" "));
          for (const q of [k.text, ...k.qualifiers].filter(Boolean))
            if (!known.includes(norm(q))) qualifiers.push(q);
          if (k.max !== null && s.max !== null && k.max !== s.max)
            fault(`section ${s.number}: sub-criterion max ${k.max} vs section max ${s.max}`);
          if (max === null) max = k.max;
        }
        criteria.push(
          mkCriterion(
            s.number,
            s.number,
            withQualifiers(s.base, qualifiers),
            max,
            requirement,
            notes,
            levels,
            null
          )
        );
        outSections.push({ number: s.number, title: criteria[0].text, max: s.max, criteria });
        continue;
      } else if (alt) {
        // R4
        const levels = [];
        const cases = [];
        for (const k of kids) {
          const m = k.text.match(/^(Trường hợp\s*\d+)\s*:\s*(.*)$/i);
          cases.push(`${k.letter}. ${k.text}`);
          if (k.max !== s.max)
            fault(`section ${s.number}: case '${k.text}' max ${k.max} vs section max ${s.max}`);
          for (const l of k.levels) levels.push({ ...l, text: `${m[1]} (${m[2]}): ${l.text}` });
        }
        const notes = [
          ...s.notes.map((n) =>
            /^Lựa chọn một trong/i.test(n) ? `${n.replace(/:?\s*$/, ":")} ${cases.join("; ")}` : n
          ),
        ];
        criteria.push(mkCriterion(s.number, s.number, sTitle, s.max, s.requirement, notes, levels, null));
        notesExtra.push(
          `Catalogue: section ${s.number} prints two alternative cases ("Lựa chọn một trong hai trường hợp sau"); they are ` +
            "one criterion here whose levels name their case (rule R4 of the build script)."
        );
      } else {
        if (s.notes.length) notesExtra.push(`Mục ${s.number} (${s.base}): ${s.notes.join(" ")}`);
        // R2 / R3
        const seenLetters = new Map();
        for (const k of kids)
          if (k.letter && !k.dash) seenLetters.set(k.letter, (seenLetters.get(k.letter) ?? 0) + 1);
        let head = null,
          k2 = 0;
        for (let i = 0; i < kids.length; i++) {
          const k = kids[i];
          if (k.dash) {
            if (!head) {
              fault(`section ${s.number}: '-' item without heading`);
              continue;
            }
            k2++;
            dashCount++;
            head.items.push(k.max ?? 0);
            criteria.push(
              mkCriterion(
                `${s.number}.${head.letter}.${k2}`,
                `${head.letter}.${k2}`,
                withQualifiers(`${head.text} – ${k.text}`, k.qualifiers),
                k.max,
                k.requirement,
                k.notes,
                k.levels,
                k.titleStars
              )
            );
            continue;
          }
          if (head) closeHead(head, s, fault);
          head = null;
          if (!k.levels.length && kids[i + 1]?.dash) {
            head = { letter: k.letter, text: k.text, max: k.max, items: [] };
            k2 = 0;
            continue;
          }
          if (seenLetters.get(k.letter) > 1) {
            const m = k.text.match(/^(.*?)\s+-\s+(.*)$/);
            if (!m) {
              fault(`section ${s.number}: letter ${k.letter} repeated`);
              continue;
            }
            const n = criteria.filter((c) => c.id.startsWith(`${s.number}.${k.letter}.`)).length + 1;
            dashCount++;
            criteria.push(
              mkCriterion(
                `${s.number}.${k.letter}.${n}`,
                `${k.letter}.${n}`,
                withQualifiers(`${m[1]} – ${m[2]}`, k.qualifiers),
                k.max,
                k.requirement,
                k.notes,
                k.levels,
                k.titleStars
              )
            );
            continue;
          }
          criteria.push(
            mkCriterion(
              `${s.number}.${k.letter}`,
              k.letter,
              withQualifiers(k.text, k.qualifiers),
              k.max,
              k.requirement,
              k.notes,
              k.levels,
              k.titleStars
            )
          );
        }
        if (head) closeHead(head, s, fault);
        // letter order
        const order = [...new Set(kids.filter((k) => k.letter && !k.dash).map((k) => k.letter))].map((l) =>
          LETTERS.indexOf(l)
        );
        order.forEach((v, i) => {
          if (v !== i)
            fault(
              `section ${s.number}: letters out of sequence (${kids.map((k) => k.letter ?? "-").join(",")})`
            );
        });
      }
      outSections.push({ number: s.number, title: sTitle, max: s.max, criteria });
    }
    outParts.push({ id: p.id, title: p.title, max: p.max, sections: outSections });
  }
  if (collapsedCount)
    notesExtra.push(
      `Catalogue: ${collapsedCount} section(s) printed in the transcription with a lone sub-criterion "a)" ` +
        "(empty, repeating the section title, or holding the section's parenthesis) are one criterion numbered as the section (rule R1 of the build script)."
    );
  if (dashCount)
    notesExtra.push(
      'Catalogue: sub-items printed with "-" under "a) …"/"b) …" headings carry our numbers a.1, a.2, … (rule R3).'
    );
  return { parts: outParts, faults, warnings, notesExtra };

  function mkCriterion(id, number, text, max, requirement, notes, levels, titleStars) {
    const outNotes = [...new Set(notes)];
    const outLevels = levels.map((l) => ({ text: l.text, points: l.points, minStars: l.minStars }));
    if (titleStars) {
      const top = outLevels.reduce((a, b) => (b.points > a.points ? b : a), outLevels[0]);
      if (top && top.minStars === null) top.minStars = titleStars;
      outNotes.push(
        `Catalogue: the transcription prints ${"*".repeat(titleStars)} after the criterion title, not on a level; ` +
          `read as the top level being the ${titleStars}★ minimum (as the augustine-tran app does; 26/2026 makes the ` +
          `"nhãn hiệu + dấu hiệu chỉ dẫn nguồn gốc địa lý" level the 4★ minimum).`
      );
    }
    if (max === null || Number.isNaN(max)) {
      const m = Math.max(...outLevels.map((l) => l.points));
      fault(`criterion ${id}: no printed max`);
      max = m;
    }
    return {
      id,
      number,
      text,
      max,
      requirement: requirement ?? null,
      notes: outNotes,
      levelsImplicit: outLevels.length === 0,
      levels: outLevels,
    };
  }
}
function closeHead(head, s, fault) {
  const sum = head.items.reduce((a, b) => a + b, 0);
  if (head.max !== null && sum !== head.max)
    fault(
      `section ${s.number}: heading ${head.letter}) "${head.text}" printed ${head.max}, items add up to ${sum}`
    );
}

// ---------------------------------------------------------------------------------------------------------
// Checks (the same rules as the integrity check of the catalogue format)
function checkForm(form, faults, warnings) {
  const ids = new Set();
  let total = 0;
  const sums = {};
  let count = 0;
  for (const p of form.parts) {
    const edPart = PARTS.find((x) => x.id === p.id);
    if (!edPart) {
      faults.push(`part ${p.id} unknown`);
      continue;
    }
    if (p.max !== edPart.max) faults.push(`part ${p.id}: printed ${p.max}, edition ${edPart.max}`);
    let pSum = 0;
    for (const s of p.sections) {
      let sSum = 0;
      for (const c of s.criteria) {
        count++;
        if (ids.has(c.id)) faults.push(`criterion id ${c.id} repeated`);
        ids.add(c.id);
        sSum += c.max;
        if (c.levelsImplicit) continue;
        for (const l of c.levels)
          if (!(l.points >= 0 && l.points <= c.max))
            faults.push(`criterion ${c.id}: level worth ${l.points} outside [0, ${c.max}]`);
        const top = Math.max(...c.levels.map((l) => l.points));
        if (top !== c.max)
          faults.push(
            `criterion ${c.id}: max ${c.max} but the best level is worth ${top} (short by ${c.max - top})`
          );
        const pts = c.levels.map((l) => l.points);
        const dup = [...new Set(pts.filter((x, i) => pts.indexOf(x) !== i))];
        if (dup.length) warnings.push(`criterion ${c.id}: levels share points ${dup.join(", ")}`);
      }
      if (s.max !== null && sSum !== s.max)
        faults.push(
          `section ${s.number}: criteria add up to ${sSum}, printed ${s.max} (${sSum > s.max ? "+" : ""}${sSum - s.max})`
        );
      pSum += s.max ?? sSum;
    }
    if (pSum !== p.max)
      faults.push(
        `part ${p.id}: sections add up to ${pSum}, printed ${p.max} (${pSum > p.max ? "+" : ""}${pSum - p.max})`
      );
    sums[p.id] = pSum;
    total += pSum;
  }
  for (const id of ["A", "B", "C"]) if (!(id in sums)) faults.push(`part ${id} missing`);
  if (total !== 100) faults.push(`total ${total}, not 100`);
  return { sums, total, count };
}

// ---------------------------------------------------------------------------------------------------------
function classOf(code) {
  for (const t of CLASSIFICATION)
    for (const g of t.groups) {
      if (g.form === code) return { type: t, group: g, set: null };
      for (const s of g.sets) if (s.form === code) return { type: t, group: g, set: s };
    }
  throw new Error(`form ${code} not in the classification`);
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const outIdx = args.indexOf("--out");
  const outDir = path.resolve(
    ROOT,
    outIdx >= 0 ? args[outIdx + 1] : path.join("src/ocop/criteria/data", EDITION_ID)
  );
  const positional = args.filter((a, i) => !a.startsWith("--") && !(outIdx >= 0 && i === outIdx + 1));
  const csvDir = path.resolve(ROOT, positional[0] ?? "../shared/ocop/qd148-2023");

  const codes = Array.from({ length: 26 }, (_, i) => String(i + 1).padStart(2, "0"));
  const forms = [];
  let bad = 0;
  for (const code of codes) {
    const rows = loadRows(csvDir, code);
    const applied = applyCorrections(code, rows);
    const built = buildForm(code, rows);
    const { type, group } = classOf(code);
    const form = {
      edition: EDITION_ID,
      code,
      title: FORM_TITLES[code],
      productType: type.short,
      group: group.title,
      citation: {
        decision: DECISION,
        annex: "Phụ lục III",
        form: String(Number(code)),
        source:
          `${TRANSCRIPTION.title.split(" — ")[0]}, db/ocop/${csvFileName(code)} (developer's transcription, 2024; not the official text)` +
          (code === "03" ? `; opening and exclusion rule checked against ${BENTRE_03}` : ""),
      },
      status: "complete",
      statusNote: null,
      exclusion: EXCLUSION[code] ?? null,
      notes: [],
      parts: built.parts,
    };
    const faults = [...built.faults],
      warnings = [...built.warnings];
    const res = checkForm(form, faults, warnings);
    form.notes.push(
      "Catalogue: source is a developer's transcription of Phụ lục III (augustine-tran/ocop, 2024), not the official text; texts kept as transcribed."
    );
    form.notes.push(
      "Catalogue: levels marked ***, ****, ***** carry minStars 3, 4, 5 — the minimum level for that star class; the footnote wording of " +
        '148 was not seen (26/2026 prints "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao)").'
    );
    if (!form.exclusion)
      form.notes.push(
        "Catalogue: the transcription omits the form header; the Bến Tre copy of form 03 prints the exclusion rule " +
          '"Hồ sơ bị loại khi: …", presumably on every form (not verified), hence exclusion null here.'
      );
    form.notes.push(...built.notesExtra);
    for (const c of applied)
      form.notes.push(
        `Catalogue correction (${c.field} '${c.from}' → '${c.to}', section ${c.section}): ${c.why} Source: ${c.source}`
      );
    if (faults.length) {
      form.status = "incomplete";
      form.statusNote =
        `Faults in the transcription: ${faults.join("; ")}.` +
        (UNRESOLVED[code] ? ` ${UNRESOLVED[code]}` : "");
    } else if (UNRESOLVED[code]) throw new Error(`form ${code}: UNRESOLVED entry but no fault found`);
    forms.push({ form, res, faults, warnings, applied });
  }

  // report
  for (const { form, res, faults, warnings, applied } of forms) {
    const s = res.sums;
    console.log(
      `${form.code} ${form.status.padEnd(10)} ${String(res.count).padStart(3)} criteria  A ${s.A}/40  B ${s.B}/25  C ${s.C}/35  = ${res.total}  ${form.title}`
    );
    for (const f of faults) console.log(`     FAULT ${f}`);
    for (const w of warnings) console.log(`     warn  ${w}`);
    for (const c of applied)
      console.log(`     fixed ${c.field} '${c.from}' → '${c.to}' (section ${c.section})`);
  }
  const incomplete = forms.filter((f) => f.form.status === "incomplete").map((f) => f.form.code);
  console.log(`${forms.length} forms; incomplete: ${incomplete.join(", ") || "none"}`);
  for (const f of forms) if (f.form.status === "complete" && f.faults.length) bad++;
  if (check) process.exit(bad ? 1 : 0);

  const edition = {
    id: EDITION_ID,
    decision: DECISION,
    date: "2023-02-24",
    title:
      "Quyết định ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm",
    sources: [
      TRANSCRIPTION,
      {
        title: "Bến Tre OCOP portal — Bộ sản phẩm: Gạo, ngũ cốc, hạt sơ chế khác (published 10/05/2023)",
        address: BENTRE_03,
        note: "Provincial copy of form 03 (opening only reachable): header, exclusion rule, Phần A opening; matches the transcription word for word.",
      },
      {
        title: "Thư viện pháp luật — Thay đổi tiêu chí đánh giá sản phẩm OCOP (summary of 148/QĐ-TTg)",
        address:
          "http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/46523/thay-doi-tieu-chi-danh-gia-san-pham-ocop",
        note: "Parts A 40 / B 25 / C 35, 100 points, 5 classes, 6 product types; 148 replaces 1048/QĐ-TTg and 781/QĐ-TTg.",
      },
      {
        title:
          "Thư viện pháp luật Q&A — 6 nhóm sản phẩm tham gia Chương trình OCOP là gì? (quotes Điều 1 khoản 1 điểm a and Phụ lục I of 148)",
        address: "thuvienphapluat.vn (page address not given by the search index)",
        note: "Phụ lục I quoted verbatim up to I.3.d; the rest of the classification follows the form titles and the structure of 26/2026 Phụ lục I.",
      },
      {
        title: "Quyết định 1489/QĐ-TTg (06/07/2025) sửa đổi, bổ sung Quyết định 148/QĐ-TTg",
        address: "https://baomoi.net.vn/infographic-trinh-tu-danh-gia-phan-hang-san-pham-ocop-c52720491.epi",
        note:
          "Amends the procedure (Phụ lục II: no district level; the commune checks the dossier, the province classes 3★ and 4★, " +
          "≥ 90 points go to the Ministry for 5★), not the criteria of Phụ lục III: the forms here are unaffected. " +
          "148 and 1489/2025 lapse 60 days after 26/2026/QĐ-TTg (22/05/2026).",
      },
      {
        title: "Quyết định 26/2026/QĐ-TTg, Phụ lục II (official text)",
        address: "https://github.com/hakienpdu95/minhan (file docs/bnn_txng.html)",
        note: "Successor decision; used only to corroborate two typing-slip corrections (forms 17, 18) and the bands.",
      },
      {
        title: "Bands: proatc.vn — Phân hạng nhóm sản phẩm OCOP",
        address: "https://proatc.vn/phan-hang-nhom-san-pham-ocop/",
        note: "Same bands in 1048/2019, 148/2023 and 26/2026.",
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
      "Quyết định 148/QĐ-TTg, phân hạng theo tổng điểm (article text not seen): 5★ 90–100, 4★ 70–<90, 3★ 50–<70, 2★ 30–<50, 1★ <30 — as in the 148 summaries (thuvienphapluat, proatc.vn) and in 26/2026 Điều 3 khoản 3",
    classification: CLASSIFICATION.map((t) => ({
      code: t.code,
      title: t.title,
      groups: t.groups.map((g) =>
        g.form
          ? { code: g.code, title: g.title, form: g.form, sets: [] }
          : { code: g.code, title: g.title, sets: g.sets.map((s) => ({ ...s })) }
      ),
    })),
    forms: codes,
  };

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "edition.json"), JSON.stringify(edition, null, 2) + "\n");
  for (const { form } of forms)
    fs.writeFileSync(path.join(outDir, `form-${form.code}.json`), JSON.stringify(form, null, 2) + "\n");
  console.log(`wrote ${forms.length + 1} files to ${path.relative(ROOT, outDir)}`);
  if (bad) process.exit(1);
}

main();
