/**
 * One command's call: its options and positionals parsed, the message language, and the checks every
 * command makes (an option it does not take, an option it needs). Every command's options are parsed
 * together, so an option of another command is named as such (`--out-dir (check)`) rather than unknown.
 * A command runs inside `withCall`, which turns an early stop into its exit code (failures.ts).
 */
import { parseArgs } from "node:util";
import type { Lang } from "../ocop/messages";
import type { CliIO } from "./io";
import { TEXT } from "./text";
import { WrongCall, exitFor } from "./failures";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

const COMMON = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
} as const satisfies OptionSpec;

/** The options of all commands (a new command adds its own here). */
const OPTIONS = {
  ...COMMON,
  products: { type: "string" },
  members: { type: "string" },
  edition: { type: "string" },
  criteria: { type: "string" },
  title: { type: "string" },
  level: { type: "string" },
  year: { type: "string" },
  place: { type: "string" },
  date: { type: "string" },
  password: { type: "string" },
  out: { type: "string" },
  "out-dir": { type: "string" },
  csv: { type: "string" },
  forms: { type: "string" },
} as const satisfies OptionSpec;

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Call {
  command: string;
  values: OptionValues;
  positionals: string[];
  lang: Lang;
  now: Date;
  t(): (typeof TEXT)[Lang];
  /** Refuses any option given that the command does not take (--lang and --help are always taken). */
  allow(names: string[]): void;
  /** The value of an option the command cannot do without. */
  need(name: string): string;
}

/** The language asked for before the options are parsed, so that a wrong call is reported in it. */
const earlyLang = (argv: string[]): Lang =>
  argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "vi";

const parseCall = (command: string, args: string[], io: CliIO): Call => {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new WrongCall((e as Error).message);
  }
  const values = parsed.values as OptionValues;
  if (values.lang !== undefined && values.lang !== "vi" && values.lang !== "en")
    throw new WrongCall(`--lang ${String(values.lang)}`);
  const lang: Lang = values.lang === "en" ? "en" : "vi";
  return {
    command,
    values,
    positionals: parsed.positionals,
    lang,
    now: io.now?.() ?? new Date(),
    t: () => TEXT[lang],
    allow(names) {
      for (const [k, val] of Object.entries(values)) {
        if (val !== undefined && !["lang", "help", ...names].includes(k))
          throw new WrongCall(`--${k} (${command})`);
      }
    },
    need(name) {
      const val = values[name];
      if (typeof val !== "string" || val === "") throw new WrongCall(`--${name}`);
      return val;
    },
  };
};

/**
 * Parses the call and runs the command's body: `--help` prints the usage (exit 0); a wrong call, an
 * unreadable input or an unwritable output ends with exit 2 and a message in the call's language.
 */
export const withCall = async (
  command: string,
  args: string[],
  io: CliIO,
  body: (call: Call) => Promise<number>
): Promise<number> => {
  let lang = earlyLang([command, ...args]);
  try {
    const call = parseCall(command, args, io);
    lang = call.lang;
    if (call.values.help) {
      io.stdout(TEXT[lang].help);
      return 0;
    }
    return await body(call);
  } catch (e) {
    return exitFor(e, io, lang);
  }
};
