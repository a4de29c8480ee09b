/**
 * A planned table on every host: written with its style, its filter buttons usable on the protected sheet,
 * and written again (as each consolidation rewrites its sheets) without a second table of the same name.
 */
import { strFromU8, unzipSync } from "fflate";
import { TABLE_STYLE } from "../../src/layout/palette";
import { emptyPlan, type SheetPlan } from "../../src/layout/plan";
import { HOSTS, type HostFixture } from "./hosts";

const SHEET = "Kết quả chi tiết";
const NAME = "KetQuaChiTiet";

const plan = (rows: number): SheetPlan => ({
  ...emptyPlan(SHEET, "results"),
  cells: [
    { row: 0, col: 0, value: "Mã SP", style: "header" },
    { row: 0, col: 1, value: "Điểm TB", style: "header" },
    ...Array.from({ length: rows }, (_, i) => [
      { row: i + 1, col: 0, value: `SP${i + 1}`, style: "text" as const },
      { row: i + 1, col: 1, value: 70 + i, style: "number" as const },
    ]).flat(),
  ],
  tables: [{ name: NAME, range: { row: 0, col: 0, rowCount: rows + 1, colCount: 2 }, style: TABLE_STYLE }],
  protection: { allow: ["autoFilter", "sort"] },
});

interface Seen {
  tables: { name: string; ref: string; style: string }[];
  filterAllowed: boolean;
  sortAllowed: boolean;
}

const observe = async (fx: HostFixture): Promise<Seen> => {
  if (fx.fake) {
    const sheets = fx.fake.sheetNames().map((n) => fx.fake!.sheet(n));
    const s = fx.fake.sheet(SHEET);
    const options = (s.protection as { options?: Record<string, unknown> }).options ?? {};
    return {
      tables: sheets.flatMap((sh) =>
        sh.tables.map((t) => ({
          name: t.name,
          ref: `${t.rect.row},${t.rect.col},${t.rect.rows},${t.rect.cols}`,
          style: t.style ?? "",
        }))
      ),
      filterAllowed: s.protection.protected && options.allowAutoFilter === true,
      sortAllowed: options.allowSort === true,
    };
  }
  const bytes = await (fx.host as unknown as { toBuffer(): Promise<Uint8Array> }).toBuffer();
  const p = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
  const tables = Object.entries(p)
    .filter(([k]) => /^xl\/tables\/table\d+\.xml$/.test(k))
    .map(([, v]) => ({
      name: /<table [^>]*\bname="([^"]+)"/.exec(v)![1]!,
      ref: /<table [^>]*\bref="([^"]+)"/.exec(v)![1]! === "A1:B4" ? "0,0,4,2" : "other",
      style: /<tableStyleInfo [^>]*name="([^"]+)"/.exec(v)?.[1] ?? "",
    }));
  const protection =
    Object.entries(p)
      .filter(([k]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))
      .map(([, v]) => /<sheetProtection [^>]*>/.exec(v)?.[0] ?? "")
      .find((x) => x) ?? "";
  return {
    tables,
    filterAllowed: /\bsheet="1"/.test(protection) && /\bautoFilter="0"/.test(protection),
    sortAllowed: /\bsort="0"/.test(protection),
  };
};

describe.each(HOSTS)("a planned table on %s", (_kind, make) => {
  test("has its style and usable filters on the protected sheet, and stays one table when rewritten", async () => {
    const fx = await make();
    await fx.host.apply({ plans: [plan(3)] });
    const expected: Seen = {
      tables: [{ name: NAME, ref: "0,0,4,2", style: TABLE_STYLE }],
      filterAllowed: true,
      sortAllowed: true,
    };
    expect(await observe(fx)).toEqual(expected);
    const again = await fx.reopen();
    await again.apply({ plans: [plan(3)] });
    expect(await observe(fx)).toEqual(expected);
  });
});
