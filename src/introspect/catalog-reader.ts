import type { ClientBase } from "pg";
import type { CatalogReader } from "../dialect/dialect";
import { introspectDatabase } from "./introspect-database";
import { readViews } from "./read-catalog";

/**
 * PostgreSQL's catalog reader, as the dialect interface names it: what autogen/ hands the
 * scratch canonicaliser so it reads its scratch tables back with the very queries that read
 * the live database, without the dialect importing this stage.
 */
export const postgresCatalog: CatalogReader<ClientBase> = {
  readSchema: introspectDatabase,
  readViews,
};
