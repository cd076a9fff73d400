import type { ClientBase } from "pg";
import type { SqlClient } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import { readRowEstimates } from "../introspect";
import { hazardLines } from "../lint/hazard-lines";
import { formatReview, reviewOperations } from "../lint/review";
import { hazardsOf } from "../ops/hazards";
import type { Operation } from "../ops/operations";
import { refKey } from "../schema/keys";
import type { TableRef } from "../schema/model";

/**
 * The review of a migration both ways: a line per upgrade operation, then the hazards of the
 * upgrade and of the downgrade with the rows of the tables they touch (`pg_class.reltuples`,
 * or a count for a small table never analysed). Row estimates are PostgreSQL's: on another
 * dialect (`onPostgres` false) the hazards are listed without them.
 */
export async function reviewBothWays(
  client: SqlClient,
  upgrade: readonly Operation[],
  downgrade: readonly Operation[],
  onPostgres = true,
): Promise<string[]> {
  const tables = new Map<string, TableRef>();
  for (const hazard of [...upgrade, ...downgrade].flatMap(hazardsOf)) {
    if (hazard.table) tables.set(refKey(hazard.table), hazard.table);
  }
  const rows = onPostgres
    ? await readRowEstimates(
        client as unknown as ClientBase,
        [...tables.values()],
        postgres.quote.qualified,
      )
    : new Map<string, number>();
  return formatReview([
    ...reviewOperations(upgrade, rows),
    ...hazardLines("upgrade", upgrade, rows),
    ...hazardLines("downgrade", downgrade, rows),
  ]);
}
