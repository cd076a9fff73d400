import type { BulkInsertOp } from "../../../ops/operations";
import { parameterLiteral } from "./inline-params";
import { columnList, qualifiedName } from "../quote";

/** Every column any row names, in the order they first appear; `undefined` counts as absent. */
function columnsOf(rows: BulkInsertOp["rows"]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) if (value !== undefined) seen.add(name);
  }
  return [...seen];
}

/**
 * `op.bulkInsert` as one INSERT. The values become literals converted exactly as
 * node-postgres converts query parameters (`parameterLiteral`), so live runs and `--sql`
 * scripts send the same text, and PostgreSQL types each value from its target column as it
 * would an untyped parameter. A column a row leaves out gets `DEFAULT`.
 *
 * @example compileBulkInsert(ops.bulkInsert({ schema: "public", table: "roles", rows: [{ name: "admin" }] }))
 * // => ['INSERT INTO "public"."roles" ("name") VALUES (\'admin\')']
 */
export function compileBulkInsert(op: BulkInsertOp): string[] {
  if (op.rows.length === 0) return [];
  const target = qualifiedName(op.schema, op.table);
  const columns = columnsOf(op.rows);
  // Rows that name no column at all can only be written one by one.
  if (columns.length === 0) return op.rows.map(() => `INSERT INTO ${target} DEFAULT VALUES`);
  const values = op.rows.map((row) => {
    const literals = columns.map((name) => {
      // Own properties only: a row without `__proto__` must not insert Object.prototype.
      const value = Object.hasOwn(row, name) ? row[name] : undefined;
      return value === undefined ? "DEFAULT" : parameterLiteral(value);
    });
    return `(${literals.join(", ")})`;
  });
  return [`INSERT INTO ${target} ${columnList(columns)} VALUES ${values.join(", ")}`];
}
