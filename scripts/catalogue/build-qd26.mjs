#!/usr/bin/env node
// Builds the criteria catalogue of Decision 26/2026/QĐ-TTg (22/05/2026) from the plain-text copy of the official
// text, following docs/catalogue-format.md.
//
//   node scripts/catalogue/build-qd26.mjs [path/to/qd26-2026.txt]           writes src/ocop/criteria/data/qd26-2026/
//   node scripts/catalogue/build-qd26.mjs --check [path/to/qd26-2026.txt]   builds in memory, prints per-form sums,
//                                                                          faults and warnings, and whether the files
//                                                                          on disk match; writes nothing
//
// Default input: ../shared/ocop/qd26-2026.txt relative to the project root. No dependencies (Node >= 18).
//
// Everything in the output comes from the text. The only hand-made content is:
//   - CORRECTIONS below: lines that are malformed in the text, each with its line number, the exact printed line
//     (checked; the script stops if it differs) and the reason;
//   - the fixed labels of all-or-nothing criteria ("Không đạt"/"Đạt") and the editorial notes the script writes
//     (all prefixed "Ghi chú biên tập").
// A form whose sums do not add up gets "status": "incomplete" and a statusNote listing every fault found; nothing is
// invented to make it add up.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const EDITION_ID = "qd26-2026";
const OUT_DIR = path.join(ROOT, "src/ocop/criteria/data", EDITION_ID);
const SOURCE_ADDRESS = "github.com/hakienpdu95/minhan docs/bnn_txng.html (HTML copy of the official text)";
const EDITOR = "Ghi chú biên tập (không thuộc văn bản)";

