import type { Column } from "../schema/model";
import type { ColumnRow } from "./catalog-rows";

/**
 * Removes a trailing cast to the column's own type: `'draft'::post_status` -> `'draft'`,
 * `'{a,b}'::"Shop"."Size"[]` -> `'{a,b}'`. The cast only repeats the column's type, and the
 * entity side writes the bare literal; `ownType` is `format_type` of the column's type,
 * which is exactly how `pg_get_expr` prints the cast.
 */
export function stripOwnTypeCast(expression: string, ownType: string): string {
  const cast = `::${ownType}`;
  return expression.endsWith(cast) ? expression.slice(0, -cast.length) : expression;
}

/**
 * One catalog row as a model column.
 *
 * - Serial columns (a `nextval` default of a sequence the column owns) have `serial: true`
 *   and no default: the sequence and its name are PostgreSQL's business.
 * - Defaults of user-defined types (enums, domains) lose the cast to the column's type.
 * - Generated columns (`GENERATED ALWAYS AS (...) STORED`) carry their expression in
 *   `generated` and no default; identity columns their kind in `identity`.
 * - Optional attributes are present only when set (see the model's header).
 */
export function columnFromRow(row: ColumnRow): Column {
  let defaultExpression: string | null = null;
  if (row.default !== null && !row.serial && row.generated === null) {
    defaultExpression =
      row.type_schema === null ? row.default : stripOwnTypeCast(row.default, row.declared_type);
  }
  return {
    name: row.name,
    type: row.type,
    typeSchema: row.type_schema,
    isArray: row.is_array,
    nullable: !row.not_null,
    default: defaultExpression,
    serial: row.serial,
    comment: row.comment,
    ...(row.identity !== null ? { identity: row.identity } : {}),
    ...(row.generated !== null ? { generated: row.generated } : {}),
    ...(row.collation !== null ? { collation: row.collation } : {}),
  };
}
