/**
 * Greedy packing in order: items go into one request until adding the next would pass either of two budgets
 * (bytes and cells of a write; request and response bytes of a read). An item over budget alone gets a pack of
 * its own; callers split such items beforehand.
 */
export function packInOrder<T>(
  items: readonly T[],
  weigh: (item: T) => readonly [number, number],
  budget: readonly [number, number]
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let a = 0;
  let b = 0;
  for (const item of items) {
    const [x, y] = weigh(item);
    if (cur.length > 0 && (a + x > budget[0] || b + y > budget[1])) {
      out.push(cur);
      cur = [];
      a = 0;
      b = 0;
    }
    cur.push(item);
    a += x;
    b += y;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
