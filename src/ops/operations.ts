import type {
  CheckConstraint,
  Column,
  EnumType,
  ExclusionConstraint,
  ForeignKey,
  Index,
  PrimaryKey,
  Table,
  TableShape,
  UniqueConstraint,
  ViewShape,
} from "../schema/model";
import type { AlterableAttribute, ChangeValue } from "./column-attributes";

/**
 * Operations: the one representation of a schema change. The diff produces them, the
 * renderer prints them as `op.*` calls, migration files call the `op` API to produce them
 * again, the SQL compiler turns them into statements and the linter reads them.
 *
 * Every operation is a frozen plain object with a `kind`. Drop operations name what they
 * drop; when the diff made them they also carry the dropped object in `previous`, which is
 * what `reverse` needs to bring it back.
 */

/** Where a table-level operation applies. */
interface OnTable {
  readonly schema: string;
  readonly table: string;
}

export interface CreateSchemaOp {
  readonly kind: "createSchema";
  readonly schema: string;
}
export interface DropSchemaOp {
  readonly kind: "dropSchema";
  readonly schema: string;
}

/**
 * Installs an extension the tables need, when it is missing. Comparisons never drop one (a
 * database holds extensions nobody declared); only the reverse of a creation does.
 */
export interface CreateExtensionOp {
  readonly kind: "createExtension";
  readonly name: string;
}
export interface DropExtensionOp {
  readonly kind: "dropExtension";
  readonly name: string;
}

export interface CreateEnumOp {
  readonly kind: "createEnum";
  readonly enum: EnumType;
}
export interface DropEnumOp {
  readonly kind: "dropEnum";
  readonly schema: string;
  readonly name: string;
  readonly previous?: EnumType;
}
/** A column whose type is an enum; needed to rebuild the type when values go away. */
export interface EnumUsage {
  readonly schema: string;
  readonly table: string;
  readonly column: string;
  readonly isArray: boolean;
  /** The column's default (canonical, cast-free literal), restored after the rebuild. */
  readonly default: string | null;
}
/** An index or check whose expression mentions an enum, on the table it belongs to. */
export interface EnumDependent {
  readonly schema: string;
  readonly table: string;
  readonly index?: Index;
  readonly check?: CheckConstraint;
}
/**
 * Changes an enum's labels from one list to another. Pure insertions compile to
 * `ALTER TYPE ... ADD VALUE`; anything else rebuilds the type and converts `usages`. The
 * `dependents` (partial indexes and checks that cast to the enum) are dropped before a
 * rebuild and created again after it: PostgreSQL cannot convert them along with the columns.
 */
export interface AlterEnumOp {
  readonly kind: "alterEnum";
  readonly schema: string;
  readonly name: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly usages: readonly EnumUsage[];
  readonly dependents?: readonly EnumDependent[];
}

/**
 * `foreignKeys` are the table's own keys created with it: the SQLite dialect puts them there,
 * as SQLite cannot add one later; the diff writes them as `addForeignKey` operations.
 */
export interface CreateTableOp {
  readonly kind: "createTable";
  readonly table: TableShape;
  readonly foreignKeys?: readonly ForeignKey[];
}
export interface DropTableOp {
  readonly kind: "dropTable";
  readonly schema: string;
  readonly name: string;
  readonly previous?: TableShape;
  /** The dropped table's foreign keys, when they go with it (SQLite). */
  readonly previousForeignKeys?: readonly ForeignKey[];
}

export interface AddColumnOp extends OnTable {
  readonly kind: "addColumn";
  readonly column: Column;
}
export interface DropColumnOp extends OnTable {
  readonly kind: "dropColumn";
  readonly name: string;
  readonly previous?: Column;
}
/**
 * The attributes of a column an `alterColumn` can change (the `alter` ones of
 * `COLUMN_ATTRIBUTES`); only changed ones are present. `identity`, `generated` and `collation`
 * are null for "none" here, where the model leaves them out. A change of `generated` states
 * the column whole (type, nullability, comment, and collation when there is one): a column
 * that becomes generated has to be dropped and added again, since PostgreSQL cannot give an
 * existing column an expression.
 */
