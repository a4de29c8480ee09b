/**
 * The shape of the catalogue files (docs/catalogue-format.md), checked on load with zod. The same
 * schemas read a form a council typed into a criteria sheet, so built-in and custom forms meet one bar.
 * Shape only: whether the numbers add up is integrity.ts's job.
 */
import { z } from "zod";
import type { Edition, Form } from "./types";
import type { Finding } from "../findings";
import { CODES } from "../codes";

const text = z.string();
const nonEmpty = z.string().trim().min(1);
const points = z.number().finite();

const LevelSchema = z.object({
  text,
  points,
  minStars: z.union([z.literal(3), z.literal(4), z.literal(5), z.null()]).default(null),
  knockout: z.string().min(1).optional(),
});

const CriterionSchema = z.object({
  id: nonEmpty,
  number: text,
  text: nonEmpty,
  max: z.number().finite().positive(),
  requirement: text.nullable().default(null),
  notes: z.array(text).default([]),
  levelsImplicit: z.boolean().default(false),
  levels: z.array(LevelSchema),
});

const SectionSchema = z.object({
  number: text,
  title: text,
  max: z.number().finite().nonnegative().nullable().default(null),
  criteria: z.array(CriterionSchema).min(1),
});

const PartIdSchema = z.enum(["A", "B", "C"]);

const FormPartSchema = z.object({
  id: PartIdSchema,
  title: text,
  max: z.number().finite().positive(),
  sections: z.array(SectionSchema).min(1),
});

const CitationSchema = z.object({ decision: text, annex: text, form: text, source: text });

export const FormSchema: z.ZodType<Form> = z.object({
  edition: nonEmpty,
  code: nonEmpty,
  title: nonEmpty,
  productType: text.nullable().default(null),
  group: text.nullable().default(null),
  citation: CitationSchema.default({ decision: "", annex: "", form: "", source: "" }),
  status: z.enum(["complete", "incomplete"]).default("complete"),
  statusNote: text.nullable().default(null),
  exclusion: text.nullable().default(null),
  notes: z.array(text).default([]),
  parts: z.array(FormPartSchema).min(1),
});

const ProductSetSchema = z.object({ code: nonEmpty, title: text, form: text.nullable() });

const ProductGroupSchema = z.object({
  code: nonEmpty,
  title: text,
  form: text.nullable().optional(),
  sets: z.array(ProductSetSchema),
});

export const EditionSchema: z.ZodType<Edition> = z.object({
  id: nonEmpty,
  decision: nonEmpty,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u),
  title: text,
  sources: z.array(z.object({ title: text, address: text, note: text.optional() })),
  parts: z.array(z.object({ id: PartIdSchema, title: text, max: z.number().finite().positive() })).min(1),
  bands: z
    .array(
      z.object({
        stars: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
        min: z.number().finite(),
        max: z.number().finite(),
      })
    )
    .min(1),
  bandsSource: text,
  classification: z.array(z.object({ code: nonEmpty, title: text, groups: z.array(ProductGroupSchema) })),
  forms: z.array(nonEmpty),
});

export interface Parsed<T> {
  /** The typed value, or null when the input does not have the shape (then `findings` say why). */
  value: T | null;
  findings: Finding[];
}

/** The kind of fault, for the message templates (zod's own messages are English only). */
type SchemaFault = "missing" | "type" | "value" | "tooSmall" | "tooBig" | "format" | "other";

const faultOf = (issue: z.core.$ZodIssue): { kind: SchemaFault; expected: string } => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? { kind: "missing", expected: String(issue.expected) }
        : { kind: "type", expected: String(issue.expected) };
    case "invalid_value":
      return { kind: "value", expected: issue.values.map(String).join(" | ") };
    case "invalid_union":
      return { kind: "value", expected: "" };
    case "too_small":
      return { kind: "tooSmall", expected: String(issue.minimum) };
    case "too_big":
      return { kind: "tooBig", expected: String(issue.maximum) };
    case "invalid_format":
      return {
        kind: "format",
        expected: issue.format === "regex" ? String(issue.pattern ?? "") : issue.format,
      };
    default:
      return { kind: "other", expected: "" };
  }
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * A path a secretary can follow: "parts[A] › sections[2] › criteria[2.1] › levels[3] › points" rather than
 * "parts.0.sections.1.criteria.0.levels.2.points". Array items are named by their id, code or number
 * when the input has one, by their 1-based position otherwise.
 */
export const readablePath = (input: unknown, path: readonly PropertyKey[]): string => {
  const steps: string[] = [];
  let node: unknown = input;
  let key = "";
  for (const p of path) {
    if (typeof p === "number" && Array.isArray(node)) {
      const item: unknown = node[p];
      const name = isRecord(item) ? (item.id ?? item.code ?? item.number) : undefined;
      const label = typeof name === "string" && name.trim() !== "" ? name : String(p + 1);
      if (steps.length === 0) steps.push(`[${label}]`);
      else steps[steps.length - 1] = `${key}[${label}]`;
      node = item;
    } else {
      key = String(p);
      steps.push(key);
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return steps.join(" › ");
};

const codeOf = (input: unknown): string | undefined =>
  isRecord(input) && typeof input.code === "string" ? input.code : undefined;

const parseWith = <T>(schema: z.ZodType<T>, input: unknown, what: "edition" | "form"): Parsed<T> => {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { value: result.data, findings: [] };
  const form = what === "form" ? codeOf(input) : undefined;
  const findings = result.error.issues.map((issue): Finding => {
    const { kind, expected } = faultOf(issue);
    return {
      code: CODES.catalogueSchema,
      severity: "error",
      where: form === undefined ? {} : { form },
      params: { what, path: readablePath(input, issue.path), kind, expected },
    };
  });
  return { value: null, findings };
};

/** Reads an edition.json (or any value of that shape). */
export const parseEdition = (input: unknown): Parsed<Edition> => parseWith(EditionSchema, input, "edition");

/** Reads a form-NN.json, or a form a council typed into a criteria sheet. */
export const parseForm = (input: unknown): Parsed<Form> => parseWith(FormSchema, input, "form");
