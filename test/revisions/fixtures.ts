import { RevisionGraph, type PlanStep, type RevisionInfo } from "../../src/revisions";

/** A revision in memory, from file `migrations/<id>.ts`. */
export function rev(
  revision: string,
  down: string | readonly string[] = [],
  extra: Partial<Pick<RevisionInfo, "branchLabels" | "dependsOn" | "file">> = {},
): RevisionInfo {
  return {
    revision,
    downRevisions: typeof down === "string" ? [down] : down,
    branchLabels: extra.branchLabels ?? [],
    dependsOn: extra.dependsOn ?? [],
    message: `revision ${revision}`,
    file: extra.file ?? `migrations/${revision}.ts`,
  };
}

export const graphOf = (...infos: RevisionInfo[]): RevisionGraph => RevisionGraph.from(infos);

/** a -> b -> c -> d */
export const linear = () => graphOf(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"));

/** a -> b1 -> b2 and a -> c1 -> c2, with the label `feature` on c1. */
export const twoBranches = () =>
  graphOf(
    rev("a"),
    rev("b1", "a"),
    rev("b2", "b1"),
    rev("c1", "a", { branchLabels: ["feature"] }),
    rev("c2", "c1"),
  );

/** a -> x, y, z -> m, merged in the declared order z, x, y. */
export const threeWayMerge = () =>
  graphOf(rev("a"), rev("x", "a"), rev("y", "a"), rev("z", "a"), rev("m", ["z", "x", "y"]));

/** Two bases: a1 -> a2 (label `auth` on a1) and b1 -> b2, where b1 depends on a1. */
export const dependsAcross = () =>
  graphOf(
    rev("a1", [], { branchLabels: ["auth"] }),
    rev("a2", "a1"),
    rev("b1", [], { dependsOn: ["a1"] }),
    rev("b2", "b1"),
  );

/** Each step as [revision, rows deleted, rows inserted]: the shape the tests compare. */
export function stepsOf(plan: readonly PlanStep[]): [string, string[], string[]][] {
  return plan.map((step) => [
    step.revision.revision,
    [...step.version.delete],
    [...step.version.insert],
  ]);
}

/**
 * Plays a plan's version changes on a simulated version table, failing like a careful
 * runner would when a delete misses or an insert duplicates a row.
 */
export function playVersionChanges(rows: readonly string[], plan: readonly PlanStep[]): string[] {
  const table = new Set(rows);
  for (const step of plan) {
    for (const id of step.version.delete) {
      if (!table.delete(id)) throw new Error(`${step.revision.revision}: no row ${id} to delete`);
    }
    for (const id of step.version.insert) {
      if (table.has(id)) throw new Error(`${step.revision.revision}: row ${id} already there`);
      table.add(id);
    }
    expect([...table].sort()).toEqual(step.headsAfter);
  }
  return [...table].sort();
}