// ---------------------------------------------------------------------------------------------------------------
// Explicit corrections of malformed lines. `line` is 1-based in qd26-2026.txt; `printed` must equal the line exactly;
// `why` documents the reason here, `vi` is the short reason written into the form's notes.
// ---------------------------------------------------------------------------------------------------------------
const CORRECTIONS = [
  {
    line: 755,
    form: "04",
    criterion: "1.2",
    printed: "□ Không được cấp giấy chứng nhận chất lượng |",
    fixed: "□ Không được cấp giấy chứng nhận chất lượng | 0",
    why: "the points cell of the lowest level is empty; forms 01, 02, 03, 06, 08, 12, 13 and 18 print the same level of the same criterion with 0",
    vi: "ô điểm của mức thấp nhất bị bỏ trống; các phiếu 01, 02, 03, 06, 08, 12, 13, 18 in cùng mức này 0 điểm",
  },
  {
    line: 873,
    form: "04",
    criterion: "7",
    printed: "□ Có trên 2 chỉ tiêu | 13",
    fixed: "□ Có trên 2 chỉ tiêu | 3",
    why:
      "13 points exceeds the criterion's maximum of 3 (levels 0 / 1 / 13), so the maximum would be unreachable: a " +
      "stray digit; forms 01 and 03 print the same level ('Có trên 2 chỉ tiêu', lines 371, 705) of DINH DƯỠNG with 3",
    vi: "13 điểm vượt điểm tối đa 3 của mục và làm điểm tối đa không đạt được; phiếu 01 và 03 in cùng mức này 3 điểm",
  },
  {
    line: 1253,
    form: "07",
    criterion: "1.2",
    printed: "□ Không được cấp giấy chứng nhận chất lượng |",
    fixed: "□ Không được cấp giấy chứng nhận chất lượng | 0",
    why: "the points cell of the lowest level is empty; forms 01, 02, 03, 06, 08, 12, 13 and 18 print the same level of the same criterion with 0",
    vi: "ô điểm của mức thấp nhất bị bỏ trống; các phiếu 01, 02, 03, 06, 08, 12, 13, 18 in cùng mức này 0 điểm",
  },
  {
    line: 1376,
    form: "07",
    criterion: "7",
    printed: "o Rất độc đáo và có tính đặc trưng***** | 5",
    fixed: "□ Rất độc đáo và có tính đặc trưng***** | 5",
    why: "the level's box is printed as the letter 'o' (conversion artefact); every other form prints this level with □",
    vi: "mức này in ký hiệu 'o' thay cho '□'",
  },
  {
    line: 1753,
    form: "10",
    criterion: "1.2",
    printed: "□ Không được cấp giấy chứng nhận chất lượng |",
    fixed: "□ Không được cấp giấy chứng nhận chất lượng | 0",
    why: "the points cell of the lowest level is empty; forms 01, 02, 03, 06, 08, 12, 13 and 18 print the same level of the same criterion with 0",
    vi: "ô điểm của mức thấp nhất bị bỏ trống; các phiếu 01, 02, 03, 06, 08, 12, 13, 18 in cùng mức này 0 điểm",
  },
  {
    line: 1922,
    form: "11",
    criterion: "1.2",
    printed: "□ Không được cấp giấy chứng nhận chất lượng |",
    fixed: "□ Không được cấp giấy chứng nhận chất lượng | 0",
    why: "the points cell of the lowest level is empty; forms 01, 02, 03, 06, 08, 12, 13 and 18 print the same level of the same criterion with 0",
    vi: "ô điểm của mức thấp nhất bị bỏ trống; các phiếu 01, 02, 03, 06, 08, 12, 13, 18 in cùng mức này 0 điểm",
  },
  {
    line: 2022,
    form: "11",
    criterion: "6.1.1",
    printed: "□ Có rất ít tạp chất, chấp nhận được | 11",
    fixed: "□ Có rất ít tạp chất, chấp nhận được | 1",
    why:
      "11 points exceeds the criterion's maximum of 2 (levels 0 / 11 / 2): a doubled digit; forms 12 and 13 print the " +
      "same level ('Có rất ít tạp chất, chấp nhận được', lines 2192, 2362) of a 2-point criterion with 1",
    vi: "11 điểm vượt điểm tối đa 2 của tiêu chí; phiếu 12 và 13 in cùng mức này 1 điểm",
  },
  {
    line: 3934,
    form: "23",
    criterion: "9",
    printed: "9. HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU DÙNG | 4 1",
    fixed: "9. HƯỚNG DẪN SỬ DỤNG ĐỂ ĐẢM BẢO SẢN PHẨM CÓ CHẤT LƯỢNG TỐT NHẤT CHO NGƯỜI TIÊU DÙNG | 4",
    why: "the points cell reads '4 1' (a stray '1'); the section's levels are 2 and 4 and part C adds up to 35 with 4",
    vi: "ô điểm in '4 1'; các mức là 2 và 4, Phần C cộng đủ 35 với 4",
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------
const lowerVi = (s) => s.toLocaleLowerCase("vi");
const sentenceCase = (s) => {
  const l = lowerVi(s);
  return l.charAt(0).toLocaleUpperCase("vi") + l.slice(1);
};
const clean = (s) => s.replace(/\s+/g, " ").trim();
/** Drop a trailing empty cell (" |") from a note row. */
const dropEmptyCell = (s) => clean(s.replace(/\s*\|\s*$/, ""));
const pad2 = (n) => String(n).padStart(2, "0");

/** Split "text | 12" into text and points; points null when the last cell is empty or absent. */
function scoreCell(line) {
  let m = line.match(/^(.*?)\s*\|\s*(\d+)\s*$/);
  if (m) return { text: clean(m[1]), points: Number(m[2]) };
  m = line.match(/^(.*?)\s*\|\s*$/);
  if (m) return { text: clean(m[1]), points: null };
  return { text: clean(line), points: null, noCell: true };
}

function parseArgs(argv) {
  const args = { check: false, input: null };
  for (const a of argv) {
    if (a === "--check") args.check = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
    else args.input = a;
  }
  return args;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the text
// ---------------------------------------------------------------------------------------------------------------
function readLines(file) {
  const lines = fs
    .readFileSync(file, "utf8")
    .normalize("NFC")
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+$/, ""));
  const applied = [];
  for (const c of CORRECTIONS) {
    const got = lines[c.line - 1];
    if (got !== c.printed) {
      throw new Error(
        `correction for line ${c.line} does not apply: expected\n  ${c.printed}\nfound\n  ${got}`
      );
    }
    lines[c.line - 1] = c.fixed;
    applied.push(c);
  }
  return { lines, applied };
}

function findLine(lines, re, from = 0, to = lines.length) {
  for (let i = from; i < to; i++) if (re.test(lines[i])) return i;
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// The decision's body: number, date, title, parts (Điều 3 khoản 1), bands (Điều 3 khoản 3)
// ---------------------------------------------------------------------------------------------------------------
function parseDecision(lines, faults) {
  const head = lines.slice(0, 10).join("\n");
  const num = head.match(/Số:\s*([^\s|]+)/);
  const date = head.match(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/);
  const intro = lines.slice(0, 12).find((l) => /^Thủ tướng Chính phủ ban hành /.test(l));
  if (!num || !date || !intro) faults.push("decision number, date or title not found in the opening lines");
  const decision = num ? num[1] : null;
  const iso = date ? `${date[3]}-${pad2(date[2])}-${pad2(date[1])}` : null;
  const title = intro ? "Quyết định " + intro.replace(/^Thủ tướng Chính phủ /, "").replace(/\.$/, "") : null;

  const art3 = findLine(lines, /^Điều 3\. /);
  const art4 = findLine(lines, /^Điều 4\. /, art3 + 1);
  if (art3 < 0 || art4 < 0) throw new Error("Điều 3 not found");
  const parts = [];
  const bands = [];
  let clause = null;
  for (let i = art3 + 1; i < art4; i++) {
    const l = lines[i];
    const k = l.match(/^(\d+)\.\s/);
    if (k) clause = Number(k[1]);
    const p = l.match(/^[a-z]\)\s*Phần\s+([ABC]):.*\((\d+)\s*điểm\)/i);
    if (clause === 1 && p) parts.push({ id: p[1], max: Number(p[2]), line: i + 1 });
    const b = l.match(/^[a-zđ]\)\s*Hạng\s+(\d)\s+sao[^:]*:\s*Tổng điểm trung bình đạt\s+(.+?điểm)/i);
    if (clause === 3 && b) {
      const stars = Number(b[1]);
      const r = b[2];
      let m;
      if ((m = r.match(/^từ\s+(\d+)\s+đến\s+dưới\s+(\d+)\s+điểm/)))
        bands.push({ stars, min: +m[1], max: +m[2], line: i + 1 });
      else if ((m = r.match(/^từ\s+(\d+)\s+đến\s+(\d+)\s+điểm/)))
        bands.push({ stars, min: +m[1], max: +m[2], top: true, line: i + 1 });
      else if ((m = r.match(/^dưới\s+(\d+)\s+điểm/))) bands.push({ stars, min: 0, max: +m[1], line: i + 1 });
      else faults.push(`Điều 3 khoản 3, line ${i + 1}: band not understood: ${r}`);
    }
  }
  bands.sort((a, b) => a.stars - b.stars);
  // Bands must tile [0, 100]: half-open, the top one closed at 100.
  const expectTiling =
    bands.length === 5 &&
    bands[0].min === 0 &&
    bands[4].max === 100 &&
    bands[4].top &&
    bands.every((b, i) => b.stars === i + 1 && (i === 0 || b.min === bands[i - 1].max));
  if (!expectTiling) faults.push(`Điều 3 khoản 3: bands do not tile 0-100: ${JSON.stringify(bands)}`);
  if (parts.map((p) => `${p.id}${p.max}`).join() !== "A40,B25,C35") {
    faults.push(`Điều 3 khoản 1: parts read as ${JSON.stringify(parts)}`);
  }
  return { decision, date: iso, title, parts, bands, art3Line: art3 + 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Phụ lục I: classification
// ---------------------------------------------------------------------------------------------------------------
function parseClassification(lines, from, to, faults) {
  const types = [];
  let type = null;
  let group = null;
  for (let i = from; i < to; i++) {
    const cells = lines[i].split(/\s*\|\s*/).map(clean);
    if (cells.length < 2) continue;
    const [code, label] = cells;
    if (/^[IVX]+$/.test(code)) {
      type = { code, title: sentenceCase(label), groups: [], line: i + 1 };
      types.push(type);
      group = null;
    } else if (/^\d+$/.test(code) && /^Nhóm:/.test(label)) {
      if (!type) {
        faults.push(`Phụ lục I line ${i + 1}: group before any product type`);
        continue;
      }
      group = {
        code: `${type.code}.${code}`,
        title: clean(label.replace(/^Nhóm:/, "")),
        form: null,
        sets: [],
        line: i + 1,
      };
      type.groups.push(group);
    } else if (/^[a-zđ]$/.test(code) && /^Phân nhóm:/.test(label)) {
      if (!group) {
        faults.push(`Phụ lục I line ${i + 1}: sub-group before any group`);
        continue;
      }
      group.sets.push({
        code: `${group.code}.${code}`,
        title: clean(label.replace(/^Phân nhóm:/, "")),
        form: null,
        line: i + 1,
      });
    }
  }
  return types;
}

// Word-set similarity of two titles (parentheses dropped, case and punctuation ignored).
function words(s) {
  return new Set(
    lowerVi(s)
      .replace(/\([^)]*\)?/g, " ")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter(Boolean)
  );
}
function similarity(a, b) {
  const A = words(a),
    B = words(b);
  let inter = 0;
  for (const w of A) if (B.has(w)) inter++;
  return inter / (A.size + B.size - inter);
}

/** Assign each leaf of Phụ lục I (a sub-group, or a group without sub-groups) to the form whose title matches best. */
function mapClassification(types, forms, faults, warnings) {
  const leaves = [];
  for (const t of types)
    for (const g of t.groups) {
      if (g.sets.length) for (const s of g.sets) leaves.push({ node: s, group: g });
      else leaves.push({ node: g, group: g });
    }
  const pairs = [];
  for (const [li, leaf] of leaves.entries()) {
    for (const f of forms) {
      const score = Math.max(...f.titles.map((t) => similarity(leaf.node.title, t)));
      pairs.push({ li, code: f.code, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.li - b.li);
  const leafDone = new Set(),
    formDone = new Set();
  const table = [];
  for (const p of pairs) {
    if (leafDone.has(p.li) || formDone.has(p.code)) continue;
    leafDone.add(p.li);
    formDone.add(p.code);
    leaves[p.li].node.form = p.code;
    table.push({ ...p, leaf: leaves[p.li] });
  }
  table.sort((a, b) => a.li - b.li);
  for (const r of table) {
    if (r.score < 0.5)
      faults.push(
        `Phụ lục I ${r.leaf.node.code} "${r.leaf.node.title}" matched to form ${r.code} with low similarity ${r.score.toFixed(2)}`
      );
  }
  for (const [li, leaf] of leaves.entries())
    if (!leafDone.has(li)) faults.push(`Phụ lục I ${leaf.node.code} has no form`);
  for (const f of forms)
    if (!formDone.has(f.code)) faults.push(`form ${f.code} is not reached from Phụ lục I`);
  // The annexes list the same 26 items in the same order.
  table.forEach((r, i) => {
    if (r.code !== pad2(i + 1))
      warnings.push(`Phụ lục I ${r.leaf.node.code} is item ${i + 1} but maps to form ${r.code}`);
  });
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Phụ lục II: the forms
// ---------------------------------------------------------------------------------------------------------------
function findForms(lines, annex2, annex3, faults) {
  // Index table "N | Bộ sản phẩm: …" right after the annex heading.
  const index = new Map();
  for (let i = annex2 + 1; i < annex3; i++) {
    const m = lines[i].match(/^(\d+) \| Bộ sản phẩm:\s*(.+)$/);
    if (m) index.set(pad2(m[1]), { title: clean(m[2]), line: i + 1 });
    else if (index.size && !/^STT \|/.test(lines[i])) break;
  }
  // A form starts at a numbered heading followed by the "(Sản phẩm: …" line.
  const heads = [];
  for (let i = annex2 + 1; i < annex3 - 1; i++) {
    const m = lines[i].match(/^(\d+)\.\s+(.+)$/);
    if (m && /^\(Sản phẩm:/.test(lines[i + 1]))
      heads.push({ n: Number(m[1]), heading: clean(m[2]), line: i });
  }
  heads.forEach((h, k) => {
    h.end = k + 1 < heads.length ? heads[k + 1].line : annex3;
    if (h.n !== k + 1)
      faults.push(`form heading at line ${h.line + 1} is numbered ${h.n}, expected ${k + 1}`);
  });
  if (heads.length !== index.size)
    faults.push(`Phụ lục II lists ${index.size} forms but ${heads.length} headings were found`);
  return { index, heads };
}

function parseForm(lines, head, indexEntry, edition, applied) {
  const code = pad2(head.n);
  const faults = [];
  const warnings = [];
  const notes = [];
  const sectionNotes = [];
  const editorNotes = [];
  const form = {
    edition: EDITION_ID,
    code,
    title: null,
    productType: null,
    group: null,
    citation: {
      decision: edition.decision,
      annex: "Phụ lục II",
      form: String(head.n),
      source: `${SOURCE_ADDRESS}; plain-text extraction qd26-2026.txt, lines ${head.line + 1}-${head.end}`,
    },
    status: "complete",
    statusNote: null,
    exclusion: null,
    notes,
    parts: [],
  };

  // Title: "N. Bộ sản phẩm: …" without the prefixes.
  const hm = head.heading.match(/^Bộ sản phẩm:\s*(.+)$/);
  form.title = hm ? hm[1] : head.heading;
  if (!hm) {
    warnings.push(
      `heading (line ${head.line + 1}) is "${head.n}. ${head.heading}", without "Bộ sản phẩm:"; the annex index (line ${indexEntry?.line}) lists "Bộ sản phẩm: ${indexEntry?.title}"`
    );
    editorNotes.push(
      `đầu phiếu in "${head.n}. ${head.heading}" (không có "Bộ sản phẩm:"); danh mục đầu Phụ lục II ghi "Bộ sản phẩm: ${indexEntry?.title}".`
    );
  } else if (indexEntry && indexEntry.title !== form.title) {
    warnings.push(`title "${form.title}" differs from the annex index "${indexEntry.title}"`);
  }

  // "(Sản phẩm: X. Nhóm: Y)" / "(Sản phẩm: X, Nhóm: Y)" / "(Sản phẩm: X)"
  const sp = clean(lines[head.line + 1].replace(/^\(/, "").replace(/\)$/, ""));
  const spm = sp.match(/^Sản phẩm:\s*(.+?)(?:[.,]\s*Nhóm:\s*(.+))?$/);
  if (spm) {
    form.productType = clean(spm[1]);
    form.group = spm[2] ? clean(spm[2]) : null;
  } else faults.push(`line ${head.line + 2}: product line not understood`);

  let state = "header";
  let part = null,
    section = null,
    crit = null,
    subgroup = null,
    casePrefix = null;
  const exclusions = [];
  const subgroups = [];
  const partHeadingMax = {};
  let printedTotal = null;
  let starFootnote = false;

  const newCriterion = (number, text, max, line) => {
    const req = text.match(/^(.*?)\s+Yêu cầu:\s*(.+)$/);
    crit = {
      id: number,
      number,
      text: req ? clean(req[1]) : text,
      max,
      requirement: req ? clean(req[2]) : null,
      notes: [],
      levelsImplicit: false,
      levels: [],
      _line: line,
      _implicitFromSection: false,
    };
    casePrefix = null;
    section.criteria.push(crit);
    return crit;
  };
  /** Levels or notes printed right under a section: the section is itself the criterion. */
  const ensureCriterion = (i) => {
    if (crit) return crit;
    if (!section) {
      faults.push(`line ${i + 1}: content before any section: ${lines[i]}`);
      return null;
    }
    const c = newCriterion(section.number, section.title, section.max, i + 1);
    c._implicitFromSection = true;
    return c;
  };

  for (let i = head.line + 2; i < head.end; i++) {
    const l = lines[i];
    if (!l.trim()) continue;
    const ln = i + 1;

    if (state === "header") {
      if (/^[_-]+$/.test(l) || /^(Tên sản phẩm|Tên chủ thể|Số điện thoại|Địa chỉ|Mã số sản phẩm)/.test(l))
        continue;
      if (/^T: Mã tỉnh/.test(l)) {
        notes.push(`Mã số sản phẩm (T)-(X)-(STT)-20…: ${clean(l)}`);
        continue;
      }
      const ex = l.match(/^((?:Hồ sơ )?[Bb]ị loại khi:.*)$/);
      if (ex) {
        exclusions.push({ text: dropEmptyCell(ex[1]), line: ln });
        continue;
      }
      if (/^Các tiêu chí \| Thang điểm$/.test(l)) {
        state = "body";
        continue;
      }
      faults.push(`line ${ln}: unrecognised header line: ${l}`);
      continue;
    }

    if (state === "footer") {
      if (/^Ghi chú: Dấu sao/.test(l)) {
        notes.push(clean(l));
        starFootnote = true;
        continue;
      }
      if (/^Ý kiến của người đánh giá|^…+\.*$|^\| \.\.\., ngày/.test(l)) continue;
      faults.push(`line ${ln}: unrecognised line after the total: ${l}`);
      continue;
    }

    // ---- body ----
    let m;
    if ((m = l.match(/^(?:Phần|PHẦN)\s+([ABC])\s*:?\s*(.+?)\s*\((\d+)\s*điểm\)\s*\|\s*(\d+)$/i))) {
      part = { id: m[1], title: clean(m[2]), max: Number(m[4]), sections: [] };
      partHeadingMax[m[1]] = { heading: Number(m[3]), cell: Number(m[4]), line: ln };
      form.parts.push(part);
      section = crit = subgroup = null;
      continue;
    }
    if ((m = l.match(/^TỔNG CỘNG\s*\|\s*(\d+)$/))) {
      printedTotal = Number(m[1]);
      state = "footer";
      continue;
    }
    if ((m = l.match(/^(\d+)\.?\s+(\D.*?)\s*\|\s*(\d+)$/))) {
      if (!part) {
        faults.push(`line ${ln}: section before any part`);
        continue;
      }
      section = { number: m[1], title: clean(m[2]), max: Number(m[3]), criteria: [], _line: ln };
      part.sections.push(section);
      crit = subgroup = null;
      continue;
    }
    if ((m = l.match(/^(\d+\.\d+)\.?\s+(.+?)\s*\|\s*(\d+)$/))) {
      if (!section) {
        faults.push(`line ${ln}: criterion before any section`);
        continue;
      }
      if (crit && crit._implicitFromSection)
        faults.push(
          `line ${ln}: criterion ${m[1]} follows levels printed directly under section ${section.number}`
        );
      subgroup = null;
      newCriterion(m[1], clean(m[2]), Number(m[3]), ln);
      if (!m[1].startsWith(section.number + "."))
        faults.push(`line ${ln}: criterion ${m[1]} is not numbered under section ${section.number}`);
      continue;
    }
    if ((m = l.match(/^(\d+\.\d+\.\d+)\.?\s+(.+?)\s*\|\s*(\d+)$/))) {
      // A third-level item: the criterion just opened (e.g. "6.1. Ngoại hình | 4") is a heading grouping the
      // scored items below it. Keep the scored items as criteria and note the heading on each.
      const parentNo = m[1].replace(/\.\d+$/, "");
      if (!subgroup || subgroup.number !== parentNo) {
        if (!crit || crit.number !== parentNo || crit.levels.length || crit.notes.length) {
          faults.push(`line ${ln}: item ${m[1]} does not follow its heading ${parentNo}`);
          continue;
        }
        section.criteria.pop();
        subgroup = {
          number: parentNo,
          title: crit.text,
          max: crit.max,
          items: [],
          line: crit._line,
          section,
        };
        subgroups.push(subgroup);
      }
      const c = newCriterion(m[1], clean(m[2]), Number(m[3]), ln);
      c.notes.push(`Thuộc mục ${subgroup.number}. ${subgroup.title} (${subgroup.max} điểm).`);
      subgroup.items.push(c);
      continue;
    }
    if (/^□/.test(l)) {
      const c = ensureCriterion(i);
      if (!c) continue;
      const sc = scoreCell(l.replace(/^□\s*/, ""));
      if (sc.points === null) {
        faults.push(`line ${ln}: level without points: ${l}`);
        continue;
      }
      let text = sc.text;
      const gi = text.search(/\s*Ghi chú:/);
      if (gi > 0) {
        c.notes.push(clean(text.slice(gi)));
        text = text.slice(0, gi);
      }
      let minStars = null;
      const st = text.match(/(?:\s*\*)+\s*$/);
      if (st) {
        const n = (st[0].match(/\*/g) || []).length;
        if (n >= 3 && n <= 5) minStars = n;
        else faults.push(`line ${ln}: star mark "${st[0].trim()}" is not ***, **** or *****`);
        if (/\*\s+\*/.test(st[0]))
          warnings.push(`line ${ln}: star mark printed with spaces ("${st[0].trim()}"), read as ${n} stars`);
        text = text.slice(0, st.index);
      }
      if (/\*/.test(text)) faults.push(`line ${ln}: star mark inside a level's text: ${l}`);
      text = clean(text);
      if (casePrefix) text = `${casePrefix} — ${text}`;
      c.levels.push({ text, points: sc.points, minStars, _line: ln });
      continue;
    }
    // Note rows (no points; usually a trailing empty cell).
    const t = dropEmptyCell(l);
    if ((m = t.match(/^Yêu cầu:\s*(.+)$/))) {
      const c = ensureCriterion(i);
      if (!c) continue;
      if (c.requirement) faults.push(`line ${ln}: second requirement for ${c.id}`);
      c.requirement = clean(m[1]);
      continue;
    }
    if (/^(Ghi chú|Chú ý):/.test(t)) {
      if (/các chỉ tiêu trên/.test(t)) {
        // Refers to all the criteria above it in the section, not to one criterion.
        notes.push(`Mục ${section.number} (${section.title}): ${t}`);
        sectionNotes.push({ section, note: t });
        continue;
      }
      const c = ensureCriterion(i);
      if (c) c.notes.push(t);
      continue;
    }
    if (/^\(.*\)$/.test(t)) {
      // Continuation of the heading above (printed inline in other forms).
      if (crit) {
        crit.text = `${crit.text} ${t}`;
        if (crit._implicitFromSection) section.title = `${section.title} ${t}`;
      } else if (section) section.title = `${section.title} ${t}`;
      else faults.push(`line ${ln}: parenthetical with no heading: ${l}`);
      continue;
    }
    if (/^Chỉ áp dụng khi/.test(t) || /^Lựa chọn một trong/.test(t)) {
      const c = ensureCriterion(i);
      if (c) c.notes.push(t);
      continue;
    }
    if ((m = t.match(/^([a-z])\.\s+(Trường hợp \d+:.+)$/))) {
      const c = ensureCriterion(i);
      if (c) casePrefix = `${m[1]}. ${m[2]}`;
      continue;
    }
    faults.push(`line ${ln}: unrecognised line: ${l}`);
  }

  // ---- exclusion ----
  if (exclusions.length) {
    form.exclusion = exclusions[0].text;
    for (const e of exclusions.slice(1)) {
      if (e.text === form.exclusion)
        warnings.push(`exclusion printed twice (lines ${exclusions[0].line} and ${e.line}); kept once`);
      else faults.push(`two different exclusion rules (lines ${exclusions[0].line}, ${e.line})`);
    }
  } else warnings.push("no 'Hồ sơ bị loại khi' line");
  if (!starFootnote) {
    warnings.push("no star-mark footnote");
    const marked = form.parts.some((p) =>
      p.sections.some((s) => s.criteria.some((c) => c.levels.some((l) => l.minStars)))
    );
    if (marked) {
      warnings.push("levels carry star marks although the form prints no footnote explaining them");
      editorNotes.push(
        "phiếu này có dấu sao ở một số mức nhưng không in ghi chú về dấu sao; dấu sao được hiểu như ghi chú của các phiếu 01-25 (yêu cầu tối thiểu: *** 3 sao, **** 4 sao, ***** 5 sao)."
      );
    }
  }

  // ---- implicit levels ----
  for (const p of form.parts)
    for (const s of p.sections)
      for (const c of s.criteria) {
        if (c.levels.length === 0) {
          c.levelsImplicit = true;
          c.levels = [
            { text: "Không đạt", points: 0, minStars: null },
            { text: "Đạt", points: c.max, minStars: null },
          ];
          c.notes.push(
            `${EDITOR}: Quyết định không in các mức □ cho tiêu chí này; chấm đạt/không đạt (0 hoặc ${c.max} điểm).`
          );
          warnings.push(`criterion ${c.id} (line ${c._line}) prints no levels: all-or-nothing 0/${c.max}`);
        }
      }

  // ---- part headings whose "(N Điểm)" differs from the points cell ----
  for (const [id, h] of Object.entries(partHeadingMax)) {
    if (h.heading !== h.cell) {
      warnings.push(
        `Phần ${id} heading (line ${h.line}) reads "(${h.heading} Điểm)" but its points cell is ${h.cell}; the cell is used`
      );
      editorNotes.push(
        `dòng tiêu đề Phần ${id} in "(${h.heading} Điểm)" nhưng ô điểm ghi ${h.cell}; dùng ${h.cell} (khớp Điều 3 khoản 1 và tổng các mục).`
      );
    }
  }

  // ---- knock-out levels (see KNOCKOUT RULES below and docs/rules.md) ----
  markKnockouts(form, sectionNotes, warnings);

  // ---- corrections applied inside this form ----
  for (const c of applied) {
    if (c.line - 1 >= head.line && c.line - 1 < head.end) {
      editorNotes.push(
        `tiêu chí ${c.criterion}: dòng ${c.line} của bản trích văn bản in "${c.printed}"; đã đọc là "${c.fixed}" (${c.vi}).`
      );
    }
  }
  for (const n of editorNotes) notes.push(`${EDITOR}: ${n}`);

  // ---- checks ----
  checkForm(form, { edition, subgroups, printedTotal, faults, warnings });
  if (faults.length) {
    form.status = "incomplete";
    form.statusNote = faults.join("; ");
  }

  // Strip private fields.
  for (const p of form.parts)
    for (const s of p.sections) {
      delete s._line;
      for (const c of s.criteria) {
        delete c._line;
        delete c._implicitFromSection;
        for (const lv of c.levels) delete lv._line;
      }
    }
  return { form, faults, warnings, subgroups };
}

// ---------------------------------------------------------------------------------------------------------------
// Integrity checks (the same rules as docs/catalogue-format.md)
// ---------------------------------------------------------------------------------------------------------------
function checkForm(form, { edition, subgroups, printedTotal, faults, warnings }) {
  const expected = new Map(edition.parts.map((p) => [p.id, p.max]));
  const ids = new Set();
  let total = 0;
  const ids3 = form.parts.map((p) => p.id).join("");
  if (ids3 !== "ABC") faults.push(`parts found: ${ids3 || "none"} (expected A, B, C)`);
  for (const p of form.parts) {
    if (expected.get(p.id) !== p.max)
      faults.push(`Phần ${p.id} max ${p.max} ≠ ${expected.get(p.id)} (Điều 3 khoản 1)`);
    let ps = 0;
    for (const s of p.sections) {
      ps += s.max ?? 0;
      let ss = 0;
      for (const c of s.criteria) {
        ss += c.max;
        if (ids.has(c.id)) faults.push(`criterion id ${c.id} repeated`);
        ids.add(c.id);
        let top = -1;
        const seen = new Map();
        for (const lv of c.levels) {
          if (!(lv.points >= 0 && lv.points <= c.max))
            faults.push(
              `criterion ${c.id}: level "${lv.text.slice(0, 40)}…" has ${lv.points} points, outside [0, ${c.max}]`
            );
          top = Math.max(top, lv.points);
          if (seen.has(lv.points)) warnings.push(`criterion ${c.id}: two levels with ${lv.points} points`);
          seen.set(lv.points, true);
        }
        if (top !== c.max) faults.push(`criterion ${c.id}: max ${c.max} but the highest level gives ${top}`);
      }
      if (s.max !== null && ss !== s.max)
        faults.push(`section ${s.number}: criteria add up to ${ss}, section max ${s.max}`);
    }
    if (ps !== p.max) faults.push(`Phần ${p.id}: sections add up to ${ps}, part max ${p.max}`);
    total += p.max;
  }
  if (total !== 100) faults.push(`parts add up to ${total}, not 100`);
  // Numbering: sections 1..N through the form; criteria n.1, n.2, … (or n.k.1, … under a heading) in order.
  const secs = form.parts.flatMap((p) => p.sections);
  secs.forEach((s, i) => {
    if (s.number !== String(i + 1)) warnings.push(`section numbered ${s.number}, expected ${i + 1}`);
  });
  for (const s of secs) {
    let prev = null;
    for (const c of s.criteria) {
      if (c.id === s.number) continue;
      const parts = c.id.split(".").map(Number);
      if (prev) {
        const a = prev.split(".").map(Number);
        const ok =
          (parts.length === a.length &&
            parts.slice(0, -1).join() === a.slice(0, -1).join() &&
            parts.at(-1) === a.at(-1) + 1) ||
          parts.length !== a.length ||
          (parts.length === 3 && parts[1] === a[1] + 1 && parts[2] === 1);
        if (!ok) warnings.push(`criterion ${c.id} follows ${prev}`);
      } else if (parts[1] !== 1) warnings.push(`section ${s.number} starts with criterion ${c.id}`);
      prev = c.id;
    }
    for (const c of s.criteria) {
      const pts = c.levels.map((l) => l.points);
      if (pts.some((x, i) => i && x < pts[i - 1]))
        warnings.push(`criterion ${c.id}: levels not in ascending order (${pts.join(", ")})`);
    }
  }
  if (printedTotal !== 100) faults.push(`printed total is ${printedTotal}`);
  for (const g of subgroups) {
    const s = g.items.reduce((a, c) => a + c.max, 0);
    if (s !== g.max)
      faults.push(`heading ${g.number} (${g.title}): items add up to ${s}, heading max ${g.max}`);
  }
}

function sums(form) {
  const out = {};
  for (const p of form.parts) {
    out[p.id] = p.sections.reduce((a, s) => a + s.criteria.reduce((b, c) => b + c.max, 0), 0);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------------------------
// KNOCKOUT RULES. A form's note makes a level a knock-out only where the note names that level without judgement:
//   1. "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo" under a section:
//      the 0-point level of every criterion of that section.
//   2. "Không đánh giá các bước tiếp theo nếu không có <document>" under a criterion that has a level
//      "Không có <document>…": that level.
// Other knock-out notes ("Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu…", "Bị loại nếu phát hiện giống hệt…",
// "Nếu có tạp chất không chấp nhận được… sẽ không đánh giá các bước tiếp theo", "vi phạm sở hữu trí tuệ… bị loại")
// describe a fact no level of the criterion names; they stay notes, and the secretariat excludes such a dossier by
// hand (docs/rules.md says why for each).
// ---------------------------------------------------------------------------------------------------------------
function markKnockouts(form, sectionNotes, warnings) {
  for (const { section, note } of sectionNotes) {
    if (!/0 điểm/.test(note) || !/không đánh giá các bước tiếp theo/i.test(note)) continue;
    for (const c of section.criteria) {
      const zero = c.levels.find((l) => l.points === 0);
      if (zero) zero.knockout = note;
      else
        warnings.push(`knock-out note of section ${section.number}: criterion ${c.id} has no 0-point level`);
    }
  }
  for (const p of form.parts)
    for (const s of p.sections)
      for (const c of s.criteria)
        for (const note of c.notes) {
          if (!/^(Ghi chú|Chú ý):\s*Không đánh giá các bước tiếp theo nếu không có/i.test(note)) continue;
          const lacking = c.levels.filter((l) => /^Không có /.test(l.text));
          if (lacking.length === 1) lacking[0].knockout = note;
          else warnings.push(`knock-out note of criterion ${c.id} names no single level: kept as a note`);
        }
}

function build(input) {
  const { lines, applied } = readLines(input);
  const faults = []; // edition-level
  const warnings = [];
  const dec = parseDecision(lines, faults);

  const annex1 = findLine(lines, /^PHỤ LỤC I$/);
  const annex2 = findLine(lines, /^PHỤ LỤC II$/);
  const annex3 = findLine(lines, /^PHỤ LỤC III$/);
  if (annex1 < 0 || annex2 < 0 || annex3 < 0) throw new Error("annex headings not found");

  const classification = parseClassification(lines, annex1 + 1, annex2, faults);
  const { index, heads } = findForms(lines, annex2, annex3, faults);

  const editionParts = dec.parts.map((p) => ({ id: p.id, title: null, max: p.max }));
  const editionStub = { decision: dec.decision, parts: editionParts };

  for (const c of applied) {
    const h = heads.find((x) => c.line - 1 >= x.line && c.line - 1 < x.end);
    if (!h || pad2(h.n) !== c.form)
      faults.push(
        `correction for line ${c.line} says form ${c.form}, but the line is in form ${h ? pad2(h.n) : "none"}`
      );
  }
  const results = heads.map((h) => parseForm(lines, h, index.get(pad2(h.n)), editionStub, applied));

  // Part titles: as printed in the forms (the most frequent wording).
  for (const p of editionParts) {
    const count = new Map();
    for (const r of results)
      for (const fp of r.form.parts) if (fp.id === p.id) count.set(fp.title, (count.get(fp.title) ?? 0) + 1);
    p.title = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  }

  // Classification → forms.
  const formsForMatch = results.map((r) => ({
    code: r.form.code,
    titles: [r.form.title, index.get(r.form.code)?.title].filter(Boolean),
  }));
  const mapping = mapClassification(classification, formsForMatch, faults, warnings);
  for (const r of mapping) {
    const f = results.find((x) => x.form.code === r.code).form;
    if (f.group && r.leaf.group && lowerVi(f.group) !== lowerVi(r.leaf.group.title)) {
      warnings.push(
        `form ${r.code} prints "Nhóm: ${f.group}"; Phụ lục I ${r.leaf.group.code} is "Nhóm: ${r.leaf.group.title}"`
      );
    }
  }
  const inexact = mapping
    .filter((r) => r.leaf.node.title !== results.find((x) => x.form.code === r.code).form.title)
    .map(
      (r) =>
        `${r.leaf.node.code} "${r.leaf.node.title}" → form ${r.code} "${results.find((x) => x.form.code === r.code).form.title}"`
    );

  const edition = {
    id: EDITION_ID,
    decision: dec.decision,
    date: dec.date,
    title: dec.title,
    sources: [
      {
        title: "Quyết định 26/2026/QĐ-TTg, văn bản chính thức",
        address: SOURCE_ADDRESS,
        note:
          "Generated by scripts/catalogue/build-qd26.mjs from a plain-text extraction of that copy (qd26-2026.txt). " +
          "Parts: Điều 3 khoản 1; bands: Điều 3 khoản 3; classification: Phụ lục I; forms: Phụ lục II. " +
          "Phụ lục I sub-groups (or groups without sub-groups) are mapped one-to-one to forms by the words of their titles " +
          "(the two annexes list the same 26 items in the same order); titles not identical: " +
          inexact.join("; ") +
          ". " +
          `Corrected lines of the extraction (see the script): ${applied.map((c) => c.line).join(", ")}.`,
      },
    ],
    parts: editionParts,
    bands: dec.bands.map(({ stars, min, max }) => ({ stars, min, max })),
    bandsSource: "Điều 3 khoản 3",
    classification: classification.map((t) => ({
      code: t.code,
      title: t.title,
      groups: t.groups.map((g) =>
        g.sets.length
          ? {
              code: g.code,
              title: g.title,
              sets: g.sets.map((s) => ({ code: s.code, title: s.title, form: s.form })),
            }
          : { code: g.code, title: g.title, form: g.form, sets: [] }
      ),
    })),
    forms: results.map((r) => r.form.code),
  };
  return { edition, results, faults, warnings, mapping, applied, dec };
}

function serialise(obj) {
  return JSON.stringify(obj, null, 2) + "\n";
}

function outputs(b) {
  const files = new Map();
  files.set("edition.json", serialise(b.edition));
  for (const r of b.results) files.set(`form-${r.form.code}.json`, serialise(r.form));
  return files;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("usage: node scripts/catalogue/build-qd26.mjs [--check] [path/to/qd26-2026.txt]");
    return 0;
  }
  const input = path.resolve(args.input ?? path.join(ROOT, "../shared/ocop/qd26-2026.txt"));
  const b = build(input);
  const files = outputs(b);

  if (!args.check) {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(OUT_DIR, name), text);
    const incomplete = b.results.filter((r) => r.form.status !== "complete").map((r) => r.form.code);
    console.log(
      `wrote ${files.size} files to ${path.relative(ROOT, OUT_DIR)} (incomplete forms: ${incomplete.join(", ") || "none"})`
    );
    if (b.faults.length) {
      console.log("edition faults:\n  " + b.faults.join("\n  "));
      return 1;
    }
    return 0;
  }

  // ---- check mode ----
  console.log(`source: ${input}`);
  console.log(
    `decision ${b.edition.decision} of ${b.edition.date}: parts ${b.edition.parts.map((p) => `${p.id} ${p.max}`).join(" / ")}; ` +
      `bands (${b.edition.bandsSource}) ${b.edition.bands.map((x) => `${x.stars}★ ${x.min}-${x.max}`).join(", ")}`
  );
  console.log(
    `corrections applied: ${b.applied.map((c) => `line ${c.line} (form ${c.form} ${c.criterion})`).join(", ")}`
  );
  console.log("\nPhụ lục I → form:");
  for (const r of b.mapping)
    console.log(`  ${r.leaf.node.code.padEnd(7)} ${r.code}  ${r.score.toFixed(2)}  ${r.leaf.node.title}`);
  console.log("\nform  crit   A   B   C  total  status      title");
  for (const r of b.results) {
    const s = sums(r.form);
    const n = r.form.parts.reduce((a, p) => a + p.sections.reduce((x, sec) => x + sec.criteria.length, 0), 0);
    const tot = (s.A ?? 0) + (s.B ?? 0) + (s.C ?? 0);
    console.log(
      `  ${r.form.code}  ${String(n).padStart(4)} ${String(s.A ?? "-").padStart(3)} ${String(s.B ?? "-").padStart(3)} ${String(s.C ?? "-").padStart(3)}  ${String(tot).padStart(5)}  ${r.form.status.padEnd(10)}  ${r.form.title}`
    );
  }
  let bad = 0;
  if (b.faults.length) {
    bad++;
    console.log("\nedition faults:\n  " + b.faults.join("\n  "));
  }
  for (const r of b.results) {
    if (r.faults.length) console.log(`\nform ${r.form.code} FAULTS:\n  ` + r.faults.join("\n  "));
  }
  console.log("\nwarnings:");
  for (const w of b.warnings) console.log(`  edition: ${w}`);
  for (const r of b.results) for (const w of r.warnings) console.log(`  form ${r.form.code}: ${w}`);

  let stale = 0;
  for (const [name, text] of files) {
    const p = path.join(OUT_DIR, name);
    if (!fs.existsSync(p)) {
      console.log(`missing on disk: ${name}`);
      stale++;
    } else if (fs.readFileSync(p, "utf8") !== text) {
      console.log(`differs on disk: ${name}`);
      stale++;
    }
  }
  if (fs.existsSync(OUT_DIR)) {
    for (const name of fs.readdirSync(OUT_DIR))
      if (!files.has(name)) {
        console.log(`extra file on disk: ${name}`);
        stale++;
      }
  }
  console.log(
    stale
      ? `\n${stale} file(s) on disk are not what the script generates`
      : "\nfiles on disk match the generated output"
  );
  return bad || stale ? 1 : 0;
}

process.exitCode = main();
