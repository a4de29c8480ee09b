import { loadEdition } from "../src/ocop/criteria/builtin";
import { criteriaOf } from "../src/ocop/criteria/catalogue";
(async () => {
  const c = await loadEdition("qd26-2026");
  for (const [code, f] of c.forms) console.log(code, criteriaOf(f).length, f.title.slice(0, 60));
})();
