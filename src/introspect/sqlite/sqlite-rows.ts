import type { ParsedTable } from "../../dialect/sqlite/parse-create-table";
import type {
  CheckConstraint,
  Deferrable,
  ForeignKey,
  ReferentialAction,
  UniqueConstraint,
} from "../../schema/model";
import { DEFAULT_SCHEMA } from "../../schema/model";

/** A row of `pragma_table_xinfo`, with its table. */
export interface SqliteColumnRow {
  readonly table: string;
  readonly cid: number;
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly dflt_value: string | null;
  readonly pk: number;
  /** 0 ordinary, 2 virtual generated, 3 stored generated. */
  readonly hidden: number;
}

/** A column of an index made by CREATE INDEX (origin `c`), with its table and SQL. */
export interface SqliteIndexRow {
  readonly table: string;
  readonly name: string;
  readonly unique: number;
  readonly seqno: number;
  /** Null for an expression. */
  readonly column: string | null;
  readonly sql: string | null;
}

const ACTIONS: readonly string[] = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];
const action = (text: string): ReferentialAction =>
  (ACTIONS.includes(text) ? text : "NO ACTION") as ReferentialAction;

/**
 * The uniques, checks and foreign keys of a parsed table, each with its name. SQLite keeps
 * no name for a constraint written without `CONSTRAINT name` (TypeORM's enum CHECK on a
 * column, a bare `UNIQUE`): those get names derived from the table and columns, the same on
 * both sides of a comparison since both are read from SQLite.
 */
export function names(
  table: string,
  parsed: ParsedTable,
): { uniques: UniqueConstraint[]; checks: CheckConstraint[]; foreignKeys: ForeignKey[] } {
  const uniques: UniqueConstraint[] = [
    ...parsed.uniques.map((u) => ({
      name: u.name ?? `${table}_${u.columns.join("_")}_key`,
      columns: [...u.columns],
    })),
    ...parsed.columns
      .filter((c) => c.unique !== null)
      .map((c) => ({ name: c.unique?.name ?? `${table}_${c.name}_key`, columns: [c.name] })),
  ];
  let unnamed = 0;
  const checks: CheckConstraint[] = [
    ...parsed.checks.map((c) => ({
      name: c.name ?? `${table}_check${++unnamed}`,
      expression: c.expression,
    })),
    ...parsed.columns.flatMap((column) =>
      column.checks.map((c, i) => ({
        name: c.name ?? `CHK_${table}_${column.name}${i === 0 ? "" : `_${i + 1}`}`,
        expression: c.expression,
      })),
    ),
  ];
  const references = [
    ...parsed.foreignKeys,
    ...parsed.columns.flatMap((c) => (c.references ? [c.references] : [])),
  ];
  const foreignKeys: ForeignKey[] = references.map((r) => ({
    name: r.name ?? `${table}_${r.columns.join("_")}_fkey`,
    columns: [...r.columns],
    referencedSchema: DEFAULT_SCHEMA,
    referencedTable: r.table,
    referencedColumns: [...r.referencedColumns],
    onDelete: action(r.onDelete),
    onUpdate: action(r.onUpdate),
    ...(r.deferrable ? { deferrable: r.deferrable as Deferrable } : {}),
  }));
  return { uniques, checks, foreignKeys };
}
