import { loadEdition } from "../../ocop/criteria/builtin";
import { criteriaOf } from "../../ocop/criteria/catalogue";
import { levelChoices } from "./levels";

test("the assistant's choices carry a form's knock-out note on the level it names, and nowhere else", async () => {
  const catalogue = await loadEdition("qd26-2026");
  const criterion = (form: string, id: string) =>
    criteriaOf(catalogue.forms.get(form)!).find((c) => c.criterion.id === id)!.criterion;
  const taste = levelChoices(criterion("16", "6.4"));
  expect(taste.map((c) => [c.points, c.knockout !== null])).toEqual([
    [0, true],
    [1, false],
    [3, false],
    [5, false],
  ]);
  expect(taste[0]!.knockout).toContain("không đánh giá các bước tiếp theo");
  // Form 04's impurity note names no level: no level is marked.
  expect(levelChoices(criterion("04", "6.1")).every((c) => c.knockout === null)).toBe(true);
});
