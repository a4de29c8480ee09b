/** Started by bin/ocop.cjs under tsx. */
import { main } from "./main";

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 2;
});
