import { catalogSnapshot, userSchemas, type CatalogSnapshot } from "../../support/catalog-snapshot";
import type { TestDatabase } from "../../support/database";
import { BOOKKEEPING_SCHEMA } from "./migration";

/** What a case compares before and after each step (see `CatalogSnapshot`). */
export type Snapshot = CatalogSnapshot;

/**
 * The catalog snapshot of every schema a user could have put objects in: all but the runner's
 * bookkeeping schema, so a schema a migration creates, or forgets to drop, shows.
 */
export async function snapshot(db: TestDatabase): Promise<Snapshot> {
  return catalogSnapshot(db, await userSchemas(db, [BOOKKEEPING_SCHEMA]));
}
