import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LEVEL_WORDS, defaultLevelOf, isLevelAllowed, levelsOf } from "../../../ocop/process";
import type { PickedFile, SecretariatApi } from "../../../app/secretariat/types";
import { readDate } from "../../../layout/setupSheets";
import { DEFAULT_EDITION, listEditions } from "../../../ocop/criteria/builtin";
import { sessionCatalogue } from "../../../ocop/criteria/catalogue";
import type { Catalogue } from "../../../ocop/criteria/types";
import type { Finding } from "../../../ocop/findings";
import { hasErrors } from "../../../ocop/findings";
import { DEFAULT_SETTINGS, type CouncilLevel, type Session } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { formatDate } from "../../format";
import { CustomFormsImport } from "../parts/CustomFormsImport";
import { FindingList } from "../parts/FindingList";
import { MembersEditor } from "../parts/MembersEditor";
import { ProductsEditor } from "../parts/ProductsEditor";
import { SettingsEditor } from "../parts/SettingsEditor";
import { TableImport as TableImportBox } from "../parts/TableImport";
import { langOf, NS } from "../strings";
import { useAction } from "../useAction";
import { Panel } from "../parts/Panel";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export const newSession = (today: Date = new Date()): Session => ({
  id: "",
  council: {
    name: "",
    level: "province",
    year: today.getFullYear(),
    place: "",
    date: `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`,
  },
  edition: DEFAULT_EDITION,
  settings: { ...DEFAULT_SETTINGS },
  products: [],
  members: [],
  customForms: [],
});

const isoToVn = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? formatDate(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
};

/** Rows read from a paste or a file: a row replaces the one with the same code, others are added. */
const merge = <T extends { code: string }>(current: T[], incoming: T[]): T[] => {
  const out = [...current];
  for (const row of incoming) {
    const i = out.findIndex((x) => normaliseCode(x.code) === normaliseCode(row.code));
    if (i >= 0) out[i] = row;
    else out.push(row);
  }
  return out;
};

export interface SetupStepProps {
  api: SecretariatApi;
  /** The session the workbook holds, or null for a new one. */
  session: Session | null;
  onSaved: (session: Session, catalogue: Catalogue) => void;
  announce: (text: string) => void;
}

