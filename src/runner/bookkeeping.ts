import type { RunnerDialect } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import type { TableRef } from "../schema/model";
import type { MigrationStep } from "./migration-step";

/** A statement that records a step, and whether it must touch exactly one row. */
export interface BookkeepingStatement {
  readonly sql: string;
  readonly expectOneRow: boolean;
}

/**
 * What records a step once its migration ran: the version-table change (every statement of
 * which touches exactly one row, or someone else changed the table meanwhile; a purge empties
 * the table first, whatever it holds) and the history rows, with the file's hash.
 */
export function bookkeepingSql(
  table: TableRef,
  step: MigrationStep,
  dialect: RunnerDialect = postgres,
): BookkeepingStatement[] {
  const { history, versionChange, versionTable } = dialect.session;
  const heads = step.purge
    ? [versionTable.deleteAll(table), ...step.addHeads.map((id) => versionTable.insert(table, id))]
    : versionChange(table, step.removeHeads, step.addHeads);
  const entries = step.history ?? [
    {
      revision: step.revision,
      operation: step.direction,
      hash: step.hash ?? null,
      file: step.file,
    },
  ];
  return [
    ...heads.map((sql, i) => ({ sql, expectOneRow: !(step.purge && i === 0) })),
    ...entries.map((entry) => ({ sql: history.insert(table, entry), expectOneRow: false })),
  ];
}
