import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { Add16Regular, Delete16Regular, Edit16Regular } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Catalogue } from "../../../ocop/criteria/types";
import type { Product } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { NS } from "../strings";
import { FormPicker } from "./FormPicker";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS },
  editor: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const blank = (): Product => ({
  code: "",
  name: "",
  owner: "",
  commune: "",
  group: "",
  set: "",
  form: "",
  excluded: null,
});

export interface ProductsEditorProps {
  products: Product[];
  catalogue: Catalogue | null;
  onChange: (products: Product[]) => void;
}

/** The products list: add, edit, remove; each product's form is picked from its group and set. */
export function ProductsEditor({ products, catalogue, onChange }: ProductsEditorProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const [editing, setEditing] = useState<{ index: number; product: Product } | null>(null);
  const formTitle = (code: string) => catalogue?.forms.get(code)?.title;
  const save = (p: Product) => {
    if (!editing) return;
    const next = [...products];
    if (editing.index < 0) next.push(p);
    else next[editing.index] = p;
    onChange(next);
    setEditing(null);
  };
  return (
    <>
      {products.length === 0 ? (
        <Text className={styles.muted}>{t("products.empty")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("products.listLabel")} data-testid="products-list">
          {products.map((p, i) => (
            <li key={`${p.code}-${i}`} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold">
                  {p.code} · {p.name}
                </Text>
                <Text size={200} className={styles.muted}>
                  {p.form
                    ? t("products.formLine", { form: p.form, title: formTitle(p.form) ?? p.set })
                    : t("products.noForm")}
                </Text>
                {p.excluded && (
                  <div>
                    <Badge appearance="tint" color="danger">
                      {t("products.excludedBadge", { reason: p.excluded.reason })}
                    </Badge>
                  </div>
                )}
              </div>
              <div className={styles.actions}>
                <Button
                  size="small"
                  icon={<Edit16Regular />}
                  aria-label={t("products.edit", { code: p.code })}
                  onClick={() => setEditing({ index: i, product: p })}
                />
                <Button
                  size="small"
                  icon={<Delete16Regular />}
                  aria-label={t("products.remove", { code: p.code })}
                  onClick={() => onChange(products.filter((_, j) => j !== i))}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <ProductForm
          initial={editing.product}
          isNew={editing.index < 0}
          catalogue={catalogue}
          taken={products.filter((_, j) => j !== editing.index).map((p) => normaliseCode(p.code))}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button icon={<Add16Regular />} onClick={() => setEditing({ index: -1, product: blank() })}>
            {t("products.add")}
          </Button>
        </div>
      )}
    </>
  );
}

interface ProductFormProps {
  initial: Product;
  isNew: boolean;
  catalogue: Catalogue | null;
  taken: string[];
  onSave: (p: Product) => void;
  onCancel: () => void;
}

function ProductForm({ initial, isNew, catalogue, taken, onSave, onCancel }: ProductFormProps) {
  const { t } = useTranslation(NS);
  const styles = useStyles();
  const headingId = useId();
  const first = useRef<HTMLInputElement>(null);
  const [p, setP] = useState<Product>(initial);
  const [reason, setReason] = useState(initial.excluded?.reason ?? "");
  const [excluded, setExcluded] = useState(initial.excluded !== null);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const code = normaliseCode(p.code);
  const errors = {
    code: !code
      ? t("products.codeRequired")
      : taken.includes(code)
        ? t("products.codeTaken", { code })
        : undefined,
    name: !p.name.trim() ? t("products.nameRequired") : undefined,
    form: !p.form ? t("products.formRequired") : undefined,
    reason: excluded && !reason.trim() ? t("products.reasonRequired") : undefined,
  };
  const ok = !Object.values(errors).some(Boolean);
  const show = (k: keyof typeof errors) => (tried ? errors[k] : undefined);
  const field = (key: "code" | "name" | "owner" | "commune") => (
    <Field
      label={t(`products.field.${key}`)}
      required={key === "code" || key === "name"}
      validationMessage={key === "code" || key === "name" ? show(key) : undefined}
    >
      <Input
        ref={key === "code" ? first : undefined}
        value={p[key]}
        onChange={(_, d) => setP({ ...p, [key]: d.value })}
        data-testid={`product-${key}`}
      />
    </Field>
  );
  return (
    <section className={styles.editor} aria-labelledby={headingId} data-testid="product-editor">
      <Subtitle2 as="h4" id={headingId}>
        {isNew ? t("products.newHeading") : t("products.editHeading", { code: initial.code })}
      </Subtitle2>
      {field("code")}
      {field("name")}
      {field("owner")}
      {field("commune")}
      {catalogue ? (
        <FormPicker
          catalogue={catalogue}
          value={p}
          required
          validationMessage={show("form")}
          onChange={(v) => setP({ ...p, ...v })}
        />
      ) : (
        <Field label={t("products.field.form")} required validationMessage={show("form")}>
          <Input value={p.form} onChange={(_, d) => setP({ ...p, form: d.value })} />
        </Field>
      )}
      <Checkbox
        checked={excluded}
        label={t("products.excluded")}
        onChange={(_, d) => setExcluded(Boolean(d.checked))}
      />
      {excluded && (
        <Field label={t("products.reason")} required validationMessage={show("reason")}>
          <Textarea value={reason} onChange={(_, d) => setReason(d.value)} data-testid="product-reason" />
        </Field>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => {
            setTried(true);
            if (!ok) return;
            onSave({
              ...p,
              code,
              name: p.name.trim(),
              excluded: excluded ? { reason: reason.trim() } : null,
            });
          }}
        >
          {t("products.save")}
        </Button>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    </section>
  );
}
