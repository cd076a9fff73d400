/**
 * Whether two model values (tables, columns, constraints: plain data) are equal as their JSON
 * texts would be if their keys were in the same order: a key holding `undefined` counts as
 * absent, as `JSON.stringify` leaves it out. The two sides of a comparison are built by
 * different readers (the live catalog, the canonical cache), which may list the same fields in
 * another order; and walking the values is cheaper than printing both.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  // Counted, not collected: this runs for every object of every table in a comparison.
  let defined = 0;
  for (const key of Object.keys(left)) {
    if (left[key] === undefined) continue;
    if (!sameValue(left[key], right[key])) return false;
    defined++;
  }
  for (const key of Object.keys(right)) if (right[key] !== undefined) defined--;
  return defined === 0;
}
