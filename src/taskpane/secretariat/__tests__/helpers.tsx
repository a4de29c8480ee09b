/** Rendering the secretariat's views in jsdom, with the pane's providers and a fake use-case API. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import type { Progress } from "../../../app/secretariat/progress";
import type { OpenState, SecretariatApi } from "../../../app/secretariat/types";
import type { Catalogue } from "../../../ocop/criteria/types";
import { loadEdition } from "../../../ocop/criteria/builtin";
import type { Consolidation } from "../../../ocop/results";
import { DEFAULT_SETTINGS, type Session } from "../../../ocop/session";
import { createI18n } from "../../i18n";
import { EMPTY_DELIBERATION } from "../../../ocop/history";
import { ensureStrings } from "../strings";

export const renderWith = (ui: ReactElement, language: "vi" | "en" = "vi") => {
  const i18n = createI18n(language);
  ensureStrings(i18n);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
    </I18nextProvider>
  );
  return { ...view, i18n };
};

let catalogue: Catalogue | null = null;
export const qd26 = async (): Promise<Catalogue> => (catalogue ??= await loadEdition("qd26-2026"));

export const session = (): Session => ({
  id: "sess-ui",
  council: {
    name: "Hội đồng OCOP tỉnh Thử",
    level: "province",
    year: 2026,
    place: "Huyện Thử",
    date: "2026-06-15",
  },
  edition: "qd26-2026",
  settings: { ...DEFAULT_SETTINGS },
  products: [
    {
      code: "SP01",
      name: "Mật ong hoa nhãn",
      owner: "HTX Ong Vàng",
      commune: "Xã Một",
      group: "",
      set: "",
      form: "04",
      excluded: null,
    },
    {
      code: "SP02",
      name: "Chè búp Tân Cương",
      owner: "HTX Chè",
      commune: "Xã Hai",
      group: "",
      set: "",
      form: "11",
      excluded: null,
    },
    {
      code: "SP03",
      name: "Chè xanh",
      owner: "Hộ Ba",
      commune: "Xã Ba",
      group: "",
      set: "",
      form: "11",
      excluded: { reason: "Thiếu giấy ATTP" },
    },
  ],
  members: [
    { code: "TV01", name: "Nguyễn Văn An", title: "Phó Chủ tịch UBND huyện", role: "chair" },
    { code: "TV02", name: "Trần Thị Bình", title: "Trưởng phòng NN", role: "member" },
  ],
  customForms: [],
});

export const progress = (): Progress => ({
  products: ["SP01", "SP02"],
  members: [
    { member: "TV01", done: 2, products: 2, hasSheet: true },
    { member: "TV02", done: 0, products: 2, hasSheet: true },
  ],
  cells: [
    [
      { member: "TV01", product: "SP01", filled: 12, invalid: 0, total: 12, state: "done" },
      { member: "TV01", product: "SP02", filled: 14, invalid: 0, total: 14, state: "done" },
    ],
    [
      { member: "TV02", product: "SP01", filled: 5, invalid: 0, total: 12, state: "partial" },
      { member: "TV02", product: "SP02", filled: 0, invalid: 0, total: 14, state: "empty" },
    ],
  ],
  ratio: 0.5,
});

export const consolidation = (): Consolidation => ({
  sessionId: "sess-ui",
  edition: "qd26-2026",
  level: "province",
  settings: { ...DEFAULT_SETTINGS },
  findings: [],
  starCounts: { 0: 1, 1: 0, 2: 0, 3: 1, 4: 1, 5: 0 },
  products: [
    {
      product: "SP02",
      form: "11",
      members: [
        { member: "TV01", parts: { A: 30, B: 20, C: 28 }, total: 78, deviating: false },
        { member: "TV02", parts: { A: 30, B: 20, C: 25 }, total: 75, deviating: false },
      ],
      count: 2,
      mean: 76.5,
      partMeans: { A: 30, B: 20, C: 26.5 },
      min: 75,
      max: 78,
      range: 3,
      stdev: 2.1,
      flags: [],
      bandStars: 4,
      stars: 4,
      shortfalls: [],
      withheld: null,
      knockout: null,
      outcome: "propose-4",
      rank: 1,
    },
    {
      product: "SP01",
      form: "04",
      members: [
        { member: "TV01", parts: { A: 25, B: 15, C: 25 }, total: 65, deviating: true },
        { member: "TV02", parts: { A: 20, B: 10, C: 20 }, total: 50, deviating: true },
      ],
      count: 2,
      mean: 57.5,
      partMeans: { A: 22.5, B: 12.5, C: 22.5 },
      min: 50,
      max: 65,
      range: 15,
      stdev: 10.6,
      flags: [{ code: "spread", range: 15, threshold: 10, members: ["TV01", "TV02"] }],
      bandStars: 3,
      stars: 3,
      shortfalls: [],
      withheld: null,
      knockout: null,
      outcome: "propose-3",
      rank: 2,
    },
    {
      product: "SP03",
      form: "11",
      members: [],
      count: 0,
      mean: null,
      partMeans: null,
      min: null,
      max: null,
      range: null,
      stdev: null,
      flags: [{ code: "excluded", reason: "Thiếu giấy ATTP" }],
      bandStars: null,
      stars: null,
      shortfalls: [],
      withheld: "excluded",
      knockout: null,
      outcome: "withheld",
      rank: null,
    },
  ],
});

/** Every method a jest.fn; tests set the answers they need. */
export const fakeApi = (overrides: Partial<SecretariatApi> = {}): jest.Mocked<SecretariatApi> => {
  const state: OpenState = {
    session: null,
    catalogue: null,
    findings: [],
    sheetNames: [],
    imports: [],
    deliberation: EMPTY_DELIBERATION,
  };
  const api: SecretariatApi = {
    open: async () => state,
    catalogue: () => qd26(),
    setUp: async (s) => ({ session: { ...s, id: "sess-ui" }, findings: [], written: true }),
    readSetupSheets: async () => ({ session: null, findings: [] }),
    importProducts: async () => ({ rows: [], findings: [] }),
    importMembers: async () => ({ rows: [], findings: [] }),
    importForms: async () => ({ forms: [], sheet: null, findings: [] }),
    writeScoreSheets: async () => ({ sheets: [], findings: [] }),
    memberBook: async (m) => ({ fileName: `Phieu-cham_${m}_2026.xlsx`, bytes: new Uint8Array([1]) }),
    allMemberBooks: async () => ({ fileName: "Phieu-cham_2026.zip", bytes: new Uint8Array([2]) }),
    inspectBooks: async () => [],
    importBooks: async (_f, r) => r,
    paperForm: async (r) => ({
      member: { code: r.member, name: "", title: "", role: "member" },
      cells: [],
      findings: [],
    }),
    acceptPaperForm: async () => ({
      comparison: { agreed: new Map(), disagreements: [], invalid: [], complete: true },
      findings: [],
      accepted: true,
      sheet: null,
      changes: [],
    }),
    checkAll: async () => ({ findings: [], progress: progress(), sheets: {} }),
    consolidate: async () => ({
      consolidation: consolidation(),
      findings: [],
      written: true,
      sheets: ["Bảng xếp hạng"],
    }),
    publish: async () => ({
      consolidation: consolidation(),
      findings: [],
      written: true,
      sheets: [],
      published: ["Bảng xếp hạng", "Đề nghị công nhận 4 sao", "Đề nghị công nhận 3 sao"],
      proposed: ["SP02", "SP01"],
    }),
    writeForms: async (members) => ({
      consolidation: consolidation(),
      findings: [],
      written: true,
      sheets: ["Bảng xếp hạng", ...members.map((m) => `Phiếu đánh giá ${m}`)],
    }),
    openRound: async () => ({ written: true, findings: [] }),
    closeRound: async () => ({ written: true, findings: [] }),
    reopenRound: async () => ({ written: true, findings: [] }),
    recordRecusal: async () => ({ written: true, findings: [] }),
    recordChairDecision: async () => ({ written: true, findings: [] }),
    recordScoreChanges: async () => ({ written: true, findings: [] }),
    goTo: async () => undefined,
    ...overrides,
  };
  for (const key of Object.keys(api) as (keyof SecretariatApi)[]) {
    const fn = api[key] as (...a: unknown[]) => unknown;
    (api as unknown as Record<string, unknown>)[key] = jest.fn(fn);
  }
  return api as jest.Mocked<SecretariatApi>;
};
