#!/usr/bin/env node
/**
 * Draws the add-in icons: a score sheet (green header row, grid) with a gold star over its top-right corner.
 *
 *   node scripts/draw-icons.cjs            writes assets/icon-{16,32,64,80,128}.png
 *   node scripts/draw-icons.cjs --check    exits 1 if a committed icon differs from what this script draws
 *
 * The picture is described in a unit square and rendered per pixel with 8×8 supersampling, so every size is drawn
 * from the same description; stroke widths are given in device pixels so the 16 px icon stays crisp.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { PNG } = require("pngjs");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");
const SAMPLES = 8;

const COLOURS = {
  paper: [255, 255, 255, 255],
  border: [22, 92, 52, 255], // dark green, close to Excel's brand green
  header: [33, 115, 70, 255],
  grid: [160, 190, 172, 255],
  star: [247, 181, 0, 255],
  starEdge: [168, 102, 0, 255],
};

/** Point-in-polygon (even-odd) for the star. */
function inside(poly, x, y) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function starPolygon(cx, cy, outer, inner) {
  const points = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return points;
}

/** Snap a unit coordinate to the pixel grid of an icon of `size` pixels. */
function snap(v, size) {
  return Math.round(v * size) / size;
}

/** Returns a function (x, y) → RGBA colour or null (transparent) for one icon size. */
function scene(size) {
  const px = 1 / size;
  const stroke = Math.max(1, Math.round(size / 24)) * px;
  const sheet = { x0: snap(0.06, size), y0: snap(0.1, size), x1: snap(0.74, size), y1: snap(0.96, size) };
  const headerBottom = snap(0.3, size);
  const rows = size <= 16 ? 2 : size <= 32 ? 3 : 4;
  const rowLines = [];
  for (let r = 1; r <= rows; r++)
    rowLines.push(snap(headerBottom + ((sheet.y1 - headerBottom) * r) / (rows + 1), size));
  const colLine = snap(sheet.x0 + (sheet.x1 - sheet.x0) * 0.38, size);
  const gridWidth = Math.max(1, Math.round(size / 40)) * px;

  const cx = 0.7;
  const cy = size <= 16 ? 0.32 : 0.3;
  const outer = size <= 16 ? 0.31 : 0.29;
  const starOuter = starPolygon(cx, cy, outer, outer * 0.45);
  const edge = Math.max(1, Math.round(size / 32)) * px * 1.2;
  const starInner = starPolygon(cx, cy + edge * 0.15, outer - edge * 1.6, (outer - edge * 1.6) * 0.45);

  return (x, y) => {
    if (inside(starInner, x, y)) return COLOURS.star;
    if (inside(starOuter, x, y)) return COLOURS.starEdge;
    const inSheet = x >= sheet.x0 && x < sheet.x1 && y >= sheet.y0 && y < sheet.y1;
    if (!inSheet) return null;
    const onBorder =
      x < sheet.x0 + stroke || x >= sheet.x1 - stroke || y < sheet.y0 + stroke || y >= sheet.y1 - stroke;
    if (onBorder) return COLOURS.border;
    if (y < headerBottom) return COLOURS.header;
    if (rowLines.some((ly) => y >= ly - gridWidth / 2 && y < ly + gridWidth / 2)) return COLOURS.grid;
    if (x >= colLine - gridWidth / 2 && x < colLine + gridWidth / 2) return COLOURS.grid;
    return COLOURS.paper;
  };
}

/** Renders one size; colours are averaged in premultiplied space so edges blend into transparency cleanly. */
function draw(size) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const colourAt = scene(size);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((pxl + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const n = SAMPLES * SAMPLES;
      const i = (py * size + pxl) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function main() {
  const check = process.argv.includes("--check");
  let stale = 0;
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const bytes = draw(size);
    if (check) {
      const same = fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), bytes) === 0;
      if (!same) {
        stale++;
        console.error(`differs: ${path.relative(process.cwd(), file)}`);
      }
    } else {
      fs.writeFileSync(file, bytes);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size}, ${bytes.length} bytes)`);
    }
  }
  if (check) {
    if (stale) {
      console.error(`${stale} icon(s) differ from scripts/draw-icons.cjs; run: node scripts/draw-icons.cjs`);
      process.exit(1);
    }
    console.log("icons match scripts/draw-icons.cjs");
  }
}

if (require.main === module) main();

module.exports = { draw, SIZES };