export function SetupStep({ api, session, onSaved, announce }: SetupStepProps) {
  const { t, i18n } = useTranslation(NS);
  const styles = useStyles();
  const lang = langOf(i18n);
  const [draft, setDraft] = useState<Session>(() => session ?? newSession());
  const [catalogue, setCatalogue] = useState<{ edition: string; catalogue: Catalogue } | null>(null);
  const [dateText, setDateText] = useState(() => isoToVn(draft.council.date));
  const [findings, setFindings] = useState<Finding[]>([]);
  const [importFindings, setImportFindings] = useState<{
    kind: "products" | "members";
    findings: Finding[];
  } | null>(null);
  const editions = listEditions();

  useEffect(() => {
    let live = true;
    api.catalogue(draft.edition).then(
      (c) => live && setCatalogue({ edition: draft.edition, catalogue: c }),
      () => live && setCatalogue(null)
    );
    return () => {
      live = false;
    };
  }, [api, draft.edition]);

  // The product editor offers the council's own forms beside the edition's.
  const base = catalogue?.edition === draft.edition ? catalogue.catalogue : null;
  const customForms = draft.customForms;
  const withOwnForms = useMemo(
    () => base && sessionCatalogue({ customForms }, base).catalogue,
    [base, customForms]
  );

  const council = draft.council;
  const setCouncil = (patch: Partial<Session["council"]>) =>
    setDraft({ ...draft, council: { ...council, ...patch } });
  const dateIso = readDate(dateText);
  const yearOk = Number.isInteger(council.year) && council.year >= 2018 && council.year <= 2100;

  const save = useAction(async () => {
    const r = await api.setUp(draft);
    setFindings(r.findings);
    if (r.written) {
      const c = await api.catalogue(r.session.edition);
      setDraft(r.session);
      onSaved(r.session, c);
      announce(t(session ? "setup.updated" : "setup.created"));
    } else announce(t("setup.refused"));
  });
  const reread = useAction(async () => {
    const r = await api.readSetupSheets();
    setFindings(r.findings);
    if (r.session) {
      setDraft(r.session);
      setDateText(isoToVn(r.session.council.date));
      announce(t("setup.reread"));
    }
  });
  const importRows = useAction(
    async (kind: "products" | "members", source: PickedFile | { text: string }) => {
      let count: number;
      let found: Finding[];
      if (kind === "products") {
        const r = await api.importProducts(source);
        setDraft((d) => ({ ...d, products: merge(d.products, r.rows) }));
        [count, found] = [r.rows.length, r.findings];
      } else {
        const r = await api.importMembers(source);
        setDraft((d) => ({ ...d, members: merge(d.members, r.rows) }));
        [count, found] = [r.rows.length, r.findings];
      }
      setImportFindings({ kind, findings: found });
      announce(t(`${kind}.imported`, { count }));
    }
  );

  const ready =
    council.name.trim() !== "" &&
    yearOk &&
    dateIso !== null &&
    draft.products.length > 0 &&
    draft.members.length > 0;
  const busy = save.busy || reread.busy || importRows.busy;

  return (
    <div className={styles.stack}>
      <Panel title={t("setup.councilHeading")}>
        <Field label={t("setup.councilName")} required hint={t("setup.councilNameHint")}>
          <Input
            value={council.name}
            onChange={(_, d) => setCouncil({ name: d.value })}
            data-testid="council-name"
          />
        </Field>
        <Field label={t("setup.level")}>
          <Dropdown
            value={LEVEL_WORDS[council.level][lang]}
            selectedOptions={[council.level]}
            onOptionSelect={(_, d) => d.optionValue && setCouncil({ level: d.optionValue as CouncilLevel })}
          >
            {levelsOf(draft.edition).map((l) => (
              <Option key={l} value={l}>
                {LEVEL_WORDS[l][lang]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label={t("setup.year")}
          required
          validationMessage={yearOk ? undefined : t("setup.yearInvalid")}
        >
          <Input
            inputMode="numeric"
            value={Number.isFinite(council.year) ? String(council.year) : ""}
            onChange={(_, d) => setCouncil({ year: Number(d.value.trim() || NaN) })}
            data-testid="council-year"
          />
        </Field>
        <Field label={t("setup.place")}>
          <Input
            value={council.place}
            onChange={(_, d) => setCouncil({ place: d.value })}
            data-testid="council-place"
          />
        </Field>
        <Field
          label={t("setup.date")}
          hint={t("setup.dateHint")}
          validationMessage={dateIso === null ? t("setup.dateInvalid") : undefined}
        >
          <Input
            value={dateText}
            placeholder="dd/mm/yyyy"
            onChange={(_, d) => {
              setDateText(d.value);
              const iso = readDate(d.value);
              if (iso !== null) setCouncil({ date: iso });
            }}
            data-testid="council-date"
          />
        </Field>
      </Panel>

      <Panel title={t("setup.editionHeading")}>
        <RadioGroup
          aria-label={t("setup.editionHeading")}
          value={draft.edition}
          onChange={(_, d) =>
            setDraft({
              ...draft,
              edition: d.value,
              // 26/2026 has no district council (Điều 4.1): a level the new edition lacks becomes its default.
              council: isLevelAllowed(d.value, draft.council.level)
                ? draft.council
                : { ...draft.council, level: defaultLevelOf(d.value) },
            })
          }
        >
          {editions.map((e) => (
            <Radio
              key={e.id}
              value={e.id}
              label={t("setup.editionOption", {
                title: e[lang],
                date: isoToVn(e.date),
                a: e.parts.A,
                b: e.parts.B,
                c: e.parts.C,
                forms: e.formCount,
              })}
            />
          ))}
        </RadioGroup>
      </Panel>

      <CustomFormsImport
        api={api}
        edition={draft.edition}
        forms={draft.customForms}
        onChange={(forms) => setDraft((d) => ({ ...d, customForms: forms }))}
        announce={announce}
        disabled={busy}
      />

      <Panel title={t("setup.settingsHeading")} collapsible>
        <SettingsEditor value={draft.settings} onChange={(settings) => setDraft({ ...draft, settings })} />
      </Panel>

      <Panel title={t("products.heading", { count: draft.products.length })}>
        <ProductsEditor
          products={draft.products}
          catalogue={withOwnForms}
          onChange={(products) => setDraft({ ...draft, products })}
        />
        <Subtitle2 as="h4">{t("products.importHeading")}</Subtitle2>
        <TableImportBox
          kind="products"
          disabled={busy}
          onText={(text) => void importRows.run("products", { text })}
          onFile={(file) => void importRows.run("products", file)}
        />
        {importFindings?.kind === "products" && importFindings.findings.length > 0 && (
          <FindingList findings={importFindings.findings} />
        )}
      </Panel>

      <Panel title={t("members.heading", { count: draft.members.length })}>
        <MembersEditor members={draft.members} onChange={(members) => setDraft({ ...draft, members })} />
        <Subtitle2 as="h4">{t("members.importHeading")}</Subtitle2>
        <TableImportBox
          kind="members"
          disabled={busy}
          onText={(text) => void importRows.run("members", { text })}
          onFile={(file) => void importRows.run("members", file)}
        />
        {importFindings?.kind === "members" && importFindings.findings.length > 0 && (
          <FindingList findings={importFindings.findings} />
        )}
      </Panel>

      {[save.error, reread.error, importRows.error].filter(Boolean).map((e) => (
        <MessageBar layout="multiline" key={e} intent="error">
          <MessageBarBody>{e}</MessageBarBody>
        </MessageBar>
      ))}
      {findings.length > 0 && (
        <MessageBar layout="multiline" intent={hasErrors(findings) ? "error" : "warning"}>
          <MessageBarBody>
            {t(hasErrors(findings) ? "setup.findingsErrors" : "setup.findingsWarnings")}
          </MessageBarBody>
        </MessageBar>
      )}
      {findings.length > 0 && <FindingList findings={findings} />}
      {!ready && (
        <MessageBar layout="multiline" intent="info">
          <MessageBarBody>{t("setup.notReady")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={!ready}
          disabledFocusable={busy}
          onClick={() => void save.run()}
          data-testid="setup-save"
        >
          {t(session ? "setup.update" : "setup.create")}
        </Button>
        {session && (
          <Button disabledFocusable={busy} onClick={() => void reread.run()}>
            {t("setup.reread")}
          </Button>
        )}
      </div>
    </div>
  );
}
