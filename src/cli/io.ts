/** What a command writes to: the process's streams, or a test's buffers. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress is redrawn on one line on a terminal, written line by line otherwise. */
  isTTY?: boolean;
  now?: () => Date;
}
