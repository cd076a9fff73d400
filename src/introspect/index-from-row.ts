import type { Index } from "../schema/model";
import type { IndexRow } from "./catalog-rows";

/** One catalog row as a model index (the query already left out constraint-backed ones). */
export function indexFromRow(row: IndexRow): Index {
  return {
    name: row.name,
    columns: row.columns,
    unique: row.unique,
    where: row.where,
    method: row.method,
  };
}
