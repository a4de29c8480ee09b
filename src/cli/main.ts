/**
 * The `ocop` command line over the parts host: dispatches to one module per command (commands/). `run`
 * takes the arguments and an output sink and returns the exit code (0 no errors, 1 errors found,
 * 2 unreadable input, wrong call or an output that cannot be written), so tests call it in-process.
 */
import type { CliIO } from "./io";
import { TEXT } from "./text";
import { withCall } from "./call";
import { WrongCall } from "./failures";
import { init } from "./commands/init";
import { books } from "./commands/books";
import { check } from "./commands/check";
import { consolidate } from "./commands/consolidate";
import { printCommand } from "./commands/print";
import { roundCommand } from "./commands/round";

export type { CliIO } from "./io";

const COMMANDS: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  init,
  books,
  check,
  consolidate,
  print: printCommand,
  round: roundCommand,
};

export const run = async (argv: string[], io: CliIO): Promise<number> => {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    io.stdout(TEXT[argv.includes("--lang") && argv[argv.indexOf("--lang") + 1] === "en" ? "en" : "vi"].help);
    return command ? 0 : 2;
  }
  const known = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (known) return known(rest, io);
  // An unknown command: its options are still parsed first (an unknown option is the first thing said).
  return withCall(command, rest, io, () => Promise.reject(new WrongCall(`"${command}"`)));
};

/** Runs with the process's arguments and streams (see entry.ts). */
export const main = async (): Promise<void> => {
  const code = await run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
  });
  process.exitCode = code;
};
