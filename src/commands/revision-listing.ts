import { relative } from "node:path";
import type { LoadedRevision } from "../revisions";
import type { MigrationGraph } from "./migration-graph";
import type { TypeormMigration } from "../runner/typeorm-migrations";

/** What the database has of the revisions, when a listing shows it. */
export interface AppliedState {
  /** The version table's rows. */
  readonly current: ReadonlySet<string>;
  /** The rows and everything they need. */
  readonly applied: ReadonlySet<string>;
}

/** `(head) (mergepoint) (auth)`: what a listing says about a revision besides its id. */
export function tags(graph: MigrationGraph, r: LoadedRevision, state?: AppliedState): string[] {
  return [
    graph.heads.includes(r.revision) ? "head" : null,
    r.downRevisions.length > 1 ? "mergepoint" : null,
    graph.children(r.revision).length > 1 ? "branchpoint" : null,
    ...r.branchLabels,
    state?.current.has(r.revision) ? "current" : state?.applied.has(r.revision) ? "applied" : null,
  ].filter((tag): tag is string => tag !== null);
}

const tagText = (list: readonly string[]): string =>
  list.length === 0 ? "" : ` (${list.join(") (")})`;

const parentText = (r: LoadedRevision): string =>
  r.downRevisions.length === 0 ? "<base>" : r.downRevisions.join(", ");

/** `5c1f (head), add users`: a revision, its tags and its message. */
export function revisionLabel(graph: MigrationGraph, r: LoadedRevision, state?: AppliedState) {
  return `${r.revision}${tagText(tags(graph, r, state))}, ${r.message}`;
}

/** `0a9e -> 5c1f (head), add users`: one line per revision, as Alembic's history prints it. */
export function revisionLine(graph: MigrationGraph, r: LoadedRevision, state?: AppliedState) {
  return `${parentText(r)} -> ${revisionLabel(graph, r, state)}`;
}

/** The long form (`--verbose`, `show`): every fact about the revision, one per line. */
export function revisionDetails(
  graph: MigrationGraph,
  r: LoadedRevision,
  cwd: string,
  state?: AppliedState,
): string[] {
  const children = graph.children(r.revision);
  return [
    `Rev: ${r.revision}${tagText(tags(graph, r, state))}`,
    `Parent: ${parentText(r)}`,
    ...(children.length > 0 ? [`Children: ${children.join(", ")}`] : []),
    ...(r.branchLabels.length > 0 ? [`Branch labels: ${r.branchLabels.join(", ")}`] : []),
    ...(r.dependsOn.length > 0 ? [`Depends on: ${r.dependsOn.join(", ")}`] : []),
    `Path: ${relative(cwd, r.file) || r.file}`,
    ...(r.createdAt ? [`Created: ${r.createdAt}`] : []),
    "",
    `    ${r.message}`,
    "",
  ];
}

/** A revision as `--json` prints it; `applied`/`current` only when the database was read. */
export function revisionJson(graph: MigrationGraph, r: LoadedRevision, state?: AppliedState) {
  return {
    revision: r.revision,
    downRevisions: r.downRevisions,
    children: graph.children(r.revision),
    branchLabels: r.branchLabels,
    dependsOn: r.dependsOn,
    message: r.message,
    file: r.file,
    createdAt: r.createdAt ?? null,
    head: graph.heads.includes(r.revision),
    ...(state
      ? { applied: state.applied.has(r.revision), current: state.current.has(r.revision) }
      : {}),
  };
}

/**
 * `<typeorm> -> CreateUsers1700000000000 (typeorm)`: a migration TypeORM's runner applied
 * before the baseline, below the root it leads to (`history --typeorm`).
 */
export function typeormLine(m: TypeormMigration): string {
  return `<typeorm> -> ${m.name} (typeorm), applied by TypeORM's runner (id ${m.id}, timestamp ${m.timestamp})`;
}
