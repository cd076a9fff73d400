import { RevisionError, UsageError } from "../errors";
import { newRevisionId, resolveTarget } from "../revisions";
import { loadGraph, type MigrationGraph } from "./migration-graph";
import { checkRevId } from "./revision";
import { checkNewRevision, migrationPath, writeMigration } from "./write-migration";
import { withWorkspace } from "./workspace";
import type { CommandContext } from "./command-context";

export interface MergeOptions {
  readonly message: string;
  /** What to merge: ids, partial ids, labels, `label@head`, `heads`. Default: every head. */
  readonly revisions?: readonly string[];
  readonly branchLabels?: readonly string[];
  readonly revId?: string;
  /** The time written in the header; tests pin it. */
  readonly now?: Date;
}

export interface MergeResult {
  readonly file: string;
  readonly revision: string;
  /** The merged revisions, in the order the file lists them. */
  readonly parents: readonly string[];
}

/** The revisions named on the command line, resolved and deduplicated, in the order given. */
function mergedRevisions(graph: MigrationGraph, names: readonly string[]): string[] {
  const ids: string[] = [];
  for (const name of names.length > 0 ? names : ["heads"]) {
    const destination = resolveTarget(graph, name);
    if (destination.kind !== "at") {
      throw new RevisionError(
        `'${name}' is not a revision to merge`,
        "name revisions by id, partial id, branch label, label@head or `heads`",
      );
    }
    for (const id of destination.revisions) if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Refuses merges that would not join branches: fewer than two revisions, or one that is
 * already an ancestor of another (the merge would add an edge the graph already implies).
 */
function checkMergeable(graph: MigrationGraph, ids: readonly string[], given: boolean): void {
  if (ids.length < 2) {
    const why =
      ids.length === 0
        ? "there are no revisions"
        : given
          ? `the revisions named are all ${ids[0]}`
          : `${ids[0]} is the only head`;
    throw new RevisionError(
      `there is nothing to merge: ${why}`,
      "merge joins two or more branches; `autogen heads` lists them",
    );
  }
  for (const id of ids) {
    const below = graph.ancestors([id]);
    const inside = ids.filter((other) => other !== id && below.has(other));
    if (inside.length > 0) {
      throw new RevisionError(
        `cannot merge ${ids.join(", ")}: ${inside.join(", ")} ${inside.length === 1 ? "is" : "are"} already below ${id}`,
        "merge revisions on separate branches, usually the heads",
      );
    }
  }
}

/**
 * `merge -m MSG [REV...]`: writes a revision whose `downRevision` lists the merged
 * revisions and whose upgrade and downgrade do nothing. Like Alembic, the parents are the
 * revisions in the order given; with none, all current heads. No database is needed.
 */
export async function merge(ctx: CommandContext, options: MergeOptions): Promise<MergeResult> {
  checkRevId(options.revId);
  return withWorkspace(ctx, async (ws) => {
    const graph = await loadGraph(ws, false, { headersOnly: true });
    const parents = mergedRevisions(graph, options.revisions ?? []);
    checkMergeable(graph, parents, (options.revisions ?? []).length > 0);
    const id = options.revId ?? newRevisionId();
    if (graph.has(id)) throw new UsageError(`revision ${id} already exists.`);
    const branchLabels = [...new Set(options.branchLabels ?? [])];
    checkNewRevision(graph, {
      revision: id,
      downRevisions: parents,
      branchLabels,
      dependsOn: [],
      message: options.message,
      file: migrationPath(ws, id, options.message),
    });
    const file = await writeMigration(ws, {
      message: options.message,
      revision: id,
      downRevision: parents,
      branchLabels,
      createdAt: options.now ?? new Date(),
      review: [`merges ${parents.join(", ")}`],
      upgrade: [],
      downgrade: [],
    });
    return { file, revision: id, parents };
  });
}
