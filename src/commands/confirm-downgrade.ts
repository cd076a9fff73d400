import { createMigrationOperations } from "../api/create-migration-operations";
import { AutogenError } from "../errors";
import { reviewOperations } from "../lint/review";
import { hazardsOf } from "../ops/hazards";
import type { Operation } from "../ops/operations";
import type { MigrationStep } from "../runner/run-steps";

/** The operations a step describes, recorded without running anything. */
async function describedOperations(step: MigrationStep): Promise<Operation[]> {
  const recorded: Operation[] = [];
  await step.run({ op: createMigrationOperations(async (op) => void recorded.push(op)) });
  return recorded;
}

/**
 * Before a downgrade of more than one step, or of one that deletes data, asks the person at
 * the terminal (`confirm`); without a terminal, or with `--yes`, the downgrade goes ahead as it
 * always did. The question lists the steps and what deletes data, so "y" is an informed answer.
 */
export async function confirmDowngrade(
  steps: readonly MigrationStep[],
  confirm: ((question: string) => Promise<boolean>) | undefined,
): Promise<void> {
  if (!confirm || steps.length === 0) return;
  const losses: string[] = [];
  for (const step of steps) {
    const list = await describedOperations(step);
    const deleting = list.filter((op) => hazardsOf(op).some((h) => h.kind === "deletesData"));
    for (const line of reviewOperations(deleting)) losses.push(`${step.revision}: ${line.text}`);
  }
  if (steps.length === 1 && losses.length === 0) return;
  const names = steps.map((s) => s.revision).join(", ");
  const question = [
    `downgrade reverts ${steps.length} migration${steps.length === 1 ? "" : "s"} (${names})`,
    ...(losses.length > 0 ? ["and deletes data:", ...losses.map((l) => `  ${l}`)] : []),
    "Go ahead?",
  ].join("\n");
  if (!(await confirm(question))) {
    throw new AutogenError(
      "cancelled",
      "downgrade cancelled: nothing was changed.",
      "pass --yes to skip the question",
    );
  }
}
