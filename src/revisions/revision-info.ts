/**
 * What the revision graph knows about one migration file. Plain readonly data, so the graph
 * can be built and tested without touching the disk.
 */
export interface RevisionInfo {
  /** The revision id (12 hex characters for generated files). */
  readonly revision: string;
  /**
   * The revisions this one follows: none for a base, one normally, several for a merge.
   * These are "versioned" edges: they decide what the version table holds.
   */
  readonly downRevisions: readonly string[];
  /** Names that can stand for this revision in targets (`label`, `label@head`, `label@+1`). */
  readonly branchLabels: readonly string[];
  /**
   * Revisions (or branch labels) that must be applied first without this revision being
   * their successor, typically across branches; Alembic's `depends_on`.
   */
  readonly dependsOn: readonly string[];
  /** The first line of the file's leading doc comment. */
  readonly message: string;
  /** The file the revision was read from; every error about the revision names it. */
  readonly file: string;
  /** The `Created:` line of the doc comment, as written. */
  readonly createdAt?: string;
}

/**
 * A migration's `upgrade` or `downgrade`. The runner passes its context; the loader can only
 * check that the export is a function, the file's own types check the rest.
 */
export type MigrationFunction = (context: unknown) => unknown;

/** A revision read from disk: its graph data plus what the runner needs to run it. */
export interface LoadedRevision extends RevisionInfo {
  /** sha256 (hex) of the file's bytes, so the runner can notice an edited, applied file. */
  readonly hash: string;
  readonly upgrade: MigrationFunction;
  readonly downgrade: MigrationFunction;
  /** `export const transaction = false` opts out of the per-migration transaction. */
  readonly transaction?: boolean;
}
