/**
 * The neutral schema model both sides of a comparison are brought to.
 *
 * Plain readonly data, JSON-serialisable, with every name unquoted and every expression in
 * the canonical text PostgreSQL itself prints (`pg_get_expr`, `pg_get_constraintdef`,
 * `format_type`). `JSON.stringify` of a model is a debugging aid and a test oracle, so arrays
 * are kept in a stable order (see `normalizeSchema`).
 */

/** A whole database as far as autogenerate is concerned. */
export interface DatabaseSchema {
  /** Schemas that must exist (besides `public`), sorted. */
  readonly schemas: readonly string[];
  /** Sorted by schema, then name. */
  readonly tables: readonly Table[];
  /** Sorted by schema, then name. */
  readonly enums: readonly EnumType[];
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
}

export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface UniqueConstraint {
  readonly name: string;
  readonly columns: readonly string[];
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
}

export interface CheckConstraint {
  readonly name: string;
  /** Canonical expression as `pg_get_constraintdef` prints it inside `CHECK (...)`. */
  readonly expression: string;
}

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
