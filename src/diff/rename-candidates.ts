import type { Column, DatabaseSchema, Table } from "../schema/model";

/**
 * A dropped and an added object that may be one object renamed. The diff never takes one on
 * its own: it is offered to the user (a prompt, or the flag that would take it), since a
 * wrong guess would keep data the user meant to drop, and a missed one loses it.
 */
export interface RenameCandidate {
  readonly kind: "table" | "column" | "enumValue";
  readonly schema: string;
  /** The column's table (its name in the target), the enum type of a label; null for a table. */
  readonly table: string | null;
  readonly from: string;
  readonly to: string;
  /** 0..1: how alike the two are (type, nullability, default, position, name). */
  readonly score: number;
}

/** Similarity of two names, 0..1: 1 - edit distance / longer length, case and `_` ignored. */
export function nameSimilarity(a: string, b: string): number {
  const x = a.toLowerCase().replace(/_/g, "");
  const y = b.toLowerCase().replace(/_/g, "");
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(
        Math.min(
          (row[j - 1] as number) + 1,
          (previous[j] as number) + 1,
          (previous[j - 1] as number) + cost,
        ),
      );
    }
    previous = row;
  }
  return 1 - (previous[y.length] as number) / longer;
}

/**
 * Whether two columns hold the same kind of values: the same type, or two enum types with the
 * same labels (TypeORM names an enum after its column, so a renamed column's enum is renamed too).
 */
function sameType(a: Column, b: Column, current: DatabaseSchema, target: DatabaseSchema): boolean {
  if (a.isArray !== b.isArray) return false;
  if (a.type === b.type && a.typeSchema === b.typeSchema) return true;
  const labels = (schema: DatabaseSchema, c: Column) =>
    schema.enums.find((e) => e.schema === c.typeSchema && e.name === c.type)?.values;
  const before = labels(current, a);
  return before !== undefined && JSON.stringify(before) === JSON.stringify(labels(target, b));
}

function columnScore(a: Column, ai: number, b: Column, bi: number): number {
  return (
    0.4 +
    (a.nullable === b.nullable ? 0.2 : 0) +
    (a.default === b.default ? 0.15 : 0) +
    (ai === bi ? 0.1 : 0) +
    0.15 * nameSimilarity(a.name, b.name)
  );
}

/** Best pairs first, each object in at most one pair. */
function pairUp(pairs: RenameCandidate[]): RenameCandidate[] {
  const taken = new Set<string>();
  const chosen: RenameCandidate[] = [];
  const key = (p: RenameCandidate, side: "from" | "to") =>
    JSON.stringify([side, p.schema, p.table, p[side]]);
  for (const pair of pairs.sort((p, q) => q.score - p.score || p.from.localeCompare(q.from))) {
    if (taken.has(key(pair, "from")) || taken.has(key(pair, "to"))) continue;
    taken.add(key(pair, "from")).add(key(pair, "to"));
    chosen.push(pair);
  }
  return chosen;
}

/** Columns of `before` missing from `after` paired with added ones of the same type. */
export function columnCandidates(
  before: Table,
  after: Table,
  current: DatabaseSchema,
  target: DatabaseSchema,
): RenameCandidate[] {
  const afterNames = new Set(after.columns.map((c) => c.name));
  const beforeNames = new Set(before.columns.map((c) => c.name));
  const pairs: RenameCandidate[] = [];
  before.columns.forEach((a, ai) => {
    if (afterNames.has(a.name)) return;
    after.columns.forEach((b, bi) => {
      if (beforeNames.has(b.name) || !sameType(a, b, current, target)) return;
      const score = columnScore(a, ai, b, bi);
      pairs.push({
        kind: "column",
        schema: after.schema,
        table: after.name,
        from: a.name,
        to: b.name,
        score,
      });
    });
  });
  return pairUp(pairs);
}

/** Dropped and created tables of one schema whose columns mostly agree (name and type). */
export function tableCandidates(
  dropped: readonly Table[],
  created: readonly Table[],
): RenameCandidate[] {
  const pairs: RenameCandidate[] = [];
  for (const a of dropped) {
    for (const b of created) {
      if (a.schema !== b.schema) continue;
      const common = a.columns.filter((c) =>
        b.columns.some(
          (d) =>
            d.name === c.name &&
            d.isArray === c.isArray &&
            (d.type === c.type || d.typeSchema !== null),
        ),
      ).length;
      const overlap = common / Math.max(a.columns.length, b.columns.length, 1);
      if (overlap < 0.5) continue;
      const score = 0.85 * overlap + 0.15 * nameSimilarity(a.name, b.name);
      pairs.push({ kind: "table", schema: a.schema, table: null, from: a.name, to: b.name, score });
    }
  }
  return pairUp(pairs);
}
