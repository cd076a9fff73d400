import type { TransactionMode } from "../config/options";
import type { Operation } from "../ops/operations";
import { hoistedLabelAdditions } from "./hoist-enum-labels";
import type { MigrationStep } from "./migration-step";

/** A step with the operations its migration function described. */
export interface DescribedStep {
  readonly step: MigrationStep;
  readonly operations: readonly Operation[];
  /** Enum label additions committed before the step's transaction (see hoistedLabelAdditions). */
  readonly hoisted: ReadonlySet<Operation>;
}

/** Steps that commit together: one transaction, or none when `transactional` is false. */
export interface TransactionUnit {
  readonly transactional: boolean;
  readonly steps: readonly DescribedStep[];
}

const NOTHING: ReadonlySet<Operation> = new Set();

export function describedStep(
  step: MigrationStep,
  operations: readonly Operation[],
  mode: TransactionMode,
): DescribedStep {
  const inTransaction = step.transactional && mode !== "none";
  return {
    step,
    operations,
    hoisted: inTransaction ? hoistedLabelAdditions(operations) : NOTHING,
  };
}

/**
 * Groups the steps into transactions. `each`: one per migration. `none`: no transactions.
 * `all`: one transaction for the whole run, cut only where PostgreSQL forbids a transaction:
 * around a migration that opts out (`transaction = false`, for CREATE INDEX CONCURRENTLY),
 * and before a migration whose enum label additions must be committed ahead of it. So a unit
 * with hoisted labels always starts with the step they belong to.
 */
export function transactionUnits(
  steps: readonly DescribedStep[],
  mode: TransactionMode,
): TransactionUnit[] {
  if (mode !== "all") {
    return steps.map((d) => ({
      transactional: mode === "each" && d.step.transactional,
      steps: [d],
    }));
  }
  const units: TransactionUnit[] = [];
  let open: DescribedStep[] | null = null;
  for (const d of steps) {
    if (!d.step.transactional) {
      open = null;
      units.push({ transactional: false, steps: [d] });
    } else if (open && d.hoisted.size === 0) {
      open.push(d);
    } else {
      open = [d];
      units.push({ transactional: true, steps: open });
    }
  }
  return units;
}
