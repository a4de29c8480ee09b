/** What the benchmark prints: figures with their target and PASS/FAIL, and plain information lines. */

export interface Check {
  section: string;
  name: string;
  /** The figure as printed, e.g. "5 syncs" or "2.31 s". */
  value: string;
  /** The target as printed, e.g. "≤ 5". */
  target: string;
  pass: boolean;
  /**
   * False for a target not reached yet when it was set: printed (FAIL or PASS) but it does not fail the run.
   * Once the bench shows it passing steadily, its call drops the option and it joins the gate.
   */
  gated: boolean;
}

const WIDTH = 120;

export class Report {
  readonly checks: Check[] = [];

  constructor(private readonly out: (line: string) => void = (line) => console.log(line)) {}

  section(title: string): void {
    this.out(`\n${title}`);
  }

  /** A plain line, wrapped at "; " to stay readable (continuation lines indented). */
  info(text: string): void {
    const parts = text.split("; ");
    let line = "  ";
    for (const [i, part] of parts.entries()) {
      const piece = part + (i < parts.length - 1 ? ";" : "");
      if (line.trim() && line.length + piece.length + 1 > WIDTH) {
        this.out(line);
        line = "      ";
      }
      line += (line.trim() ? " " : "") + piece;
    }
    this.out(line);
  }

  /** Records a figure against its target and prints it (as `line` when given, else "name: value (target …)"). */
  check(
    section: string,
    name: string,
    value: string,
    target: string,
    pass: boolean,
    line?: string,
    opts: { gated?: boolean } = {}
  ): boolean {
    const gated = opts.gated ?? true;
    this.checks.push({ section, name, value, target, pass, gated });
    const note = gated ? "" : pass ? " — reached: make it gated (bench/files.ts)" : " — not gated yet";
    this.out(`  ${pass ? "PASS" : "FAIL"}  ${line ?? `${name}: ${value} (target ${target})`}${note}`);
    return pass;
  }

  /** A section that could not run at all counts as a failure, with the reason. */
  error(section: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.check(section, `${section} could not run`, message.split("\n")[0] ?? "", "runs", false);
  }

  /** The targets that fail the run: gated ones only. */
  get failed(): Check[] {
    return this.checks.filter((c) => !c.pass && c.gated);
  }

  /** Targets printed as FAIL that do not fail the run yet. */
  get pending(): Check[] {
    return this.checks.filter((c) => !c.pass && !c.gated);
  }
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`;
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
