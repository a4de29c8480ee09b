/**
 * The picture in docs/architecture.md, drawn from the code: the modules the entry points reach (the same import
 * walk as the unreachable-file test), grouped by room (folder), with an arrow where one room imports another.
 * Rooms are laid out in rows, the entries' rooms on top and the rules at the bottom, so every arrow points down. The SVG is written by
 * hand (no graphviz here) and is the same for the same code, so a test can check the committed one is current.
 * It shows rooms and arrows only, no counts, so it changes when the structure does, not with every module added.
 *
 *   npm run architecture          writes docs/images/architecture.svg
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { entryPoints, isProductionModule, ROOT, walkImports } from "./imports/walk";

export const SVG_PATH = "docs/images/architecture.svg";

interface Room {
  id: string;
  label: string;
  /** What the room is, in a few words. */
  role: string;
  fill: string;
}

/** The rooms, most specific first: a module belongs to the first whose folder holds it. */
const ROOMS: (Room & { folder: string })[] = [
  {
    folder: "src/taskpane/",
    id: "taskpane",
    label: "taskpane",
    role: "views; compose/ wires hosts",
    fill: "#EDEDED",
  },
  { folder: "src/commands/", id: "commands", label: "commands", role: "ribbon", fill: "#EDEDED" },
  { folder: "src/excelCheck/", id: "excelCheck", label: "excelCheck", role: "check page", fill: "#EDEDED" },
  { folder: "src/cli/", id: "cli", label: "cli", role: "commands; compose.ts wires", fill: "#EDEDED" },
  { folder: "src/app/", id: "app", label: "app", role: "use cases", fill: "#E4DFEC" },
  { folder: "src/hosts/excel/", id: "excel", label: "hosts/excel", role: "office-js host", fill: "#FCE4D6" },
  { folder: "src/hosts/xlsx/", id: "xlsx", label: "hosts/xlsx", role: "file host (parts)", fill: "#FCE4D6" },
  { folder: "src/hosts/", id: "port", label: "hosts", role: "the port", fill: "#FCE4D6" },
  { folder: "src/sim/", id: "sim", label: "sim", role: "example scores", fill: "#EDEDED" },
  { folder: "src/layout/", id: "layout", label: "layout", role: "sheets ⇄ model", fill: "#DDEBF7" },
  { folder: "src/ocop/", id: "ocop", label: "ocop", role: "the rules", fill: "#E2EFDA" },
];

const roomOf = (module: string): (typeof ROOMS)[number] | undefined =>
  ROOMS.find((r) => (r.folder.endsWith("/") ? module.startsWith(r.folder) : module === r.folder));

export interface RoomGraph {
  rooms: { room: Room }[];
  /** importer → imported. */
  edges: { from: string; to: string }[];
}

/** The reachable production modules grouped by room, and the imports between rooms. */
export const roomGraph = (): RoomGraph => {
  const graph = walkImports(entryPoints());
  const used = new Set<string>();
  const edges = new Set<string>();
  for (const [module, targets] of graph) {
    if (!isProductionModule(module)) continue;
    const from = roomOf(module);
    if (!from) continue;
    used.add(from.id);
    for (const target of targets) {
      const to = roomOf(target);
      if (!to || to.id === from.id || !isProductionModule(target)) continue;
      edges.add(`${from.id} ${to.id}`);
    }
  }
  return {
    rooms: ROOMS.filter((r) => used.has(r.id)).map((r) => ({
      room: { id: r.id, label: r.label, role: r.role, fill: r.fill },
    })),
    edges: [...edges]
      .map((key) => {
        const [from, to] = key.split(" ") as [string, string];
        return { from, to };
      })
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
  };
};

/** Row of each room: 0 for a room nothing imports (an entry's room), else one below the lowest room importing it. */
const rowsOf = (g: RoomGraph): Map<string, number> => {
  const out = new Map<string, number>();
  const visiting = new Set<string>();
  const row = (id: string): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new Error(`Rooms import each other in a cycle through ${id}.`);
    visiting.add(id);
    const above = g.edges.filter((e) => e.to === id).map((e) => row(e.from));
    const r = above.length ? Math.max(...above) + 1 : 0;
    visiting.delete(id);
    out.set(id, r);
    return r;
  };
  for (const r of g.rooms) row(r.room.id);
  return out;
};

const BOX_W = 176;
const BOX_H = 56;
const GAP_X = 28;
const GAP_Y = 70;
const MARGIN = 24;
const TITLE_H = 34;
const MIN_WIDTH = 840;

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const num = (n: number): string => String(Math.round(n * 10) / 10);

/** The SVG for a room graph: entries' rooms on top, arrows from importer down to imported. */
export const drawSvg = (g: RoomGraph): string => {
  const rowOf = rowsOf(g);
  const rows: string[][] = [];
  for (const r of g.rooms) (rows[rowOf.get(r.room.id)!] ??= []).push(r.room.id);
  const widest = Math.max(...rows.map((r) => r.length));
  const width = Math.max(MIN_WIDTH, MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X);
  const height = MARGIN * 2 + TITLE_H + rows.length * BOX_H + (rows.length - 1) * GAP_Y;
  const at = new Map<string, { x: number; y: number }>();
  rows.forEach((ids, i) => {
    const rowWidth = ids.length * BOX_W + (ids.length - 1) * GAP_X;
    const x0 = (width - rowWidth) / 2;
    ids.forEach((id, j) =>
      at.set(id, { x: x0 + j * (BOX_W + GAP_X), y: MARGIN + TITLE_H + i * (BOX_H + GAP_Y) })
    );
  });
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Arial, sans-serif" role="img" aria-labelledby="title">`,
    `<title id="title">Rooms of src/ and the imports between them, generated by scripts/architecture.ts</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#595959"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 14}" font-size="15" font-weight="bold" fill="#262626">Rooms of src/ (modules reached from the entry points) and who imports whom</text>`
  );
  for (const e of g.edges) {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const x1 = a.x + BOX_W / 2;
    const y1 = a.y + BOX_H;
    const x2 = b.x + BOX_W / 2;
    const y2 = b.y;
    const bend = (y2 - y1) / 2;
    out.push(
      `<path d="M${num(x1)},${num(y1)} C${num(x1)},${num(y1 + bend)} ${num(x2)},${num(y2 - bend)} ${num(x2)},${num(y2)}" fill="none" stroke="#7F7F7F" stroke-opacity="0.75" stroke-width="1.3" marker-end="url(#arrow)"><title>${esc(`${e.from} imports ${e.to}`)}</title></path>`
    );
  }
  for (const r of g.rooms) {
    const p = at.get(r.room.id)!;
    out.push(
      `<g><rect x="${num(p.x)}" y="${num(p.y)}" width="${BOX_W}" height="${BOX_H}" rx="6" fill="${r.room.fill}" stroke="#595959"/>`,
      `<text x="${num(p.x + BOX_W / 2)}" y="${num(p.y + 24)}" text-anchor="middle" font-size="14" font-weight="bold" fill="#262626">${esc(r.room.label)}</text>`,
      `<text x="${num(p.x + BOX_W / 2)}" y="${num(p.y + 42)}" text-anchor="middle" font-size="11" fill="#404040">${esc(r.room.role)}</text></g>`
    );
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
};

export const architectureSvg = (): string => drawSvg(roomGraph());

if (require.main === module) {
  writeFileSync(path.join(ROOT, SVG_PATH), architectureSvg());
  process.stdout.write(`wrote ${SVG_PATH}\n`);
}
