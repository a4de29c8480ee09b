/**
 * A new council workbook from the session's tables (`ocop init`): products and members as CSV, optionally the
 * council's own forms, checked like the built-in ones; then the workbook set up as `setUpSession` does. Nothing
 * is made while an error stands: the findings say what and where (file, row, column).
 */
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES } from "../layout/codes";
import { membersFromRows, productsFromRows } from "../layout/setupSheets";
import { readCsvBytes } from "../ocop/csvFile";
import type { Finding } from "../ocop/findings";
import { hasErrors } from "../ocop/findings";
import { DEFAULT_SETTINGS, type Session } from "../ocop/session";
import { indexSession } from "../ocop/sessionIndex";
import { validateSession } from "../ocop/validate";
import { catalogueFor } from "./catalogue";
import { importForms } from "./importForms";
import { setUpSession } from "./setUpSession";
import type { WorkbookFiles } from "./workbookFiles";

export interface InitCouncilInput {
  council: Session["council"];
  edition: string;
  /** The tables as read from disk (CSV bytes, any of the encodings readCsvBytes knows). */
  products: { file: string; bytes: Uint8Array };
  members: { file: string; bytes: Uint8Array };
  /** The council's own forms workbook, already opened by the caller (which says when it cannot be read). */
  criteria?: { file: string; host: WorkbookHost };
  /** Name of the workbook to make. */
  fileName: string;
  password?: string;
  now: Date;
  newId: () => string;
}

export interface InitCouncilResult {
  /** Errors (nothing made) or warnings. */
  findings: Finding[];
  /** The new workbook's bytes; null while an error stands. */
  bytes: Uint8Array | null;
  session: Session;
}

const csvRows = (table: { file: string; bytes: Uint8Array }, findings: Finding[]) => {
  const read = readCsvBytes(table.bytes, table.file);
  findings.push(...read.findings);
  if (read.rows.length < 2 && !hasErrors(read.findings))
    findings.push({ code: APP_CODES.csvEmpty, severity: "error", where: { file: table.file }, params: {} });
  return read.rows;
};

export const initCouncilWorkbook = async (
  workbooks: WorkbookFiles,
  input: InitCouncilInput
): Promise<InitCouncilResult> => {
  const findings: Finding[] = [];
  const products = productsFromRows(csvRows(input.products, findings), { file: input.products.file });
  const members = membersFromRows(csvRows(input.members, findings), { file: input.members.file });
  findings.push(...products.findings, ...members.findings);
  const own = input.criteria
    ? await importForms(input.criteria.host, { edition: input.edition, file: input.criteria.file })
    : null;
  findings.push(...(own?.findings ?? []));
  const session: Session = {
    id: input.newId(),
    council: input.council,
    edition: input.edition,
    settings: { ...DEFAULT_SETTINGS },
    products: products.products,
    members: members.members,
    customForms: own?.forms ?? [],
  };
  const { catalogue } = await catalogueFor(session);
  findings.push(
    ...validateSession(session, catalogue, indexSession(session, catalogue)).filter(
      (f) => f.severity === "error"
    )
  );
  if (hasErrors(findings)) return { findings, bytes: null, session };
  const host = workbooks.create(input.fileName);
  const r = await setUpSession(host, { session, catalogue, password: input.password, now: input.now });
  if (hasErrors(r.findings)) return { findings: r.findings, bytes: null, session };
  return { findings, bytes: await host.toBuffer(), session };
};
