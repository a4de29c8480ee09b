import type { CliIO } from "./io";

/** A progress line on standard error: redrawn in place on a terminal, one line per step otherwise. */
export const progress = (io: CliIO) => {
  let shown = false;
  return {
    step(done: number, total: number, label: string): void {
      const line = `[${done}/${total}] ${label}`;
      if (io.isTTY) {
        io.stderr(`\r\x1b[K${line}`);
        shown = true;
      } else io.stderr(`${line}\n`);
    },
    end(): void {
      if (shown) io.stderr("\n");
      shown = false;
    },
  };
};
