/** `PRAGMA foreign_key_check` or `PRAGMA foreign_key_check("t")`, as the rebuild writes it. */
export function isForeignKeyCheck(sql: string): boolean {
  return /^pragma\s+foreign_key_check\b/i.test(sql);
}

interface Violation {
  readonly table?: unknown;
  readonly rowid?: unknown;
  readonly parent?: unknown;
}

/** What the check found, as the error that rolls the migration back. */
export function foreignKeyViolation(rows: readonly Violation[]): Error {
  const first = rows[0] ?? {};
  return Object.assign(
    new Error(
      `${rows.length} row(s) break a foreign key after the rebuild (first: row ${String(first.rowid)} of "${String(first.table)}" points at a missing row of "${String(first.parent)}")`,
    ),
    { code: "SQLITE_CONSTRAINT_FOREIGNKEY" },
  );
}
