/**
 * The editions shipped with the add-in. Their metadata is here, so the task pane can list them without
 * loading any; each edition's data is imported on demand (one webpack chunk per edition).
 */
import type { Catalogue, EditionId, Form } from "./types";
import type { Finding } from "../findings";
import { parseEdition, parseForm } from "./schema";
import { checkCatalogue } from "./integrity";

export interface EditionInfo {
  id: EditionId;
  decision: string;
  /** Date of signature, ISO. */
  date: string;
  /** Parts A/B/C maxima, for showing the difference between editions before loading one. */
  parts: { A: number; B: number; C: number };
  formCount: number;
  /** The edition a new session uses. */
  isDefault: boolean;
  vi: string;
  en: string;
}

const EDITIONS: readonly EditionInfo[] = [
  {
    id: "qd26-2026",
    decision: "26/2026/QĐ-TTg",
    date: "2026-05-22",
    parts: { A: 40, B: 25, C: 35 },
    formCount: 26,
    isDefault: true,
    vi: "Quyết định 26/2026/QĐ-TTg (đang áp dụng)",
    en: "Decision 26/2026/QĐ-TTg (in force)",
  },
  {
    id: "qd148-2023",
    decision: "148/QĐ-TTg",
    date: "2023-02-24",
    parts: { A: 40, B: 25, C: 35 },
    formCount: 26,
    isDefault: false,
    vi: "Quyết định 148/QĐ-TTg năm 2023",
    en: "Decision 148/QĐ-TTg of 2023",
  },
  {
    id: "qd1048-2019",
    decision: "1048/QĐ-TTg",
    date: "2019-08-21",
    parts: { A: 35, B: 25, C: 40 },
    formCount: 1,
    isDefault: false,
    vi: "Quyết định 1048/QĐ-TTg năm 2019 (một phiếu; các phiếu khác nhập trên sheet tiêu chí)",
    en: "Decision 1048/QĐ-TTg of 2019 (one form; enter others on the criteria sheet)",
  },
];

export const DEFAULT_EDITION: EditionId = "qd26-2026";

export const listEditions = (): readonly EditionInfo[] => EDITIONS;

interface EditionModule {
  editionData: unknown;
  formData: readonly unknown[];
}

// Literal paths, one per edition, so webpack can split each edition into its own chunk.
const LOADERS: Record<string, () => Promise<EditionModule>> = {
  "qd26-2026": () => import(/* webpackChunkName: "edition-qd26-2026" */ "./data/qd26-2026/index"),
  "qd148-2023": () => import(/* webpackChunkName: "edition-qd148-2023" */ "./data/qd148-2023/index"),
  "qd1048-2019": () => import(/* webpackChunkName: "edition-qd1048-2019" */ "./data/qd1048-2019/index"),
};

/** Thrown when shipped data does not have the documented shape: a build fault, not a council's. */
export class CatalogueDataError extends Error {
  constructor(
    readonly edition: string,
    readonly findings: Finding[]
  ) {
    super(`Catalogue ${edition} does not match its schema (${findings.length} fault(s))`);
    this.name = "CatalogueDataError";
  }
}

/**
 * Loads a shipped edition with all its forms, checked against the schema (throws CatalogueDataError if
 * the data is malformed). Integrity is checked separately (`checkCatalogue`, or per form in use by
 * validation) so one faulty form never hides the other 25.
 */
export const loadEdition = async (id: EditionId): Promise<Catalogue> => {
  const loader = LOADERS[id];
  if (!loader) throw new Error(`Unknown edition "${id}"; known: ${Object.keys(LOADERS).join(", ")}`);
  const data = await loader();
  const edition = parseEdition(data.editionData);
  const findings = [...edition.findings];
  const forms = new Map<string, Form>();
  for (const raw of data.formData) {
    const form = parseForm(raw);
    findings.push(...form.findings);
    if (form.value) forms.set(form.value.code, form.value);
  }
  if (!edition.value || findings.length > 0) throw new CatalogueDataError(id, findings);
  return { edition: edition.value, forms };
};

/** Loads a shipped edition and runs the integrity check on it. */
export const loadEditionChecked = async (
  id: EditionId
): Promise<{ catalogue: Catalogue; findings: Finding[] }> => {
  const catalogue = await loadEdition(id);
  return { catalogue, findings: checkCatalogue(catalogue) };
};
