import { isLockTimeout } from "./migration-failure";
import type { MigrationError } from "../errors";

/** Told before a transaction cancelled by `lock_timeout` runs again. */
export interface RetryNotice {
  /** The error of the attempt that timed out (names the migration and the statement). */
  readonly error: MigrationError;
  /** 1 for the first retry. */
  readonly retry: number;
  readonly retries: number;
  readonly delayMilliseconds: number;
}

export interface RetryPolicy {
  readonly retries: number;
  readonly delay?: (retry: number) => number;
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** 1 s, 2 s, 4 s, ... at most 30 s: time for the long transaction in the way to finish. */
export const defaultRetryDelay = (retry: number): number =>
  Math.min(30_000, 1000 * 2 ** (retry - 1));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` (a whole transaction, rolled back on failure) and runs it again when
 * PostgreSQL cancelled it for waiting on a lock longer than `lock_timeout`, up to
 * `retries` times. Any other failure, and the last timeout, are thrown as they are.
 */
export async function withLockRetries(
  attempt: () => Promise<void>,
  policy: RetryPolicy,
): Promise<void> {
  for (let retry = 1; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      if (retry > policy.retries || !isLockTimeout(error)) throw error;
      const delayMilliseconds = (policy.delay ?? defaultRetryDelay)(retry);
      policy.onRetry?.({
        error: error as MigrationError,
        retry,
        retries: policy.retries,
        delayMilliseconds,
      });
      await sleep(delayMilliseconds);
    }
  }
}
