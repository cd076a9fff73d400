import type { MigrationStep, RetryNotice } from "../runner/run-steps";
import type { LockHolder } from "../runner/migration-lock";
import { describeHolder } from "../runner/migration-lock";
import type { Output } from "./output";

type Direction = "upgrade" | "downgrade";

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const at = (heads: readonly string[]) => heads.join(", ") || "base";

/**
 * The lines a live run prints (to stderr): who holds the lock, each migration as it starts
 * and once committed, each retry, and a summary that says where the database is, also when
 * the run failed (CI logs show it above the error).
 */
export class MigrateProgress {
  private readonly started = Date.now();
  private readonly done: MigrationStep[] = [];

  constructor(
    private readonly out: Output,
    private readonly direction: Direction,
    private readonly database: string,
  ) {}

  waiting(holder: LockHolder | null): void {
    this.out.info(
      `Waiting for the migration lock on ${this.database}, held by ${describeHolder(holder)}.`,
    );
  }

  start(step: MigrationStep): void {
    const verb = step.direction === "upgrade" ? "Applying" : "Reverting";
    this.out.info(`${verb} ${step.revision} ${step.message}...`);
  }

  finished(step: MigrationStep, ms: number): void {
    this.done.push(step);
    const verb = step.direction === "upgrade" ? "Applied" : "Reverted";
    this.out.info(`${verb} ${step.revision} ${step.message} (${seconds(ms)})`);
  }

  retry(notice: RetryNotice): void {
    this.out.warn(
      `${notice.error.message}; retrying in ${seconds(notice.delayMilliseconds)} (retry ${notice.retry} of ${notice.retries}).`,
    );
  }

  /** The closing line of a run that completed. */
  summary(total: number, before: readonly string[]): void {
    const verb = this.direction === "upgrade" ? "Applied" : "Reverted";
    this.out.info(
      `${verb} ${plural(total, "migration")} in ${seconds(Date.now() - this.started)}; the database is at ${at(this.headsNow(before))}.`,
    );
  }

  /** The closing line of a run that failed, before the error itself is reported. */
  stopped(total: number, before: readonly string[]): void {
    const verb = this.direction === "upgrade" ? "applied" : "reverted";
    this.out.info(
      `Stopped after ${this.done.length} of ${plural(total, "migration")} ${verb}; the database is at ${at(this.headsNow(before))}.`,
    );
  }

  private headsNow(before: readonly string[]): readonly string[] {
    return this.done.at(-1)?.headsAfter ?? before;
  }
}
