import type { Index, View } from "../schema/model";
import type { ViewRow } from "./catalog-rows";

/**
 * A view's query as the model keeps it: `pg_get_viewdef` output without the leading space and
 * the final semicolon it prints, so it can follow `AS` in `CREATE VIEW` as it is.
 */
export function viewDefinition(printed: string): string {
  return printed.trim().replace(/;$/, "").trimEnd();
}

/** One catalog row, with the indexes of a materialized view, as a model view. */
export function viewFromRow(row: ViewRow, indexes: readonly Index[]): View {
  return {
    schema: row.schema,
    name: row.name,
    definition: viewDefinition(row.definition),
    materialized: row.materialized,
    ...(indexes.length > 0 ? { indexes } : {}),
    ...(row.references.length > 0
      ? { references: row.references.map((r) => ({ schema: r.schema, name: r.name })) }
      : {}),
  };
}
