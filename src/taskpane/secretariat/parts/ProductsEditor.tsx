import { Badge, Checkbox, Field, Input, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Catalogue } from "../../../ocop/criteria/types";
import type { Product } from "../../../ocop/session";
import { normaliseCode } from "../../../ocop/text";
import { NS } from "../strings";
import { FormPicker } from "./FormPicker";
import { RecordForm, RecordListEditor, type RecordFormSlot } from "./RecordListEditor";

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
  const formTitle = (code: string) => catalogue?.forms.get(code)?.title;
  return (
    <RecordListEditor
      texts="products"
      records={products}
      onChange={onChange}
      blank={blank}
      describe={(p) =>
        p.form
          ? t("products.formLine", { form: p.form, title: formTitle(p.form) ?? p.set })
          : t("products.noForm")
      }
      extra={(p) =>
        p.excluded && (
          <div>
            <Badge appearance="tint" color="danger">
              {t("products.excludedBadge", { reason: p.excluded.reason })}
            </Badge>
          </div>
        )
      }
      form={(slot) => <ProductForm {...slot} catalogue={catalogue} />}
    />
  );
}

interface ProductFormProps extends RecordFormSlot<Product> {
  catalogue: Catalogue | null;
}

function ProductForm({ initial, isNew, catalogue, taken, onSave, onCancel }: ProductFormProps) {
  const { t } = useTranslation(NS);
  const [p, setP] = useState<Product>(initial);
  const [reason, setReason] = useState(initial.excluded?.reason ?? "");
  const [excluded, setExcluded] = useState(initial.excluded !== null);

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
  return (
    <RecordForm
      heading={isNew ? t("products.newHeading") : t("products.editHeading", { code: initial.code })}
      testId="product-editor"
      saveLabel={t("products.save")}
      valid={!Object.values(errors).some(Boolean)}
      onSave={() =>
        onSave({
          ...p,
          code,
          name: p.name.trim(),
          excluded: excluded ? { reason: reason.trim() } : null,
        })
      }
      onCancel={onCancel}
    >
      {({ first, tried }) => {
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
          <>
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
                <Textarea
                  value={reason}
                  onChange={(_, d) => setReason(d.value)}
                  data-testid="product-reason"
                />
              </Field>
            )}
          </>
        );
      }}
    </RecordForm>
  );
}
