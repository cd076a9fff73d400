import type { MigrationContext } from "../api";

/** One migration to run in one direction, with the version-table change it implies. */
export interface MigrationStep {
  readonly revision: string;
  readonly message: string;
  /** The file, as shown to the user (relative to the project). */
  readonly file: string;
  readonly direction: "upgrade" | "downgrade";
  readonly run: (context: MigrationContext) => Promise<void>;
  /** False when the file exports `transaction = false` (e.g. CREATE INDEX CONCURRENTLY). */
  readonly transactional: boolean;
  /** Version-table rows to delete and insert once the migration has run. */
  readonly removeHeads: readonly string[];
  readonly addHeads: readonly string[];
  /** sha256 of the file, recorded in the history table; absent, the history gets NULL. */
  readonly hash?: string;
  /** The version table's rows once the step is done, for progress messages. */
  readonly headsAfter?: readonly string[];
}
