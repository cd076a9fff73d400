import type { Column } from "../schema/model";
import type { ColumnOptions } from "./column";
import type {
  CheckDefinition,
  ColumnAlteration,
  ConstraintOptions,
  EnumAlteration,
  ExclusionDefinition,
  ExecuteOptions,
  ForeignKeyDefinition,
  IndexDefinition,
  IndexOptions,
  KeyDefinition,
  RebuildDefinition,
  TableDefinition,
  UniqueDefinition,
  ViewDefinition,
} from "./definitions";
import type { TableName, TypeName } from "./names";
import type { Todo } from "./todo";

/**
 * The `op` a migration file's `upgrade` and `downgrade` receive. Each method describes one
 * schema change and resolves once the runner has recorded it; the runner then executes (or
 * prints) the recorded changes in the order they were awaited, so a migration's statements
 * can be planned as a whole (enum labels committed first, transactions split where needed).
 *
 * Constraints and indexes are always named explicitly: the names are what later revisions
 * compare and drop.
 *
 * @example
 * await op.createTable("users", {
 *   columns: [
 *     op.column("id", "uuid", { default: "gen_random_uuid()" }),
 *     op.column("email", "character varying(255)"),
 *   ],
 *   primaryKey: { name: "PK_users", columns: ["id"] },
 * });
 * await op.createIndex("users", { name: "IDX_users_email", columns: ["email"], unique: true });
 */
export interface MigrationOperations {
  /** A column definition for `createTable` and `addColumn`; changes nothing by itself. */
  column(name: string, type: string, options?: ColumnOptions): Column;

  /**
   * A placeholder `revision` writes where only the author knows the value (the fill of a
   * column made NOT NULL over existing rows). It fails `tsc` and the run until replaced.
   *
   * @example
   * // generated:
   * backfill: op.todo("SQL giving \"books\".\"isbn\" a value where it holds NULL"),
   * // written by the author:
   * backfill: "'unknown'",
   */
  todo(what: string): Todo;

  createSchema(schema: string): Promise<void>;
  dropSchema(schema: string): Promise<void>;

  /**
   * Installs an extension if it is not installed yet (`CREATE EXTENSION IF NOT EXISTS`).
   *
   * @example await op.createExtension("uuid-ossp");
   */
  createExtension(name: string): Promise<void>;
  /** Removes an extension; PostgreSQL refuses while anything still uses it. */
  dropExtension(name: string): Promise<void>;

  /** @example await op.createEnum("users_role_enum", ["admin", "member"]); */
  createEnum(name: TypeName, values: readonly string[]): Promise<void>;
  dropEnum(name: TypeName): Promise<void>;
  /**
   * Changes an enum's labels. Pure additions become `ALTER TYPE ... ADD VALUE`; removals and
   * reorderings rebuild the type and convert the columns listed in `usages`.
   *
   * @example
   * await op.alterEnum("post_status_enum", {
   *   from: ["draft", "published"],
   *   to: ["draft", "published", "archived"],
   * });
   */
  alterEnum(name: TypeName, change: EnumAlteration): Promise<void>;

  createTable(table: TableName, definition: TableDefinition): Promise<void>;
  dropTable(table: TableName): Promise<void>;

  /** @example await op.addColumn("users", op.column("bio", "text", { nullable: true })); */
  addColumn(table: TableName, column: Column): Promise<void>;
  dropColumn(table: TableName, column: string): Promise<void>;
  /**
   * Changes some attributes of a column; `from` lists their previous values.
   *
   * @example
   * await op.alterColumn("users", "bio", { from: { nullable: true }, to: { nullable: false } });
   */
  alterColumn(table: TableName, column: string, change: ColumnAlteration): Promise<void>;

  addPrimaryKey(table: TableName, primaryKey: KeyDefinition): Promise<void>;
  dropPrimaryKey(table: TableName, name: string): Promise<void>;

  addUnique(table: TableName, unique: UniqueDefinition): Promise<void>;
  dropUnique(table: TableName, name: string): Promise<void>;

  /**
   * `{ concurrently: true }` builds the index without blocking writes (`CREATE INDEX
   * CONCURRENTLY`), which PostgreSQL only does outside a transaction: the file must export
   * `transaction = false`. A retry after a failed build drops the invalid index it left.
   *
   * @example
   * await op.createIndex("orders", { name: "IDX_orders_user", columns: ["user_id"] }, { concurrently: true });
   */
  createIndex(table: TableName, index: IndexDefinition, options?: IndexOptions): Promise<void>;
  /** `{ concurrently: true }`: `DROP INDEX CONCURRENTLY IF EXISTS`, outside a transaction. */
  dropIndex(table: TableName, name: string, options?: IndexOptions): Promise<void>;

