/**
 * A rebuild keeps the table's triggers, which `DROP TABLE` takes with it (autogen does not
 * model triggers, so the call cannot state them): before the drop their `CREATE TRIGGER` text
 * is saved from `sqlite_master` into this temporary table, and after the rename the connection
 * runs every saved text again. SQLite has no dynamic SQL, so the replay is the connection's
 * job (see `SqliteConnection.query`); in a `--sql` script the replay SELECT prints the texts.
 */
export const SAVED_TRIGGERS = "_autogen_triggers";

/** The SELECT the rebuild writes after the rename, whose rows the connection runs. */
export function isTriggerReplay(sql: string): boolean {
  return /^select\s+"sql"\s+from\s+temp\."_autogen_triggers"/i.test(sql);
}
