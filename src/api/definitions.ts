import type { Column, Deferrable, ReferentialAction } from "../schema/model";
import type { ColumnAttributes } from "./column";
import type { TableName } from "./names";

/**
 * The argument shapes of the `op` API. Every optional field defaults to what the neutral
 * model calls "nothing declared", so a call that leaves it out describes the same schema.
 */

/** A named constraint over columns: a primary key or a unique constraint. */
export interface KeyDefinition {
  readonly name: string;
  readonly columns: readonly string[];
}

/** A unique constraint; `deferrable` leaves it out for a constraint checked at once. */
export interface UniqueDefinition extends KeyDefinition {
  readonly deferrable?: Deferrable;
}

/** An exclusion constraint: what follows `EXCLUDE`, as PostgreSQL prints it. */
export interface ExclusionDefinition {
  readonly name: string;
  /** For example `"USING gist (room_id WITH =, during WITH &&)"`. */
  readonly expression: string;
  readonly deferrable?: Deferrable;
}

export interface ViewDefinition {
  /** The query, as PostgreSQL prints it (`pg_get_viewdef`). */
  readonly definition: string;
  /** Defaults to false. */
  readonly materialized?: boolean;
}

export interface CheckDefinition {
  readonly name: string;
  /** The expression inside `CHECK (...)`, as PostgreSQL prints it. */
  readonly expression: string;
}

/**
 * What `op.createTable` creates besides the name: indexes come separately, and foreign keys
 * too on PostgreSQL (SQLite can only create them with the table, so its migrations list them here).
 */
export interface TableDefinition {
  readonly foreignKeys?: readonly ForeignKeyDefinition[];
  readonly columns: readonly Column[];
  readonly primaryKey?: KeyDefinition | null;
  readonly uniques?: readonly UniqueDefinition[];
  readonly checks?: readonly CheckDefinition[];
  readonly exclusions?: readonly ExclusionDefinition[];
  readonly comment?: string | null;
}

export interface IndexDefinition extends KeyDefinition {
  /** Defaults to false. */
  readonly unique?: boolean;
  /** Predicate of a partial index, as PostgreSQL prints it. */
  readonly where?: string | null;
  /** Access method; defaults to `"btree"`. */
  readonly method?: string;
}

/** How `op.addForeignKey` and `op.addCheck` treat the rows already there. */
export interface ConstraintOptions {
  /** Add it `NOT VALID`: only new rows are checked until `op.validateConstraint`. Default false. */
  readonly notValid?: boolean;
}

/** How `op.createIndex` and `op.dropIndex` run. */
export interface IndexOptions {
  /** Without blocking writes, outside a transaction (`transaction = false`). Default false. */
  readonly concurrently?: boolean;
}

export interface ForeignKeyDefinition extends KeyDefinition {
  readonly references: { readonly table: TableName; readonly columns: readonly string[] };
  /** Defaults to `"NO ACTION"`, as in PostgreSQL. */
  readonly onDelete?: ReferentialAction;
  /** Defaults to `"NO ACTION"`, as in PostgreSQL. */
  readonly onUpdate?: ReferentialAction;
  /** Leave out for a key checked at once (not deferrable). */
  readonly deferrable?: Deferrable;
}

/**
 * What `op.rebuildTable` makes of a table: the whole table after the rebuild, with its
 * indexes and foreign keys, and the columns whose values are copied from the old one.
 */
export interface RebuildDefinition extends TableDefinition {
  readonly indexes?: readonly IndexDefinition[];
  /** Columns of both tables whose values are kept; the others start from their defaults. */
  readonly copy: readonly string[];
}

export interface ColumnAlteration {
  /** The attributes before the change; what the downgrade restores. */
  readonly from: ColumnAttributes;
  readonly to: ColumnAttributes;
  /** Conversion expression for a type change, e.g. `"created_at::date"`; a cast by default. */
  readonly using?: string;
  /**
   * SQL the rows holding NULL get before the column becomes NOT NULL, e.g. `"'free'"`:
   * `UPDATE ... SET col = <backfill> WHERE col IS NULL` runs first. Not undone by the reverse.
   */
  readonly backfill?: string;
  /**
   * A check (added `{ notValid: true }` earlier) proving the column holds no NULL: validated
   * first, so `SET NOT NULL` does not scan the table under its exclusive lock (PostgreSQL 12+).
   */
  readonly provenBy?: string;
}

/** A column of an enum type, converted when the enum has to be rebuilt. */
export interface EnumUsageDefinition {
  readonly table: TableName;
  readonly column: string;
  /** The column is an array of the enum; defaults to false. */
  readonly array?: boolean;
  /** The column's default (the bare literal, e.g. `"'draft'"`), restored after the rebuild. */
  readonly default?: string | null;
}

/** A partial index or check that casts to the enum, re-created around a rebuild. */
export type EnumDependentDefinition =
  | { readonly table: TableName; readonly index: IndexDefinition }
  | { readonly table: TableName; readonly check: CheckDefinition };

export interface EnumAlteration {
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Needed when values are removed or reordered; defaults to none. */
  readonly usages?: readonly EnumUsageDefinition[];
  /** Partial indexes and checks to drop before a rebuild and create after; defaults to none. */
  readonly dependents?: readonly EnumDependentDefinition[];
}

export interface ExecuteOptions {
  /** Bound to `$1`, `$2`, ... in `sql`. */
  readonly params?: readonly unknown[];
  /** SQL that undoes `sql`; without it the statement cannot be reversed. */
  readonly reverseSql?: string;
}