export type ColumnChange = { readonly [K in AlterableAttribute]?: ChangeValue<K> };
export interface AlterColumnOp extends OnTable {
  readonly kind: "alterColumn";
  readonly name: string;
  readonly from: ColumnChange;
  readonly to: ColumnChange;
  /** Conversion expression for a type change; a plain cast to the new type when absent. */
  readonly using?: string;
  /**
   * An SQL expression the rows holding NULL get before the column becomes NOT NULL
   * (`UPDATE ... SET col = <backfill> WHERE col IS NULL`): the column's default, when the
   * diff writes it. Like `using`, it belongs to one direction: the reverse makes the column
   * nullable again and leaves the filled values.
   */
  readonly backfill?: string;
  /**
   * A backfill `revision` leaves for the author to write, described for them: a NOT NULL
   * over a table with rows whose value only a person can choose. The file renders it as
   * `op.todo(...)`, which fails `tsc` and the run until it is replaced (see `ops/plans-for-rows.ts`).
   */
  readonly backfillToWrite?: string;
  /**
   * A check constraint, added `NOT VALID` by an earlier migration, that proves the column
   * holds no NULL once validated: it is validated (a scan that lets writes go on) before
   * `SET NOT NULL`, which PostgreSQL 12 and later then make without a scan of their own,
   * under their ACCESS EXCLUSIVE lock. One direction only, like `backfill`.
   */
  readonly provenBy?: string;
}

export interface AddPrimaryKeyOp extends OnTable {
  readonly kind: "addPrimaryKey";
  readonly primaryKey: PrimaryKey;
}
export interface DropPrimaryKeyOp extends OnTable {
  readonly kind: "dropPrimaryKey";
  readonly name: string;
  readonly previous?: PrimaryKey;
}

export interface AddUniqueOp extends OnTable {
  readonly kind: "addUnique";
  readonly unique: UniqueConstraint;
}
export interface DropUniqueOp extends OnTable {
  readonly kind: "dropUnique";
  readonly name: string;
  readonly previous?: UniqueConstraint;
}

/**
 * `concurrently` builds (or drops) the index without blocking writes: PostgreSQL then refuses
 * a transaction, so the migration exports `transaction = false` (see `runsOutsideTransaction`).
 */
export interface CreateIndexOp extends OnTable {
  readonly kind: "createIndex";
  readonly index: Index;
  readonly concurrently?: boolean;
}
export interface DropIndexOp extends OnTable {
  readonly kind: "dropIndex";
  readonly name: string;
  readonly previous?: Index;
  readonly concurrently?: boolean;
}

/**
 * `notValid` adds the constraint without reading the rows already there (`NOT VALID`: new
 * rows are checked at once); a `validateConstraint`, in a later transaction, reads them.
 */
export interface AddForeignKeyOp extends OnTable {
  readonly kind: "addForeignKey";
  readonly foreignKey: ForeignKey;
  readonly notValid?: boolean;
}
export interface DropForeignKeyOp extends OnTable {
  readonly kind: "dropForeignKey";
  readonly name: string;
  readonly previous?: ForeignKey;
}

/** `notValid` as for `AddForeignKeyOp`. */
export interface AddCheckOp extends OnTable {
  readonly kind: "addCheck";
  readonly check: CheckConstraint;
  readonly notValid?: boolean;
}
/**
 * Checks the rows of a constraint added `NOT VALID` (`VALIDATE CONSTRAINT`): a scan that
 * lets reads and writes go on. Its downgrade is nothing: the constraint stays and holds the
 * same rule either way, so `reverseOperations` leaves it out (see `needsNoReverse`).
 */
export interface ValidateConstraintOp extends OnTable {
  readonly kind: "validateConstraint";
  readonly name: string;
}
export interface DropCheckOp extends OnTable {
  readonly kind: "dropCheck";
  readonly name: string;
  readonly previous?: CheckConstraint;
}

export interface AddExclusionOp extends OnTable {
  readonly kind: "addExclusion";
  readonly exclusion: ExclusionConstraint;
}
export interface DropExclusionOp extends OnTable {
  readonly kind: "dropExclusion";
  readonly name: string;
  readonly previous?: ExclusionConstraint;
}

/**
 * Re-creates a table whose change SQLite's ALTER TABLE cannot make in place (a type,
 * nullability, default, key, check or foreign-key change): a new table as `definition` says,
 * the `copy` columns' values copied over from the old one (the others start from their
 * defaults), the old table dropped, the new one renamed and its indexes created. Only the
 * SQLite dialect makes these (see `dialect/sqlite/adapt-operations.ts`).
 */
export interface RebuildTableOp extends OnTable {
  readonly kind: "rebuildTable";
  /** The table after the rebuild, with its indexes and foreign keys. */
  readonly definition: Table;
  /** Columns of both the old and the new table whose values are copied, in new order. */
  readonly copy: readonly string[];
  /** The table before the rebuild: what `reverse` rebuilds it to. */
  readonly previous?: Table;
}

