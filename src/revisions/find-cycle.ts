/**
 * Finds one cycle in a directed graph, or returns undefined. Iterative, so a history of
 * thousands of revisions cannot overflow the stack; nodes are visited in the given order, so
 * the cycle reported is always the same one.
 *
 * The cycle is returned as the nodes along it, starting anywhere on it, each followed by an
 * edge to the next and the last by an edge back to the first.
 */
export function findCycle(
  nodes: readonly string[],
  edges: (node: string) => readonly string[],
): string[] | undefined {
  const done = new Set<string>();
  for (const start of nodes) {
    if (done.has(start)) continue;
    // The current path from `start`, with how many of each node's edges were followed.
    const path: { node: string; next: number }[] = [{ node: start, next: 0 }];
    const onPath = new Set([start]);
    while (path.length > 0) {
      const top = path[path.length - 1] as { node: string; next: number };
      const targets = edges(top.node);
      if (top.next >= targets.length) {
        path.pop();
        onPath.delete(top.node);
        done.add(top.node);
        continue;
      }
      const target = targets[top.next++] as string;
      if (onPath.has(target)) {
        const from = path.findIndex((step) => step.node === target);
        return path.slice(from).map((step) => step.node);
      }
      if (!done.has(target)) {
        path.push({ node: target, next: 0 });
        onPath.add(target);
      }
    }
  }
  return undefined;
}
