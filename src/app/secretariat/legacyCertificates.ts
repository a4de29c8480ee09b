/**
 * Earlier versions wrote a "GCN <code>" certificate sheet per product of 3 stars and above. A council issues no
 * certificate (26/2026 Điều 4.1, 7.3.e: the provincial chairman or the Ministry does), so publishing now removes
 * those sheets — only the ones the add-in made, recognised by the hidden anchor in column A.
 */
import type { CellValue } from "../../layout/plan";

export const LEGACY_CERTIFICATE_PREFIX = "GCN ";
const ANCHOR = "ocop-certificate";

export const isLegacyCertificateSheet = (values: CellValue[][]): boolean =>
  values.slice(0, 3).some((row) => typeof row[0] === "string" && row[0].startsWith(ANCHOR));
