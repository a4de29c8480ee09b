/**
 * Findings into words. The rules emit codes and parameters; this turns them into a message, a fix and
 * a place, in Vietnamese or English, so the CLI, the task pane and the JSON report say the same thing.
 *
 * Adding codes (e.g. for layout findings): write one table per language with `defineMessages`, which
 * refuses at compile time a code present in one language only, and pass it to `registerMessages`.
 */
import type { Finding, Where } from "./findings";
import { MESSAGES_VI } from "./messages.vi";
import { MESSAGES_EN } from "./messages.en";
import {
  render,
  type Lang,
  type MessageBook,
  type MessageTable,
  type Params,
  type Template,
} from "./messageFormat";

export type { Lang, MessageBook, MessageTable, Params, Template, TemplateText } from "./messageFormat";
export { formatNumber, interpolate } from "./messageFormat";

/** Identity at run time; at compile time both languages must carry exactly the same codes. */
export const defineMessages = <K extends string>(book: {
  vi: MessageTable<K>;
  en: MessageTable<K>;
}): MessageBook<K> => book;

const books: MessageBook[] = [{ vi: MESSAGES_VI, en: MESSAGES_EN }];

/** Makes another module's codes known (later tables win on a clash). */
export const registerMessages = (book: MessageBook): void => {
  books.push(book);
};

export const hasMessage = (code: string, lang: Lang): boolean => books.some((b) => code in b[lang]);

/** Every code with a template in the given language. */
export const knownCodes = (lang: Lang): string[] => [...new Set(books.flatMap((b) => Object.keys(b[lang])))];

const WHERE_LABELS: Record<Lang, Record<keyof Where, string>> = {
  vi: {
    file: "Tệp",
    sheet: "Sheet",
    cell: "Ô",
    member: "Thành viên",
    product: "Sản phẩm",
    criterion: "Tiêu chí",
    form: "Phiếu",
  },
  en: {
    file: "File",
    sheet: "Sheet",
    cell: "Cell",
    member: "Member",
    product: "Product",
    criterion: "Criterion",
    form: "Form",
  },
};

/** "Thành viên TV02 · Sản phẩm SP-01 · Tiêu chí 1.1 · Ô 'TV02'!D14". */
export const describeWhere = (where: Where, lang: Lang): string => {
  const L = WHERE_LABELS[lang];
  const parts: string[] = [];
  if (where.file) parts.push(`${L.file} ${where.file}`);
  if (where.member) parts.push(`${L.member} ${where.member}`);
  if (where.form) parts.push(`${L.form} ${where.form}`);
  if (where.product) parts.push(`${L.product} ${where.product}`);
  if (where.criterion) parts.push(`${L.criterion} ${where.criterion}`);
  if (where.cell) parts.push(`${L.cell} ${where.sheet ? `'${where.sheet}'!` : ""}${where.cell}`);
  else if (where.sheet) parts.push(`${L.sheet} ${where.sheet}`);
  return parts.join(" · ");
};

export interface Described {
  message: string;
  fix: string;
  where: string;
}

/** The finding in words. An unknown code still renders (code and parameters), never throws. */
export const describeFinding = (f: Finding, lang: Lang): Described => {
  let template: Template | undefined;
  for (let i = books.length - 1; i >= 0 && !template; i--) template = books[i]![lang][f.code];
  const params: Params =
    f.allowed && !("allowed" in f.params) ? { ...f.params, allowed: f.allowed } : f.params;
  const where = describeWhere(f.where, lang);
  if (!template) return { message: `${f.code} ${JSON.stringify(f.params)}`, fix: "", where };
  return { message: render(template.message, params, lang), fix: render(template.fix, params, lang), where };
};
