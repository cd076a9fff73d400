import type { AlterColumnOp, Operation, OperationHandlers } from "../ops/operations";
import { refKey } from "../schema/keys";
import { hazardsOf, isWarning, tablesCreatedBy, typeChangeRewrites } from "../ops/hazards";
import { dispatch } from "../ops/operations";
import { addedAlongside, expressionLines, generationLines, replacementLines } from "./column-lines";
import { q, tableName as t, type ReviewLine } from "./review-line";

export type { ReviewLine } from "./review-line";

const typeOf = (c: { type?: string; isArray?: boolean }): string =>
  `${c.type ?? "?"}${c.isArray ? "[]" : ""}`;
const note = (text: string): ReviewLine[] => [{ text, warning: false }];
/** Where the docs explain how to make a column NOT NULL over rows that hold NULL. */
const NOT_NULL_RECIPE = '"Making a column NOT NULL" in docs/migration-files.md';
const warn = (text: string): ReviewLine[] => [{ text, warning: true }];
const NOT_VALID = " NOT VALID (new rows are checked; the rows already there by its validation)";

function alterColumnLines(op: AlterColumnOp): ReviewLine[] {
  const column = `${t(op)}.${q(op.name)}`;
  const lines: ReviewLine[] = expressionLines(op);
  const { from, to } = op;
  // The type is also stated, unchanged, alongside a collation or serial change.
  if (from.type !== to.type || from.typeSchema !== to.typeSchema || from.isArray !== to.isArray) {
    const change = `changes the type of ${column} from ${typeOf(op.from)} to ${typeOf(op.to)}`;
    lines.push(
      ...(typeChangeRewrites(op.from, op.to)
        ? warn(
            `${change} (converted in place with USING, rewriting the table; values that do not convert make it fail)`,
          )
        : note(`${change} (PostgreSQL widens it without rewriting the table)`)),
    );
  }
  // Attributes may be stated unchanged (alongside a type or generation change): only a
  // different value is a change.
  const changed = (key: "nullable" | "default" | "comment") => key in to && to[key] !== from[key];
  if (changed("nullable") && to.nullable === false) {
    lines.push(
      ...warn(
        op.backfillToWrite !== undefined
          ? `makes ${column} NOT NULL, first filling the rows that hold NULL with SQL you write: ` +
              "replace op.todo(...) in the file (tsc and the run refuse it until then)"
          : op.backfill !== undefined
            ? `makes ${column} NOT NULL, first setting the rows that hold NULL to ${op.backfill} ` +
              "(an UPDATE; the downgrade leaves them set)"
            : `makes ${column} NOT NULL (fails if a row holds NULL: see ${NOT_NULL_RECIPE})`,
      ),
    );
  } else if (changed("nullable")) lines.push(...note(`makes ${column} nullable`));
  if (op.backfill !== undefined && !(changed("nullable") && to.nullable === false)) {
    lines.push(...warn(`sets the rows of ${column} that hold NULL to ${op.backfill} (an UPDATE)`));
  }
  if (op.provenBy !== undefined) {
    lines.push(
      ...note(
        `validates check ${q(op.provenBy)} first (a scan that lets writes go on), so SET NOT NULL reads no row under its lock`,
      ),
    );
  }
  if (changed("default")) lines.push(...note(`changes the default of ${column}`));
  if (changed("comment")) lines.push(...note(`changes the comment of ${column}`));
  return [...lines, ...generationLines(op)];
}

/**
 * What each operation does, in words. Whether the line is a warning is not decided here but by
 * the operation's hazards (`ops/hazards.ts`); alterColumn states several changes, one line each.
 */
