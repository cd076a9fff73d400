import { RevisionError } from "../errors";
import { destinationClosure, destinationRevisions } from "./destination";
import type { RevisionGraph } from "./revision-graph";
import type { RevisionInfo } from "./revision-info";
import { resolveTarget } from "./resolve-target";
import { parseRange } from "./target-syntax";

/**
 * Revisions newest first, for `history [-r FROM:TO]`. Both ends are inclusive, as in
 * Alembic: FROM and what follows it, up to TO and what it needs. An empty FROM means base,
 * an empty TO the heads; `current`, `+N` and `-N` need `current` (the version table's rows).
 *
 * @example
 * history(graph, "current:");  // what `upgrade heads` would apply, plus the current heads
 * history(graph, "-2:", rows); // the last two applied revisions
 */
export function history<T extends RevisionInfo>(
  graph: RevisionGraph<T>,
  range?: string,
  current?: Iterable<string>,
): readonly T[] {
  const rows = current === undefined ? undefined : [...current];
  let shown: ReadonlySet<string> | undefined;
  if (range !== undefined) {
    const ends = parseRange(range);
    if (!ends) throw new RevisionError(`'${range}' is not a range: write FROM:TO, FROM: or :TO`);
    const upper =
      ends.to === undefined
        ? undefined
        : destinationClosure(graph, resolveTarget(graph, ends.to, rows));
    const lower =
      ends.from === undefined ? undefined : graph.descendants(lowerEnd(graph, ends.from, rows));
    shown = new Set(
      graph.ids.filter((id) => (!upper || upper.has(id)) && (!lower || lower.has(id))),
    );
  }
  return Object.freeze(
    graph
      .topologicalOrder(graph.heads, shown)
      .reverse()
      .map((id) => graph.get(id)),
  );
}

/** The revisions a range starts from, included: for `REV-1`, REV itself. */
function lowerEnd(
  graph: RevisionGraph,
  from: string,
  rows: readonly string[] | undefined,
): string[] {
  const destination = resolveTarget(graph, from, rows);
  switch (destination.kind) {
    case "base":
      return graph.ids.slice();
    case "at":
      return destinationRevisions(graph, destination);
    case "before":
      return [destination.revision];
  }
}
