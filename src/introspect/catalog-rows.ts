import type { Deferrable, IdentityKind } from "../schema/model";

/**
 * Row shapes of the catalog queries in `queries/`, one interface per file, named after the
 * columns each query selects. They stay close to the catalogs; turning them into the model
 * is the job of the `*-from-rows` modules.
 */

export interface SchemaRow {
  readonly name: string;
}

export interface TableRow {
  readonly schema: string;
  readonly name: string;
  readonly comment: string | null;
}

export interface ColumnRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly not_null: boolean;
  readonly is_array: boolean;
  /** Element type for arrays; see `queries/columns.sql` for the canonical form. */
  readonly type: string;
  /** Schema of a user-defined type, null for built-in and extension types. */
  readonly type_schema: string | null;
  /** `format_type` of the column's own type: how a cast to it is printed. */
  readonly declared_type: string;
  readonly identity: IdentityKind | null;
  /** Expression of a generated column; its `default` then holds the same text. */
  readonly generated: string | null;
  readonly collation: string | null;
  readonly default: string | null;
  readonly serial: boolean;
  readonly comment: string | null;
}

export type ConstraintType = "p" | "u" | "f" | "c" | "x";

export interface ConstraintRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly type: ConstraintType;
  readonly columns: readonly string[];
  readonly referenced_schema: string | null;
  readonly referenced_table: string | null;
  readonly referenced_columns: readonly string[];
  /** One-letter `confdeltype` code (`a`, `r`, `c`, `n`, `d`); foreign keys only. */
  readonly on_delete: string | null;
  readonly on_update: string | null;
  /** `pg_get_constraintdef` text; checks and exclusion constraints only. */
  readonly definition: string | null;
  readonly deferrable: Deferrable | null;
}

/** An index of a table, or of a materialized view (then `table` names the view). */
export interface IndexRow {
  readonly schema: string;
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly where: string | null;
  readonly method: string;
}

export interface ViewRow {
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  /** `pg_get_viewdef`: starts with a space and ends with a semicolon. */
  readonly definition: string;
  readonly references: readonly { readonly schema: string; readonly name: string }[];
}

export interface ExtensionRow {
  readonly name: string;
}

export interface EnumRow {
  readonly schema: string;
  readonly name: string;
  readonly values: readonly string[];
}

/** Every catalog query by the name of its `.sql` file, with the rows it returns. */
export interface CatalogRows {
  readonly schemas: SchemaRow;
  readonly tables: TableRow;
  readonly columns: ColumnRow;
  readonly constraints: ConstraintRow;
  readonly indexes: IndexRow;
  readonly enums: EnumRow;
  readonly extensions: ExtensionRow;
  readonly views: ViewRow;
}

export type CatalogKind = keyof CatalogRows;

/** The result of every catalog query for one set of schemas. */
export type Catalog = { readonly [K in CatalogKind]: readonly CatalogRows[K][] };