/** Creates a view or materialized view; a materialized one computes its rows at once. */
export interface CreateViewOp {
  readonly kind: "createView";
  readonly view: ViewShape;
}
/** `materialized` says which `DROP` to write: PostgreSQL has one statement for each kind. */
export interface DropViewOp {
  readonly kind: "dropView";
  readonly schema: string;
  readonly name: string;
  readonly materialized: boolean;
  readonly previous?: ViewShape;
}

export interface SetTableCommentOp extends OnTable {
  readonly kind: "setTableComment";
  readonly comment: string | null;
  /** The comment being replaced; absent when unknown (then the op cannot be reversed). */
  readonly previous?: string | null;
}

/** Raw SQL written by a person; reversible only when they supplied `reverseSql`. */
export interface ExecuteOp {
  readonly kind: "execute";
  readonly sql: string;
  readonly params?: readonly unknown[];
  readonly reverseSql?: string;
}

/**
 * Rows to insert, written by a person (a data migration). Each row maps column names to
 * values; a column a row leaves out (or sets to `undefined`) gets its default. Never
 * reversible: the rows may have changed or gained dependants by the time of a downgrade.
 */
export interface BulkInsertOp extends OnTable {
  readonly kind: "bulkInsert";
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Renames keep what the object holds: rows, labels, dependants. They come from a decision
 * (a hint, a flag, an answer; see `diff/renames.ts`), or from an index or constraint whose
 * definition is unchanged under a new name. Each names both names, so it reverses itself.
 */
export interface RenameTableOp {
  readonly kind: "renameTable";
  readonly schema: string;
  readonly from: string;
  readonly to: string;
}
export interface RenameColumnOp extends OnTable {
  readonly kind: "renameColumn";
  readonly from: string;
  readonly to: string;
}
export interface RenameEnumOp {
  readonly kind: "renameEnum";
  readonly schema: string;
  readonly from: string;
  readonly to: string;
}
export interface RenameEnumValueOp {
  readonly kind: "renameEnumValue";
  readonly schema: string;
  /** The enum type. */
  readonly name: string;
  readonly from: string;
  readonly to: string;
}
/** `table` is the index's table, for the review; PostgreSQL names an index by schema alone. */
export interface RenameIndexOp extends OnTable {
  readonly kind: "renameIndex";
  readonly from: string;
  readonly to: string;
}
/** Any table constraint: primary key, unique (its index follows), foreign key, check, exclusion. */
export interface RenameConstraintOp extends OnTable {
  readonly kind: "renameConstraint";
  readonly from: string;
  readonly to: string;
}

export type Operation =
  | CreateSchemaOp
  | DropSchemaOp
  | CreateExtensionOp
  | DropExtensionOp
  | CreateEnumOp
  | DropEnumOp
  | AlterEnumOp
  | CreateTableOp
  | DropTableOp
  | AddColumnOp
  | DropColumnOp
  | AlterColumnOp
  | AddPrimaryKeyOp
  | DropPrimaryKeyOp
  | AddUniqueOp
  | DropUniqueOp
  | CreateIndexOp
  | DropIndexOp
  | AddForeignKeyOp
  | DropForeignKeyOp
  | AddCheckOp
  | DropCheckOp
  | ValidateConstraintOp
  | AddExclusionOp
  | DropExclusionOp
  | CreateViewOp
  | DropViewOp
  | SetTableCommentOp
  | ExecuteOp
  | BulkInsertOp
  | RebuildTableOp
  | RenameTableOp
  | RenameColumnOp
  | RenameEnumOp
  | RenameEnumValueOp
  | RenameIndexOp
  | RenameConstraintOp;

export type OperationKind = Operation["kind"];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/** A table of one handler per operation kind; a missing kind is a compile error. */
export type OperationHandlers<R> = { readonly [K in OperationKind]: (op: OperationOf<K>) => R };

/** Whether an operation must run outside a transaction (an index built or dropped concurrently). */
export function runsOutsideTransaction(op: Operation): boolean {
  return (op.kind === "createIndex" || op.kind === "dropIndex") && op.concurrently === true;
}

/** Calls the handler for `op.kind` with the operation narrowed to its type. */
export function dispatch<R>(handlers: OperationHandlers<R>, op: Operation): R {
  return (handlers[op.kind] as (op: Operation) => R)(op);
}
