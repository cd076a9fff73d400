import fc from "fast-check";
import { planDowngrade, planUpgrade, RevisionGraph, type PlanStep } from "../../src/revisions";
import { playVersionChanges, rev } from "./fixtures";

/**
 * Random DAGs: revision i follows up to two earlier revisions and may depend on one more,
 * so every shape appears (several bases, branch points, merges, dependsOn across branches).
 */
const graphs = fc
  .array(
    fc.record({
      parents: fc.uniqueArray(fc.nat(), { maxLength: 2 }),
      dependency: fc.option(fc.nat(), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((nodes) =>
    RevisionGraph.from(
      nodes.map((node, i) => {
        const earlier = (n: number) => `r${n % i}`;
        const parents = i === 0 ? [] : [...new Set(node.parents.map(earlier))];
        const dependsOn =
          i === 0 || node.dependency === undefined ? [] : [earlier(node.dependency)];
        return rev(`r${i}`, parents, { dependsOn });
      }),
    ),
  );

/** Checks the plan's order against the graph, then that the rows stay the applied set's tips. */
function checkPlan(
  graph: RevisionGraph,
  rows: readonly string[],
  plan: readonly PlanStep[],
): string[] {
  const applied = graph.closure(rows);
  for (const step of plan) {
    const id = step.revision.revision;
    if (step.direction === "upgrade") {
      expect(graph.requirements(id).every((need) => applied.has(need))).toBe(true);
      applied.add(id);
    } else {
      expect(graph.successors(id).some((next) => applied.has(next))).toBe(false);
      applied.delete(id);
    }
    expect(step.headsAfter).toEqual(graph.tips(applied));
  }
  return playVersionChanges(rows, plan);
}

describe("upgrade and downgrade plans on random graphs", () => {
  it("upgrade heads from base applies everything, needs first, rows ending as the heads' tips", () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const plan = planUpgrade(graph, [], "heads");
        expect(plan).toHaveLength(graph.ids.length);
        expect(checkPlan(graph, [], plan)).toEqual(graph.tips(graph.heads));
      }),
    );
  });

  it("downgrade base reverts everything, dependents first, leaving no row", () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const rows = graph.tips(graph.heads);
        const plan = planDowngrade(graph, rows, "base");
        expect(plan).toHaveLength(graph.ids.length);
        expect(checkPlan(graph, rows, plan)).toEqual([]);
      }),
    );
  });

  it("upgrading to any revision then downgrading to any applied one keeps the table exact", () => {
    fc.assert(
      fc.property(graphs, fc.nat(), fc.nat(), (graph, up, down) => {
        const ids = graph.ids;
        const target = ids[up % ids.length] as string;
        const rows = checkPlan(graph, [], planUpgrade(graph, [], target));
        expect([...graph.closure(rows)].sort()).toEqual([...graph.closure([target])].sort());
        const applied = [...graph.closure(rows)].sort();
        const back = applied[down % applied.length] as string;
        const after = checkPlan(graph, rows, planDowngrade(graph, rows, back));
        expect(graph.closure(after).has(back)).toBe(true);
        expect(graph.children(back).some((child) => graph.closure(after).has(child))).toBe(false);
      }),
    );
  });
});
