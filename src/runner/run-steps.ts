import { describeOperations } from "../api/describe-operations";
import { AutogenError } from "../errors";
import type { TransactionMode } from "../config/options";
import type { RunnerDialect, SessionTimeouts } from "../dialect/dialect";
import { postgres } from "../dialect/postgres";
import { runsOutsideTransaction, type Operation } from "../ops/operations";
import type { TableRef } from "../schema/model";
import { bookkeepingSql } from "./bookkeeping";
import type { Executor } from "./executor";
import { migrationFailure } from "./migration-failure";
import type { MigrationStep } from "./migration-step";
import { withLockRetries, type RetryNotice } from "./lock-retries";
import { versionTableSetUpSql, type VersionTableSetUp } from "./version-store";
import {
  describedStep,
  transactionUnits,
  type DescribedStep,
  type TransactionUnit,
} from "./transaction-units";

export type { MigrationStep } from "./migration-step";
export type { RetryNotice } from "./lock-retries";

export interface RunOptions {
  readonly versionTable: TableRef;
  /** Whose SQL the steps compile to; PostgreSQL's by default. */
  readonly dialect?: RunnerDialect;
  /**
   * Version tables a script creates first, when missing (a live run creates them before it
   * reads the heads, see `ensureVersionTable`). Written even when no step runs.
   */
  readonly setUp?: VersionTableSetUp;
  readonly transactionMode: TransactionMode;
  /** `lock_timeout` / `statement_timeout` for the session, set before the first migration. */
  readonly timeouts?: SessionTimeouts;
  /** How often a transaction cancelled by `lock_timeout` is run again. Default 0. */
  readonly lockTimeoutRetries?: number;
  /** Milliseconds to wait before retry number `n` (1-based); default 1 s, 2 s, 4 s... */
  readonly retryDelay?: (retry: number) => number;
  /** Called as each migration starts, for progress output. */
  readonly onStepStart?: (step: MigrationStep) => void;
  /** Called once a migration is committed, with its duration. */
  readonly onStepDone?: (step: MigrationStep, milliseconds: number) => void;
  /** Called before each retry after a lock timeout. */
  readonly onRetry?: (notice: RetryNotice) => void;
  /** Checked before each transaction unit: once aborted, no further migration starts. */
  readonly signal?: AbortSignal;
}

/**
 * The one loop behind live runs, `--sql` scripts and stamps, and the only writer of the
 * version tables. Every migration function is called first (they only describe operations),
 * then the steps run in transaction units (see `transactionUnits`): in mode `each` every
 * migration and its version-table update share one transaction, so a failure rolls that
 * migration back whole and leaves the version table as it was, while the migrations before it
 * stay applied. A stamp is a step whose function describes nothing: only its bookkeeping runs.
 */
export async function runSteps(
  executor: Executor,
  steps: readonly MigrationStep[],
  options: RunOptions,
): Promise<void> {
  const described: DescribedStep[] = [];
  for (const step of steps) {
    let operations: Operation[];
    try {
      operations = await describeOperations(step.run);
    } catch (error) {
      throw migrationFailure({ step, statement: null, consequence: NOTHING_RAN }, error);
    }
    if (step.transactional && options.transactionMode !== "none") {
      const outside = operations.find(runsOutsideTransaction);
      if (outside)
        throw migrationFailure(
          { step, statement: null, consequence: NOTHING_RAN },
          needsNoTransaction(outside),
        );
    }
    described.push(describedStep(step, operations, options.transactionMode));
  }
  const dialect = options.dialect ?? postgres;
  for (const sql of versionTableSetUpSql(
    options.versionTable,
    options.setUp ?? NO_SET_UP,
    dialect,
  )) {
    await executor.run(sql);
  }
  if (described.length === 0) return;
  const run = new UnitRunner(executor, options);
  for (const sql of dialect.session.timeouts(options.timeouts ?? NO_TIMEOUTS))
    await executor.run(sql);
  for (const unit of transactionUnits(described, options.transactionMode)) await run.unit(unit);
}

/** Said before any statement runs, rather than by PostgreSQL halfway through the migration. */
function needsNoTransaction(op: Operation): AutogenError {
  const what = op.kind === "createIndex" ? `builds index "${op.index.name}"` : `drops an index`;
  return new AutogenError(
    "invalid-operation",
    `it ${what} CONCURRENTLY, which PostgreSQL cannot do inside a transaction; add \`export const transaction = false;\` to the file`,
  );
}

const NO_TIMEOUTS: SessionTimeouts = { lockTimeout: null, statementTimeout: null };
const NO_SET_UP: VersionTableSetUp = { versionTable: false, history: false };
const NOTHING_RAN = "No statement of this run was sent to the database.";
const NO_TRANSACTION =
  "It ran without a transaction: its statements before the failing one stay applied, and the version table does not record it. Repair the database by hand (or make the migration idempotent) before running it again.";

