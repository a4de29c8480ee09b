import { countUseCases } from "./excel";
import { DISTRICT, PROVINCE } from "./council";
(async () => {
  for (const s of [DISTRICT, PROVINCE]) {
    const t = performance.now();
    const c = await countUseCases(s);
    console.log(s, (performance.now() - t).toFixed(0), "ms");
    for (const [k, v] of c) console.log("  ", k, v);
  }
})().catch((e) => { console.error(e); process.exit(1); });
