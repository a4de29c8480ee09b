/** The choices the assistant offers for a criterion: every allowed number of points, with the level's words. */
import { allowedPoints } from "../../ocop/criteria/catalogue";
import type { Criterion } from "../../ocop/criteria/types";

export interface LevelChoice {
  points: number;
  /** The level's text as printed; null for the implicit 0 ("no level reached") and all-or-nothing criteria. */
  text: string | null;
  kind: "level" | "none" | "implicitNo" | "implicitYes";
  minStars: 3 | 4 | 5 | null;
  /** The form's note when this level is a knock-out (the product is not classified if the council picks it). */
  knockout: string | null;
}

/** Ascending by points, one choice per allowed number (the first printed level with those points). */
export const levelChoices = (criterion: Criterion): LevelChoice[] =>
  allowedPoints(criterion).map((points): LevelChoice => {
    if (criterion.levelsImplicit) {
      return {
        points,
        text: null,
        kind: points === 0 ? "implicitNo" : "implicitYes",
        minStars: null,
        knockout: null,
      };
    }
    const level = criterion.levels.find((l) => Math.abs(l.points - points) < 1e-9);
    return level
      ? {
          points,
          text: level.text,
          kind: "level",
          minStars: level.minStars,
          knockout: level.knockout ?? null,
        }
      : { points, text: null, kind: "none", minStars: null, knockout: null };
  });
