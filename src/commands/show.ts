import { describeOperations } from "../api/describe-operations";
import { RevisionError } from "../errors";
import { formatReview, reviewOperations } from "../lint/review";
import type { Operation } from "../ops/operations";
import {
  parseTarget,
  resolveTarget,
  type LoadedRevision,
  type MigrationFunction,
} from "../revisions";
import { loadGraph } from "./migration-graph";
import { revisionDetails, revisionJson } from "./revision-listing";
import { withWorkspace } from "./workspace";
import type { CommandContext } from "./command-context";

export interface ShowOptions {
  /** An id, a partial id (4+ characters), a branch label, `label@head`, `head` or `heads`. */
  readonly revision: string;
  readonly json?: boolean;
}

/** What one direction of a migration does: its operations, or why they cannot be listed. */
type Described = { readonly operations: readonly Operation[] } | { readonly error: string };

/**
 * The operations a migration function describes, as the runner learns them; nothing is
 * executed. A function that throws is reported instead of listed.
 */
async function describeFunction(fn: MigrationFunction): Promise<Described> {
  try {
    return { operations: await describeOperations(fn) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function summary(title: string, described: Described): string[] {
  if ("error" in described) return [`${title}: cannot be listed (${described.error})`];
  const lines = formatReview(reviewOperations(described.operations));
  return lines.length === 0 ? [`${title}: nothing`] : [`${title}:`, ...lines.map((l) => `  ${l}`)];
}

/**
 * `show REV`: one revision's header facts, its file, its parents and children, and what its
 * upgrade and downgrade do, from the operations they describe (the database is not used).
 */
export async function show(ctx: CommandContext, options: ShowOptions) {
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws);
    const destination = resolveTarget(graph, options.revision);
    if (destination.kind !== "at" || destination.revisions.length === 0) {
      throw new RevisionError(
        `'${options.revision}' does not name a revision to show`,
        "name it by id, partial id, branch label, label@head, head or heads",
      );
    }
    const shown: LoadedRevision[] = destination.revisions.map((id) => graph.get(id));
    const results = [];
    for (const r of shown) {
      const upgrade = await describeFunction(r.upgrade);
      const downgrade = await describeFunction(r.downgrade);
      results.push({ ...revisionJson(graph, r), upgrade, downgrade });
      if (!options.json) {
        ctx.out.data(
          [
            ...revisionDetails(graph, r, ws.cwd),
            ...summary("Upgrade", upgrade),
            ...summary("Downgrade", downgrade),
          ].join("\n"),
        );
      }
    }
    // `heads` may name any number of revisions; every other form names exactly one.
    const many = parseTarget(options.revision).kind === "heads";
    if (options.json) ctx.out.data(JSON.stringify(many ? results : results[0], null, 2));
    return results;
  });
}