function aborted(next: MigrationStep): AutogenError {
  return new AutogenError(
    "aborted",
    `the ${next.direction} was aborted before ${next.revision} (${next.message}); the migrations before it stay ${next.direction === "upgrade" ? "applied" : "reverted"}`,
  );
}

function rolledBack(before: number): string {
  if (before === 0) return "It was rolled back; the migrations before it stay applied.";
  return `The transaction was rolled back: it and the ${before} migration(s) before it in the same transaction (transactionMode "all") are not applied.`;
}

/** Runs transaction units, keeping track of what was running for the error message. */
class UnitRunner {
  private step: MigrationStep | null = null;
  private statement: string | null = null;
  private readonly announced = new Set<MigrationStep>();

  constructor(
    private readonly executor: Executor,
    private readonly options: RunOptions,
  ) {}

  async unit(unit: TransactionUnit): Promise<void> {
    const durations = new Map<MigrationStep, number>();
    const first = unit.steps[0];
    if (first && this.options.signal?.aborted) throw aborted(first.step);
    // Announced ahead of BEGIN, so a script's comment heads the migration's transaction.
    if (first) this.begin(first.step);
    if (unit.transactional && first && first.hoisted.size > 0) {
      await this.transaction(unit, async () => {
        this.begin(first.step);
        for (const op of first.hoisted) await this.apply(op);
      });
    }
    const body = async () => {
      for (const d of unit.steps) {
        const started = Date.now();
        this.begin(d.step);
        for (const op of d.operations) if (!d.hoisted.has(op)) await this.apply(op);
        if (!unit.transactional) await this.atomically(() => this.bookkeeping(d.step));
        else await this.bookkeeping(d.step);
        durations.set(d.step, Date.now() - started);
      }
    };
    if (unit.transactional) await this.transaction(unit, body);
    else await body().catch((error) => this.fail(error, NO_TRANSACTION));
    for (const d of unit.steps) this.options.onStepDone?.(d.step, durations.get(d.step) ?? 0);
  }

  private begin(step: MigrationStep): void {
    this.step = step;
    this.statement = null;
    if (this.announced.has(step)) return;
    this.announced.add(step);
    const file = step.file === "" ? "" : ` (${step.file})`;
    this.executor.comment(`${step.direction} ${step.revision}: ${step.message}${file}`);
    this.options.onStepStart?.(step);
  }

  /** Runs `fn` in one transaction, again after a lock timeout while retries are left. */
  private transaction(unit: TransactionUnit, fn: () => Promise<void>): Promise<void> {
    return withLockRetries(
      () =>
        this.atomically(fn).catch((error) => {
          const before = unit.steps.findIndex((d) => d.step === this.step);
          return this.fail(error, rolledBack(Math.max(0, before)));
        }),
      {
        retries: this.options.lockTimeoutRetries ?? 0,
        delay: this.options.retryDelay,
        onRetry: this.options.onRetry,
      },
    );
  }

  private async atomically(fn: () => Promise<void>): Promise<void> {
    await this.executor.begin();
    try {
      await fn();
      await this.executor.commit();
    } catch (error) {
      await this.executor.rollback().catch(() => undefined);
      throw error;
    }
  }

  private fail(error: unknown, consequence: string): never {
    const step = this.step;
    if (!step) throw error;
    throw migrationFailure({ step, statement: this.statement, consequence }, error);
  }

  private async execute(sql: string, params?: readonly unknown[]): Promise<number | null> {
    this.statement = sql;
    const touched = await this.executor.run(sql, params);
    this.statement = null;
    return touched;
  }

  private async apply(op: Operation): Promise<void> {
    if (op.kind === "execute" && op.params && this.executor.live) {
      await this.execute(op.sql, op.params);
      return;
    }
    const dialect = this.options.dialect ?? postgres;
    for (const sql of dialect.compile.operation(op, { inlineParams: !this.executor.live })) {
      await this.execute(sql);
    }
  }

  private async bookkeeping(step: MigrationStep): Promise<void> {
    const statements = bookkeepingSql(this.options.versionTable, step, this.options.dialect);
    for (const { sql, expectOneRow } of statements) {
      const touched = await this.execute(sql);
      if (expectOneRow && touched !== null && touched !== 1) {
        this.statement = sql;
        throw new Error(
          `the version table changed under this run (${touched} rows matched instead of 1): another run without the migration lock? (a transaction-mode pooler does not keep session locks)`,
        );
      }
    }
  }
}