  /**
   * @example
   * await op.addForeignKey("posts", {
   *   name: "FK_posts_author",
   *   columns: ["author_id"],
   *   references: { table: "users", columns: ["id"] },
   *   onDelete: "CASCADE",
   * });
   *
   * `{ notValid: true }` adds it without reading the rows already there (`NOT VALID`; new
   * rows are checked at once): `op.validateConstraint`, in a later migration, reads them.
   */
  addForeignKey(
    table: TableName,
    foreignKey: ForeignKeyDefinition,
    options?: ConstraintOptions,
  ): Promise<void>;
  dropForeignKey(table: TableName, name: string): Promise<void>;

  /** `{ notValid: true }` as for `addForeignKey`. */
  addCheck(table: TableName, check: CheckDefinition, options?: ConstraintOptions): Promise<void>;
  dropCheck(table: TableName, name: string): Promise<void>;
  /**
   * Reads the rows of a foreign key or check added `{ notValid: true }` and marks it valid
   * (`VALIDATE CONSTRAINT`), letting reads and writes go on; fails on a row that violates it.
   * Has nothing to undo: a downgrade leaves it out.
   *
   * @example await op.validateConstraint("posts", "FK_posts_author");
   */
  validateConstraint(table: TableName, name: string): Promise<void>;

  /**
   * @example
   * await op.addExclusion("bookings", {
   *   name: "XCL_bookings_room_during",
   *   expression: "USING gist (room_id WITH =, during WITH &&)",
   * });
   */
  addExclusion(table: TableName, exclusion: ExclusionDefinition): Promise<void>;
  dropExclusion(table: TableName, name: string): Promise<void>;

  /**
   * Creates a view, or a materialized view (which computes its rows at once).
   *
   * @example
   * await op.createView("active_users", { definition: "SELECT id, email FROM users WHERE active" });
   */
  createView(view: TableName, definition: ViewDefinition): Promise<void>;
  /** Drops a view; say `materialized: true` for a materialized one. */
  dropView(view: TableName, options?: { readonly materialized?: boolean }): Promise<void>;

  /** Sets the table's comment, or removes it with `null`. */
  setTableComment(table: TableName, comment: string | null): Promise<void>;

  /**
   * Runs SQL written by hand, such as a data backfill.
   *
   * @example
   * await op.execute("UPDATE users SET role = $1 WHERE role IS NULL", { params: ["member"] });
   */
  execute(sql: string, options?: ExecuteOptions): Promise<void>;

  /**
   * Inserts rows, such as reference data a new table starts with. Each row maps column names
   * to values, converted as node-postgres converts query parameters; a column a row leaves
   * out gets its default. Not reversible: write the downgrade yourself.
   *
   * @example
   * await op.bulkInsert("roles", [{ name: "admin" }, { name: "member", rank: 2 }]);
   */
  bulkInsert(table: TableName, rows: readonly Readonly<Record<string, unknown>>[]): Promise<void>;

  /**
   * Re-creates a table as `definition` says, keeping the rows (SQLite, for the changes its
   * ALTER TABLE cannot make): new table, rows of the `copy` columns copied, old table dropped,
   * new one renamed, indexes created, foreign keys checked before the migration commits.
   *
   * @example
   * await op.rebuildTable("users", {
   *   columns: [op.column("id", "integer", { serial: true }), op.column("age", "integer")],
   *   primaryKey: { name: "users_pkey", columns: ["id"] },
   *   copy: ["id", "age"],
   * });
   */
  rebuildTable(table: TableName, definition: RebuildDefinition): Promise<void>;

  /**
   * Renames keep the data: the rows, labels and everything that refers to the object stay.
   * Each is reversed by the rename back.
   *
   * @example await op.renameTable("tags", "labels");
   */
  renameTable(table: TableName, to: string): Promise<void>;
  /** @example await op.renameColumn("users", "fullname", "full_name"); */
  renameColumn(table: TableName, from: string, to: string): Promise<void>;
  /** @example await op.renameEnum("users_role_enum", "users_kind_enum"); */
  renameEnum(name: TypeName, to: string): Promise<void>;
  /** Rows holding the label hold the new one. @example await op.renameEnumValue("post_status_enum", "live", "published"); */
  renameEnumValue(name: TypeName, from: string, to: string): Promise<void>;
  /** @example await op.renameIndex("users", "IDX_users_email", "IDX_users_mail"); */
  renameIndex(table: TableName, from: string, to: string): Promise<void>;
  /** Primary key, unique (with its index), foreign key, check or exclusion constraint. */
  renameConstraint(table: TableName, from: string, to: string): Promise<void>;
}
