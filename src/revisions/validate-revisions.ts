import { describeRevision, displayPath, InvalidRevisionGraphError } from "./revision-errors";
import type { RevisionInfo } from "./revision-info";
import { findCycle } from "./find-cycle";

/** The checked, normalised edges the graph is built from. */
export interface ValidatedRevisions<T extends RevisionInfo> {
  readonly byId: ReadonlyMap<string, T>;
  /** Versioned edges (`downRevisions`), duplicates removed. */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** `dependsOn` resolved to revision ids, minus anything already a parent. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  /** Branch label -> the revision that declares it. */
  readonly labels: ReadonlyMap<string, string>;
}

interface Problem {
  readonly message: string;
  readonly files: readonly string[];
}

/**
 * Words that targets give a meaning to; an id or label spelled like them could never be
 * named. Ids and labels are word characters only, so `REV-2`, `label@head` and `FROM:TO`
 * always parse one way.
 */
const reserved = new Set(["head", "heads", "base", "current"]);
const idPattern = /^\w+$/;
const labelPattern = /^[A-Za-z_]\w*$/;

/**
 * Checks a list of revisions in three rounds (names, references, cycles), each reporting
 * every problem it finds, and returns the edges the graph needs.
 */
export function validateRevisions<T extends RevisionInfo>(
  revisions: readonly T[],
): ValidatedRevisions<T> {
  const byId = new Map<string, T>();
  const labels = new Map<string, string>();
  fail(checkNames(revisions, byId, labels));

  const parents = new Map<string, readonly string[]>();
  const dependencies = new Map<string, readonly string[]>();
  fail(checkReferences(byId, labels, parents, dependencies));

  const cycle = findCycle([...byId.keys()].sort(), (id) => [
    ...(parents.get(id) ?? []),
    ...(dependencies.get(id) ?? []),
  ]);
  if (cycle) {
    const infos = cycle.map((id) => byId.get(id) as T);
    const path = [...infos, infos[0] as T].map(describeRevision).join(" -> ");
    fail([
      {
        message: `the revisions form a cycle, each one following the next: ${path}`,
        files: infos.map((info) => info.file),
      },
    ]);
  }
  return { byId, parents, dependencies, labels };
}

function fail(problems: readonly Problem[]): void {
  if (problems.length === 0) return;
  const files = [...new Set(problems.flatMap((problem) => problem.files))];
  throw new InvalidRevisionGraphError(
    problems.map((problem) => problem.message),
    files,
  );
}

function checkNames<T extends RevisionInfo>(
  revisions: readonly T[],
  byId: Map<string, T>,
  labels: Map<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const info of revisions) {
    const where = displayPath(info.file);
    if (!idPattern.test(info.revision) || reserved.has(info.revision)) {
      problems.push({
        message: `${where}: revision id '${info.revision}' must be letters, digits and underscores, and not one of ${[...reserved].join(", ")}`,
        files: [info.file],
      });
      continue;
    }
    const twin = byId.get(info.revision);
    if (twin) {
      problems.push({
        message: `revision ${info.revision} is defined twice: in ${displayPath(twin.file)} and in ${where}`,
        files: [twin.file, info.file],
      });
      continue;
    }
    byId.set(info.revision, info);
  }
  for (const info of revisions) {
    if (byId.get(info.revision) !== info) continue;
    for (const label of new Set(info.branchLabels)) {
      const owner = labels.get(label);
      if (!labelPattern.test(label) || reserved.has(label)) {
        problems.push({
          message: `${describeRevision(info)}: branch label '${label}' must start with a letter or underscore, contain only letters, digits and underscores, and not be one of ${[...reserved].join(", ")}`,
          files: [info.file],
        });
      } else if (byId.has(label)) {
        problems.push({
          message: `${describeRevision(info)}: branch label '${label}' is also the id of revision ${describeRevision(byId.get(label) as T)}`,
          files: [info.file, (byId.get(label) as T).file],
        });
      } else if (owner !== undefined) {
        const other = byId.get(owner) as T;
        problems.push({
          message: `branch label '${label}' is declared by both ${describeRevision(other)} and ${describeRevision(info)}`,
          files: [other.file, info.file],
        });
      } else {
        labels.set(label, info.revision);
      }
    }
  }
  return problems;
}

function checkReferences<T extends RevisionInfo>(
  byId: ReadonlyMap<string, T>,
  labels: ReadonlyMap<string, string>,
  parents: Map<string, readonly string[]>,
  dependencies: Map<string, readonly string[]>,
): Problem[] {
  const problems: Problem[] = [];
  for (const info of byId.values()) {
    const problem = (message: string) =>
      problems.push({ message: `${describeRevision(info)} ${message}`, files: [info.file] });
    const down = [...new Set(info.downRevisions)];
    for (const id of down) {
      if (id === info.revision) problem(`lists itself in downRevision`);
      else if (!byId.has(id)) problem(`revises '${id}', which no migration file defines`);
    }
    const resolved: string[] = [];
    for (const name of new Set(info.dependsOn)) {
      // dependsOn may name a branch label, like Alembic's depends_on; it means the
      // revision that declares the label.
      const id = byId.has(name) ? name : labels.get(name);
      if (id === info.revision) problem(`lists itself in dependsOn`);
      else if (id === undefined)
        problem(`depends on '${name}', which is neither a revision nor a branch label`);
      else if (!down.includes(id) && !resolved.includes(id)) resolved.push(id);
    }
    parents.set(info.revision, down);
    dependencies.set(info.revision, resolved);
  }
  return problems;
}
