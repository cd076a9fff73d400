import type { MigrationOperations } from "./migration-operations";

/**
 * What `upgrade` and `downgrade` receive. An interface rather than a bare `op` parameter so
 * later fields (a query function for data migrations, the revision being run) can be added
 * without breaking existing migration files.
 */
export interface MigrationContext {
  readonly op: MigrationOperations;
}
