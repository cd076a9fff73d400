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
 * which touches exactly one row, or someone else changed the table meanwhile) and a history
 * row with the file's hash.
 */
export function bookkeepingSql(table: TableRef, step: MigrationStep): BookkeepingStatement[] {
  return [
    ...postgres.session.versionChange(table, step.removeHeads, step.addHeads).map((sql) => ({
      sql,
      expectOneRow: true,
    })),
    {
      sql: postgres.session.history.insert(table, {
        revision: step.revision,
        operation: step.direction,
        hash: step.hash ?? null,
        file: step.file,
      }),
      expectOneRow: false,
    },
  ];
}
