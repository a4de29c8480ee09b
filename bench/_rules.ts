import { makeCouncil, PROVINCE } from "./council";
import { computeResults } from "../src/ocop/consolidate";
(async () => {
  const { session, catalogue, scores } = await makeCouncil(PROVINCE);
  const ts = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    computeResults(session, catalogue, scores);
    ts.push(performance.now() - t);
  }
  console.log(ts.map((t) => t.toFixed(1)).join(" "));
})();
