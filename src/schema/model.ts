/**
 * The neutral schema model both sides of a comparison are brought to.
 *
 * Plain readonly data, JSON-serialisable, with every name unquoted and every expression in
 * the canonical text PostgreSQL itself prints (`pg_get_expr`, `pg_get_constraintdef`,
 * `format_type`). `JSON.stringify` of a model is a debugging aid and a test oracle, so arrays
 * are kept in a stable order (see `normalizeSchema`).
 *
 * Optional fields are left out when they hold nothing (no identity, no exclusion constraints,
 * no views): a model never carries `null` or `[]` there, so two models of one database
 * serialise identically whichever side built them, and models written before a field
 * existed stay valid.
 */

/** A whole database as far as autogenerate is concerned. */
export interface DatabaseSchema {
  /** Schemas that must exist (besides `public`), sorted. */
  readonly schemas: readonly string[];
  /** Sorted by schema, then name. */
  readonly tables: readonly Table[];
  /** Sorted by schema, then name. */
  readonly enums: readonly EnumType[];
  /**
   * Extensions the tables need (`uuid-ossp`, `citext`, `btree_gist`...), sorted. Extensions
   * are created when missing and never dropped by a comparison: a database often holds
   * extensions nobody declared. Absent means none.
   */
  readonly extensions?: readonly string[];
  /** Views and materialized views, sorted by schema, then name. Absent means none. */
  readonly views?: readonly View[];
}

/** A reference to a table: schema and name, both unquoted. */
export interface TableRef {
  readonly schema: string;
  readonly name: string;
}

export interface Table extends TableRef {
  /** In ordinal (declaration) order. */
  readonly columns: readonly Column[];
  readonly primaryKey: PrimaryKey | null;
  /** Sorted by name. */
  readonly uniques: readonly UniqueConstraint[];
  /** Sorted by name. */
  readonly indexes: readonly Index[];
  /** Sorted by name. */
  readonly foreignKeys: readonly ForeignKey[];
  /** Sorted by name. */
  readonly checks: readonly CheckConstraint[];
  readonly comment: string | null;
  /** Sorted by name. Absent means none. */
  readonly exclusions?: readonly ExclusionConstraint[];
}

/**
 * What `createTable` carries: a table without its indexes and foreign keys, which are
 * separate operations so tables can be created before the keys that point between them.
 */
export type TableShape = Omit<Table, "indexes" | "foreignKeys">;

export interface Column {
  readonly name: string;
  /**
   * Built-in types: the canonical `format_type` text without the array suffix, such as
   * `character varying(255)`, `numeric(10,2)`, `timestamp with time zone`.
   * User-defined types (enums): the type's name, with `typeSchema` set.
   */
  readonly type: string;
  /** Schema of a user-defined type; null for built-in types. */
  readonly typeSchema: string | null;
  readonly isArray: boolean;
  readonly nullable: boolean;
  /**
   * Canonical default expression as PostgreSQL prints it, or null. For enum columns the
   * literal without its `::type` cast (the cast only repeats the column's type).
   */
  readonly default: string | null;
  /** A `serial`-style column: its default is `nextval` of a sequence it owns. */
  readonly serial: boolean;
  readonly comment: string | null;
  /** An identity column (`GENERATED ... AS IDENTITY`); absent for any other column. */
  readonly identity?: IdentityKind;
  /**
   * The expression of a generated column (`GENERATED ALWAYS AS (...) STORED`), canonical as
   * `pg_get_expr` prints it; absent for an ordinary column. Such a column has no default.
   */
  readonly generated?: string;
  /** A collation other than the type's default (`C`, `en_US`), by name; absent otherwise. */
  readonly collation?: string;
}

/** How an identity column takes values: `ALWAYS` refuses explicit ones unless overridden. */
export type IdentityKind = "ALWAYS" | "BY DEFAULT";

/** When a deferrable constraint is checked by default; absent on a constraint means not deferrable. */
export type Deferrable = "INITIALLY IMMEDIATE" | "INITIALLY DEFERRED";

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface UniqueConstraint {
  readonly name: string;
  readonly columns: readonly string[];
  readonly deferrable?: Deferrable;
}

export interface Index {
  readonly name: string;
  /** Column names in index order. */
  readonly columns: readonly string[];
  readonly unique: boolean;
  /** Canonical predicate of a partial index (as `pg_get_expr` prints it), or null. */
  readonly where: string | null;
  /** Access method, `btree` unless declared otherwise. */
  readonly method: string;
}

export type ReferentialAction = "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT";

export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedSchema: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly deferrable?: Deferrable;
}

export interface CheckConstraint {
  readonly name: string;
  /** Canonical expression as `pg_get_constraintdef` prints it inside `CHECK (...)`. */
  readonly expression: string;
}

export interface ExclusionConstraint {
  readonly name: string;
  /**
   * What follows `EXCLUDE` as `pg_get_constraintdef` prints it:
   * `USING gist (room_id WITH =, during WITH &&)`.
   */
  readonly expression: string;
  readonly deferrable?: Deferrable;
}

/** A view or materialized view. */
export interface View extends TableRef {
  /** The query as `pg_get_viewdef` prints it, trimmed, without the final semicolon. */
  readonly definition: string;
  readonly materialized: boolean;
  /** Indexes of a materialized view, sorted by name. Absent means none. */
  readonly indexes?: readonly Index[];
  /**
   * The tables and views the query reads, sorted; filled in by introspection and
   * canonicalisation so a view can be re-created around changes to what it reads.
   */
  readonly references?: readonly TableRef[];
}

/**
 * What `createView` carries: a view without its indexes (separate operations, as for tables)
 * and without what it reads (which PostgreSQL works out from the query).
 */
export type ViewShape = Omit<View, "indexes" | "references">;

export interface EnumType {
  readonly schema: string;
  readonly name: string;
  /** Labels in declared (sort) order. */
  readonly values: readonly string[];
}

/** The schema nobody has to create. */
export const DEFAULT_SCHEMA = "public";

/** An empty database: the starting point of `downgrade base` and of a fresh project. */
export const EMPTY_SCHEMA: DatabaseSchema = Object.freeze({ schemas: [], tables: [], enums: [] });
