/**
 * Where two JSON-like values first differ, as `path: before -> after`; null when equal. The
 * fallback when a catalog difference is one the schema comparison does not turn into an
 * operation (it still proves the downgrade left something behind).
 */
export function firstDifference(before: unknown, after: unknown, path = "schema"): string | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const d = firstDifference(before[i], after[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
  } else if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const d = firstDifference(before[key], after[key], `${path}.${key}`);
      if (d !== null) return d;
    }
  }
  return `${path} was ${JSON.stringify(before)}, is ${JSON.stringify(after)}`;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
