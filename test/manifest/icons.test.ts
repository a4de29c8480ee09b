import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assetsDir } from "./paths";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { draw, SIZES } = require("../../scripts/draw-icons.cjs") as {
  draw(size: number): Buffer;
  SIZES: number[];
};

test("the committed icons are exactly what scripts/draw-icons.cjs draws", () => {
  expect(SIZES).toEqual([16, 32, 64, 80, 128]);
  for (const size of SIZES) {
    const committed = readFileSync(join(assetsDir, `icon-${size}.png`));
    expect(Buffer.compare(committed, draw(size))).toBe(0);
  }
});
