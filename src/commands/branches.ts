import { loadGraph, type MigrationGraph } from "./migration-graph";
import { revisionDetails, revisionLabel, revisionLine } from "./revision-listing";
import type { ListOptions } from "./inspect";
import { withWorkspace } from "./workspace";
import type { CommandContext } from "./command-context";

/** One branch point and the branches that leave it. */
export interface BranchPoint {
  readonly revision: string;
  readonly message: string;
  readonly file: string;
  readonly branches: readonly {
    readonly revision: string;
    readonly message: string;
    /** The heads this branch leads to (several when it forks again). */
    readonly heads: readonly string[];
  }[];
}

function branchPoint(graph: MigrationGraph, id: string): BranchPoint {
  const r = graph.get(id);
  return {
    revision: r.revision,
    message: r.message,
    file: r.file,
    branches: graph.children(id).map((child) => {
      const above = graph.lineageAbove(child);
      return {
        revision: child,
        message: graph.get(child).message,
        heads: graph.heads.filter((head) => above.has(head)),
      };
    }),
  };
}

/**
 * `branches`: every branch point (a revision more than one revision builds on), each with
 * the branches that leave it and the heads they lead to, as Alembic's `branches` lists them.
 */
export async function branches(
  ctx: CommandContext,
  options: ListOptions = {},
): Promise<readonly BranchPoint[]> {
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, true, { headersOnly: true });
    const points = graph.branchPoints.map((id) => branchPoint(graph, id));
    if (options.json) {
      ctx.out.data(JSON.stringify(points, null, 2));
      return points;
    }
    if (points.length === 0)
      ctx.out.info("No branch points: every revision has at most one successor.");
    for (const point of points) {
      const r = graph.get(point.revision);
      const lines = options.verbose ? revisionDetails(graph, r, ws.cwd) : [revisionLine(graph, r)];
      for (const branch of point.branches) {
        const child = graph.get(branch.revision);
        const leads = branch.heads.filter((head) => head !== branch.revision);
        const to = leads.length > 0 ? `; leads to ${leads.join(", ")}` : "";
        lines.push(`    -> ${revisionLabel(graph, child)}${to}`);
      }
      ctx.out.data(lines.join("\n"));
    }
    return points;
  });
}
