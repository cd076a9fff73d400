import type { RunnerDialect, SqlClient as Client } from "../dialect/dialect";
import { IntegrityError } from "../errors";
import type { LoadedRevision, RevisionGraph } from "../revisions";
import type { TableRef } from "../schema/model";
import { readLatestHistory, type HistoryRecord } from "./version-store";

/** An applied migration whose file no longer is what ran. */
export interface IntegrityProblem {
  /** `changed`: the file's hash differs from the recorded one; `missing`: no file defines it. */
  readonly kind: "changed" | "missing";
  readonly revision: string;
  /** The file as recorded when it ran (missing) or as found now (changed). */
  readonly file: string | null;
  /** When it was applied, when the history knows. */
  readonly appliedAt: Date | null;
}

const APPLYING = new Set(["upgrade", "stamp"]);

/**
 * Compares what ran with what is on disk. The applied revisions are the version table's
 * heads and everything below them; a revision's recorded hash is that of its newest history
 * row when that row applied it. Revisions applied before the history existed have no hash
 * and are not judged. A revision the history says is applied but no file defines is missing,
 * as is a head no file defines.
 */
export function integrityProblems(
  graph: RevisionGraph<LoadedRevision>,
  heads: readonly string[],
  history: ReadonlyMap<string, HistoryRecord>,
): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const appliedAt = (id: string) => history.get(id)?.executedAt ?? null;
  const known = heads.filter((id) => graph.has(id));
  for (const id of [...graph.closure(known)].sort()) {
    const record = history.get(id);
    if (!record || !APPLYING.has(record.operation) || record.hash === null) continue;
    if (record.hash !== graph.get(id).hash) {
      problems.push({
        kind: "changed",
        revision: id,
        file: graph.get(id).file,
        appliedAt: appliedAt(id),
      });
    }
  }
  const gone = new Set(heads.filter((id) => !graph.has(id)));
  for (const record of history.values()) {
    if (APPLYING.has(record.operation) && !graph.has(record.revision)) gone.add(record.revision);
  }
  for (const id of [...gone].sort()) {
    problems.push({
      kind: "missing",
      revision: id,
      file: history.get(id)?.file ?? null,
      appliedAt: appliedAt(id),
    });
  }
  return problems;
}

const day = (date: Date | null) =>
  date ? ` on ${date.toISOString().replace("T", " ").slice(0, 19)} UTC` : "";

/** One sentence per problem, for warnings. `shown` turns a file path into what to print. */
export function describeIntegrityProblem(
  problem: IntegrityProblem,
  shown: (file: string) => string = (file) => file,
): string {
  if (problem.kind === "changed") {
    return `migration ${problem.revision} (${shown(problem.file ?? "")}) changed after it was applied${day(problem.appliedAt)}: the database ran the earlier content`;
  }
  const file = problem.file ? ` (it ran from ${problem.file})` : "";
  return `migration ${problem.revision} was applied${day(problem.appliedAt)} but no migration file defines it any more${file}`;
}

/**
 * Reads the history and reports integrity problems: each as a warning, or, when `strict`,
 * as one IntegrityError naming them all.
 */
export async function verifyIntegrity(
  client: Client,
  table: TableRef,
  graph: RevisionGraph<LoadedRevision>,
  heads: readonly string[],
  report: { strict: boolean; warn: (line: string) => void; shown?: (file: string) => string },
  dialect?: RunnerDialect,
): Promise<IntegrityProblem[]> {
  const history = await readLatestHistory(client, table, dialect);
  const problems = integrityProblems(graph, heads, history);
  const lines = problems.map((p) => describeIntegrityProblem(p, report.shown));
  if (report.strict && problems.length > 0) {
    throw new IntegrityError(
      `${lines.join("; ")} (--strict).`,
      "Restore the file as it was applied (git log -p on it), or revert it with the old content and re-apply the new one.",
    );
  }
  for (const line of lines) report.warn(`${line}.`);
  return problems;
}
