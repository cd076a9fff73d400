import { RevisionError } from "../errors";
import { readCurrent } from "./current-heads";
import { at, base, before, type Destination } from "./destination";
import { MultipleHeadsError } from "./revision-errors";
import { compareIds, type RevisionGraph } from "./revision-graph";
import { resolveSymbol } from "./resolve-symbol";
import { parseTarget, type TargetSyntax } from "./target-syntax";
import { walkDown, walkUp } from "./walk";

/**
 * Resolves a target (see `TargetSyntax` for the forms) to a destination. `current` is what
 * the version table holds; only the forms relative to the database (`+N`, `-N`, `label@+N`,
 * `current`) need it.
 *
 * @example
 * resolveTarget(graph, "head-1"); // { kind: "before", revision: <the head> }
 * resolveTarget(graph, "-1", ["5c1f0e9a2b7d"]); // { kind: "before", revision: "5c1f0e9a2b7d" }
 */
export function resolveTarget(
  graph: RevisionGraph,
  target: string,
  current?: Iterable<string>,
): Destination {
  const syntax = parseTarget(target);
  const rows = current === undefined ? undefined : readCurrent(graph, current);
  const resolvers: {
    [K in TargetSyntax["kind"]]: (s: Extract<TargetSyntax, { kind: K }>) => Destination;
  } = {
    heads: () => at(graph.heads),
    head: () => at(singleHead(graph.heads, "")),
    base: () => base,
    current: () => at(graph.tips(needCurrent(rows, target))),
    symbol: (s) => at([resolveSymbol(graph, s.name)]),
    branchHead: (s) => at([branchHead(graph, s.branch)]),
    branchBase: (s) => {
      const declaring = graph.labelled(s.branch);
      if (declaring === undefined) {
        throw new RevisionError(
          `'${target}' needs a branch label before @base, and '${s.branch}' is not one`,
        );
      }
      return before(declaring);
    },
    relative: (s) => resolveRelative(graph, target, s, rows),
  };
  return (resolvers[syntax.kind] as (s: TargetSyntax) => Destination)(syntax);
}

/** The version table rows a database exactly at `target` would hold. */
export function headsAt(
  graph: RevisionGraph,
  target: string,
  current?: Iterable<string>,
): string[] {
  const destination = resolveTarget(graph, target, current);
  switch (destination.kind) {
    case "base":
      return [];
    case "at":
      return graph.tips(destination.revisions);
    case "before":
      return graph.tips(graph.requirements(destination.revision));
  }
}

function resolveRelative(
  graph: RevisionGraph,
  target: string,
  syntax: Extract<TargetSyntax, { kind: "relative" }>,
  rows: readonly string[] | undefined,
): Destination {
  const { branch, from, steps } = syntax;
  const lineage = branch === undefined ? undefined : branchLineage(graph, branch);
  if (from === undefined) {
    const tips = currentTips(graph, needCurrent(rows, target), lineage);
    if (tips.length > 1) {
      throw new MultipleHeadsError(
        tips,
        `'${target}' is ambiguous: the database has several heads${branch ? ` on branch ${branch}` : ""}: ${tips.join(", ")}`,
        "step from a branch with label@+N / label@-N, or from a revision with REV+N / REV-N",
      );
    }
    const [tip] = tips;
    if (steps > 0) return at([walkUp(graph, target, tip, steps, lineage)]);
    if (tip === undefined) {
      throw new RevisionError(
        `'${target}' goes below base: nothing${branch ? ` on branch ${branch}` : ""} is applied`,
      );
    }
    return walkDown(graph, target, tip, -steps);
  }
  if (from === "base") {
    if (steps < 0) throw new RevisionError(`'${target}' goes below base`);
    return at([walkUp(graph, target, undefined, steps, lineage)]);
  }
  const start =
    from !== "head"
      ? resolveSymbol(graph, from)
      : branch !== undefined
        ? branchHead(graph, branch)
        : singleHead(graph.heads, "")[0];
  if (start === undefined)
    throw new RevisionError(`'${target}' has no head to start from: there are no revisions`);
  return steps > 0
    ? at([walkUp(graph, target, start, steps, lineage)])
    : walkDown(graph, target, start, -steps);
}

function needCurrent(rows: readonly string[] | undefined, target: string): readonly string[] {
  if (rows === undefined) {
    throw new RevisionError(
      `'${target}' is relative to the database's current revision, which is not known here`,
    );
  }
  return rows;
}

/** The one head above `name` (a label's revision, or any revision). */
function branchHead(graph: RevisionGraph, name: string): string {
  const from = resolveSymbol(graph, name);
  const above = graph.lineageAbove(from);
  return singleHead(
    graph.heads.filter((id) => above.has(id)),
    name,
  )[0] as string;
}

function singleHead(heads: readonly string[], branch: string): string[] {
  if (heads.length <= 1) return [...heads];
  const scope = branch ? ` on branch ${branch}` : "";
  throw new MultipleHeadsError(
    heads,
    `multiple heads${scope}: ${heads.join(", ")}; use 'heads' or merge`,
    `upgrade one branch with label@head or REV@head, all of them with 'heads', or join them with \`autogen merge\``,
  );
}

/** A branch: the revision that names it, its ancestors and its descendants (versioned). */
function branchLineage(graph: RevisionGraph, name: string): Set<string> {
  const from = resolveSymbol(graph, name);
  return new Set([...graph.lineageBelow(from), ...graph.lineageAbove(from)]);
}

/** The applied revisions nothing applied follows: within `lineage` when one is given. */
function currentTips(
  graph: RevisionGraph,
  rows: readonly string[],
  lineage: ReadonlySet<string> | undefined,
): string[] {
  if (!lineage) return graph.tips(rows);
  const applied = [...graph.closure(rows)].filter((id) => lineage.has(id));
  const set = new Set(applied);
  return applied
    .filter((id) => !graph.children(id).some((child) => set.has(child)))
    .sort(compareIds);
}