const reviewers: OperationHandlers<string | ReviewLine[]> = {
  createSchema: (op) => `creates schema ${q(op.schema)}`,
  dropSchema: (op) => `drops schema ${q(op.schema)}`,
  createExtension: (op) => `creates extension ${q(op.name)} if it is not installed`,
  dropExtension: (op) =>
    `drops extension ${q(op.name)} (fails if objects outside this migration use it)`,
  createEnum: (op) => `creates enum ${q(op.enum.name)} (${op.enum.values.join(", ")})`,
  dropEnum: (op) => `drops enum ${q(op.name)}`,
  alterEnum: (op) => {
    const removed = op.from.filter((v) => !op.to.includes(v));
    const added = op.to.filter((v) => !op.from.includes(v));
    if (removed.length > 0) {
      return (
        `rebuilds enum ${q(op.name)} without ${removed.map(q).join(", ")} ` +
        "(fails if a row still holds a removed value)"
      );
    }
    if (added.length > 0) return `adds ${added.map(q).join(", ")} to enum ${q(op.name)}`;
    return `reorders the values of enum ${q(op.name)}`;
  },
  createTable: (op) => `creates table ${t({ schema: op.table.schema, table: op.table.name })}`,
  dropTable: (op) => `drops table ${t({ schema: op.schema, table: op.name })} (its rows are lost)`,
  addColumn: (op) =>
    // Serial, identity and generated columns fill the rows already there themselves.
    !op.column.nullable &&
    op.column.default === null &&
    !op.column.serial &&
    op.column.identity === undefined &&
    op.column.generated === undefined
      ? `adds NOT NULL column ${t(op)}.${q(op.column.name)} without a default (fails if the table has rows)`
      : op.column.generated !== undefined
        ? `adds generated column ${t(op)}.${q(op.column.name)} (computed for every row: the table is rewritten)`
        : `adds column ${t(op)}.${q(op.column.name)}`,
  dropColumn: (op) =>
    op.previous?.generated !== undefined
      ? `drops generated column ${t(op)}.${q(op.name)}`
      : `drops column ${t(op)}.${q(op.name)} (its data is lost)`,
  alterColumn: alterColumnLines,
  addPrimaryKey: (op) => `adds primary key ${q(op.primaryKey.name)} on ${t(op)}`,
  dropPrimaryKey: (op) => `drops primary key ${q(op.name)} on ${t(op)}`,
  addUnique: (op) =>
    `adds unique constraint ${q(op.unique.name)} on ${t(op)} (fails if rows are duplicated)`,
  dropUnique: (op) => `drops unique constraint ${q(op.name)} on ${t(op)}`,
  createIndex: (op) => {
    const how = op.concurrently ? " concurrently (writes go on; outside a transaction)" : "";
    return op.index.unique
      ? `creates unique index ${q(op.index.name)} on ${t(op)}${how} (fails if rows are duplicated)`
      : `creates index ${q(op.index.name)} on ${t(op)}${how}`;
  },
  dropIndex: (op) =>
    `drops index ${q(op.name)} on ${t(op)}${op.concurrently ? " concurrently (outside a transaction)" : ""}`,
  addForeignKey: (op) =>
    `adds foreign key ${q(op.foreignKey.name)} on ${t(op)}${op.notValid ? NOT_VALID : ""}`,
  dropForeignKey: (op) => `drops foreign key ${q(op.name)} on ${t(op)}`,
  addCheck: (op) =>
    op.notValid
      ? `adds check constraint ${q(op.check.name)} on ${t(op)}${NOT_VALID}`
      : `adds check constraint ${q(op.check.name)} on ${t(op)} (fails if a row violates it)`,
  validateConstraint: (op) =>
    `validates constraint ${q(op.name)} on ${t(op)} (reads every row while writes go on; fails if a row violates it)`,
  dropCheck: (op) => `drops check constraint ${q(op.name)} on ${t(op)}`,
  addExclusion: (op) =>
    `adds exclusion constraint ${q(op.exclusion.name)} on ${t(op)} (fails if rows conflict)`,
  dropExclusion: (op) => `drops exclusion constraint ${q(op.name)} on ${t(op)}`,
  createView: ({ view }) =>
    view.materialized
      ? `creates materialized view ${t({ schema: view.schema, table: view.name })} (computes its rows now)`
      : `creates view ${t({ schema: view.schema, table: view.name })}`,
  dropView: (op) =>
    `drops ${op.materialized ? "materialized view" : "view"} ${t({ schema: op.schema, table: op.name })}`,
  setTableComment: (op) => `changes the comment of ${t(op)}`,
  execute: () => "runs hand-written SQL",
  rebuildTable: (op) =>
    `rebuilds table ${t(op)} (new table, ${op.copy.length} column(s) copied, old one dropped, ` +
    "indexes and triggers re-created)",
  bulkInsert: (op) =>
    `inserts ${op.rows.length} ${op.rows.length === 1 ? "row" : "rows"} into ${t(op)}`,
  renameTable: (op) =>
    `renames table ${t({ schema: op.schema, table: op.from })} to ${q(op.to)} (rows kept; code reading the old name breaks)`,
  renameColumn: (op) =>
    `renames column ${t(op)}.${q(op.from)} to ${q(op.to)} (rows kept; code reading the old name breaks)`,
  renameEnum: (op) => `renames enum ${q(op.from)} to ${q(op.to)}`,
  renameEnumValue: (op) =>
    `renames ${q(op.from)} of enum ${q(op.name)} to ${q(op.to)} (rows holding it follow)`,
  renameIndex: (op) => `renames index ${q(op.from)} on ${t(op)} to ${q(op.to)}`,
  renameConstraint: (op) => `renames constraint ${q(op.from)} on ${t(op)} to ${q(op.to)}`,
};

/**
 * The review summary of an upgrade. Besides one line per operation it points out a column
 * dropped and another added on the same table, which is how a rename shows up, and a column
 * dropped and added back under its name, which is how a generated column changes. `rows`
 * (row counts by table key) turns the warnings about an empty table's rows into notes.
 */
export function reviewOperations(
  list: readonly Operation[],
  rows: ReadonlyMap<string, number> = new Map(),
): ReviewLine[] {
  const created = tablesCreatedBy(list);
  const lines = [
    ...list.flatMap((op) => {
      const review = dispatch(reviewers, op);
      if (typeof review === "string") {
        return [{ text: review, warning: isWarning(op, created, rows) }];
      }
      // alterColumn's own lines: on an empty table its row warnings are notes too, unless the
      // author still has SQL to write.
      const quiet = emptyTable(op, rows) && !hazardsOf(op).some((h) => h.kind === "handWritten");
      return quiet ? review.map((line) => ({ ...line, warning: false })) : review;
    }),
    ...replacementLines(list),
  ];
  for (const drop of list) {
    if (drop.kind !== "dropColumn") continue;
    const add = addedAlongside(
      list,
      drop,
      (column) =>
        column.name !== drop.name && (!drop.previous || typeOf(column) === typeOf(drop.previous)),
    );
    if (add) {
      lines.push(
        ...warn(
          `${t(drop)}.${q(drop.name)} is dropped and ${q(add.column.name)} added, so its data is lost: ` +
            `if this is a rename, generate again with --rename ${drop.table}.${drop.name}=${add.column.name} to keep it`,
        ),
      );
    }
  }
  return lines;
}

/** Whether `rows` says the operation's table holds no row. */
function emptyTable(op: Operation, rows: ReadonlyMap<string, number>): boolean {
  if (!("table" in op) || typeof op.table !== "string" || !("schema" in op)) return false;
  return rows.get(refKey({ schema: op.schema, name: op.table })) === 0;
}

/** Review lines as the header text shows them: warnings marked. */
export function formatReview(lines: readonly ReviewLine[]): string[] {
  return lines.map((line) => (line.warning ? `WARNING: ${line.text}` : line.text));
}
