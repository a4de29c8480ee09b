/**
 * Made-up councils and scores for tests, the benchmark and demonstrations. Pure and seeded (no
 * Math.random): the same seed gives the same session and the same sheets on every machine.
 */
import type { Catalogue, Form } from "../ocop/criteria/types";
import type {
  CouncilSettings,
  Member,
  MemberRole,
  MemberScores,
  Product,
  ScoreEntry,
  Session,
} from "../ocop/session";
import { DEFAULT_SETTINGS } from "../ocop/session";
import { allowedPoints, criteriaOf } from "../ocop/criteria/catalogue";

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dung",
  "Giang",
  "Hà",
  "Hải",
  "Hương",
  "Khánh",
  "Lan",
  "Long",
  "Mai",
  "Nam",
  "Phúc",
  "Quân",
  "Sơn",
  "Tâm",
  "Thảo",
  "Trung",
  "Yến",
];
const TITLES = [
  "Phó Chủ tịch UBND tỉnh",
  "Giám đốc Sở Nông nghiệp và Môi trường",
  "Phó Giám đốc Sở Công Thương",
  "Chuyên gia",
  "Trưởng phòng",
  "Chuyên viên",
];
const COMMUNES = [
  "Tân Hưng",
  "Hòa Bình",
  "An Phú",
  "Long Điền",
  "Phước Hải",
  "Mỹ Thạnh",
  "Tân Lập",
  "Bình Minh",
];
const OWNERS = ["HTX Nông nghiệp", "Công ty TNHH", "Hộ kinh doanh", "Tổ hợp tác", "HTX Dịch vụ"];

export interface GenerateSessionOptions {
  products: number;
  members: number;
  catalogue: Catalogue;
  seed: number;
  /** Form codes to cycle through; all forms of the catalogue by default. */
  forms?: readonly string[];
  /** How many products the secretariat excluded ("Hồ sơ bị loại"); none by default. */
  excluded?: number;
  settings?: Partial<CouncilSettings>;
}

const roleOf = (i: number, count: number): MemberRole =>
  i === 0
    ? "chair"
    : i === 1 && count > 2
      ? "viceChair"
      : i === count - 1 && count > 3
        ? "secretary"
        : "member";

const setOf = (catalogue: Catalogue, form: string): { group: string; set: string } => {
  for (const type of catalogue.edition.classification)
    for (const group of type.groups) {
      if (group.form === form) return { group: group.title, set: group.title };
      const set = group.sets.find((s) => s.form === form);
      if (set) return { group: group.title, set: set.title };
    }
  return { group: "", set: catalogue.forms.get(form)?.title ?? "" };
};

/** A council session: products spread over the given forms, a council with a chair, default settings. */
export const generateSession = (options: GenerateSessionOptions): Session => {
  const { catalogue, seed } = options;
  const rand = seededRandom(seed);
  const forms = options.forms?.length ? options.forms : [...catalogue.forms.keys()].sort();
  const year = Number(catalogue.edition.date.slice(0, 4)) || 2026;
  const excludedCount = Math.min(options.excluded ?? 0, options.products);
  const members: Member[] = Array.from({ length: options.members }, (_, i) => ({
    code: `TV${String(i + 1).padStart(2, "0")}`,
    name: `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`,
    title: i === 0 ? TITLES[0]! : pick(rand, TITLES.slice(1)),
    role: roleOf(i, options.members),
  }));
  const products: Product[] = Array.from({ length: options.products }, (_, i) => {
    const form = forms[i % forms.length]!;
    const commune = pick(rand, COMMUNES);
    const title = catalogue.forms.get(form)?.title ?? form;
    return {
      code: `72-${String(25000 + Math.floor(rand() * 900)).padStart(5, "0")}-${String(i + 1).padStart(3, "0")}-${year}`,
      name: `${title.split(",")[0]} ${commune} ${i + 1}`,
      owner: `${pick(rand, OWNERS)} ${commune}`,
      commune,
      ...setOf(catalogue, form),
      form,
      excluded: i < excludedCount ? { reason: "Không đáp ứng về hồ sơ đăng ký theo quy định" } : null,
    };
  });
  return {
    id: `sim-${(seed >>> 0).toString(16).padStart(8, "0")}`,
    council: {
      name: "Hội đồng đánh giá, phân hạng sản phẩm OCOP (mô phỏng)",
      level: "province",
      year,
      place: "Tây Ninh",
      date: `${year}-06-15`,
    },
    edition: catalogue.edition.id,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    products,
    members,
    customForms: [],
  };
};

/** How a member scores: close to the product's merit, below it, or above it. */
export type ScorePattern = "typical" | "harsh" | "lenient";

export interface GenerateScoresOptions {
  seed: number;
  /** One pattern for all, or one per member in council order (cycled). "typical" by default. */
  pattern?: ScorePattern | readonly ScorePattern[];
}

const BIAS: Record<ScorePattern, number> = { typical: 0, harsh: -0.15, lenient: 0.15 };

const nearest = (allowed: readonly number[], target: number): number => {
  let best = allowed[0] ?? 0;
  for (const v of allowed) if (Math.abs(v - target) < Math.abs(best - target)) best = v;
  return best;
};

/**
 * One complete, valid sheet per member: every criterion of every product that is not excluded, each
 * value an allowed level. Each product has a hidden merit shared by all members, so members agree
 * roughly, as councils do; patterns shift a member's view.
 */
export const generateScores = (
  session: Session,
  catalogue: Catalogue,
  options: GenerateScoresOptions
): MemberScores[] => {
  const meritRand = seededRandom(options.seed);
  const merit = session.products.map(() => 0.1 + 0.85 * meritRand());
  const patterns = options.pattern === undefined ? ["typical" as const] : [options.pattern].flat();
  const formCache = new Map<string, Form | undefined>();
  const formOf = (code: string): Form | undefined => {
    if (!formCache.has(code)) formCache.set(code, catalogue.forms.get(code));
    return formCache.get(code);
  };
  return session.members.map((member, m) => {
    const rand = seededRandom((options.seed ^ Math.imul(m + 1, 0x9e3779b1)) >>> 0);
    const bias = BIAS[patterns[m % patterns.length] ?? "typical"];
    const entries: ScoreEntry[] = [];
    let row = 10;
    session.products.forEach((product, p) => {
      const form = formOf(product.form);
      if (!form || product.excluded) return;
      for (const { criterion } of criteriaOf(form)) {
        const target = Math.min(1, Math.max(0, merit[p]! + bias + (rand() - 0.5) * 0.3));
        entries.push({
          product: product.code,
          criterion: criterion.id,
          raw: { value: nearest(allowedPoints(criterion), target * criterion.max) },
          sheet: member.code,
          cell: `E${row++}`,
        });
      }
      row += 3;
    });
    return { member: member.code, sheet: member.code, entries };
  });
};
