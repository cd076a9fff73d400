import { UnknownRevisionError } from "./revision-errors";
import type { RevisionInfo } from "./revision-info";
import { validateRevisions, type ValidatedRevisions } from "./validate-revisions";

/** Code-point order, so listings do not depend on the machine's locale. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The migrations folder as a directed acyclic graph, checked once when built and frozen.
 *
 * Two kinds of edge, as in Alembic: `downRevisions` are versioned (they say which revision a
 * file follows, and so what the version table holds), `dependsOn` only orders (the revision
 * needs the other applied first, usually on another branch). Heads, bases, branch points and
 * merge points are about versioned edges; ancestry and ordering follow both.
 *
 * @example
 * const graph = RevisionGraph.from(await loadRevisions("migrations"));
 * graph.heads; // ["5c1f0e9a2b7d"]
 */
export class RevisionGraph<T extends RevisionInfo = RevisionInfo> {
  /** Revisions no other revision follows: where `revision` adds the next file. */
  readonly heads: readonly string[];
  /** Revisions that follow nothing. */
  readonly bases: readonly string[];
  /** Revisions followed by more than one revision. */
  readonly branchPoints: readonly string[];
  /** Revisions that follow more than one revision. */
  readonly mergePoints: readonly string[];

  private readonly byId: ReadonlyMap<string, T>;
  private readonly parentIds: ReadonlyMap<string, readonly string[]>;
  private readonly dependencyIds: ReadonlyMap<string, readonly string[]>;
  private readonly childIds: ReadonlyMap<string, readonly string[]>;
  private readonly dependentIds: ReadonlyMap<string, readonly string[]>;
  private readonly labels: ReadonlyMap<string, string>;

  private constructor(validated: ValidatedRevisions<T>) {
    this.byId = validated.byId;
    this.parentIds = validated.parents;
    this.dependencyIds = validated.dependencies;
    this.labels = validated.labels;
    this.childIds = invert(validated.byId.keys(), validated.parents);
    this.dependentIds = invert(validated.byId.keys(), validated.dependencies);
    const ids = [...this.byId.keys()].sort(compareIds);
    this.heads = ids.filter((id) => this.children(id).length === 0);
    this.bases = ids.filter((id) => this.parents(id).length === 0);
    this.branchPoints = ids.filter((id) => this.children(id).length > 1);
    this.mergePoints = ids.filter((id) => this.parents(id).length > 1);
    Object.freeze(this);
  }

  /**
   * Builds and checks the graph. Throws `InvalidRevisionGraphError` naming the files for
   * duplicate ids, malformed or duplicate branch labels, self-references, references to
   * revisions that do not exist, and cycles.
   */
  static from<T extends RevisionInfo>(revisions: readonly T[]): RevisionGraph<T> {
    return new RevisionGraph(validateRevisions(revisions));
  }

  /** Every revision id, sorted. */
  get ids(): readonly string[] {
    return [...this.byId.keys()].sort(compareIds);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The revision with exactly this id; see `resolveTarget` for partial ids and labels. */
  get(id: string): T {
    const info = this.byId.get(id);
    if (!info) throw new UnknownRevisionError(id);
    return info;
  }

  /** The revision that declares a branch label, if any does. */
  labelled(label: string): string | undefined {
    return this.labels.get(label);
  }

  /** Versioned parents, in the order the file lists them. */
  parents(id: string): readonly string[] {
    return this.parentIds.get(id) ?? [];
  }

  /** `dependsOn` resolved to ids, without those already among the parents. */
  dependencies(id: string): readonly string[] {
    return this.dependencyIds.get(id) ?? [];
  }

  /** Everything that must be applied before `id`: parents, then dependencies. */
  requirements(id: string): readonly string[] {
    return [...this.parents(id), ...this.dependencies(id)];
  }

  /** Revisions that follow `id` through a versioned edge, sorted. */
  children(id: string): readonly string[] {
    return this.childIds.get(id) ?? [];
  }

  /** Revisions that follow `id` through either kind of edge, sorted. */
  successors(id: string): readonly string[] {
    return [...this.children(id), ...(this.dependentIds.get(id) ?? [])].sort(compareIds);
  }

  /** `id` and the revisions below it through versioned edges only: its own line of history. */
  lineageBelow(id: string): Set<string> {
    return reach([id], (next) => this.parents(next));
  }

  /** `id` and the revisions above it through versioned edges only. */
  lineageAbove(id: string): Set<string> {
    return reach([id], (next) => this.children(next));
  }

  /** `ids` and everything they need, through both kinds of edge. */
  closure(ids: Iterable<string>): Set<string> {
    return reach(ids, (id) => this.requirements(id));
  }

  /** `ids` and everything that needs them, through both kinds of edge. */
  descendants(ids: Iterable<string>): Set<string> {
    return reach(ids, (id) => this.successors(id));
  }

  /** Proper ancestors of `ids`, through both kinds of edge. */
  ancestors(ids: Iterable<string>): Set<string> {
    return reach(
      [...ids].flatMap((id) => this.requirements(id)),
      (id) => this.requirements(id),
    );
  }

  /**
   * The members of `ids` that no other member needs, sorted: the rows a version table holds
   * when exactly the closure of `ids` is applied.
   */
  tips(ids: Iterable<string>): string[] {
    const set = new Set(ids);
    const below = this.ancestors(set);
    return [...set].filter((id) => !below.has(id)).sort(compareIds);
  }

  /**
   * Every revision needed by `starts`, each after all it needs, optionally kept to the
   * members of `within`. Depth first from the starts in their order, requirements in the
   * order files list them: one branch is finished before the next begins, and the same
   * folder always gives the same order.
   */
  topologicalOrder(starts: readonly string[], within?: ReadonlySet<string>): string[] {
    const order: string[] = [];
    const seen = new Set<string>();
    for (const start of starts) {
      if (seen.has(start)) continue;
      seen.add(start);
      const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as { id: string; next: number };
        const needs = this.requirements(top.id);
        if (top.next < needs.length) {
          const need = needs[top.next++] as string;
          if (!seen.has(need)) {
            seen.add(need);
            stack.push({ id: need, next: 0 });
          }
          continue;
        }
        stack.pop();
        if (!within || within.has(top.id)) order.push(top.id);
      }
    }
    return order;
  }
}

function invert(
  ids: Iterable<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): Map<string, readonly string[]> {
  const inverted = new Map<string, string[]>();
  for (const id of ids) {
    for (const target of edges.get(id) ?? []) {
      const list = inverted.get(target) ?? [];
      list.push(id);
      inverted.set(target, list);
    }
  }
  for (const list of inverted.values()) list.sort(compareIds);
  return inverted;
}

function reach(starts: Iterable<string>, next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...starts];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...next(id));
  }
  return seen;
}
