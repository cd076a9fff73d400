import { createMigrationOperations } from "../api";
import type { MigrationContext } from "../api";
import type { TransactionMode } from "../config/options";
import { compileOperation } from "../dialect/postgres/compile";
import { addsEnumLabels } from "../dialect/postgres/compile-enums";
import type { Operation } from "../ops/operations";
import { versionChangeSql } from "../dialect/postgres/version-table";
import { AutogenError, MigrationError } from "../errors";
import type { TableRef } from "../schema/model";
import type { Executor } from "./executor";

/** One migration to run in one direction, with the version-table change it implies. */
export interface MigrationStep {
  readonly revision: string;
  readonly message: string;
  readonly file: string;
  readonly direction: "upgrade" | "downgrade";
  readonly run: (context: MigrationContext) => Promise<void>;
  /** False when the file exports `transaction = false` (e.g. CREATE INDEX CONCURRENTLY). */
  readonly transactional: boolean;
  /** Version-table rows to delete and insert once the migration has run. */
  readonly removeHeads: readonly string[];
  readonly addHeads: readonly string[];
}

export interface RunOptions {
  readonly versionTable: TableRef;
  readonly transactionMode: TransactionMode;
  /** Called after each step with its duration, for progress output. */
  readonly onStepDone?: (step: MigrationStep, milliseconds: number) => void;
}

function failure(step: MigrationStep, statement: string | null, error: unknown): MigrationError {
  const reason =
    error instanceof AutogenError
      ? error.message
      : ((error as { message?: string }).message ?? String(error)).split("\n")[0];
  const where = statement ? ` at statement \`${statement.slice(0, 200)}\`` : "";
  return new MigrationError(
    step.revision,
    step.file,
    `${step.direction} of ${step.revision} (${step.file}) failed${where}: ${reason}`,
    { cause: error },
  );
}

/**
 * The one loop behind live runs and `--sql` scripts. In mode `each` every migration and its
 * version-table update share one transaction, so a failure rolls that migration back whole
 * and leaves the version table as it was; `all` wraps every step in one transaction; `none`
 * runs without transactions, as does a migration that opts out.
 */
export async function runSteps(
  executor: Executor,
  steps: readonly MigrationStep[],
  options: RunOptions,
): Promise<void> {
  const outer = options.transactionMode === "all" && steps.every((s) => s.transactional);
  if (outer) await executor.begin();
  try {
    for (const step of steps) await runStep(executor, step, options, !outer);
    if (outer) await executor.commit();
  } catch (error) {
    if (outer) await executor.rollback().catch(() => undefined);
    throw error;
  }
}

/**
 * Labels added to an existing enum type, which PostgreSQL refuses to use in the transaction
 * that added them ("unsafe use of new value"). They run first, in their own committed
 * transaction; they compile to `ADD VALUE IF NOT EXISTS`, so a re-run after a failure of the
 * rest of the migration finds them there and goes on.
 */
function hoistedLabelAdditions(list: readonly Operation[]): Set<Operation> {
  const createdHere = new Set<string>();
  const hoisted = new Set<Operation>();
  for (const op of list) {
    if (op.kind === "createEnum") createdHere.add(JSON.stringify([op.enum.schema, op.enum.name]));
    if (addsEnumLabels(op) && op.kind === "alterEnum") {
      if (!createdHere.has(JSON.stringify([op.schema, op.name]))) hoisted.add(op);
    }
  }
  return hoisted;
}

/** Calls the migration function and keeps the operations it describes, in order. */
async function describe(step: MigrationStep): Promise<Operation[]> {
  const list: Operation[] = [];
  await step.run({ op: createMigrationOperations(async (op) => void list.push(op)) });
  return list;
}

async function runStep(
  executor: Executor,
  step: MigrationStep,
  options: RunOptions,
  ownTransaction: boolean,
): Promise<void> {
  const started = Date.now();
  const transactional = ownTransaction && step.transactional && options.transactionMode !== "none";
  let current: string | null = null;
  const execute = async (sql: string, params?: readonly unknown[]): Promise<void> => {
    current = sql;
    await executor.run(sql, params);
    current = null;
  };
  const apply = async (op: Operation): Promise<void> => {
    if (op.kind === "execute" && op.params && executor.live) return execute(op.sql, op.params);
    for (const sql of compileOperation(op, { inlineParams: !executor.live })) await execute(sql);
  };
  const inTransaction = async (fn: () => Promise<void>): Promise<void> => {
    if (transactional) await executor.begin();
    try {
      await fn();
      if (transactional) await executor.commit();
    } catch (error) {
      if (transactional) await executor.rollback().catch(() => undefined);
      throw failure(step, current, error);
    }
  };

  executor.comment(`${step.direction} ${step.revision}: ${step.message} (${step.file})`);
  let operations: Operation[];
  try {
    operations = await describe(step);
  } catch (error) {
    throw failure(step, null, error);
  }
  const hoisted = transactional ? hoistedLabelAdditions(operations) : new Set<Operation>();
  if (hoisted.size > 0) {
    await inTransaction(async () => {
      for (const op of hoisted) await apply(op);
    });
  }
  await inTransaction(async () => {
    for (const op of operations) if (!hoisted.has(op)) await apply(op);
    for (const sql of versionChangeSql(options.versionTable, step.removeHeads, step.addHeads)) {
      await execute(sql);
    }
  });
  options.onStepDone?.(step, Date.now() - started);
}
