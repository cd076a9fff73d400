import type { Operation } from "../ops/operations";
import { createMigrationOperations } from "./create-migration-operations";
import type { MigrationContext } from "./migration-context";

/**
 * Calls a migration function with an `op` that only records, and returns the operations it
 * described, in order: how the runner learns what to run and how `show` lists what a
 * migration does. Nothing is executed; whatever the function throws is thrown.
 */
export async function describeOperations(
  fn: (context: MigrationContext) => unknown,
): Promise<Operation[]> {
  const operations: Operation[] = [];
  await fn({ op: createMigrationOperations(async (op) => void operations.push(op)) });
  return operations;
}
