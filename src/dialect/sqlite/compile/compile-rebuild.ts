import type { RebuildTableOp } from "../../../ops/operations";
import { quoteIdent, quoteLiteral } from "../quote";
import { SAVED_TRIGGERS } from "../session/trigger-replay";
import { createIndexSql, createTableSql } from "./table-definition";

/** The name the new table has until the old one is gone. */
export const rebuildName = (table: string): string => `_autogen_new_${table}`;

/**
 * SQLite's own recipe for the changes ALTER TABLE cannot make (sqlite.org/lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes"): create the new table under another name, copy
 * the rows, drop the old table, rename the new one, create the indexes and the triggers again
 * (their text saved from `sqlite_master` before the drop, see `trigger-replay.ts`), then check
 * the foreign keys. It runs in the migration's transaction, with foreign keys off for the session
 * (see `connect`): on, dropping the old table would run its ON DELETE actions on the rows that
 * point at it. The check fails the migration, rolling it back, when a row points nowhere.
 *
 * A copied column that is NOT NULL with a default takes the default where the old one held
 * NULL, so a column made NOT NULL keeps every row.
 */
export function compileRebuildTable(op: RebuildTableOp): string[] {
  const { definition } = op;
  const temporary = rebuildName(op.table);
  const columns = new Map(definition.columns.map((c) => [c.name, c]));
  const values = op.copy.map((name) => {
    const column = columns.get(name);
    const quoted = quoteIdent(name);
    return column && !column.nullable && column.default !== null
      ? `COALESCE(${quoted}, ${column.default})`
      : quoted;
  });
  const target = op.copy.map(quoteIdent).join(", ");
  const saved = `temp.${quoteIdent(SAVED_TRIGGERS)}`;
  return [
    createTableSql(definition, definition.foreignKeys, temporary),
    ...(op.copy.length > 0
      ? [
          `INSERT INTO ${quoteIdent(temporary)} (${target}) SELECT ${values.join(", ")} FROM ${quoteIdent(op.table)}`,
        ]
      : []),
    `CREATE TEMP TABLE ${saved} AS SELECT "sql" FROM main.sqlite_master WHERE type = 'trigger' AND tbl_name = ${quoteLiteral(op.table)} COLLATE NOCASE ORDER BY rowid`,
    `DROP TABLE ${quoteIdent(op.table)}`,
    `ALTER TABLE ${quoteIdent(temporary)} RENAME TO ${quoteIdent(op.table)}`,
    ...definition.indexes.map((index) => createIndexSql(op.table, index)),
    `SELECT "sql" FROM ${saved} ORDER BY rowid`,
    `DROP TABLE ${saved}`,
    `PRAGMA foreign_key_check(${quoteIdent(op.table)})`,
  ];
}
