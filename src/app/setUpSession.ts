/** Sets a workbook up for a session: setup sheets, the criteria reference, one score sheet per member, metadata. */
import { listEditions } from "../ocop/criteria/builtin";
import type { Catalogue } from "../ocop/criteria/types";
import type { Finding } from "../ocop/findings";
import type { Session } from "../ocop/session";
import type { WorkbookHost } from "../hosts/workbook";
import { APP_CODES } from "../layout/codes";
import { planCriteriaSheet } from "../layout/criteriaSheet";
import { LAYOUT_VERSION, planMeta, parseMeta } from "../layout/meta";
import { SHEETS, sameSheetName } from "../layout/names";
import type { SheetPlan } from "../layout/plan";
import { blocksOf, planScoreSheet } from "../layout/scoreSheet";
import { planMembersSheet, planProductsSheet, planSessionSheet } from "../layout/setupSheets";

export interface SetUpOptions {
  session: Session;
  catalogue: Catalogue;
  password?: string;
  now?: Date;
}

/** The council workbook's sheets for a session, in tab order. */
export const planCouncilWorkbook = (opts: SetUpOptions): SheetPlan[] => {
  const { session, catalogue } = opts;
  const forms = blocksOf(session, catalogue).map((b) => b.form);
  return [
    planSessionSheet(
      session,
      listEditions().map((e) => e.id)
    ),
    planProductsSheet(session, [...catalogue.forms.keys()]),
    planMembersSheet(session),
    ...session.members.map((member) =>
      planScoreSheet({
        session,
        catalogue,
        member,
        password: opts.password,
        editionTitle: catalogue.edition.decision,
      })
    ),
    planCriteriaSheet(forms),
    planMeta({
      layoutVersion: LAYOUT_VERSION,
      kind: "council",
      session,
      member: null,
      created: (opts.now ?? new Date()).toISOString(),
      imports: [],
    }),
  ];
};

/** One apply; refuses (a finding, nothing written) when the workbook already belongs to a session. */
export const setUpSession = async (
  host: WorkbookHost,
  opts: SetUpOptions
): Promise<{ findings: Finding[] }> => {
  const sheets = await host.listSheets();
  if (sheets.some((s) => sameSheetName(s.name, SHEETS.meta))) {
    const { sheets: grids } = await host.readSheets([SHEETS.meta]);
    const meta = parseMeta(grids[0]?.values ?? null).meta;
    return {
      findings: [
        {
          code: APP_CODES.alreadySetUp,
          severity: "error",
          where: { sheet: SHEETS.meta },
          params: { session: meta?.session.id ?? "?" },
        },
      ],
    };
  }
  await host.apply({ plans: planCouncilWorkbook(opts), select: { sheet: SHEETS.session, row: 3, col: 2 } });
  return { findings: [] };
};
