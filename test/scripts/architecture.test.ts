/**
 * docs/images/architecture.svg is drawn from the code (scripts/architecture.ts): the committed picture must be
 * the one the code draws now, and the rooms must keep their order (every arrow points down to the rules).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { architectureSvg, roomGraph, SVG_PATH } from "../../scripts/architecture";
import { ROOT } from "../../scripts/imports/walk";

describe("the architecture picture", () => {
  it("is current: regenerating it gives the committed SVG (else run `npm run architecture`)", () => {
    const committed = readFileSync(path.join(ROOT, SVG_PATH), "utf8");
    expect(committed === architectureSvg()).toBe(true);
  });

  it("shows the layers holding: the rules import no room, the layout only the rules, nothing imports a surface", () => {
    const { edges } = roomGraph();
    const from = (room: string) => edges.filter((e) => e.from === room).map((e) => e.to);
    expect(from("ocop")).toEqual([]);
    expect(from("layout")).toEqual(["ocop"]);
    expect(from("app").filter((to) => to === "excel" || to === "xlsx")).toEqual([]);
    const surfaces = ["taskpane", "cli", "commands", "excelCheck"];
    expect(edges.filter((e) => surfaces.includes(e.to))).toEqual([]);
  });
});
