import { createMigrationOperations } from "../api";
import type { MigrationContext } from "../api";
import type { TransactionMode } from "../config/options";
import { compileOperation } from "../dialect/postgres/compile";
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
  executor.comment(`${step.direction} ${step.revision}: ${step.message} (${step.file})`);
  if (transactional) await executor.begin();
  try {
    const op = createMigrationOperations(async (operation) => {
      if (operation.kind === "execute" && operation.params && executor.live) {
        return execute(operation.sql, operation.params);
      }
      for (const sql of compileOperation(operation, { inlineParams: !executor.live })) {
        await execute(sql);
      }
    });
    await step.run({ op });
    for (const sql of versionChangeSql(options.versionTable, step.removeHeads, step.addHeads)) {
      await execute(sql);
    }
    if (transactional) await executor.commit();
  } catch (error) {
    if (transactional) await executor.rollback().catch(() => undefined);
    throw failure(step, current, error);
  }
  options.onStepDone?.(step, Date.now() - started);
}
