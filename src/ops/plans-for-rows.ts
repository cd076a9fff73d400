import { refKey } from "../schema/keys";
import type { TableRef } from "../schema/model";
import { ops } from "./factories";
import { tablesCreatedBy } from "./hazards";
import type { AddColumnOp, AlterColumnOp, Operation } from "./operations";

/** Rows per table (`refKey`), as the catalogs estimate them; a table left out is unknown. */
export type RowCounts = ReadonlyMap<string, number>;

export interface PlanOptions {
  /** Row estimates of the tables the operations touch (`pg_class.reltuples`). */
  readonly rows: RowCounts;
  /** Build and drop indexes on existing tables `CONCURRENTLY` (`revision --concurrently`). */
  readonly concurrently: boolean;
  /** Add foreign keys and checks to tables with rows `NOT VALID`, validated afterwards. */
  readonly separateValidation: boolean;
  /**
   * Make columns NOT NULL through a check: added `NOT VALID` here, validated, then used by
   * `SET NOT NULL` in the second migration, so no scan holds the exclusive lock.
   */
  readonly notNullThroughCheck: boolean;
  /** The dialect's check expression proving a column holds no NULL. */
  readonly isNotNullCheck: (column: string) => string;
}

/**
 * What `revision` writes: the migration, and the validations of the constraints it added
 * `NOT VALID`, for a second migration after it. They must not share its transaction: the
 * lock the constraint took would be held through the scan, which is what NOT VALID avoids.
 */
export interface Plan {
  readonly operations: Operation[];
  readonly validations: Operation[];
}

type Where = { readonly schema: string; readonly table: string };

/**
 * Rewrites a diff's operations into plans that are safe on tables that already hold rows:
 *
 * - a NOT NULL column added without a default (which fails on any row) becomes the
 *   three-step plan: add it nullable, fill the rows, set NOT NULL. Only a person knows
 *   what the rows should hold, so the fill is an `op.todo(...)` in the file: `tsc` and the
 *   run both refuse it until it is replaced with SQL;
 * - a column made NOT NULL without a default to fill its NULLs gets the same fill to write;
 * - with `notNullThroughCheck`, both go through a check instead: the column (added nullable)
 *   gets `CHECK (col IS NOT NULL) NOT VALID` here, and the second migration fills the rows,
 *   validates the check (writes go on), sets NOT NULL (no scan: the check proves it) and
 *   drops the check;
 * - with `concurrently`, indexes on existing tables are built and dropped `CONCURRENTLY`;
 * - with `separateValidation`, foreign keys and checks added to a table with rows are added
 *   `NOT VALID` (no row read under the lock; new rows checked at once), and validated in
 *   `validations` (a scan that blocks neither reads nor writes).
 *
 * Pure: the row estimates are read beforehand. A table whose rows are unknown (never
 * analysed and too big to count) is taken to hold rows; one the operations create holds none.
 */
export function planForRows(list: readonly Operation[], options: PlanOptions): Plan {
  const created = tablesCreatedBy(list);
  const existing = (op: Where) => !created.has(key(op));
  const holdsRows = (op: Where) => existing(op) && (options.rows.get(key(op)) ?? 1) > 0;
  const validations: Operation[] = [];
  const throughCheck = (op: Where, column: string, nullable: Operation[]): Operation[] => {
    const check = {
      name: `CHK_${op.table}_${column}_not_null`,
      expression: options.isNotNullCheck(column),
    };
    const where = { schema: op.schema, table: op.table };
    validations.push(
      ops.alterColumn({
        ...where,
        name: column,
        from: { nullable: true },
        to: { nullable: false },
        backfillToWrite: fillNote(op, column),
        provenBy: check.name,
      }),
      ops.dropCheck({ ...where, name: check.name, previous: check }),
    );
    return [...nullable, ops.addCheck({ ...where, check, notValid: true })];
  };
  const operations = list.flatMap((op): Operation[] => {
    if (
      options.notNullThroughCheck &&
      op.kind === "addColumn" &&
      failsOnRows(op) &&
      holdsRows(op)
    ) {
      const column = { ...op.column, nullable: true };
      return throughCheck(op, op.column.name, [ops.addColumn({ ...withoutKind(op), column })]);
    }
    if (
      options.notNullThroughCheck &&
      op.kind === "alterColumn" &&
      leavesNullsUnfilled(op) &&
      holdsRows(op) &&
      Object.keys(op.to).join() === "nullable"
    ) {
      return throughCheck(op, op.name, []);
    }
    if ((op.kind === "addForeignKey" || op.kind === "addCheck") && options.separateValidation) {
      if (!holdsRows(op)) return [op];
      const name = op.kind === "addCheck" ? op.check.name : op.foreignKey.name;
      validations.push(ops.validateConstraint({ schema: op.schema, table: op.table, name }));
      return [{ ...op, notValid: true }];
    }
    if (op.kind === "addColumn" && failsOnRows(op) && holdsRows(op)) return addedThenFilled(op);
    if (op.kind === "alterColumn" && leavesNullsUnfilled(op) && holdsRows(op)) {
      return [ops.alterColumn({ ...withoutKind(op), backfillToWrite: fillNote(op, op.name) })];
    }
    if ((op.kind === "createIndex" || op.kind === "dropIndex") && options.concurrently) {
      return existing(op) ? [{ ...op, concurrently: true }] : [op];
    }
    return [op];
  });
  return { operations, validations };
}

/** The tables whose rows `planForRows` asks about: those of the operations it may rewrite. */
export function plannedTables(list: readonly Operation[]): TableRef[] {
  const tables = new Map<string, TableRef>();
  for (const op of list) {
    if (
      op.kind === "addColumn" ||
      op.kind === "alterColumn" ||
      op.kind === "createIndex" ||
      op.kind === "dropIndex" ||
      op.kind === "addForeignKey" ||
      op.kind === "addCheck"
    ) {
      tables.set(key(op), { schema: op.schema, name: op.table });
    }
  }
  return [...tables.values()];
}

const key = (op: Where) => refKey({ schema: op.schema, name: op.table });

function withoutKind<T extends { kind: string }>(op: T): Omit<T, "kind"> {
  const { kind: _kind, ...rest } = op;
  return rest;
}

/** A NOT NULL column nothing fills: no default, not serial, identity or generated. */
function failsOnRows({ column }: AddColumnOp): boolean {
  return (
    !column.nullable &&
    column.default === null &&
    !column.serial &&
    column.identity === undefined &&
    column.generated === undefined
  );
}

/** Becomes NOT NULL with nothing to give the rows that hold NULL (the diff fills from a default). */
function leavesNullsUnfilled(op: AlterColumnOp): boolean {
  return (
    op.to.nullable === false &&
    op.from.nullable === true &&
    op.backfill === undefined &&
    op.backfillToWrite === undefined
  );
}

/** What the author writes instead of the placeholder; no parenthesis, so it reads as one phrase. */
const fillNote = (op: Where, column: string): string =>
  `SQL for ${op.table}.${column} where it holds NULL, e.g. 'unknown' or another column`;

function addedThenFilled(op: AddColumnOp): Operation[] {
  const { schema, table, column } = op;
  return [
    ops.addColumn({ schema, table, column: { ...column, nullable: true } }),
    ops.alterColumn({
      schema,
      table,
      name: column.name,
      from: { nullable: true },
      to: { nullable: false },
      backfillToWrite: fillNote(op, column.name),
    }),
  ];
}
