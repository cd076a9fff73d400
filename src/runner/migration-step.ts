import type { MigrationContext } from "../api";
import type { HistoryEntry } from "../dialect/dialect";

/**
 * One step of a run: a migration to run in one direction, with the version-table change it
 * implies, or a stamp, which changes the version table alone (`run` describes nothing).
 */
export interface MigrationStep {
  /** The revision run; for a stamp, the heads it leaves the table at. */
  readonly revision: string;
  readonly message: string;
  /** The file, as shown to the user (relative to the project); empty for a stamp. */
  readonly file: string;
  readonly direction: "upgrade" | "downgrade" | "stamp";
  readonly run: (context: MigrationContext) => Promise<void>;
  /** False when the file exports `transaction = false` (e.g. CREATE INDEX CONCURRENTLY). */
  readonly transactional: boolean;
  /** Version-table rows to delete and insert once the migration has run. */
  readonly removeHeads: readonly string[];
  readonly addHeads: readonly string[];
  /** Empty the version table first, whatever it holds (`stamp --purge`), then insert `addHeads`. */
  readonly purge?: boolean;
  /** sha256 of the file, recorded in the history table; absent, the history gets NULL. */
  readonly hash?: string;
  /**
   * The history rows the step writes. By default one: this revision, direction, hash and file;
   * a stamp lists every revision it stamps and unstamps.
   */
  readonly history?: readonly HistoryEntry[];
  /** The version table's rows once the step is done, for progress messages. */
  readonly headsAfter?: readonly string[];
}
