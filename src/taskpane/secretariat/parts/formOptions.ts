/** The choices of the product-form picker: every set (or group) of the edition's classification that has a form. */
import { looseKey } from "../../../layout/labels";
import type { Catalogue } from "../../../ocop/criteria/types";

export interface FormOption {
  key: string;
  form: string;
  group: string;
  set: string;
  /** "01 · Rau, củ, quả, hạt tươi" */
  label: string;
  /** Type and group, for the second line and the search. */
  context: string;
  search: string;
}

export const formOptions = (catalogue: Catalogue): FormOption[] => {
  const out: FormOption[] = [];
  const reached = new Set<string>();
  const add = (form: string, group: string, set: string, context: string, code: string): void => {
    reached.add(form);
    const label = `${form} · ${set}`;
    out.push({
      key: `${code}|${form}`,
      form,
      group,
      set,
      label,
      context,
      search: looseKey(`${label} ${context} ${code}`),
    });
  };
  for (const type of catalogue.edition.classification) {
    for (const group of type.groups) {
      if (group.form) add(group.form, group.title, group.title, type.title, group.code);
      for (const set of group.sets)
        if (set.form) add(set.form, group.title, set.title, `${type.title} › ${group.title}`, set.code);
    }
  }
  // Forms the classification does not reach (a council's own, or an edition without a classification).
  for (const [code, form] of [...catalogue.forms].sort(([a], [b]) => a.localeCompare(b))) {
    if (!reached.has(code)) add(code, form.group ?? "", form.title, form.productType ?? "", `form-${code}`);
  }
  return out;
};

export const filterOptions = (options: readonly FormOption[], query: string): FormOption[] => {
  const words = looseKey(query).split(" ").filter(Boolean);
  if (!words.length) return [...options];
  return options.filter((o) => words.every((w) => o.search.includes(w)));
};

/** The option matching a product's current group, set and form, if any. */
export const currentOption = (
  options: readonly FormOption[],
  p: { form: string; set: string; group: string }
): FormOption | undefined =>
  options.find((o) => o.form === p.form && looseKey(o.set) === looseKey(p.set)) ??
  options.find((o) => o.form === p.form);
